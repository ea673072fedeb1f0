using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Connect-MoSapi: one connection per TLD or registrar, with a password session (logged in at once, so a wrong
    /// password or an address missing from the allow-list fails here) or a TLS client certificate.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "MoSapi", DefaultParameterSetName = PasswordSet)]
    [OutputType(typeof(MoSapiConnection))]
    public sealed class ConnectMoSapiCommand : MoSapiCmdlet
    {
        private const string PasswordSet = "Credential";
        private const string CertificateSet = "Certificate";
        private const string PathSet = "CertificatePath";
        private const string ThumbprintSet = "CertificateThumbprint";

        /// <summary>Placeholder in the user name replaced by each TLD (registry accounts are named &lt;tld&gt;_ry).</summary>
        public const string TldPlaceholder = "{tld}";

        private X509Certificate2? _certificate;
        private X509Certificate2? _trustedCa;
        private Uri? _host;
        private string _environmentName = "Production";
        private MoSapiClientOptions? _options;
        private readonly HashSet<MoSapiEntity> _seen = new HashSet<MoSapiEntity>();

        // No null validation: a piped row may carry only one of Tld / RegistrarId.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? Tld { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int[]? RegistrarId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        public SecureString? CertificatePassword { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string? KeyPath { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter]
        [ValidateSet("Production", "OTE", IgnoreCase = true)]
        public string Environment { get; set; } = "Production";

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [CertificateTransform]
        [ValidateNotNull]
        public X509Certificate2? TrustedCaCertificate { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0.0, 60.0)]
        public double RetryIntervalSec { get; set; } = 1;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Environment)) && BaseUri != null)
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, "Give either -Environment or -BaseUri, not both.");
            }

            try
            {
                _host = MoSapiConnectionFactory.ResolveHost(Environment, BaseUri, out _environmentName);
                _trustedCa = TrustedCaCertificate;
                _options = new MoSapiClientOptions
                {
                    TimeoutSec = TimeoutSec,
                    MaximumRetryCount = MaximumRetryCount,
                    RetryIntervalSec = RetryIntervalSec,
                };
                _certificate = ParameterSetName switch
                {
                    CertificateSet => CertificateLoader.RequirePrivateKey(Certificate!, Certificate!.Subject),
                    PathSet => LoadFromPath(),
                    ThumbprintSet => CertificateLoader.FromThumbprint(CertificateThumbprint!),
                    _ => null,
                };
            }
            catch (MoSapiException ex)
            {
                ThrowTerminating(ex);
            }
        }

        protected override void ProcessRecord()
        {
            var entities = new List<MoSapiEntity>();
            try
            {
                foreach (var tld in Tld ?? Array.Empty<string>())
                {
                    entities.Add(MoSapiEntity.ForTld(tld));
                }

                foreach (var id in RegistrarId ?? Array.Empty<int>())
                {
                    entities.Add(MoSapiEntity.ForRegistrar(id));
                }
            }
            catch (MoSapiException ex)
            {
                ThrowTerminating(ex);
            }

            if (entities.Count == 0)
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, "Name what to connect to with -Tld (registries) or -RegistrarId (registrars).");
            }

            foreach (var entity in entities)
            {
                if (!_seen.Add(entity))
                {
                    continue;
                }

                MoSapiConnection connection;
                try
                {
                    connection = Create(entity);
                }
                catch (MoSapiException ex)
                {
                    WriteError(ErrorRecords.From(ex, entity.PathSegment));
                    continue;
                }

                var passThru = PassThru.IsPresent;
                Work.Add(entity.PathSegment, async (sink, context) =>
                {
                    await connection.ConnectAsync(context).ConfigureAwait(false);
                    sink.Write(new Registered(connection, passThru));
                });
            }
        }

        internal override object? BeforeWrite(object item)
        {
            if (item is not Registered registered)
            {
                return item;
            }

            var replaced = ConnectionRegistry.Current.AddOrReplace(registered.Connection);
            WriteVerbose(replaced == null
                ? $"Connected to {registered.Connection}."
                : $"Connected to {registered.Connection}, replacing the earlier connection for {registered.Connection.Entity}.");
            return registered.PassThru ? registered.Connection : null;
        }

        private MoSapiConnection Create(MoSapiEntity entity)
        {
            if (_certificate != null)
            {
                return MoSapiConnectionFactory.WithCertificate(entity, _host!, _environmentName, _certificate, _trustedCa, _options!);
            }

            var userName = Credential!.UserName;
            if (userName.IndexOf(TldPlaceholder, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                if (entity.Tld == null)
                {
                    throw new MoSapiException(MoSapiErrorIds.InvalidArgument, $"The user name '{userName}' has a {TldPlaceholder} placeholder, which only works with -Tld. Give the registrar's own user name.");
                }

                userName = ReplacePlaceholder(userName, entity.Tld);
            }

            return MoSapiConnectionFactory.WithPassword(entity, _host!, _environmentName, userName, Credential.Password, _trustedCa, _options!);
        }

        private static string ReplacePlaceholder(string userName, string tld)
        {
            var at = userName.IndexOf(TldPlaceholder, StringComparison.OrdinalIgnoreCase);
            return userName.Substring(0, at) + tld + userName.Substring(at + TldPlaceholder.Length);
        }

        private X509Certificate2 LoadFromPath()
        {
            var certificatePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath);
            if (KeyPath != null)
            {
                if (CertificatePassword != null)
                {
                    throw new MoSapiException(MoSapiErrorIds.InvalidArgument, "-CertificatePassword is for PFX files and -KeyPath for PEM keys; give one of them.");
                }

                return CertificateLoader.FromPem(certificatePath, SessionState.Path.GetUnresolvedProviderPathFromPSPath(KeyPath));
            }

            return CertificateLoader.FromPfx(certificatePath, CertificatePassword);
        }

        /// <summary>
        /// Connections are registered on the pipeline thread (the registry belongs to this runspace) once the login
        /// succeeded, via this marker written by the background work.
        /// </summary>
        internal sealed class Registered
        {
            public Registered(MoSapiConnection connection, bool passThru)
            {
                Connection = connection;
                PassThru = passThru;
            }

            public MoSapiConnection Connection { get; }

            public bool PassThru { get; }
        }
    }
}
