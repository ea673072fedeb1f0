using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MoSapi.Simulator.Auth;

/// <summary>
/// One session per account (spec 2): a newer login replaces the older cookie. Lifetimes run on wall time, not
/// on the scenario clock, so advancing the scenario never logs anyone out.
/// </summary>
public sealed class SessionStore(TimeSpan lifetime)
{
    private sealed record Session(string Cookie, long ExpiresAtMs);

    private readonly ConcurrentDictionary<string, Session> _byAccount = new(StringComparer.Ordinal);

    public string Login(string account)
    {
        var cookie = NewCookie();
        _byAccount[account] = new Session(cookie, Environment.TickCount64 + (long)lifetime.TotalMilliseconds);
        return cookie;
    }

    public bool IsValid(string account, string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || !_byAccount.TryGetValue(account, out var s)) return false;
        if (Environment.TickCount64 >= s.ExpiresAtMs) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s.Cookie), Encoding.ASCII.GetBytes(cookie));
    }

    public void Logout(string account, string? cookie)
    {
        if (IsValid(account, cookie) && _byAccount.TryGetValue(account, out var s))
            _byAccount.TryRemove(new KeyValuePair<string, Session>(account, s));
    }

    public void Expire(string account) => _byAccount.TryRemove(account, out _);

    /// <summary>As if someone else logged in to the account: the client's cookie stops working.</summary>
    public void Evict(string account) =>
        _byAccount[account] = new Session(NewCookie(), Environment.TickCount64 + (long)lifetime.TotalMilliseconds);

    private static string NewCookie() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
