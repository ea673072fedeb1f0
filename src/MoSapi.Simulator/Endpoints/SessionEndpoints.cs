using System.Net.Http.Headers;
using System.Text;
using MoSapi.Simulator.Auth;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;
using MoSapi.Simulator.Stats;

namespace MoSapi.Simulator.Endpoints;

/// <summary>Unversioned {base}/login and {base}/logout (spec 2).</summary>
public sealed class SessionEndpoints(SessionStore sessions, LoginRateLimiter limiter, RequestStats stats, string password)
{
    public SimResponse Login(HttpContext ctx, Entity e)
    {
        if (!limiter.TryAcquire(e.Account))
        {
            return SimResponse.Text(429, "Too many login attempts for this account. Try again later.")
                .WithHeader("Retry-After", LoginRateLimiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (!TryBasic(ctx.Request.Headers.Authorization.ToString(), out var user, out var pass) ||
            !string.Equals(user, e.Account, StringComparison.Ordinal) ||
            !string.Equals(pass, password, StringComparison.Ordinal))
        {
            return SimResponse.Unauthorized().WithHeader("WWW-Authenticate", "Basic realm=\"MoSAPI\", charset=\"UTF-8\"");
        }

        var cookie = sessions.Login(e.Account);
        stats.CountLogin(e.Account);
        return SimResponse.Text(200, "You are logged in.")
            .WithHeader("Set-Cookie", $"id={cookie}; Path={e.BasePath}; Secure; HttpOnly");
    }

    public SimResponse Logout(HttpContext ctx, Entity e)
    {
        sessions.Logout(e.Account, ctx.Request.Cookies["id"]);
        return SimResponse.Text(200, "You are logged out.");
    }

    private static bool TryBasic(string header, out string user, out string pass)
    {
        user = pass = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
            return false;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = text.IndexOf(':');
            if (colon < 0) return false;
            user = text[..colon];
            pass = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
