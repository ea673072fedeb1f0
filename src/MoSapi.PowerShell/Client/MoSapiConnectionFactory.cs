using System;
using System.Net;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace MoSapi.Client
{
    /// <summary>Builds connections, so every rule about hosts and credentials lives in the core, not in a cmdlet.</summary>
    public static class MoSapiConnectionFactory
    {
        /// <summary>Resolves -Environment / -BaseUri into a host URI, refusing plain HTTP except on loopback.</summary>
        public static Uri ResolveHost(string? environment, Uri? baseUri, out string environmentName)
        {
            if (baseUri == null)
            {
                var isOte = string.Equals(environment, "OTE", StringComparison.OrdinalIgnoreCase);
                environmentName = isOte ? "OTE" : "Production";
                return isOte ? MoSapiRoutes.Ote : MoSapiRoutes.Production;
            }

            environmentName = "Custom";
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            {
                throw new MoSapiException(MoSapiErrorIds.InvalidArgument, $"-BaseUri '{baseUri}' must be an absolute https:// address such as https://mosapi-ote.icann.org/.");
            }

            if (baseUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUri))
            {
                throw new MoSapiException(MoSapiErrorIds.InvalidArgument, $"-BaseUri '{baseUri}' uses plain http://, which would send credentials unencrypted. Use https:// (plain http is accepted only for loopback addresses).");
            }

            // The entity is appended to the host path, so a trailing slash keeps a proxy prefix (https://proxy/mosapi/).
            var text = baseUri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

        public static MoSapiConnection WithPassword(MoSapiEntity entity, Uri host, string environment, string userName, SecureString password, X509Certificate2? trustedCa, MoSapiClientOptions options)
        {
            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new MoSapiException(MoSapiErrorIds.InvalidArgument, "The credential has no user name. Registry accounts are usually '<tld>_ry'.");
            }

            var transport = MoSapiTransport.Get(null, trustedCa, options.MaximumInFlight);
            var session = PasswordSession.For(transport, MoSapiRoutes.EntityBase(host, entity), entity, userName, password, options);
            return new MoSapiConnection(entity, host, environment, session, transport, options, userName);
        }

        public static MoSapiConnection WithCertificate(MoSapiEntity entity, Uri host, string environment, X509Certificate2 certificate, X509Certificate2? trustedCa, MoSapiClientOptions options)
        {
            CertificateLoader.RequirePrivateKey(certificate, certificate.Subject);
            var transport = MoSapiTransport.Get(certificate, trustedCa, options.MaximumInFlight);
            return new MoSapiConnection(entity, host, environment, new CertificateAuthenticator(transport), transport, options, null);
        }
    }
}
