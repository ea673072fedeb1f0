using System.Globalization;

namespace MoSapi.Simulator.Options;

/// <summary>Command-line settings. Parsed by hand so the simulator needs nothing beyond the shared framework.</summary>
public sealed class SimulatorOptions
{
    public const long DefaultNow = 1795780800; // 2026-11-27T12:00:00Z

    public int Port { get; private set; }
    public string? PortFile { get; private set; }
    public string CertDir { get; private set; } = "./sim-certs";
    public bool RegenerateCerts { get; private set; }
    public string PfxPassword { get; private set; } = "sim-pfx-pass";
    public string Password { get; private set; } = "Sim-Passw0rd-7f3a";
    public int SessionMinutes { get; private set; } = 15;
    public long? Now { get; private set; } = DefaultNow;
    public int LatencyMs { get; private set; }
    public int MaxInFlightPerCert { get; private set; } = 4;
    public int BulkTlds { get; private set; } = 500;
    public List<string> Faults { get; } = new();
    public bool LogRequests { get; private set; }
    public bool ShowHelp { get; private set; }
    public bool PrintScenario { get; private set; }
    public int? ParentPid { get; private set; }

    public static readonly string HelpText = """
        MoSapi.Simulator - a MoSAPI emulator on loopback (HTTPS only, 127.0.0.1)

        Usage: dotnet run --project src/MoSapi.Simulator -- [options]

        Options:
          --port N                    HTTPS port of the main listener (default 0 = pick a free port)
          --port-file PATH            once listening, write {"https","expired","wrongHost","unknownCa","control","pid","certDir"} as JSON
          --cert-dir DIR              where certificates are read from / generated into (default ./sim-certs)
          --regenerate-certs          generate fresh certificates even if ca.crt exists
          --pfx-password P            password of every generated PFX file (default sim-pfx-pass)
          --password P                password of every account (default Sim-Passw0rd-7f3a)
          --session-minutes N         session cookie lifetime in wall-clock minutes (default 15)
          --now ISO8601|EPOCH|real    scenario clock start (default 2026-11-27T12:00:00Z = 1795780800)
          --latency-ms N              delay added to every data request (default 0)
          --max-in-flight-per-cert N  concurrent requests allowed per client certificate before 429 (default 4)
          --bulk-tlds N               generate registry TLDs tld001..tldNNN, all services Up (default 500)
          --fault SPEC                inject a fault, repeatable; SPEC is k=v pairs separated by ';'
                                      e.g. "path=/ry/example/v2/monitoring/state;kind=status;status=503;count=2"
          --log-requests              print one line per request to stdout
          --parent-pid PID            stop when the process PID has exited (for test harnesses)
          --print-scenario            print the scenario facts (incidents, ids) as markdown and exit
          --help                      print this text and exit
        """;

    public static SimulatorOptions Parse(string[] args)
    {
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Length) throw new OptionException($"Option {arg} needs a value.");
                return args[++i];
            }

            switch (arg.ToLowerInvariant())
            {
                case "--help": case "-h": case "-?": case "/?": o.ShowHelp = true; break;
                case "--port": o.Port = ParseInt(arg, Value(), 0, 65535); break;
                case "--port-file": o.PortFile = Value(); break;
                case "--parent-pid": o.ParentPid = ParseInt(arg, Value(), 1, int.MaxValue); break;
                case "--cert-dir": o.CertDir = Value(); break;
                case "--regenerate-certs": o.RegenerateCerts = true; break;
                case "--pfx-password": o.PfxPassword = Value(); break;
                case "--password": o.Password = Value(); break;
                case "--session-minutes": o.SessionMinutes = ParseInt(arg, Value(), 1, 100000); break;
                case "--now": o.Now = ParseNow(Value()); break;
                case "--latency-ms": o.LatencyMs = ParseInt(arg, Value(), 0, 600000); break;
                case "--max-in-flight-per-cert": o.MaxInFlightPerCert = ParseInt(arg, Value(), 1, 100000); break;
                case "--bulk-tlds": o.BulkTlds = ParseInt(arg, Value(), 0, 999); break;
                case "--fault": o.Faults.Add(Value()); break;
                case "--log-requests": o.LogRequests = true; break;
                case "--print-scenario": o.PrintScenario = true; break;
                default: throw new OptionException($"Unknown option '{args[i]}'. Use --help to list the options.");
            }
        }
        return o;
    }

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new OptionException($"Option {name} expects an integer between {min} and {max}, got '{value}'.");
        return n;
    }

    /// <summary>null means "follow the real clock".</summary>
    private static long? ParseNow(string value)
    {
        if (value.Equals("real", StringComparison.OrdinalIgnoreCase)) return null;
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)) return epoch;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
            return dto.ToUnixTimeSeconds();
        throw new OptionException($"Option --now expects an ISO 8601 time, epoch seconds or 'real', got '{value}'.");
    }
}

public sealed class OptionException(string message) : Exception(message);
