using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace MoSapi.Client
{
    /// <summary>Loads client certificates (with their private keys) from every source Connect-MoSapi accepts.</summary>
    public static class CertificateLoader
    {
        public static X509Certificate2 FromPfx(string path, SecureString? password)
        {
            var bytes = ReadFile(path, "certificate");
            var plain = ToPlain(password);
            try
            {
                // EphemeralKeySet would keep keys out of the key store, but SslStream on Windows needs a persisted key.
                var cert = new X509Certificate2(bytes, plain, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.UserKeySet);
                return RequirePrivateKey(cert, path);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.CertificateLoadFailed,
                    $"The certificate file '{path}' could not be read: {ex.Message.TrimEnd('.')}. Check that it is a PFX/PKCS#12 file and that -CertificatePassword is right, or give a PEM certificate with -KeyPath.",
                    ex);
            }
        }

        /// <summary>
        /// PEM certificate + PEM key (PKCS#8, PKCS#1 RSA or SEC1 EC). The parsing APIs exist from .NET 5 on; the
        /// module is built for netstandard2.0 so they are reached by reflection and Windows PowerShell 5.1 gets a
        /// clear message instead.
        /// </summary>
        public static X509Certificate2 FromPem(string certificatePath, string keyPath)
        {
            ReadFile(certificatePath, "certificate");
            ReadFile(keyPath, "key");
            var method = typeof(X509Certificate2).GetMethod(
                "CreateFromPemFile",
                BindingFlags.Public | BindingFlags.Static,
                null,
                new[] { typeof(string), typeof(string) },
                null);
            if (method == null)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.CertificateLoadFailed,
                    "PEM keys need PowerShell 7 or later. On Windows PowerShell convert the certificate and key to a PFX file (openssl pkcs12 -export) and use -CertificatePath with -CertificatePassword.");
            }

            X509Certificate2 pem;
            try
            {
                pem = (X509Certificate2)method.Invoke(null, new object[] { Path.GetFullPath(certificatePath), Path.GetFullPath(keyPath) })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.CertificateLoadFailed,
                    $"The PEM certificate '{certificatePath}' and key '{keyPath}' could not be loaded: {ex.InnerException.Message.TrimEnd('.')}. Check that the key is unencrypted PEM (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) and belongs to the certificate.",
                    ex.InnerException);
            }

            // Keys created from PEM are ephemeral; SslStream on Windows cannot use those, so round-trip through PKCS#12.
            using (pem)
            {
                var pfx = pem.Export(X509ContentType.Pkcs12, string.Empty);
                return new X509Certificate2(pfx, string.Empty, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.UserKeySet);
            }
        }

        /// <summary>A certificate from the CurrentUser\My store (on Linux and macOS .NET keeps that store in the user profile).</summary>
        public static X509Certificate2 FromThumbprint(string thumbprint)
        {
            var wanted = new string((thumbprint ?? string.Empty).Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
            if (wanted.Length != 40 && wanted.Length != 64)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.InvalidArgument,
                    $"'{thumbprint}' is not a certificate thumbprint. Give the 40 hex digits shown by Get-ChildItem Cert:\\CurrentUser\\My (or by 'openssl x509 -fingerprint -sha1').");
            }

            using (var store = new X509Store(StoreName.My, StoreLocation.CurrentUser))
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                if (found.Count == 0)
                {
                    throw new MoSapiException(
                        MoSapiErrorIds.CertificateLoadFailed,
                        $"No certificate with thumbprint {wanted} is in the CurrentUser\\My store. Import it first (Import-PfxCertificate on Windows, or use -CertificatePath).");
                }

                return RequirePrivateKey(found[0], "CurrentUser\\My\\" + wanted);
            }
        }

        /// <summary>A CA certificate (PEM or DER), for -TrustedCaCertificate.</summary>
        public static X509Certificate2 LoadCa(string path)
        {
            var bytes = ReadFile(path, "CA certificate");
            try
            {
                return new X509Certificate2(bytes);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.CertificateLoadFailed,
                    $"'{path}' is not a certificate file. Give the CA certificate in PEM or DER form.",
                    ex);
            }
        }

        public static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, string source)
        {
            if (!certificate.HasPrivateKey)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.CertificateLoadFailed,
                    $"The certificate from '{source}' ({certificate.Subject}) has no private key, so it cannot authenticate. Give the PFX with its key, or the PEM key with -KeyPath.");
            }

            return certificate;
        }

        private static byte[] ReadFile(string path, string what)
        {
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.CertificateLoadFailed,
                    $"The {what} file '{path}' cannot be read: {ex.Message.TrimEnd('.')}.",
                    ex);
            }
        }

        internal static string? ToPlain(SecureString? secure)
        {
            if (secure == null)
            {
                return null;
            }

            var ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return Marshal.PtrToStringUni(ptr);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
