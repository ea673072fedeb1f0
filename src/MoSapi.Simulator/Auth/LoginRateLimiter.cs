using System.Collections.Concurrent;

namespace MoSapi.Simulator.Auth;

/// <summary>More than <see cref="MaxLogins"/> logins of one account within a minute of wall time are refused with 429.</summary>
public sealed class LoginRateLimiter
{
    public const int MaxLogins = 10;
    public const int RetryAfterSeconds = 30;
    private const long WindowMs = 60_000;

    private readonly ConcurrentDictionary<string, Queue<long>> _attempts = new(StringComparer.Ordinal);

    public bool TryAcquire(string account)
    {
        var queue = _attempts.GetOrAdd(account, _ => new Queue<long>());
        var now = Environment.TickCount64;
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= WindowMs) queue.Dequeue();
            if (queue.Count >= MaxLogins) return false;
            queue.Enqueue(now);
            return true;
        }
    }

    public void Reset() => _attempts.Clear();
}
