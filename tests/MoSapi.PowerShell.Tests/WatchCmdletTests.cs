using System.Diagnostics;
using System.Management.Automation;
using Xunit;

namespace MoSapi.Tests;

/// <summary>Watch-MoSapiState hosted in a runspace, against the simulator.</summary>
[Collection("Simulator")]
public sealed class WatchCmdletTests : IDisposable
{
    private readonly SimulatorFixture _sim;
    private readonly HostedRunspace _host = new();

    public WatchCmdletTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Reset();
    }

    public void Dispose()
    {
        _host.Run("Disconnect-MoSapi");
        _host.Dispose();
        _sim.Reset();
    }

    [Fact]
    public void Stop_ends_a_watch_that_is_waiting_for_its_next_poll_within_a_second()
    {
        _host.Run(
            "Connect-MoSapi -Tld outage -CertificatePath $pfx -CertificatePassword (ConvertTo-SecureString $pfxpw -AsPlainText -Force) -BaseUri $base -TrustedCaCertificate $ca",
            _sim.ScriptVariables());

        using var ps = _host.Create();
        ps.AddCommand("Watch-MoSapiState").AddParameter("IncludeInitial");
        var output = new PSDataCollection<PSObject>();
        using var firstPoll = new ManualResetEventSlim();
        output.DataAdded += (_, _) => firstPoll.Set();
        var async = ps.BeginInvoke<PSObject, PSObject>(null, output);

        // The first poll has written its events; the watch now sleeps 60 s until the next one.
        Assert.True(firstPoll.Wait(TimeSpan.FromSeconds(30)), "The first poll wrote nothing.");
        Thread.Sleep(300);
        Assert.False(async.IsCompleted);
        // Enumerating an open PSDataCollection blocks until the pipeline ends: count and index instead.
        Assert.Equal(0, ps.Streams.Error.Count);

        var watch = Stopwatch.StartNew();
        ps.Stop();
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {watch.Elapsed}");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        var written = Enumerable.Range(0, output.Count).Select(i => output[i]).ToList();
        Assert.Contains(written, o => o.BaseObject is MoSapiStateChange { Change: MoSapiChangeKind.IncidentOpened, Tld: "outage" });
    }
}
