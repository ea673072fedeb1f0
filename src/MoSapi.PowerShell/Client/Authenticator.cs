using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MoSapi.Client
{
    /// <summary>How a connection proves who it is on each request.</summary>
    internal abstract class Authenticator
    {
        public abstract string Method { get; }

        /// <summary>The in-flight bound this connection's requests share (per certificate, or per account).</summary>
        public abstract SemaphoreSlim InFlight { get; }

        /// <summary>Adds the credential to a request and returns a token that identifies it for renewal.</summary>
        public abstract string? Apply(HttpRequestMessage request);

        /// <summary>Called once after a 401. True when a fresh credential is in place and the request is worth repeating.</summary>
        public abstract Task<bool> RenewAsync(string? rejected, MoSapiCallContext context);

        public abstract Task ConnectAsync(MoSapiCallContext context);

        public abstract Task DisconnectAsync(MoSapiCallContext context);
    }

    /// <summary>mTLS: the certificate is in the transport's handshake; there is nothing to add and nothing to renew.</summary>
    internal sealed class CertificateAuthenticator : Authenticator
    {
        private readonly MoSapiTransport _transport;

        public CertificateAuthenticator(MoSapiTransport transport)
        {
            _transport = transport;
        }

        public override string Method => "Certificate";

        public override SemaphoreSlim InFlight => _transport.InFlight;

        public override string? Apply(HttpRequestMessage request) => null;

        public override Task<bool> RenewAsync(string? rejected, MoSapiCallContext context) => Task.FromResult(false);

        public override Task ConnectAsync(MoSapiCallContext context) => Task.CompletedTask;

        public override Task DisconnectAsync(MoSapiCallContext context) => Task.CompletedTask;
    }
}
