using System.Globalization;
using System.Text;

namespace MoSapi.Simulator.Scenario;

/// <summary>Renders the scenario's facts (for --print-scenario and for keeping SCENARIO.md exact).</summary>
public static class ScenarioReport
{
    public static string Render(ScenarioData data, LiveState live, ScenarioClock clock, MetricaData metrica, MtrArchive mtr)
    {
        var sb = new StringBuilder();
        var now = clock.Now;
        sb.AppendLine(CultureInfo.InvariantCulture, $"now = {now} ({Iso(now)})");
        sb.AppendLine();
        foreach (var e in data.Entities.Where(e => !e.Bulk))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {e.Key} (account {e.Account}, entity status {live.EntityStatus(e)})");
            sb.AppendLine();
            sb.AppendLine("| service | status | emergencyThreshold | downtime | alarmed | incidents in rolling week |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var s in e.Services.Keys.OrderBy(s => s))
            {
                var setup = live.Get(e, s);
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {s.JsonName()} | {setup.Status} | {live.EmergencyThreshold(e, s, now).ToString(CultureInfo.InvariantCulture)} | {live.DowntimeMinutes(e, s, now)} | {live.Alarmed(e, s, now)} | {live.RollingWeek(e, s, now).Count()} |");
            }
            sb.AppendLine();
            var incidents = e.Services.Keys.OrderBy(s => s).SelectMany(s => live.Get(e, s).Incidents).ToList();
            if (incidents.Count > 0)
            {
                sb.AppendLine("| service | incidentID | startTime | endTime | minutes | falsePositive | updateTime | state | measurements |");
                sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
                foreach (var i in incidents)
                {
                    var end = i.EndTime?.ToString(CultureInfo.InvariantCulture) ?? "null";
                    var minutes = ((i.EndTime ?? now) - i.StartTime) / 60;
                    var cycles = i.Cycles(now).ToList();
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"| {i.Service.JsonName()} | `{i.Id}` | {i.StartTime} ({Iso(i.StartTime)}) | {end} | {minutes} | {i.FalsePositive.ToString().ToLowerInvariant()} | {i.FalsePositiveUpdateTime?.ToString(CultureInfo.InvariantCulture) ?? "null"} | {i.State} | {cycles.Count}: {cycles.FirstOrDefault()}…{cycles.LastOrDefault()} |");
                }
                sb.AppendLine();
            }
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"bigdoc DNS measurement cycle: {data.BigDocumentCycle}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"METRICA: oldest {metrica.Oldest:yyyy-MM-dd}, latest {metrica.Latest:yyyy-MM-dd}, missing: {string.Join(", ", MetricaData.MissingDaysAgo.Select(d => metrica.Latest.AddDays(1 - d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}");
        foreach (var key in new[] { "ry/example", "ry/outage", "rr/9999" })
        {
            var e = data.FindByKey(key)!;
            var r = metrica.Report(e, metrica.Latest);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"METRICA {key} {r.Date:yyyy-MM-dd}: unique {r.UniqueAbuseDomains}; {string.Join("; ", r.Threats.Select(t => $"{t.ThreatType} {t.Count} ({t.Domains.Count} listed)"))}; generated {r.Generated:yyyy-MM-ddTHH:mm:ssZ}");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"mtr corrupt file: {mtr.CorruptFileName()}");
        foreach (var day in mtr.Days())
        {
            var reports = mtr.ReportsOf(day);
            sb.AppendLine(CultureInfo.InvariantCulture, $"mtr {Iso(day)[..10]}: {reports.Count} reports, first {reports.FirstOrDefault()?.FileName}, last {reports.LastOrDefault()?.FileName}");
        }
        return sb.ToString();
    }

    private static string Iso(long epoch) =>
        DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
