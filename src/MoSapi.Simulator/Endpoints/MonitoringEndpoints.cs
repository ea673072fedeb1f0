using System.Text.Json;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Endpoints;

/// <summary>State, alarm, downtime and incident documents (spec 4.1-4.6).</summary>
public sealed class MonitoringEndpoints(LiveState live, ScenarioClock clock)
{
    /// <summary>v1 predates RDAP as a monitored service.</summary>
    public bool Serves(Entity e, Service s, int version) => e.IsMonitored(s) && !(version == 1 && s == Service.Rdap);

    public SimResponse State(Entity e, int version)
    {
        var now = clock.Now;
        var shown = e.Kind == EntityKind.Registrar ? new[] { Service.Rdds, Service.Rdap } : Services.All;
        return SimResponse.Json(JsonOutput.Write(w =>
        {
            WriteHeader(w, version);
            WriteEntity(w, e);
            w.WriteString("status", live.EntityStatus(e));
            w.WriteStartObject("testedServices");
            foreach (var s in shown)
            {
                if (version == 1 && s == Service.Rdap) continue;
                w.WriteStartObject(s.JsonName());
                var setup = e.IsMonitored(s) ? live.Get(e, s) : null;
                if (setup is null || e.Maintenance || string.Equals(setup.Status, "Disabled", StringComparison.OrdinalIgnoreCase))
                {
                    w.WriteString("status", "Disabled");
                }
                else
                {
                    w.WriteString("status", setup.Status);
                    w.WritePercent("emergencyThreshold", live.EmergencyThreshold(e, s, now));
                    w.WriteStartArray("incidents");
                    foreach (var i in live.RollingWeek(e, s, now)) WriteIncident(w, i);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    public SimResponse Alarmed(Entity e, Service s, int version) => SimResponse.Json(JsonOutput.Write(w =>
    {
        WriteHeader(w, version);
        w.WriteString("alarmed", live.Alarmed(e, s, clock.Now));
        w.WriteEndObject();
    }));

    public SimResponse Downtime(Entity e, Service s, int version) => SimResponse.Json(JsonOutput.Write(w =>
    {
        WriteHeader(w, version);
        w.WriteNumber("downtime", live.DowntimeMinutes(e, s, clock.Now));
        w.WriteEndObject();
    }));

    public SimResponse Incidents(Entity e, Service s, int version, IQueryCollection query)
    {
        var now = clock.Now;
        var startText = query.TryGetValue("startDate", out var sv) ? sv.ToString() : null;
        var endText = query.TryGetValue("endDate", out var ev) ? ev.ToString() : null;
        long start = 0, end = 0;
        if (startText is not null && !DateRangeValidation.TryEpoch(startText, out start))
            return DateRangeValidation.BadStart(startText, "epoch time in seconds");
        if (endText is not null && !DateRangeValidation.TryEpoch(endText, out end))
            return DateRangeValidation.BadEnd(endText, "epoch time in seconds");
        if (startText is null && endText is null) (start, end) = (now - 7 * 86400, now);
        else if (endText is null) end = now;
        else if (startText is null) start = end - 7 * 86400;
        if (end < start) return DateRangeValidation.EndBeforeStart();
        if (end - start > DateRangeValidation.MaxDays * 86400L) return DateRangeValidation.TooLong();

        bool? falsePositive = null;
        if (query.TryGetValue("falsePositive", out var fpv))
        {
            if (bool.TryParse(fpv.ToString(), out var fp)) falsePositive = fp;
            else return SimResponse.BadRequest(2015, "Invalid falsePositive", "falsePositive must be true or false.");
        }
        string? situation = null;
        if (query.TryGetValue("situation", out var sit))
        {
            situation = sit.ToString().ToLowerInvariant();
            if (situation is not ("active" or "resolved"))
                return SimResponse.BadRequest(2015, "Invalid situation", "situation must be active or resolved.");
        }

        var incidents = live.Get(e, s).Incidents
            .Where(i => i.StartTime <= now && i.Overlaps(start, end, now))
            .Where(i => falsePositive is null || i.FalsePositive == falsePositive)
            .Where(i => situation is null || (situation == "active") == i.IsActive);
        return IncidentList(version, incidents);
    }

    public SimResponse IncidentState(Entity e, Service s, int version, string incidentId)
    {
        var incident = Find(e, s, incidentId);
        return incident is null ? UnknownIncident() : IncidentList(version, [incident]);
    }

    public SimResponse FalsePositive(Entity e, Service s, int version, string incidentId)
    {
        var incident = Find(e, s, incidentId);
        if (incident is null) return UnknownIncident();
        return SimResponse.Json(JsonOutput.Write(w =>
        {
            WriteHeader(w, version);
            w.WriteBoolean("falsePositive", incident.FalsePositive);
            if (incident.FalsePositiveUpdateTime is { } t) w.WriteNumber("updateTime", t);
            else w.WriteNull("updateTime");
            w.WriteEndObject();
        }));
    }

    public Incident? Find(Entity e, Service s, string incidentId)
    {
        var incident = live.FindIncident(e, s, incidentId);
        return incident is not null && incident.StartTime <= clock.Now ? incident : null;
    }

    public static SimResponse UnknownIncident() => SimResponse.NotFound("No such incident.");

    /// <summary>Opens the document object with the fields every monitoring document carries.</summary>
    public void WriteHeader(Utf8JsonWriter w, int version)
    {
        w.WriteStartObject();
        w.WriteNumber("version", version);
        w.WriteNumber("lastUpdateApiDatabase", clock.LastUpdate);
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        if (e.RegistrarId is { } id) w.WriteNumber("registrarID", id);
        else w.WriteString("tld", e.Id);
    }

    private SimResponse IncidentList(int version, IEnumerable<Incident> incidents) => SimResponse.Json(JsonOutput.Write(w =>
    {
        WriteHeader(w, version);
        w.WriteStartArray("incidents");
        foreach (var i in incidents) WriteIncident(w, i);
        w.WriteEndArray();
        w.WriteEndObject();
    }));

    private static void WriteIncident(Utf8JsonWriter w, Incident i)
    {
        w.WriteStartObject();
        w.WriteString("incidentID", i.Id);
        w.WriteNumber("startTime", i.StartTime);
        if (i.EndTime is { } end) w.WriteNumber("endTime", end);
        else w.WriteNull("endTime");
        w.WriteBoolean("falsePositive", i.FalsePositive);
        w.WriteString("state", i.State);
        w.WriteEndObject();
    }
}
