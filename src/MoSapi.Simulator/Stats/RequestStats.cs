using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MoSapi.Simulator.Http;

namespace MoSapi.Simulator.Stats;

/// <summary>Counters tests read through /_sim/stats to check client behaviour (login reuse, in-flight limits).</summary>
public sealed class RequestStats
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _logins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _peak = new(StringComparer.Ordinal);
    private long _rejectedInFlight;
    private long _total;

    public void CountRequest(string path)
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _requests.GetOrAdd(path, _ => new StrongBox<long>()).Value);
    }

    public void CountLogin(string account) =>
        Interlocked.Increment(ref _logins.GetOrAdd(account, _ => new StrongBox<long>()).Value);

    /// <returns>false when the certificate already has <paramref name="max"/> requests in flight.</returns>
    public bool TryEnter(string thumbprint, int max)
    {
        var box = _inFlight.GetOrAdd(thumbprint, _ => new StrongBox<int>());
        var current = Interlocked.Increment(ref box.Value);
        if (current > max)
        {
            Interlocked.Decrement(ref box.Value);
            Interlocked.Increment(ref _rejectedInFlight);
            return false;
        }
        var peak = _peak.GetOrAdd(thumbprint, _ => new StrongBox<int>());
        int seen;
        while (current > (seen = Volatile.Read(ref peak.Value)) &&
               Interlocked.CompareExchange(ref peak.Value, current, seen) != seen)
        {
        }
        return true;
    }

    public void Exit(string thumbprint)
    {
        if (_inFlight.TryGetValue(thumbprint, out var box)) Interlocked.Decrement(ref box.Value);
    }

    public void Reset()
    {
        _requests.Clear();
        _logins.Clear();
        _peak.Clear();
        Interlocked.Exchange(ref _rejectedInFlight, 0);
        Interlocked.Exchange(ref _total, 0);
    }

    public byte[] ToJson() => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("requests");
        foreach (var (k, v) in _requests.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(k, Interlocked.Read(ref v.Value));
        w.WriteEndObject();
        w.WriteStartObject("logins");
        foreach (var (k, v) in _logins.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(k, Interlocked.Read(ref v.Value));
        w.WriteEndObject();
        w.WriteStartObject("peakInFlightPerCert");
        foreach (var (k, v) in _peak.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(k, Volatile.Read(ref v.Value));
        w.WriteEndObject();
        w.WriteNumber("rejectedInFlight", Interlocked.Read(ref _rejectedInFlight));
        w.WriteNumber("total", Interlocked.Read(ref _total));
        w.WriteEndObject();
    });
}
