using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MoSapi.Simulator.Http;

namespace MoSapi.Simulator.Scenario;

/// <summary>
/// Builds measurement documents (spec 5) on demand. Every value comes from a generator seeded with
/// (entity, service, cycle), so a document is identical on every request and in every run.
/// </summary>
public sealed class MeasurementFactory(LiveState live)
{
    /// <summary>Probes × name servers of the bigdoc benchmark document; sized so the JSON exceeds 5 MB.</summary>
    public const int BigDocProbes = 2400;
    public const int BigDocNameServers = 8;

    private const int MinNameServersUp = 2;
    private readonly ConcurrentDictionary<(int Version, bool Down), byte[]> _bigDoc = new();

    private sealed record Metric(long Time, string? Ip, int? Rtt, string Result, string Nsid);
    private sealed record TestData(string Target, string Status, List<Metric> Metrics);
    private sealed record ProbeResult(string City, string Status, string? TestedName, string? Transport, List<TestData> Tests);
    private sealed record InterfaceResult(string Name, List<ProbeResult> Probes);

    public byte[] Build(Entity e, Service s, long cycle, int version)
    {
        var down = live.CycleDown(e, s, cycle);
        if (e.Id == "bigdoc" && s == Service.Dns && cycle == live.Data.BigDocumentCycle)
            return _bigDoc.GetOrAdd((version, down), k => Render(e, s, cycle, k.Version, k.Down, big: true));
        return Render(e, s, cycle, version, down, big: false);
    }

    private static byte[] Render(Entity e, Service s, long cycle, int version, bool down, bool big)
    {
        var rng = Seeds.For(e.Key, s.UrlName(), cycle);
        var probes = big ? Probes.Numbered(BigDocProbes) : Probes.Network;
        var dnsLike = s is Service.Dns or Service.Dnssec;
        var status = e.Maintenance ? "Up-inconclusive-no-probes" : down ? "Down" : "Up";

        List<InterfaceResult> interfaces;
        List<Target>? nameServers = null;
        if (dnsLike)
        {
            nameServers = Addresses.NameServers(e, big ? BigDocNameServers : 3).ToList();
            interfaces = [new(s.JsonName(), DnsProbes(e, s, cycle, down, probes, nameServers, rng))];
        }
        else if (s == Service.Rdds)
        {
            interfaces =
            [
                new("RDDS43", SimpleProbes(e, cycle, down, probes, Addresses.Whois(e), rng, 40, 900, ["-227", "-228", "-225"], "-225")),
                new("RDDS80", SimpleProbes(e, cycle, down, probes, Addresses.Whois(e), rng, 90, 1800, ["-352", "-255", "-253"], "-253")),
            ];
        }
        else if (s == Service.Rdap)
        {
            interfaces = [new("RDAP", SimpleProbes(e, cycle, down, probes, Addresses.Rdap(e), rng, 120, 2500, ["-526", "-405", "-403"], "-403"))];
        }
        else
        {
            interfaces = [new("EPP", SimpleProbes(e, cycle, down, probes, Addresses.Epp(e), rng, 250, 1500, ["-203", "-201"], null))];
        }

        var v2Dns = version >= 2 && dnsLike;
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", version);
            w.WriteNumber("lastUpdateApiDatabase", cycle + s.CycleSeconds());
            if (e.RegistrarId is { } rr) w.WriteNumber("registrarID", rr);
            else w.WriteString("tld", e.Id);
            w.WriteString("service", s.UrlName());
            w.WriteNumber("cycleCalculationDateTime", cycle);
            w.WriteString("status", status);
            if (v2Dns)
            {
                w.WriteNumber("minNameServersUp", MinNameServersUp);
                WriteAvailability(w, interfaces[0].Probes, nameServers!);
            }
            w.WriteStartArray("testedInterface");
            foreach (var itf in interfaces)
            {
                w.WriteStartObject();
                w.WriteString("interface", itf.Name);
                w.WriteStartArray("probes");
                foreach (var p in itf.Probes) WriteProbe(w, p, v2Dns);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, big ? 8 << 20 : 32 << 10);
    }

    private static bool IsCity(Probe p, string city) => p.City == city || p.City.StartsWith(city + " ", StringComparison.Ordinal);

    private static ProbeResult? Special(Probe p, int index, Entity e, IEnumerable<string> targets, long cycle)
    {
        if (IsCity(p, Probes.OfflineCity) || (e.Maintenance && index >= 3))
            return new ProbeResult(p.City, "Offline", null, null, []);
        if (IsCity(p, Probes.NoResultCity))
            return new ProbeResult(p.City, "No result", null, null,
                targets.Select(t => new TestData(t, "No result", [new Metric(cycle + 30, null, null, "no data", "")])).ToList());
        return null;
    }

