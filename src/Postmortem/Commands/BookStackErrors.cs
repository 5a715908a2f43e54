using System.Management.Automation;
using Postmortems.BookStack;

namespace Postmortems.Commands
{
    internal static class BookStackErrors
    {
        /// <summary>The ErrorRecord for a BookStack failure: a stable ErrorId per kind and the category that fits it.</summary>
        public static ErrorRecord Record(BookStackException ex, object? target) => ex.Kind switch
        {
            BookStackErrorKind.Unauthorized => new ErrorRecord(ex, ErrorIds.BookStackUnauthorized, ErrorCategory.AuthenticationError, target),
            BookStackErrorKind.Forbidden => new ErrorRecord(ex, ErrorIds.BookStackForbidden, ErrorCategory.PermissionDenied, target),
            BookStackErrorKind.NotFound => new ErrorRecord(ex, ErrorIds.BookStackNotFound, ErrorCategory.ObjectNotFound, target),
            BookStackErrorKind.Validation => new ErrorRecord(ex, ErrorIds.BookStackValidation, ErrorCategory.InvalidData, target),
            BookStackErrorKind.RateLimited => new ErrorRecord(ex, ErrorIds.BookStackRateLimited, ErrorCategory.LimitsExceeded, target),
            BookStackErrorKind.Unavailable => new ErrorRecord(ex, ErrorIds.BookStackUnavailable, ErrorCategory.ConnectionError, target),
            BookStackErrorKind.PageChanged => new ErrorRecord(ex, ErrorIds.BookStackPageChanged, ErrorCategory.InvalidOperation, target),
            _ => new ErrorRecord(ex, ErrorIds.BookStackFailed, ErrorCategory.InvalidResult, target),
        };
    }
}
