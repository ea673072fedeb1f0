using System.Collections.Concurrent;

namespace MoSapi.Simulator.Scenario;

/// <summary>A scripted change posted to /_sim/state.</summary>
public sealed record StateChange(
    string Entity,
    string? Service,
    string? Status,
    double? EmergencyThreshold,
    bool OpenIncident,
    bool ResolveIncident,
    string? FalsePositiveIncidentId,
    bool? FalsePositiveValue);

/// <summary>
/// The scenario as it currently stands: the static data with scripted changes layered on top, plus every
/// figure derived from incidents (downtime, threshold, alarm) so they always agree with each other.
/// </summary>
public sealed class LiveState(ScenarioData data, ScenarioClock clock)
{
    private readonly ConcurrentDictionary<(string, Service), ServiceSetup> _overrides = new();
    private readonly Lock _gate = new();
    private int _nextEventId = 9001;

    public ScenarioData Data => data;

    public ServiceSetup Get(Entity e, Service s) =>
        _overrides.TryGetValue((e.Key, s), out var o) ? o : e.Services[s];

    public string EntityStatus(Entity e)
    {
        if (e.Maintenance) return "Up-inconclusive";
        foreach (var s in e.Services.Keys)
            if (string.Equals(Get(e, s).Status, "Down", StringComparison.OrdinalIgnoreCase)) return "Down";
        return "Up";
    }

    public Incident? FindIncident(Entity e, Service s, string incidentId) =>
        Get(e, s).Incidents.FirstOrDefault(i => string.Equals(i.Id, incidentId, StringComparison.Ordinal));

    public IEnumerable<Incident> RollingWeek(Entity e, Service s, long now) =>
        Get(e, s).Incidents.Where(i => i.StartTime <= now && i.Overlaps(now - 7 * 86400, now, now));

    public long DowntimeMinutes(Entity e, Service s, long now)
    {
        var from = now - 7 * 86400;
        long seconds = 0;
        foreach (var i in Get(e, s).Incidents)
        {
            if (i.FalsePositive || i.StartTime > now) continue;
            var start = Math.Max(i.StartTime, from);
            var end = Math.Min(i.EndTime ?? now, now);
            if (end > start) seconds += end - start;
        }
        return seconds / 60;
    }

    public double EmergencyThreshold(Entity e, Service s, long now)
    {
        var setup = Get(e, s);
        if (setup.ThresholdOverride is { } o) return o;
        return Math.Round(DowntimeMinutes(e, s, now) * 100.0 / s.ThresholdMinutes(), 4);
    }

    /// <summary>Spec 4.2: Yes when the newest incident is active and not a false positive.</summary>
    public string Alarmed(Entity e, Service s, long now)
    {
        var setup = Get(e, s);
        if (e.Maintenance || string.Equals(setup.Status, "Disabled", StringComparison.OrdinalIgnoreCase)) return "Disabled";
        var newest = setup.Incidents.Where(i => i.StartTime <= now).MaxBy(i => i.StartTime);
        return newest is { IsActive: true, FalsePositive: false } ? "Yes" : "No";
    }

    /// <summary>Whether a cycle of this service measured the service as down: it lies inside some incident.</summary>
    public bool CycleDown(Entity e, Service s, long cycle) => Get(e, s).Incidents.Any(i => i.CoversCycle(cycle));

    public void Reset()
    {
        lock (_gate)
        {
            _overrides.Clear();
            _nextEventId = 9001; // scripted incidents get the same ids after every reset
        }
    }

    /// <returns>null on success, else why the change was refused.</returns>
    public string? Apply(StateChange change)
    {
        var entity = data.FindByKey(change.Entity);
        if (entity is null) return $"Unknown entity '{change.Entity}' (use ry/<tld> or rr/<ianaId>).";

        Service[] targets;
        if (change.Service is null)
        {
            if (change.FalsePositiveIncidentId is null) return "'service' is required.";
            targets = entity.Services.Keys.ToArray();
        }
        else
        {
            if (!Services.TryParseJson(change.Service, out var svc)) return $"Unknown service '{change.Service}'.";
            if (!entity.IsMonitored(svc)) return $"Service {svc.JsonName()} is not monitored for {entity.Key}.";
            targets = [svc];
        }

        lock (_gate)
        {
            var now = clock.Now;
            if (change.FalsePositiveIncidentId is { } fpId)
            {
                foreach (var s in targets)
                {
                    var setup = Get(entity, s);
                    var hit = setup.Incidents.FirstOrDefault(i => i.Id == fpId);
                    if (hit is null) continue;
                    var changed = hit with { FalsePositive = change.FalsePositiveValue ?? true, FalsePositiveUpdateTime = now };
                    Store(entity, setup with { Incidents = Replace(setup.Incidents, hit, changed) });
                    return ApplyRest(entity, s, change, now);
                }
                return $"No incident '{fpId}' for {entity.Key}.";
            }
            return ApplyRest(entity, targets[0], change, now);
        }
    }

    private string? ApplyRest(Entity entity, Service s, StateChange change, long now)
    {
        var setup = Get(entity, s);
        var status = change.Status;
        var incidents = setup.Incidents.ToList();
        var len = s.CycleSeconds();

        if (change.OpenIncident)
        {
            incidents.Add(new Incident(s, now - now % len, null, _nextEventId++, false, null));
            status ??= "Down";
        }
        if (change.ResolveIncident)
        {
            var active = incidents.Where(i => i.IsActive).MaxBy(i => i.StartTime);
            if (active is null) return $"{entity.Key} {s.JsonName()} has no active incident.";
            var end = Math.Max(active.StartTime + len, now - now % len);
            incidents[incidents.IndexOf(active)] = active with { EndTime = end };
            status ??= incidents.Any(i => i.IsActive && !i.FalsePositive) ? setup.Status : "Up";
        }

        Store(entity, setup with
        {
            Status = status ?? setup.Status,
            Incidents = incidents.OrderByDescending(i => i.StartTime).ToArray(),
            ThresholdOverride = change.EmergencyThreshold ?? setup.ThresholdOverride,
        });
        return null;
    }

    private void Store(Entity e, ServiceSetup setup) => _overrides[(e.Key, setup.Service)] = setup;

    private static Incident[] Replace(IReadOnlyList<Incident> list, Incident old, Incident updated) =>
        list.Select(i => ReferenceEquals(i, old) ? updated : i).ToArray();
}
