using System.Text.Json;
using MoSapi.Simulator.Auth;
using MoSapi.Simulator.Certificates;
using MoSapi.Simulator.Control;
using MoSapi.Simulator.Endpoints;
using MoSapi.Simulator.Faults;
using MoSapi.Simulator.Hosting;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Options;
using MoSapi.Simulator.Scenario;
using MoSapi.Simulator.Stats;

SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (OptionException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
if (options.ShowHelp)
{
    Console.WriteLine(SimulatorOptions.HelpText);
    return 0;
}

var clock = new ScenarioClock(options.Now);
var data = new ScenarioData(clock.Anchor, options.BulkTlds);
var live = new LiveState(data, clock);
var mtrArchive = new MtrArchive(data, clock);
var metrica = new MetricaData(data);
if (options.PrintScenario)
{
    Console.Write(ScenarioReport.Render(data, live, clock, metrica, mtrArchive));
    return 0;
}

var sessions = new SessionStore(TimeSpan.FromMinutes(options.SessionMinutes));
var faults = new FaultInjector(sessions);
foreach (var spec in options.Faults)
{
    try
    {
        var fault = FaultSpecParser.ParseSpec(spec);
        if (!faults.TryApplyImmediately(fault, data)) faults.Add(fault);
    }
    catch (FormatException ex)
    {
        Console.Error.WriteLine($"--fault \"{spec}\": {ex.Message}");
        return 2;
    }
}

CertificateSet certs;
try
{
    certs = CertificateFactory.LoadOrCreate(options.CertDir, options.PfxPassword, options.RegenerateCerts);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine($"Cannot prepare certificates in '{options.CertDir}': {ex.Message}");
    return 1;
}

var stats = new RequestStats();
var limiter = new LoginRateLimiter();
var monitoring = new MonitoringEndpoints(live, clock);
var routes = new RouteTable(
    monitoring,
    new MeasurementEndpoints(monitoring, new MeasurementFactory(live), clock),
    new MetricaEndpoints(metrica),
    new MtrEndpoints(mtrArchive, clock));
var pipeline = new RequestPipeline(
    options, data,
    new AccessControl(sessions, new ClientCertificateValidator(certs.TestCa)),
    faults, stats,
    new SessionEndpoints(sessions, limiter, stats, options.Password),
    routes,
    new ControlEndpoints(faults, stats, clock, live, data, limiter));

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [],
    ContentRootPath = AppContext.BaseDirectory,
    EnvironmentName = "Production",
});
builder.Logging.ClearProviders();
builder.Services.Configure<Microsoft.Extensions.Hosting.ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
var listeners = new Listeners();
builder.WebHost.ConfigureKestrel(k => listeners.Configure(k, certs, options.Port));

var app = builder.Build();
app.Run(pipeline.HandleAsync);

try
{
    await app.StartAsync();
}
catch (IOException ex)
{
    Console.Error.WriteLine($"Cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
    return 1;
}

if (options.PortFile is not null)
{
    var json = JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["https"] = listeners.MainPort,
        ["expired"] = listeners.ExpiredPort,
        ["wrongHost"] = listeners.WrongHostPort,
        ["unknownCa"] = listeners.UnknownCaPort,
        ["control"] = listeners.ControlPort,
        ["pid"] = Environment.ProcessId,
        ["certDir"] = certs.Directory,
    });
    var target = Path.GetFullPath(options.PortFile);
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    var tmp = target + ".tmp" + Environment.ProcessId;
    await File.WriteAllTextAsync(tmp, json);
    File.Move(tmp, target, overwrite: true);
}

if (options.ParentPid is int parentPid)
{
    // A harness that dies without cleaning up (killed test run, closed terminal) must not leave the simulator behind.
    _ = Task.Run(async () =>
    {
        while (true)
        {
            await Task.Delay(1000);
            try
            {
                using var parent = System.Diagnostics.Process.GetProcessById(parentPid);
                if (parent.HasExited) break;
            }
            catch (ArgumentException)
            {
                break;
            }
        }
        await app.StopAsync();
    });
}

Console.WriteLine($"MoSapi simulator listening on https://127.0.0.1:{listeners.MainPort} (control API: http://127.0.0.1:{listeners.ControlPort}/_sim/)");
await app.WaitForShutdownAsync();
return 0;
