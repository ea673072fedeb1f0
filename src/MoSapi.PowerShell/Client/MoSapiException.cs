using System;

namespace MoSapi.Client
{
    /// <summary>
    /// The one exception family of the client. The cmdlets turn it into an ErrorRecord with <see cref="ErrorId"/>.
    /// Messages are written for the user ("what to do next") and never contain a secret.
    /// </summary>
    public class MoSapiException : Exception
    {
        public MoSapiException(string errorId, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }

        /// <summary>The HTTP status of the failed exchange, when there was one.</summary>
        public int? StatusCode { get; set; }

        /// <summary>MoSAPI's <c>resultCode</c> from a 400 body (sent as a number or a string).</summary>
        public int? ResultCode { get; set; }

        /// <summary>The request path (never the query with secrets: MoSAPI has none in URLs).</summary>
        public string? RequestPath { get; set; }

        /// <summary>The entity the request was for.</summary>
        public MoSapiEntity? Entity { get; set; }

        /// <summary>For 429: the wait the server asked for.</summary>
        public TimeSpan? RetryAfter { get; set; }
    }
}
