using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MoSapi.Client
{
    /// <summary>
    /// Validates MoSAPI's server certificate. Normal validation always applies; an explicitly named CA may stand in for
    /// the system's roots (OT&amp;E proxies, the simulator), but the host name is still checked and nothing else is
    /// waived. There is deliberately no way to turn validation off.
    /// </summary>
    internal sealed class ServerCertificateValidator
    {
        private readonly X509Certificate2? _trustedCa;

        public ServerCertificateValidator(X509Certificate2? trustedCa)
        {
            _trustedCa = trustedCa;
        }

        public bool Validate(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            // A name mismatch or a missing certificate is never forgiven, whichever CA is trusted.
            if (certificate == null || _trustedCa == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                return false;
            }

            using (var custom = new X509Chain())
            {
                custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                custom.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                custom.ChainPolicy.ExtraStore.Add(_trustedCa);
                if (chain != null)
                {
                    foreach (var element in chain.ChainElements)
                    {
                        custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                    }
                }

                custom.Build(certificate);

                // Allowing an unknown authority also hides other faults; accept only "untrusted root" and only
                // when that root is the named CA.
                foreach (var status in custom.ChainStatus)
                {
                    if (status.Status != X509ChainStatusFlags.UntrustedRoot && status.Status != X509ChainStatusFlags.NoError)
                    {
                        return false;
                    }
                }

                var elements = custom.ChainElements;
                if (elements.Count < 2)
                {
                    return false;
                }

                var root = elements[elements.Count - 1].Certificate;
                return root.RawData.AsSpanEquals(_trustedCa.RawData);
            }
        }
    }

    internal static class ByteArrayExtensions
    {
        public static bool AsSpanEquals(this byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            var diff = 0;
            for (var i = 0; i < a.Length; i++)
            {
                diff |= a[i] ^ b[i];
            }

            return diff == 0;
        }
    }
}
