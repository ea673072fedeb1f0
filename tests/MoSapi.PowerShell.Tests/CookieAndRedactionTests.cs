using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

public class CookieAndRedactionTests
{
    [Fact]
    public void The_id_cookie_is_found_among_others()
    {
        var value = PasswordSession.FindSessionCookie(new[]
        {
            "other=1; Path=/",
            "id=0123456789abcdef0123456789abcdef01234567; Path=/ry/example; Secure; HttpOnly",
        });
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", value);
    }

    [Theory]
    [InlineData("ident=abc; Path=/")]
    [InlineData("id=; Path=/")]
    [InlineData("Path=/ry/example; id=abc")]
    public void No_id_cookie_means_no_session(string header) => Assert.Null(PasswordSession.FindSessionCookie(new[] { header }));

    [Fact]
    public void Credentials_are_redacted_in_logged_headers()
    {
        Assert.Equal("Basic [redacted]", MoSapiHttp.Redact("Authorization", new[] { "Basic ZXhhbXBsZV9yeTpzZWNyZXQ=" }));
        Assert.Equal("id=[redacted]", MoSapiHttp.Redact("Cookie", new[] { "id=0123456789abcdef" }));
        var setCookie = MoSapiHttp.Redact("Set-Cookie", new[] { "id=0123456789abcdef; Path=/ry/example; Secure; HttpOnly" });
        Assert.DoesNotContain("0123456789abcdef", setCookie);
        Assert.Contains("Path=/ry/example", setCookie);
        Assert.Equal("application/json", MoSapiHttp.Redact("Accept", new[] { "application/json" }));
    }

    [Fact]
    public void Backoff_grows_exponentially_within_jitter_and_is_capped()
    {
        var options = new MoSapiClientOptions { RetryIntervalSec = 1 };
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var wait = MoSapiHttp.Backoff(options, attempt).TotalSeconds;
            var nominal = Math.Pow(2, attempt);
            Assert.InRange(wait, nominal * 0.75, nominal * 1.25);
        }

        Assert.InRange(MoSapiHttp.Backoff(options, 20).TotalSeconds, 0, 30 * 1.25);
        Assert.Equal(0, MoSapiHttp.Backoff(new MoSapiClientOptions { RetryIntervalSec = 0 }, 3).TotalSeconds);
    }
}
