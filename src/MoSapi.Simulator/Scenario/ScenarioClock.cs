namespace MoSapi.Simulator.Scenario;

/// <summary>
/// The scenario's notion of "now". The anchor fixes the scenario data (incident times, report dates) so it stays
/// stable while the clock is advanced; "now" moves with real time only in --now real mode.
/// </summary>
public sealed class ScenarioClock
{
    private readonly bool _real;
    private long _advanced;

    public ScenarioClock(long? start)
    {
        _real = start is null;
        var s = start ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Anchor = s - s % 60;
        if (!_real) Anchor = s; // an explicit --now is honoured to the second
    }

    public long Anchor { get; }

    public long Now => (_real ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : Anchor) + Interlocked.Read(ref _advanced);

    /// <summary>SLAM refreshes MoSAPI at most once a minute (spec 5.2).</summary>
    public long LastUpdate => Now - Now % 60;

    public long Advance(long seconds)
    {
        Interlocked.Add(ref _advanced, seconds);
        return Now;
    }

    public static long DayStart(long epoch) => epoch - ((epoch % 86400) + 86400) % 86400;
}
