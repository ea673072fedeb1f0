using System;
using System.Globalization;
using System.Threading.Tasks;

namespace MoSapi.Client
{
    /// <summary>
    /// One entity at one MoSAPI host with one credential. Public properties describe it and never hold a secret (the
    /// password and the session cookie live in the internal session object), so the object can be shown, exported
    /// with Export-Clixml, or handed to parallel runspaces with $using: safely.
    /// </summary>
    public sealed class MoSapiConnection
    {
        internal MoSapiConnection(MoSapiEntity entity, Uri host, string environment, Authenticator authenticator, MoSapiTransport transport, MoSapiClientOptions options, string? userName)
        {
            Entity = entity;
            BaseUri = host;
            EntityUri = MoSapiRoutes.EntityBase(host, entity);
            Environment = environment;
            Authenticator = authenticator;
            Transport = transport;
            Options = options;
            UserName = userName;
            CertificateSubject = transport.ClientCertificate?.Subject;
            CertificateThumbprint = transport.ClientCertificate?.Thumbprint;
            CertificateNotAfter = transport.ClientCertificate?.NotAfter.ToUniversalTime();
            ConnectedSince = DateTimeOffset.UtcNow;
        }

        public MoSapiEntity Entity { get; }

        public string? Tld => Entity.Tld;

        public int? RegistrarId => Entity.RegistrarId;

        /// <summary>The host, e.g. https://mosapi.icann.org/.</summary>
        public Uri BaseUri { get; }

        /// <summary>The entity's own base, e.g. https://mosapi.icann.org/ry/example/.</summary>
        public Uri EntityUri { get; }

        /// <summary>Production, OTE or Custom (-BaseUri).</summary>
        public string Environment { get; }

        /// <summary>Password or Certificate.</summary>
        public string AuthenticationMethod => Authenticator.Method;

        public string? UserName { get; }

        public string? CertificateSubject { get; }

        public string? CertificateThumbprint { get; }

        public DateTime? CertificateNotAfter { get; }

        public DateTimeOffset ConnectedSince { get; }

        public int TimeoutSec => Options.TimeoutSec;

        public int MaximumRetryCount => Options.MaximumRetryCount;

        public double RetryIntervalSec => Options.RetryIntervalSec;

        internal Authenticator Authenticator { get; }

        internal MoSapiTransport Transport { get; }

        internal MoSapiClientOptions Options { get; }

        /// <summary>True when the same entity at the same host is meant (a reconnect replaces the older connection).</summary>
        public bool IsSameTarget(MoSapiConnection other) =>
            other.Entity.Equals(Entity) && Uri.Compare(other.BaseUri, BaseUri, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

        internal Task ConnectAsync(MoSapiCallContext context) => Authenticator.ConnectAsync(context);

        internal Task DisconnectAsync(MoSapiCallContext context) => Authenticator.DisconnectAsync(context);

        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0} at {1} ({2} {3})",
            Entity,
            BaseUri.Authority,
            AuthenticationMethod,
            UserName ?? CertificateSubject);
    }
}
