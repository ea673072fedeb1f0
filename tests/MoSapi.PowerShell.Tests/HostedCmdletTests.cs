using System.Diagnostics;
using System.Management.Automation;
using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

/// <summary>The cmdlets hosted in a runspace, against the simulator.</summary>
[Collection("Simulator")]
public sealed class HostedCmdletTests : IDisposable
{
    private readonly SimulatorFixture _sim;
    private readonly HostedRunspace _host = new();

    public HostedCmdletTests(SimulatorFixture sim)
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

    private Dictionary<string, object?> Vars() => _sim.ScriptVariables();

    private const string ConnectPassword =
        "$cred = [pscredential]::new('{tld}_ry', (ConvertTo-SecureString $pw -AsPlainText -Force)); " +
        "Connect-MoSapi -Tld example, outage -Credential $cred -BaseUri $base -TrustedCaCertificate $ca; ";

    private const string ConnectCertificate =
        "Connect-MoSapi -Tld {0} -CertificatePath $pfx -CertificatePassword (ConvertTo-SecureString $pfxpw -AsPlainText -Force) -BaseUri $base -TrustedCaCertificate $ca {1}; ";

    [Fact]
    public void State_objects_are_typed_and_carry_their_entity()
    {
        var (output, errors) = _host.Run(ConnectPassword + "Get-MoSapiState", Vars());
        Assert.Empty(errors);
        var states = output.Select(o => Assert.IsType<MoSapiState>(o.BaseObject)).ToList();
        Assert.Equal(new[] { "example", "outage" }, states.Select(s => s.Tld));
        Assert.Equal("Down", states[1].Status);
        Assert.Contains(states[1].Incidents, i => i.State == "Active" && i.EndTime == null && i.Tld == "outage");
    }

    [Fact]
    public void Errors_carry_stable_ids_and_never_the_password()
    {
        var vars = Vars();
        vars["pw"] = "definitely-wrong-" + Guid.NewGuid().ToString("N");
        var (output, errors) = _host.Run(ConnectPassword, vars);
        Assert.Empty(output);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("MoSapiAuthenticationFailed,MoSapi.Commands.ConnectMoSapiCommand", e.FullyQualifiedErrorId));
        Assert.All(errors, e => Assert.DoesNotContain((string)vars["pw"]!, e.ToString() + e.Exception));
        Assert.All(errors, e => Assert.IsType<MoSapiException>(e.Exception));
    }

    [Fact]
    public void Stop_ends_a_request_that_hangs_within_a_second()
    {
        _sim.AddFault(new { path = "/ry/example/v2/monitoring/state", kind = "latency", ms = 30000, count = 1 });
        using var ps = _host.Create();
        foreach (var (k, v) in Vars())
        {
            _host.Runspace.SessionStateProxy.SetVariable(k, v);
        }

        ps.AddScript(string.Format(ConnectCertificate, "example", string.Empty) + "Get-MoSapiState -Tld example");
        var async = ps.BeginInvoke();
        Thread.Sleep(1500);
        Assert.False(async.IsCompleted);
        var watch = Stopwatch.StartNew();
        ps.Stop();
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {watch.Elapsed}");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
    }

    [Fact]
    public void Connections_passed_to_another_runspace_work_there_and_the_registry_is_not_shared()
    {
        var (output, errors) = _host.Run(string.Format(ConnectCertificate, "example", "-PassThru"), Vars());
        Assert.Empty(errors);
        var connection = Assert.IsType<MoSapiConnection>(Assert.Single(output).BaseObject);
        using var other = new HostedRunspace();
        var (otherOut, otherErrors) = other.Run("@(Get-MoSapiConnection).Count; (Get-MoSapiState -Connection $c).Tld", new Dictionary<string, object?> { ["c"] = connection });
        Assert.Empty(otherErrors);
        Assert.Equal(0, (int)otherOut[0].BaseObject);
        Assert.Equal("example", otherOut[1].BaseObject);
    }
}
