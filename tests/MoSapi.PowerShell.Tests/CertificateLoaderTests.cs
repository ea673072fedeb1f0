using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

/// <summary>Client certificates from every source Connect-MoSapi accepts, generated fresh for each test.</summary>
public sealed class CertificateLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mosapi-certs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static X509Certificate2 NewRsa(string cn, out RSA key)
    {
        key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + cn, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 NewEc(string cn, out ECDsa key)
    {
        key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + cn, key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text)
        {
            s.AppendChar(c);
        }

        return s;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Pfx_with_password_loads_with_its_key()
    {
        using var cert = NewRsa("pfx test", out var key);
        var path = Path.Combine(_dir, "client.pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pkcs12, "pfx-pass"));
        using var loaded = CertificateLoader.FromPfx(path, Secure("pfx-pass"));
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(cert.Thumbprint, loaded.Thumbprint);
        key.Dispose();
    }

    [Fact]
    public void Pfx_with_a_wrong_password_fails_clearly()
    {
        using var cert = NewRsa("pfx test", out var key);
        var path = Path.Combine(_dir, "client.pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pkcs12, "right"));
        var ex = Assert.Throws<MoSapiException>(() => CertificateLoader.FromPfx(path, Secure("wrong")));
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, ex.ErrorId);
        Assert.Contains("-CertificatePassword", ex.Message);
        Assert.DoesNotContain("wrong", ex.Message.Replace("-CertificatePassword is right", string.Empty));
        key.Dispose();
    }

    [Fact]
    public void Missing_files_fail_with_CertificateLoadFailed()
    {
        var ex = Assert.Throws<MoSapiException>(() => CertificateLoader.FromPfx(Path.Combine(_dir, "nope.pfx"), null));
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, ex.ErrorId);
        Assert.Contains("nope.pfx", ex.Message);
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("pkcs1")]
    public void Pem_certificate_with_an_rsa_key_loads(string form)
    {
        using var cert = NewRsa("pem rsa", out var key);
        var certPath = Write("client.crt", cert.ExportCertificatePem());
        var keyPath = Write("client.key", form == "pkcs8" ? key.ExportPkcs8PrivateKeyPem() : key.ExportRSAPrivateKeyPem());
        using var loaded = CertificateLoader.FromPem(certPath, keyPath);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(cert.Thumbprint, loaded.Thumbprint);
        Assert.NotNull(loaded.GetRSAPrivateKey());
        key.Dispose();
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("sec1")]
    public void Pem_certificate_with_an_ec_key_loads(string form)
    {
        using var cert = NewEc("pem ec", out var key);
        var certPath = Write("client.crt", cert.ExportCertificatePem());
        var keyPath = Write("client.key", form == "pkcs8" ? key.ExportPkcs8PrivateKeyPem() : key.ExportECPrivateKeyPem());
        using var loaded = CertificateLoader.FromPem(certPath, keyPath);
        Assert.True(loaded.HasPrivateKey);
        Assert.NotNull(loaded.GetECDsaPrivateKey());
        key.Dispose();
    }

    [Fact]
    public void Pem_with_a_key_of_another_certificate_fails_clearly()
    {
        using var cert = NewRsa("a", out var keyA);
        using var other = NewRsa("b", out var keyB);
        var certPath = Write("a.crt", cert.ExportCertificatePem());
        var keyPath = Write("b.key", keyB.ExportPkcs8PrivateKeyPem());
        var ex = Assert.Throws<MoSapiException>(() => CertificateLoader.FromPem(certPath, keyPath));
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, ex.ErrorId);
        Assert.DoesNotContain("PRIVATE KEY-----", ex.Message);
        keyA.Dispose();
        keyB.Dispose();
    }

    [Fact]
    public void A_certificate_without_a_key_is_refused()
    {
        using var cert = NewRsa("no key", out var key);
        using var publicOnly = X509CertificateLoader.LoadCertificate(cert.RawData);
        var ex = Assert.Throws<MoSapiException>(() => CertificateLoader.RequirePrivateKey(publicOnly, "test"));
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, ex.ErrorId);
        key.Dispose();
    }

    [Fact]
    public void Thumbprint_finds_a_certificate_in_CurrentUser_My()
    {
        using var cert = NewRsa("store test " + Guid.NewGuid().ToString("N"), out var key);
        using var persisted = X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12, "x"), "x", X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(persisted);
        try
        {
            using var found = CertificateLoader.FromThumbprint(persisted.Thumbprint.ToLowerInvariant().Insert(2, " "));
            Assert.Equal(persisted.Thumbprint, found.Thumbprint);
            Assert.True(found.HasPrivateKey);
        }
        finally
        {
            store.Remove(persisted);
            key.Dispose();
        }
    }

    [Fact]
    public void Unknown_and_malformed_thumbprints_fail_clearly()
    {
        Assert.Equal(MoSapiErrorIds.InvalidArgument, Assert.Throws<MoSapiException>(() => CertificateLoader.FromThumbprint("xyz")).ErrorId);
        var ex = Assert.Throws<MoSapiException>(() => CertificateLoader.FromThumbprint(new string('A', 40)));
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, ex.ErrorId);
        Assert.Contains("CurrentUser", ex.Message);
    }

    [Fact]
    public void A_ca_loads_from_pem_and_der()
    {
        using var cert = NewRsa("ca", out var key);
        using var fromPem = CertificateLoader.LoadCa(Write("ca.crt", cert.ExportCertificatePem()));
        var der = Path.Combine(_dir, "ca.cer");
        File.WriteAllBytes(der, cert.RawData);
        using var fromDer = CertificateLoader.LoadCa(der);
        Assert.Equal(cert.Thumbprint, fromPem.Thumbprint);
        Assert.Equal(cert.Thumbprint, fromDer.Thumbprint);
        Assert.Equal(MoSapiErrorIds.CertificateLoadFailed, Assert.Throws<MoSapiException>(() => CertificateLoader.LoadCa(Write("junk.crt", "not a cert"))).ErrorId);
        key.Dispose();
    }
}
