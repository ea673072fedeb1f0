using System.Security.Cryptography.X509Certificates;

namespace MoSapi.Simulator.Certificates;

/// <summary>The certificates the listeners serve and the root client certificates must chain to.</summary>
public sealed record CertificateSet(
    string Directory,
    X509Certificate2 TestCa,
    X509Certificate2 Server,
    X509Certificate2 ServerExpired,
    X509Certificate2 ServerWrongHost,
    X509Certificate2 ServerUnknownCa);
