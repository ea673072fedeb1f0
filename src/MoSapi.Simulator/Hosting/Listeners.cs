using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using MoSapi.Simulator.Certificates;

namespace MoSapi.Simulator.Hosting;

/// <summary>
/// The main listener plus three deliberately broken ones (expired, wrong host, unknown CA) that serve the same
/// app so clients can prove they refuse bad server certificates. All bind to 127.0.0.1 only.
/// </summary>
public sealed class Listeners
{
    private ListenOptions? _main, _expired, _wrongHost, _unknownCa, _control;

    public void Configure(KestrelServerOptions kestrel, CertificateSet certs, int port)
    {
        kestrel.AddServerHeader = false;
        _main = Listen(kestrel, port, certs.Server);
        _expired = Listen(kestrel, 0, certs.ServerExpired);
        _wrongHost = Listen(kestrel, 0, certs.ServerWrongHost);
        _unknownCa = Listen(kestrel, 0, certs.ServerUnknownCa);

        // The control API also answers on plain HTTP, so test harnesses can drive it without trusting the test CA.
        // This listener serves /_sim/ only; MoSAPI itself stays HTTPS-only.
        kestrel.Listen(IPAddress.Loopback, 0, lo => _control = lo);
    }

    /// <summary>Kestrel writes the bound port back into the listen options once it has started.</summary>
    public int MainPort => Port(_main);
    public int ExpiredPort => Port(_expired);
    public int WrongHostPort => Port(_wrongHost);
    public int UnknownCaPort => Port(_unknownCa);
    public int ControlPort => Port(_control);

    private static int Port(ListenOptions? o) => o?.IPEndPoint?.Port ?? 0;

    private static ListenOptions Listen(KestrelServerOptions kestrel, int port, X509Certificate2 cert)
    {
        ListenOptions? captured = null;
        kestrel.Listen(IPAddress.Loopback, port, lo =>
        {
            captured = lo;
            lo.Protocols = HttpProtocols.Http1AndHttp2;
            lo.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = cert,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                // Chains are checked in the app against the test CA; an untrusted certificate then means "no certificate".
                ClientCertificateValidation = (_, _, _) => true,
                CheckCertificateRevocation = false,
            });
        });
        return captured!;
    }
}
