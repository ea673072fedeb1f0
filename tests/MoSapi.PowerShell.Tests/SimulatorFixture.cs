using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MoSapi.Tests;

/// <summary>
/// The simulator the hosted-cmdlet tests talk to. build.ps1 starts one and passes it in MOSAPI_SIM_* variables; when
/// the tests run alone (dotnet test), the fixture starts the built simulator itself and stops it afterwards.
/// </summary>
public sealed class SimulatorFixture : IDisposable
{
    private readonly Process? _owned;

    public SimulatorFixture()
    {
        var portFile = Environment.GetEnvironmentVariable("MOSAPI_SIM_PORTFILE");
        if (string.IsNullOrEmpty(portFile))
        {
            var root = FindRoot();
            var dir = Directory.CreateTempSubdirectory("mosapi-sim-").FullName;
            portFile = Path.Combine(dir, "ports.json");
            Password = "Sim-" + Guid.NewGuid().ToString("N")[..16];
            PfxPassword = "sim-pfx-pass";
            CertDir = Path.Combine(dir, "certs");
            var dll = Path.Combine(root, "src", "MoSapi.Simulator", "bin", "Release", "net10.0", "MoSapi.Simulator.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"The simulator is not built ({dll}); run ./build.ps1 -Task Build.");
            }

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { dll, "--port-file", portFile, "--cert-dir", CertDir, "--regenerate-certs", "--password", Password, "--pfx-password", PfxPassword, "--parent-pid", Environment.ProcessId.ToString() })
            {
                start.ArgumentList.Add(a);
            }

            _owned = Process.Start(start)!;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(portFile))
            {
                if (_owned.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("The simulator did not start: " + _owned.StandardError.ReadToEnd());
                }

                Thread.Sleep(100);
            }
        }
        else
        {
            Password = Environment.GetEnvironmentVariable("MOSAPI_SIM_PASSWORD")!;
            PfxPassword = Environment.GetEnvironmentVariable("MOSAPI_SIM_PFXPASSWORD")!;
            CertDir = Environment.GetEnvironmentVariable("MOSAPI_SIM_CERTDIR")!;
        }

        using var ports = JsonDocument.Parse(ReadShared(portFile));
        Port = ports.RootElement.GetProperty("https").GetInt32();
        ControlPort = ports.RootElement.GetProperty("control").GetInt32();
        BaseUri = $"https://127.0.0.1:{Port}/";
        Control = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ControlPort}/") };
    }

    public string BaseUri { get; }

    public int Port { get; }

    public int ControlPort { get; }

    public string Password { get; }

    public string PfxPassword { get; }

    public string CertDir { get; }

    public string CaPath => Path.Combine(CertDir, "ca.crt");

    public HttpClient Control { get; }

    /// <summary>The variables hosted scripts use to connect: $base, $ca, $pw, $pfx (the RSP's PFX) and $pfxpw.</summary>
    public Dictionary<string, object?> ScriptVariables() => new()
    {
        ["base"] = BaseUri,
        ["ca"] = CaPath,
        ["pw"] = Password,
        ["pfx"] = Path.Combine(CertDir, "client-rsp.pfx"),
        ["pfxpw"] = PfxPassword,
    };

    public void AddFault(object fault) => Control.PostAsJsonAsync("_sim/faults", fault).GetAwaiter().GetResult().EnsureSuccessStatusCode();

    public void Reset()
    {
        Control.DeleteAsync("_sim/faults").GetAwaiter().GetResult().EnsureSuccessStatusCode();
        Control.PostAsync("_sim/stats/reset", null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public JsonElement Stats() =>
        JsonDocument.Parse(Control.GetStringAsync("_sim/stats").GetAwaiter().GetResult()).RootElement;

    public void Dispose()
    {
        Control.Dispose();
        if (_owned != null && !_owned.HasExited)
        {
            _owned.Kill(entireProcessTree: true);
            _owned.WaitForExit(10000);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MoSapi.psd1")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }
}

[CollectionDefinition("Simulator")]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
}
