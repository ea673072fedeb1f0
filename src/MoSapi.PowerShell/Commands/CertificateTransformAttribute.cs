using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>Lets -TrustedCaCertificate take a certificate object or the path of a PEM/DER file.</summary>
    public sealed class CertificateTransformAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case X509Certificate2 certificate:
                    return certificate;
                case System.IO.FileSystemInfo file:
                    return Load(engineIntrinsics, file.FullName);
                case string path:
                    return Load(engineIntrinsics, path);
                default:
                    throw new ArgumentTransformationMetadataException("Give the CA as an X509Certificate2 or as the path of a PEM or DER certificate file.");
            }
        }

        private static X509Certificate2 Load(EngineIntrinsics engine, string path)
        {
            var full = engine.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            try
            {
                return CertificateLoader.LoadCa(full);
            }
            catch (MoSapiException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}