    private static List<ProbeResult> DnsProbes(Entity e, Service s, long cycle, bool down, IReadOnlyList<Probe> probes,
        List<Target> nameServers, Random rng)
    {
        string[] udpFail = s == Service.Dns ? ["-200", "-200", "-200", "-207", "-215", "-250"] : ["-401", "-407", "-415", "-416", "-427"];
        string[] tcpFail = s == Service.Dns ? ["-600", "-600", "-601", "-607"] : ["-801", "-807", "-815"];
        var result = new List<ProbeResult>(probes.Count);
        for (var i = 0; i < probes.Count; i++)
        {
            var p = probes[i];
            if (Special(p, i, e, nameServers.Select(n => n.Host), cycle) is { } special)
            {
                result.Add(special);
                continue;
            }
            var tcp = rng.Next(100) < 15;
            var fails = down && i % 5 != 0;
            var testedName = rng.Next(10) == 0 ? null : $"{Label(rng)}.{e.Id}.";
            var tests = new List<TestData>(nameServers.Count);
            foreach (var ns in nameServers)
            {
                var metrics = new List<Metric>(2);
                foreach (var ip in new[] { ns.IPv4, ns.IPv6 })
                {
                    var time = cycle + 1 + rng.Next(55);
                    if (fails)
                    {
                        var pool = tcp ? tcpFail : udpFail;
                        metrics.Add(new Metric(time, ip, null, pool[rng.Next(pool.Length)], ""));
                    }
                    else
                    {
                        var rtt = tcp ? 30 + rng.Next(600) : 4 + rng.Next(180);
                        metrics.Add(new Metric(time, ip, rtt, "ok", Nsid(ns, p)));
                    }
                }
                tests.Add(new TestData(ns.Host, metrics.Any(m => IsFailure(m.Result)) ? "Down" : "Up", metrics));
            }
            if (!down && !e.Maintenance && IsCity(p, Probes.InternalErrorCity))
            {
                var last = tests[^1].Metrics;
                last[^1] = last[^1] with { Rtt = null, Result = "-1", Nsid = "" };
            }
            var up = tests.Count(t => t.Status == "Up") >= Math.Min(MinNameServersUp, nameServers.Count);
            result.Add(new ProbeResult(p.City, up ? "Up" : "Down", testedName, tcp ? "tcp" : "udp", tests));
        }
        return result;
    }

    private static List<ProbeResult> SimpleProbes(Entity e, long cycle, bool down, IReadOnlyList<Probe> probes, Target target,
        Random rng, int rttMin, int rttMax, string[] failures, string? unresolvedCode)
    {
        var result = new List<ProbeResult>(probes.Count);
        for (var i = 0; i < probes.Count; i++)
        {
            var p = probes[i];
            if (Special(p, i, e, [target.Host], cycle) is { } special)
            {
                result.Add(special);
                continue;
            }
            var time = cycle + 2 + rng.Next(240); // five-minute cycles: tests spread over the cycle
            var ip = i % 2 == 0 ? target.IPv4 : target.IPv6;
            Metric metric;
            if (down && i % 5 != 0)
            {
                var code = failures[rng.Next(failures.Length)];
                // A host that did not resolve has no address to report.
                metric = new Metric(time, code == unresolvedCode ? null : ip, null, code, "");
            }
            else
            {
                metric = new Metric(time, ip, rttMin + rng.Next(rttMax - rttMin), "ok", "");
            }
            var status = IsFailure(metric.Result) ? "Down" : "Up";
            result.Add(new ProbeResult(p.City, status, null, null, [new TestData(target.Host, status, [metric])]));
        }
        return result;
    }

    private static void WriteAvailability(Utf8JsonWriter w, List<ProbeResult> probes, List<Target> nameServers)
    {
        var online = probes.Where(p => p.Status is "Up" or "Down").ToList();
        w.WriteStartObject("nameServerAvailability");
        w.WriteStartArray("nameServerStatus");
        foreach (var ns in nameServers)
        {
            var ups = online.Count(p => p.Tests.Any(t => t.Target == ns.Host && t.Status == "Up"));
            w.WriteStartObject();
            w.WriteString("target", ns.Host);
            // Spec 5.2: down when 49 % or fewer of the probes with results see it up.
            w.WriteString("status", online.Count > 0 && ups * 100 > online.Count * 49 ? "Up" : "Down");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("probes");
        foreach (var p in online)
        {
            w.WriteStartObject();
            w.WriteString("city", p.City);
            w.WriteStartArray("testData");
            foreach (var t in p.Tests)
            {
                w.WriteStartObject();
                w.WriteString("target", t.Target);
                w.WriteString("status", t.Status);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteProbe(Utf8JsonWriter w, ProbeResult p, bool v2Dns)
    {
        w.WriteStartObject();
        w.WriteString("city", p.City);
        w.WriteString("status", p.Status);
        if (v2Dns && p.Transport is not null)
        {
            if (p.TestedName is null) w.WriteNull("testedName");
            else w.WriteString("testedName", p.TestedName);
            w.WriteString("transport", p.Transport);
        }
        w.WriteStartArray("testData");
        foreach (var t in p.Tests)
        {
            w.WriteStartObject();
            w.WriteString("target", t.Target);
            w.WriteString("status", t.Status);
            w.WriteStartArray("metrics");
            foreach (var m in t.Metrics)
            {
                w.WriteStartObject();
                w.WriteNumber("testDateTime", m.Time);
                if (m.Ip is null) w.WriteNull("targetIP");
                else w.WriteString("targetIP", m.Ip);
                if (m.Rtt is { } rtt) w.WriteNumber("rtt", rtt);
                else w.WriteNull("rtt");
                w.WriteString("result", m.Result);
                if (v2Dns) w.WriteString("nsid", m.Nsid);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Negative codes from -200 down are failures; -1 … -199 are probe-internal and still count as up (spec 5.1).</summary>
    private static bool IsFailure(string result) =>
        int.TryParse(result, out var code) && code <= -200;

    private static string Nsid(Target ns, Probe p) =>
        Convert.ToHexStringLower(Encoding.ASCII.GetBytes($"{ns.Host.Split('.')[0]}.{p.Code}"));

    private static string Label(Random rng)
    {
        Span<char> chars = stackalloc char[10];
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
        return "mosapi-" + new string(chars);
    }
}
