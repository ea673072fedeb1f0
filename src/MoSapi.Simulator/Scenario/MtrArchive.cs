using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MoSapi.Simulator.Http;

namespace MoSapi.Simulator.Scenario;

/// <summary>
/// mtr reports of the probe network (spec 7) for the scenario's today and yesterday. The same archive is served
/// to every entity: it traces the name servers of the example and outage TLDs.
/// </summary>
public sealed class MtrArchive(ScenarioData data, ScenarioClock clock)
{
    public static readonly string[] ProbeNames = ["Amsterdam", "Nairobi", "Tokyo", "Sydney"];
    public static readonly int[] CycleHours = [0, 6, 12, 18];

    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public sealed record Report(string FileName, string Probe, string TargetIp, long Cycle, long Run, bool Corrupt);

    public IReadOnlyList<long> Days()
    {
        var today = ScenarioClock.DayStart(clock.Now);
        return [today, today - 86400];
    }

    public IReadOnlyList<string> Targets()
    {
        var list = new List<string>();
        foreach (var id in new[] { "example", "outage" })
        {
            var e = data.Find("ry", id)!;
            foreach (var ns in Addresses.NameServers(e))
            {
                list.Add(ns.IPv4);
                list.Add(ns.IPv6);
            }
        }
        return list;
    }

    /// <summary>Reports of one day whose run has completed by now, newest cycle first.</summary>
    public IReadOnlyList<Report> ReportsOf(long day)
    {
        var now = clock.Now;
        var corruptName = CorruptFileName();
        var targets = Targets();
        var list = new List<Report>();
        foreach (var hour in CycleHours.Reverse())
        {
            var cycle = day + hour * 3600L;
            for (var p = 0; p < ProbeNames.Length; p++)
            {
                for (var t = 0; t < targets.Count; t++)
                {
                    var run = cycle + 7 + p * 11 + t * 3;
                    if (run > now) continue;
                    var name = $"{ProbeNames[p]}-{targets[t]}-{cycle}-{run}.json.gz";
                    list.Add(new Report(name, ProbeNames[p], targets[t], cycle, run, name == corruptName));
                }
            }
        }
        return list;
    }

    /// <summary>Yesterday's 18:00 Tokyo trace to outage's ns1 IPv4 is deliberately not gzip.</summary>
    public string CorruptFileName()
    {
        var yesterday = ScenarioClock.DayStart(clock.Now) - 86400;
        var cycle = yesterday + 18 * 3600L;
        var target = Targets()[6]; // outage ns1 IPv4
        var run = cycle + 7 + 2 * 11 + 6 * 3;
        return $"Tokyo-{target}-{cycle}-{run}.json.gz";
    }

    public byte[]? File(long day, string fileName)
    {
        var report = ReportsOf(day).FirstOrDefault(r => r.FileName == fileName);
        if (report is null) return null;
        return _files.GetOrAdd(fileName, _ => report.Corrupt
            ? Encoding.ASCII.GetBytes("this file was truncated during upload and is not gzip data\n")
            : Gzip(Render(report)));
    }

    private static byte[] Render(Report r)
    {
        var rng = Seeds.For("mtr", r.FileName);
        var v6 = r.TargetIp.Contains(':');
        var hops = 6 + rng.Next(5);
        var lost = new HashSet<int> { 2 + rng.Next(hops - 3) };
        if (rng.Next(2) == 0) lost.Add(1 + rng.Next(hops - 2));
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("report");
            w.WriteStartObject("mtr");
            w.WriteString("src", r.Probe.ToLowerInvariant() + ".probe.example");
            w.WriteString("dst", r.TargetIp);
            w.WriteNumber("tos", 0);
            w.WriteNumber("tests", 10);
            w.WriteString("psize", "64");
            w.WriteString("bitpattern", "0x00");
            w.WriteEndObject();
            w.WriteStartArray("hubs");
            var baseRtt = 0.4 + rng.NextDouble();
            for (var h = 1; h <= hops; h++)
            {
                w.WriteStartObject();
                w.WriteNumber("count", h);
                var last = h == hops;
                if (!last && lost.Contains(h))
                {
                    w.WriteString("host", "???");
                    w.WriteString("ASN", "AS???");
                    w.WriteNumber("Loss%", 100.0);
                    w.WriteNumber("Snt", 10);
                    foreach (var k in new[] { "Last", "Avg", "Best", "Wrst", "StDev" }) w.WriteNumber(k, 0.0);
                }
                else
                {
                    baseRtt += 1.5 + rng.NextDouble() * (h > 3 ? 25 : 3);
                    var avg = Math.Round(baseRtt, 1);
                    var best = Math.Round(avg * (0.85 + rng.NextDouble() * 0.1), 1);
                    var worst = Math.Round(avg * (1.1 + rng.NextDouble() * 0.6), 1);
                    w.WriteString("host", last ? r.TargetIp : HopHost(v6, h, rng));
                    w.WriteString("ASN", last ? "AS64496" : "AS" + (64500 + rng.Next(12)).ToString(CultureInfo.InvariantCulture));
                    w.WriteNumber("Loss%", rng.Next(8) == 0 ? 10.0 : 0.0);
                    w.WriteNumber("Snt", 10);
                    w.WriteNumber("Last", Math.Round(best + rng.NextDouble() * (worst - best), 1));
                    w.WriteNumber("Avg", avg);
                    w.WriteNumber("Best", best);
                    w.WriteNumber("Wrst", worst);
                    w.WriteNumber("StDev", Math.Round((worst - best) / 4, 1));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static string HopHost(bool v6, int hop, Random rng) => v6
        ? $"2001:db8:ff{hop:x2}::{rng.Next(1, 255):x}"
        : (hop % 2 == 0 ? "198.51.100." : "203.0.113.") + rng.Next(1, 255).ToString(CultureInfo.InvariantCulture);

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(bytes);
        return ms.ToArray();
    }
}
