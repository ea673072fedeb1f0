using System.Net;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Auth;

public sealed record AuthResult(bool Authenticated, ClientIdentity? Certificate);

/// <summary>The per-entity IP allow-list and the "cookie or authorised certificate" rule of spec 2.</summary>
public sealed class AccessControl(SessionStore sessions, ClientCertificateValidator certificates)
{
    public static bool IsAllowed(Entity entity, IPAddress? remote)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        foreach (var net in entity.AllowList)
            if (net.Contains(remote)) return true;
        return false;
    }

    public ClientIdentity? Certificate(HttpContext ctx) => certificates.Identify(ctx.Connection.ClientCertificate);

    public AuthResult Authenticate(HttpContext ctx, Entity entity)
    {
        var cert = Certificate(ctx);
        if (ctx.Request.Cookies.TryGetValue("id", out var cookie) && sessions.IsValid(entity.Account, cookie))
            return new AuthResult(true, cert);
        if (cert is not null && ScenarioData.CertificateMayRead(cert.CommonName, entity))
            return new AuthResult(true, cert);
        return new AuthResult(false, cert);
    }
}
