using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MoSapi.Simulator.Certificates;

/// <summary>
/// Creates the test PKI: a root CA, server certificates (good, expired, wrong host, unknown CA) and client
/// certificates in every key form a client may be handed (PFX, PEM PKCS#8, PEM PKCS#1, PEM SEC1).
/// </summary>
public static class CertificateFactory
{
    public const string CaSubject = "CN=MoSapi Simulator Test CA";
    public const string OtherCaSubject = "CN=MoSapi Simulator Unknown CA";

    private static readonly string[] RequiredFiles =
    [
        "ca.crt", "other-ca.crt", "server.pfx", "server-expired.pfx", "server-wronghost.pfx", "server-unknownca.pfx",
        "client-rsp.pfx", "client-ec.pfx", "client-registrar.pfx", "client-unauthorised.pfx",
    ];

    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    public static CertificateSet LoadOrCreate(string directory, string pfxPassword, bool regenerate)
    {
        var dir = Path.GetFullPath(directory);
        Directory.CreateDirectory(dir);
        if (regenerate || RequiredFiles.Any(f => !File.Exists(Path.Combine(dir, f))))
            Generate(dir, pfxPassword);

        X509Certificate2 Pfx(string name) => X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(dir, name), pfxPassword);
        return new CertificateSet(
            dir,
            X509CertificateLoader.LoadCertificateFromFile(Path.Combine(dir, "ca.crt")),
            Pfx("server.pfx"),
            Pfx("server-expired.pfx"),
            Pfx("server-wronghost.pfx"),
            Pfx("server-unknownca.pfx"));
    }

    private static void Generate(string dir, string pfxPassword)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(3072);
        using var ca = CreateCa(CaSubject, caKey, now);
        using var otherCaKey = RSA.Create(2048);
        using var otherCa = CreateCa(OtherCaSubject, otherCaKey, now);

        WritePem(dir, "ca.crt", ca.ExportCertificatePem());
        WritePem(dir, "other-ca.crt", otherCa.ExportCertificatePem());

        string[] loopbackNames = ["localhost"];
        IPAddress[] loopbackIps = [IPAddress.Loopback, IPAddress.IPv6Loopback];

        IssueServer(dir, "server", pfxPassword, ca, "CN=localhost", loopbackNames, loopbackIps, now.AddDays(-1), now.AddYears(2));
        IssueServer(dir, "server-expired", pfxPassword, ca, "CN=localhost", loopbackNames, loopbackIps, now.AddDays(-400), now.AddDays(-30));
        IssueServer(dir, "server-wronghost", pfxPassword, ca, "CN=wrong.example", ["wrong.example"], [], now.AddDays(-1), now.AddYears(2));
        IssueServer(dir, "server-unknownca", pfxPassword, otherCa, "CN=localhost", loopbackNames, loopbackIps, now.AddDays(-1), now.AddYears(2));

        using (var rsp = RSA.Create(2048))
        {
            IssueClient(dir, "client-rsp", pfxPassword, ca, "CN=MoSapi Test RSP, O=MoSapi Simulator", rsp, now);
            WritePem(dir, "client-rsp-rsa1.key", rsp.ExportRSAPrivateKeyPem());
        }
        using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            IssueClient(dir, "client-ec", pfxPassword, ca, "CN=MoSapi Test EC, O=MoSapi Simulator", ec, now);
            WritePem(dir, "client-ec-sec1.key", ec.ExportECPrivateKeyPem());
        }
        using (var registrar = RSA.Create(2048))
            IssueClient(dir, "client-registrar", pfxPassword, ca, "CN=MoSapi Test Registrar, O=MoSapi Simulator", registrar, now);
        using (var nobody = RSA.Create(2048))
            IssueClient(dir, "client-unauthorised", pfxPassword, ca, "CN=MoSapi Test Nobody, O=MoSapi Simulator", nobody, now);
    }

    private static X509Certificate2 CreateCa(string subject, RSA key, DateTimeOffset now)
    {
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        // Backdated so that the expired server certificate still falls inside the CA's validity.
        return req.CreateSelfSigned(now.AddYears(-3), now.AddYears(10));
    }

    private static void IssueServer(string dir, string name, string password, X509Certificate2 issuer, string subject,
        string[] dnsNames, IPAddress[] ips, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var d in dnsNames) san.AddDnsName(d);
        foreach (var ip in ips) san.AddIpAddress(ip);
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        AddKeyIdentifiers(req, issuer);
        using var pub = SignWith(req, issuer, notBefore, notAfter);
        using var full = pub.CopyWithPrivateKey(key);
        WritePfx(dir, name + ".pfx", full, password);
        WritePem(dir, name + ".crt", full.ExportCertificatePem());
    }

    private static void IssueClient(string dir, string name, string password, X509Certificate2 issuer, string subject,
        AsymmetricAlgorithm key, DateTimeOffset now)
    {
        CertificateRequest req = key switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("Unsupported key type.", nameof(key)),
        };
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var usage = key is RSA
            ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
            : X509KeyUsageFlags.DigitalSignature;
        req.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuth], false));
        AddKeyIdentifiers(req, issuer);
        using var pub = SignWith(req, issuer, now.AddDays(-1), now.AddYears(2));
        using var full = key is RSA r ? pub.CopyWithPrivateKey(r) : pub.CopyWithPrivateKey((ECDsa)key);
        WritePfx(dir, name + ".pfx", full, password);
        WritePem(dir, name + ".crt", full.ExportCertificatePem());
        WritePem(dir, name + ".key", key.ExportPkcs8PrivateKeyPem());
    }

    private static void AddKeyIdentifiers(CertificateRequest req, X509Certificate2 issuer)
    {
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
    }

    /// <summary>The signature generator overload lets an RSA CA sign an EC key's request.</summary>
    private static X509Certificate2 SignWith(CertificateRequest req, X509Certificate2 issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var issuerKey = issuer.GetRSAPrivateKey() ?? throw new InvalidOperationException("The CA has no RSA private key.");
        var generator = X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1);
        return req.Create(issuer.SubjectName, generator, notBefore, notAfter, NewSerial());
    }

    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // keep it positive
        return serial;
    }

    private static void WritePfx(string dir, string name, X509Certificate2 cert, string password)
    {
        // AES-256/SHA-256 PBES2 reads everywhere that matters (OpenSSL 3, .NET, Windows 10+), unlike legacy RC2.
        var bytes = cert.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        WriteAtomically(Path.Combine(dir, name), bytes);
    }

    private static void WritePem(string dir, string name, string pem) =>
        WriteAtomically(Path.Combine(dir, name), Encoding.ASCII.GetBytes(pem.EndsWith('\n') ? pem : pem + "\n"));

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var tmp = path + ".tmp" + Environment.ProcessId;
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }
}
