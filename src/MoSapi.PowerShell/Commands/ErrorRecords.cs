using System;
using System.Management.Automation;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>Turns the core's exceptions into ErrorRecords whose FullyQualifiedErrorId starts with the stable id.</summary>
    internal static class ErrorRecords
    {
        public const string UnexpectedErrorId = "MoSapiUnexpectedError";

        public static ErrorRecord From(MoSapiException ex, object? target = null)
        {
            var record = new ErrorRecord(ex, ex.ErrorId, Category(ex.ErrorId), target ?? (object?)ex.Entity?.PathSegment);
            return record;
        }

        public static ErrorRecord Create(string errorId, string message, object? target = null, Exception? inner = null) =>
            From(new MoSapiException(errorId, message, inner), target);

        /// <summary>A defect of the module itself: still an ErrorRecord, never an unhandled exception.</summary>
        public static ErrorRecord Unexpected(Exception ex, object? target) =>
            new ErrorRecord(
                new MoSapiException(UnexpectedErrorId, $"MoSapi failed unexpectedly ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}). Please report this with the command that caused it.", ex),
                UnexpectedErrorId,
                ErrorCategory.NotSpecified,
                target);

        public static ErrorCategory Category(string errorId) => errorId switch
        {
            MoSapiErrorIds.NotConnected => ErrorCategory.ConnectionError,
            MoSapiErrorIds.AuthenticationFailed => ErrorCategory.AuthenticationError,
            MoSapiErrorIds.AccessDenied => ErrorCategory.PermissionDenied,
            MoSapiErrorIds.NotFound => ErrorCategory.ObjectNotFound,
            MoSapiErrorIds.RateLimited => ErrorCategory.LimitsExceeded,
            MoSapiErrorIds.BadRequest => ErrorCategory.InvalidArgument,
            MoSapiErrorIds.ServerError => ErrorCategory.ResourceUnavailable,
            MoSapiErrorIds.InvalidResponse => ErrorCategory.InvalidData,
            MoSapiErrorIds.Timeout => ErrorCategory.OperationTimeout,
            MoSapiErrorIds.ConnectionFailed => ErrorCategory.ConnectionError,
            MoSapiErrorIds.InvalidArgument => ErrorCategory.InvalidArgument,
            MoSapiErrorIds.CertificateLoadFailed => ErrorCategory.SecurityError,
            MoSapiErrorIds.OutputFileError => ErrorCategory.WriteError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
