namespace MoSapi.Simulator.Scenario;

/// <summary>One incident of one service. Immutable: scripted changes replace it.</summary>
public sealed record Incident(Service Service, long StartTime, long? EndTime, int EventId, bool FalsePositive, long? FalsePositiveUpdateTime)
{
    public string Id => $"{StartTime}.{EventId}";
    public bool IsActive => EndTime is null;
    public string State => IsActive ? "Active" : "Resolved";

    /// <summary>Overlap test used by every range query: an incident is in a range if any part of it is.</summary>
    public bool Overlaps(long from, long to, long now) => StartTime <= to && (EndTime ?? now) >= from;

    /// <summary>Cycle starts covered by this incident, oldest first; an active incident runs up to the last completed cycle.</summary>
    public IEnumerable<long> Cycles(long now)
    {
        var len = Service.CycleSeconds();
        var end = EndTime ?? now;
        for (var c = StartTime; c < end && c + len <= now; c += len)
            yield return c;
    }

    public bool CoversCycle(long cycle) => cycle >= StartTime && (EndTime is null || cycle < EndTime);
}
