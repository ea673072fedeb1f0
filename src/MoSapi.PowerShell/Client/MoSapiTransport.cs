using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace MoSapi.Client
{
    /// <summary>
    /// One HttpClient (connection pool, TLS settings) shared by every connection with the same client certificate and
    /// trusted CA, together with the in-flight limit of that certificate: MoSAPI counts sessions per certificate, not
    /// per TLD, so an RSP reading 300 TLDs must keep all of them under one bound.
    /// </summary>
    internal sealed class MoSapiTransport
    {
        private static readonly object PoolLock = new object();
        private static readonly Dictionary<string, MoSapiTransport> Pool = new Dictionary<string, MoSapiTransport>(StringComparer.Ordinal);

        private MoSapiTransport(string key, X509Certificate2? clientCertificate, X509Certificate2? trustedCa, int maxInFlight)
        {
            Key = key;
            ClientCertificate = clientCertificate;
            var validator = new ServerCertificateValidator(trustedCa);
            var handler = new HttpClientHandler
            {
                // Set explicitly: Windows PowerShell's defaults differ and METRICA is served gzip-encoded.
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                AllowAutoRedirect = false,
                UseProxy = true,
                MaxConnectionsPerServer = Math.Max(maxInFlight * 2, 8),
                ServerCertificateCustomValidationCallback = (_, cert, chain, errors) => validator.Validate(cert, chain, errors),
            };
            if (clientCertificate != null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(clientCertificate);
            }

            // Timeouts are per request (linked tokens), so the client itself never times out.
            Http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            InFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        }

        public string Key { get; }

        public HttpClient Http { get; }

        public X509Certificate2? ClientCertificate { get; }

        /// <summary>The per-certificate bound; password accounts use their own.</summary>
        public SemaphoreSlim InFlight { get; }

        public static MoSapiTransport Get(X509Certificate2? clientCertificate, X509Certificate2? trustedCa, int maxInFlight)
        {
            var key = (clientCertificate?.Thumbprint ?? "-") + "|" + (trustedCa?.Thumbprint ?? "-");
            lock (PoolLock)
            {
                if (!Pool.TryGetValue(key, out var transport))
                {
                    transport = new MoSapiTransport(key, clientCertificate, trustedCa, maxInFlight);
                    Pool[key] = transport;
                }

                return transport;
            }
        }
    }
}
