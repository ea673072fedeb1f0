using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MoSapi.Client;
using MoSapi.Client.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MoSapi.Tests;

/// <summary>
/// Real documents from the simulator, mutated many thousand times with a fixed seed: every parser must give a result
/// or a MoSapiInvalidResponse, because anything else would surface as an unexplained crash in a user's runbook.
/// </summary>
[Collection("Simulator")]
public sealed class ParserMutationTests
{
    private const int Seed = 20261127;
    private const int MutationsPerDocument = 1000;
    private const string Placeholder = "\"__mutation__\"";
    private const string DuplicateKey = "__duplicate__";

    private static readonly MoSapiEntity Outage = MoSapiEntity.ForTld("outage");
    private static readonly MoSapiEntity Example = MoSapiEntity.ForTld("example");

    // What a hostile or broken server could put where a value belongs.
    private static readonly string[] Replacements =
    {
        "null", "\"\"", "\" \"", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "1180591620717411303424",
        "-9223372036854775809", "9223372036854775807", "\"1e400\"", "\"NaN\"", "\"Infinity\"", "\"2026-13-45\"", "\"abc\"",
        "[]", "{}", "[null]", "[1,2,3]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", new string('[', 10000) + new string(']', 10000),
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 9999)) + "1" + new string('}', 10000),
    };

    private readonly SimulatorFixture _sim;
    private readonly ITestOutputHelper _output;

    public ParserMutationTests(SimulatorFixture sim, ITestOutputHelper output)
    {
        _sim = sim;
        _output = output;
    }

    private sealed record Target(string Name, byte[] Body, Action<byte[]> Parse);

    [Fact]
    public async Task Ten_thousand_mutations_give_a_result_or_MoSapiInvalidResponse()
    {
        var targets = await LoadTargetsAsync();
        var random = new Random(Seed);
        var count = 0;
        var parsed = 0;
        var failures = new List<string>();
        foreach (var target in targets)
        {
            // The unmutated document must parse, or the mutations prove nothing.
            target.Parse(target.Body);
            for (var i = 0; i < MutationsPerDocument; i++)
            {
                var (kind, body) = Mutate(target.Body, random);
                count++;
                try
                {
                    target.Parse(body);
                    parsed++;
                }
                catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.InvalidResponse)
                {
                }
                catch (Exception ex)
                {
                    if (failures.Count < 20)
                    {
                        var text = Encoding.UTF8.GetString(body);
                        failures.Add($"{target.Name} / {kind}: {ex.GetType().Name}: {ex.Message} in {(text.Length > 300 ? text[..300] + "…" : text)}");
                    }
                    else
                    {
                        failures.Add(string.Empty);
                    }
                }
            }
        }

        _output.WriteLine($"{count} mutations of {targets.Count} documents: {parsed} parsed, {count - parsed - failures.Count} MoSapiInvalidResponse, {failures.Count} other exceptions.");
        Assert.True(count >= 10000, $"only {count} mutations");
        Assert.True(failures.Count == 0, $"{failures.Count} mutations escaped as other exceptions:\n" + string.Join("\n", failures.Where(f => f.Length > 0)));
    }

    private async Task<List<Target>> LoadTargetsAsync()
    {
        using var ca = X509CertificateLoader.LoadCertificateFromFile(_sim.CaPath);
        using var client = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_sim.CertDir, "client-rsp.pfx"), _sim.PfxPassword);
        using var handler = new HttpClientHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return cert != null && chain.Build(cert);
            },
        };
        handler.ClientCertificates.Add(client);
        using var http = new HttpClient(handler) { BaseAddress = new Uri(_sim.BaseUri) };

        async Task<byte[]> Get(string path) => await http.GetByteArrayAsync(path);

        var incidentsBody = await Get("ry/outage/v2/monitoring/dns/incidents");
        var incidents = MonitoringParser.ParseIncidents(JsonRead.ParseObject(incidentsBody, "incidents"), Outage, MoSapiService.Dns);
        var incident = incidents[0].IncidentId;
        var measurementsBody = await Get($"ry/outage/v2/monitoring/dns/incidents/{incident}/measurements");
        var measurement = MeasurementParser.ParseIncidentList(JsonRead.ParseObject(measurementsBody, "measurements"), Outage, MoSapiService.Dns, incident)[0].MeasurementId;
        var mtrDay = "ry/example/v2/networkTroubleshooting/mtr/2026/11/27";
        var mtrListing = await Get(mtrDay);
        var mtrFile = MtrParser.ParseListing(JsonRead.ParseObject(mtrListing, "mtr listing"), "reports", "mtr listing").First(f => f.EndsWith(".json.gz", StringComparison.Ordinal));
        Assert.True(MtrFileName.TryParse(mtrFile, out var mtrName));
        byte[] mtrJson;
        using (var gz = new GZipStream(new MemoryStream(await Get(mtrDay + "/" + Uri.EscapeDataString(mtrFile))), CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            gz.CopyTo(plain);
            mtrJson = plain.ToArray();
        }

        static JObject Doc(byte[] body) => JsonRead.ParseObject(body, "document");

        return new List<Target>
        {
            new("state", await Get("ry/outage/v2/monitoring/state"), b => StateParser.ParseState(Doc(b), Outage)),
            new("alarm", await Get("ry/outage/v2/monitoring/dns/alarmed"), b => MonitoringParser.ParseAlarm(Doc(b), Outage, MoSapiService.Dns)),
            new("downtime", await Get("ry/outage/v2/monitoring/dns/downtime"), b => MonitoringParser.ParseDowntime(Doc(b), Outage, MoSapiService.Dns)),
            new("incidents", incidentsBody, b => MonitoringParser.ParseIncidents(Doc(b), Outage, MoSapiService.Dns)),
            new("false positive", await Get($"ry/outage/v2/monitoring/dns/incidents/{incident}/falsePositive"), b => MonitoringParser.ParseFalsePositive(Doc(b), Outage, MoSapiService.Dns, incident)),
            new("measurement list", measurementsBody, b => MeasurementParser.ParseIncidentList(Doc(b), Outage, MoSapiService.Dns, incident)),
            new("measurement", await Get($"ry/outage/v2/monitoring/dns/incidents/{incident}/{measurement}"), b => MeasurementParser.ParseMeasurement(Doc(b), Outage, MoSapiService.Dns, measurement, incident)),
            new("measurement (streamed)", await Get($"ry/outage/v2/monitoring/dns/incidents/{incident}/{measurement}"), b => MeasurementStreamReader.Parse(b, 0, b.Length, Outage, MoSapiService.Dns, measurement, incident)),
            new("METRICA report", await Get("ry/example/v2/metrica/domainList/latest"), b => MetricaParser.ParseReport(Doc(b), Example, DateTimeOffset.UtcNow)),
            new("METRICA list", await Get("ry/example/v2/metrica/domainLists"), b => MetricaParser.ParseList(Doc(b), Example)),
            new("mtr listing", mtrListing, b => MtrParser.ParseListing(Doc(b), "reports", "mtr listing")),
            new("mtr report", mtrJson, b => MtrParser.ParseReport(b, mtrName!, Example)),
        };
    }

    private static (string Kind, byte[] Body) Mutate(byte[] original, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                return ("truncation", original[..random.Next(original.Length)]);
            case 1:
            {
                var body = (byte[])original.Clone();
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }

                return ("byte flips", body);
            }

            case 2:
                return ("empty document", random.Next(2) == 0 ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(Replacements[random.Next(Replacements.Length)]));
            case 3:
            {
                // A whole document wrapped in deep nesting.
                var text = Encoding.UTF8.GetString(original);
                return ("deep nesting", Encoding.UTF8.GetBytes("{\"x\":" + new string('[', 10000) + text + new string(']', 10000) + "}"));
            }

            case 4:
                return Structural(original, random, "remove property", (token, _) =>
                {
                    if (token.Parent is JProperty p && p.Parent is JObject)
                    {
                        p.Remove();
                    }
                });
            case 5:
                return Structural(original, random, "duplicate key", (token, _) =>
                {
                    if (token.Parent is JProperty p && p.Parent is JObject o)
                    {
                        o.AddFirst(new JProperty(DuplicateKey + p.Name, "__mutation__"));
                    }
                });
            default:
                return Structural(original, random, "wrong type", (token, _) => token.Replace(new JValue("__mutation__")));
        }
    }

    /// <summary>
    /// Applies a change to a random token of the parsed tree, then puts raw text where the tree cannot hold it
    /// (numbers beyond double, deep nesting, lone surrogates).
    /// </summary>
    private static (string Kind, byte[] Body) Structural(byte[] original, Random random, string kind, Action<JToken, Random> change)
    {
        var root = (JContainer)JToken.Parse(Encoding.UTF8.GetString(original), new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Ignore });
        var tokens = root.DescendantsAndSelf().Where(t => t.Parent != null && t is not JProperty).ToList();
        if (tokens.Count == 0)
        {
            return (kind, original);
        }

        change(tokens[random.Next(tokens.Count)], random);
        var text = root.ToString(Formatting.None);
        var replacement = Replacements[random.Next(Replacements.Length)];
        text = text.Replace(Placeholder, replacement);
        var dup = text.IndexOf("\"" + DuplicateKey, StringComparison.Ordinal);
        if (dup >= 0)
        {
            text = text.Remove(dup + 1, DuplicateKey.Length);
        }

        return (kind + " " + (replacement.Length > 20 ? replacement[..20] + "…" : replacement), Encoding.UTF8.GetBytes(text));
    }
}
