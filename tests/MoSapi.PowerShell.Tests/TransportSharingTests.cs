using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

/// <summary>Who shares what: one HttpClient and in-flight bound per certificate, one session per account.</summary>
public class TransportSharingTests
{
    private static X509Certificate2 NewCert(string cn)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + cn, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12, "x"), "x");
    }

    private static SecureString Secure(string s)
    {
        var secure = new SecureString();
        foreach (var c in s)
        {
            secure.AppendChar(c);
        }

        return secure;
    }

    [Fact]
    public void Connections_with_one_certificate_share_one_client_and_one_bound()
    {
        var cert = NewCert("share " + Guid.NewGuid());
        var host = new Uri("https://mosapi.test/");
        var options = new MoSapiClientOptions();
        var a = MoSapiConnectionFactory.WithCertificate(MoSapiEntity.ForTld("alpha"), host, "Custom", cert, null, options);
        var b = MoSapiConnectionFactory.WithCertificate(MoSapiEntity.ForTld("beta"), host, "Custom", cert, null, options);
        var other = MoSapiConnectionFactory.WithCertificate(MoSapiEntity.ForTld("alpha"), host, "Custom", NewCert("other " + Guid.NewGuid()), null, options);
        Assert.Same(a.Transport, b.Transport);
        Assert.Same(a.Transport.Http, b.Transport.Http);
        Assert.Same(a.Authenticator.InFlight, b.Authenticator.InFlight);
        Assert.Equal(4, a.Authenticator.InFlight.CurrentCount);
        Assert.NotSame(a.Transport, other.Transport);
        Assert.Equal("Certificate", a.AuthenticationMethod);
        Assert.Equal(cert.Thumbprint, a.CertificateThumbprint);
    }

    [Fact]
    public void Connections_of_one_account_share_its_session_and_other_accounts_do_not()
    {
        var host = new Uri("https://mosapi-" + Guid.NewGuid().ToString("N")[..8] + ".test/");
        var options = new MoSapiClientOptions();
        var a = MoSapiConnectionFactory.WithPassword(MoSapiEntity.ForTld("alpha"), host, "Custom", "alpha_ry", Secure("p1"), null, options);
        var again = MoSapiConnectionFactory.WithPassword(MoSapiEntity.ForTld("alpha"), host, "Custom", "alpha_ry", Secure("p2"), null, options);
        var b = MoSapiConnectionFactory.WithPassword(MoSapiEntity.ForTld("beta"), host, "Custom", "beta_ry", Secure("p1"), null, options);
        Assert.Same(a.Authenticator, again.Authenticator);
        Assert.NotSame(a.Authenticator, b.Authenticator);
        Assert.Same(a.Transport.Http, b.Transport.Http);
        Assert.Equal("Password", a.AuthenticationMethod);
        Assert.DoesNotContain("p1", a.ToString());
    }

    [Fact]
    public void A_certificate_without_a_private_key_cannot_make_a_connection()
    {
        using var withKey = NewCert("nokey");
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        var ex = Assert.Throws<MoSapiException>(() => MoSapiConnectionFactory.WithCertificate(MoSapiEntity.ForTld("alpha"), new Uri("https://mosapi.test/"), "Custom", publicOnly, null, new MoSapiClientOptions()));
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, ex.ErrorId);
    }
}
