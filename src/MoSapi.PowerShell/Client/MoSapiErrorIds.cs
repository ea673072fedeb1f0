namespace MoSapi.Client
{
    /// <summary>
    /// The stable error ids of the module: scripts match on them (<c>FullyQualifiedErrorId</c>), so they never change
    /// once published. Every place that raises an error names one of these.
    /// </summary>
    public static class MoSapiErrorIds
    {
        public const string NotConnected = "MoSapiNotConnected";
        public const string AuthenticationFailed = "MoSapiAuthenticationFailed";
        public const string AccessDenied = "MoSapiAccessDenied";
        public const string NotFound = "MoSapiNotFound";
        public const string RateLimited = "MoSapiRateLimited";
        public const string BadRequest = "MoSapiBadRequest";
        public const string ServerError = "MoSapiServerError";
        public const string InvalidResponse = "MoSapiInvalidResponse";
        public const string Timeout = "MoSapiTimeout";
        public const string ConnectionFailed = "MoSapiConnectionFailed";

        /// <summary>Bad invocation: a parameter value the module cannot use (terminating).</summary>
        public const string InvalidArgument = "MoSapiInvalidArgument";

        /// <summary>A certificate or key that cannot be loaded from the given source.</summary>
        public const string CertificateLoadFailed = "MoSapiCertificateLoadFailed";

        /// <summary>A file the module was asked to write already exists (without -Force) or cannot be written.</summary>
        public const string OutputFileError = "MoSapiOutputFileError";
    }
}
