using System.Globalization;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Endpoints;

/// <summary>Measurements of incidents (spec 4.7, 4.8) and the recent-measurements tree (spec 4.9).</summary>
public sealed class MeasurementEndpoints(MonitoringEndpoints monitoring, MeasurementFactory factory, ScenarioClock clock)
{
    public SimResponse IncidentMeasurements(Entity e, Service s, int version, string incidentId)
    {
        var incident = monitoring.Find(e, s, incidentId);
        if (incident is null) return MonitoringEndpoints.UnknownIncident();
        var cycles = incident.Cycles(clock.Now);
        return SimResponse.Json(JsonOutput.Write(w =>
        {
            monitoring.WriteHeader(w, version);
            w.WriteStartArray("measurements");
            foreach (var c in cycles)
            {
                // RDAP incidents list bare "<id>.json" strings, the rest objects: clients must accept both shapes.
                if (s == Service.Rdap)
                {
                    w.WriteStringValue(Id(c) + ".json");
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("measurementID", Id(c));
                w.WriteNumber("measurementTime", c);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    public SimResponse IncidentMeasurement(Entity e, Service s, int version, string incidentId, string measurementId)
    {
        var incident = monitoring.Find(e, s, incidentId);
        if (incident is null) return MonitoringEndpoints.UnknownIncident();
        if (!TryCycle(measurementId, out var cycle) || !incident.Cycles(clock.Now).Contains(cycle))
            return SimResponse.NotFound("No such measurement in this incident.");
        return SimResponse.Json(factory.Build(e, s, cycle, version));
    }

    public SimResponse Recent(Entity e, Service s, int version, string[] tree)
    {
        var now = clock.Now;
        var len = s.CycleSeconds();
        var today = ScenarioClock.DayStart(now);
        long[] days = [today, today - 86400];
        var dates = days.Select(d => DateTimeOffset.FromUnixTimeSeconds(d).UtcDateTime).ToArray();

        if (tree.Length == 0)
            return Listing(version, "years", dates.Select(d => d.ToString("yyyy", CultureInfo.InvariantCulture)).Distinct());
        var inYear = dates.Where(d => d.ToString("yyyy", CultureInfo.InvariantCulture) == tree[0]).ToArray();
        if (inYear.Length == 0) return SimResponse.NotFound("No measurements for that year.");
        if (tree.Length == 1)
            return Listing(version, "months", inYear.Select(d => d.ToString("MM", CultureInfo.InvariantCulture)).Distinct());
        var inMonth = inYear.Where(d => d.ToString("MM", CultureInfo.InvariantCulture) == tree[1]).ToArray();
        if (inMonth.Length == 0) return SimResponse.NotFound("No measurements for that month.");
        if (tree.Length == 2)
            return Listing(version, "days", inMonth.Select(d => d.ToString("dd", CultureInfo.InvariantCulture)));
        var day = inMonth.Where(d => d.ToString("dd", CultureInfo.InvariantCulture) == tree[2]).ToArray();
        if (day.Length == 0) return SimResponse.NotFound("No measurements for that day.");
        var dayStart = new DateTimeOffset(day[0], TimeSpan.Zero).ToUnixTimeSeconds();

        if (tree.Length == 3)
        {
            var ids = new List<string>();
            for (var c = Math.Min(dayStart + 86400 - len, (now - len) - (now - len) % len); c >= dayStart; c -= len)
                ids.Add(Id(c) + ".json");
            return Listing(version, "measurements", ids);
        }

        if (!TryCycle(tree[3], out var cycle) || cycle < dayStart || cycle >= dayStart + 86400 || cycle % len != 0 || cycle + len > now)
            return SimResponse.NotFound("No such measurement.");
        return SimResponse.Json(factory.Build(e, s, cycle, version));
    }

    private SimResponse Listing(int version, string name, IEnumerable<string> values) => SimResponse.Json(JsonOutput.Write(w =>
    {
        monitoring.WriteHeader(w, version);
        w.WriteStrings(name, values);
        w.WriteEndObject();
    }));

    private static string Id(long cycle) => cycle.ToString(CultureInfo.InvariantCulture);

    private static bool TryCycle(string text, out long cycle)
    {
        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) text = text[..^5];
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out cycle);
    }
}
