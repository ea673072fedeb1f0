using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MoSapi.Simulator.Auth;

public sealed record ClientIdentity(string CommonName, string Thumbprint);

/// <summary>
/// TLS accepts any client certificate so that chain errors surface here, in the application, as "no
/// certificate" (and thus a 401) rather than as a handshake failure.
/// </summary>
public sealed class ClientCertificateValidator(X509Certificate2 testCa)
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private readonly ConcurrentDictionary<string, ClientIdentity?> _cache = new(StringComparer.Ordinal);

    public ClientIdentity? Identify(X509Certificate2? cert)
    {
        if (cert is null) return null;
        return _cache.GetOrAdd(cert.Thumbprint, _ => Validate(cert));
    }

    private ClientIdentity? Validate(X509Certificate2 cert)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(testCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
        if (!chain.Build(cert)) return null;
        var cn = cert.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return new ClientIdentity(cn, cert.Thumbprint);
    }
}
