using System.Diagnostics;
using System.Management.Automation;
using Xunit;

namespace MoSapi.Tests;

/// <summary>Ctrl+C (PowerShell.Stop) ends a cmdlet within a second wherever it is waiting.</summary>
[Collection("Simulator")]
public sealed class CancellationTests : IDisposable
{
    private readonly SimulatorFixture _sim;
    private readonly HostedRunspace _host = new();
    private readonly Dictionary<string, object?> _vars;

    public CancellationTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Reset();
        _vars = new Dictionary<string, object?>
        {
            ["base"] = _sim.BaseUri,
            ["ca"] = _sim.CaPath,
            ["pw"] = _sim.Password,
            ["pfx"] = Path.Combine(_sim.CertDir, "client-rsp.pfx"),
            ["pfxpw"] = _sim.PfxPassword,
        };
    }

    public void Dispose()
    {
        _host.Run("Disconnect-MoSapi");
        _host.Dispose();
        _sim.Reset();
    }

    private const string ConnectCertificate =
        "Connect-MoSapi -Tld $tlds -CertificatePath $pfx -CertificatePassword (ConvertTo-SecureString $pfxpw -AsPlainText -Force) -BaseUri $base -TrustedCaCertificate $ca; ";

    private const string ConnectPassword =
        "Connect-MoSapi -Tld $tlds -Credential ([pscredential]::new('{tld}_ry', (ConvertTo-SecureString $pw -AsPlainText -Force))) -BaseUri $base -TrustedCaCertificate $ca; ";

    /// <summary>Starts the script, checks it is still busy after a while, stops it and measures how long that took.</summary>
    private TimeSpan StopWhileBusy(string script, int busyMs = 1500)
    {
        using var ps = _host.Create();
        foreach (var (k, v) in _vars)
        {
            _host.Runspace.SessionStateProxy.SetVariable(k, v);
        }

        ps.AddScript(script);
        var async = ps.BeginInvoke();
        Thread.Sleep(busyMs);
        // Not a message built from ps.Streams.Error: enumerating an open PSDataCollection blocks until it closes.
        Assert.False(async.IsCompleted, "the command ended before it could be stopped");
        var watch = Stopwatch.StartNew();
        ps.Stop();
        watch.Stop();
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        return watch.Elapsed;
    }

    [Fact]
    public void Stop_ends_a_retry_wait_asked_for_by_Retry_After()
    {
        _vars["tlds"] = new[] { "example" };
        _sim.AddFault(new { path = "/ry/example/v2/monitoring/state", kind = "status", status = 503, retryAfter = "30", count = -1 });
        var elapsed = StopWhileBusy(ConnectCertificate + "Get-MoSapiState -Tld example");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Stop took {elapsed}");
        Assert.Equal(1, _sim.Stats().GetProperty("requests").GetProperty("/ry/example/v2/monitoring/state").GetInt32());
    }

    [Fact]
    public void Stop_ends_a_429_wait()
    {
        _vars["tlds"] = new[] { "example" };
        _sim.AddFault(new { path = "/ry/example/v2/monitoring/dns/incidents", kind = "status", status = 429, retryAfter = DateTimeOffset.UtcNow.AddSeconds(40).ToString("R"), count = -1 });
        var elapsed = StopWhileBusy(ConnectCertificate + "Get-MoSapiIncident -Tld example -Service dns");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Stop took {elapsed}");
    }

    [Fact]
    public void Stop_ends_a_fan_out_over_50_TLDs()
    {
        _vars["tlds"] = Enumerable.Range(1, 50).Select(i => $"tld{i:000}").ToArray();
        _sim.AddFault(new { path = "/ry/tld0", kind = "latency", ms = 5000, count = -1 });
        var elapsed = StopWhileBusy(ConnectCertificate + "Get-MoSapiState -ThrottleLimit 16");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Stop took {elapsed}");
    }

    [Fact]
    public void Stop_ends_a_login_that_hangs()
    {
        _vars["tlds"] = new[] { "example" };
        _sim.AddFault(new { path = "/ry/example/login", kind = "latency", ms = 30000, count = 1 });
        var elapsed = StopWhileBusy(ConnectPassword);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Stop took {elapsed}");
    }

    [Fact]
    public void Stop_ends_a_back_off_between_retries()
    {
        _vars["tlds"] = new[] { "example" };
        _sim.AddFault(new { path = "/ry/example/v2/monitoring/state", kind = "status", status = 503, count = -1 });
        var elapsed = StopWhileBusy(
            "Connect-MoSapi -Tld example -CertificatePath $pfx -CertificatePassword (ConvertTo-SecureString $pfxpw -AsPlainText -Force) -BaseUri $base -TrustedCaCertificate $ca -RetryIntervalSec 20; Get-MoSapiState -Tld example");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Stop took {elapsed}");
    }
}
