using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.BookStack
{
    public enum BookStackErrorKind
    {
        /// <summary>401: the token is missing, malformed, unknown or its secret is wrong.</summary>
        Unauthorized,
        /// <summary>403: the token expired, its owner lacks "Access System API", or lacks permission on the item.</summary>
        Forbidden,
        /// <summary>404: the book, chapter or page does not exist or is not visible to the token's owner.</summary>
        NotFound,
        /// <summary>422: BookStack refused the data.</summary>
        Validation,
        /// <summary>429 for longer than the client waits.</summary>
        RateLimited,
        /// <summary>5xx, a dropped connection or a time-out.</summary>
        Unavailable,
        /// <summary>Any other answer.</summary>
        Failed,
        /// <summary>Someone else changed the page since it was last published from this draft: writing would overwrite their edit.</summary>
        PageChanged,
    }

    /// <summary>A request BookStack did not fulfil. The message says what happened and what to do; it never holds the token.</summary>
    public sealed class BookStackException : Exception
    {
        public BookStackException(BookStackErrorKind kind, int? statusCode, string message, IReadOnlyDictionary<string, string[]>? validation = null, bool outcomeUnknown = false, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            StatusCode = statusCode;
            Validation = validation ?? new Dictionary<string, string[]>();
            OutcomeUnknown = outcomeUnknown;
        }

        public BookStackErrorKind Kind { get; }

        public int? StatusCode { get; }

        /// <summary>For 422: each field BookStack refused, with its messages.</summary>
        public IReadOnlyDictionary<string, string[]> Validation { get; }

        /// <summary>A write whose result is not known: the connection failed after the request may have arrived.</summary>
        public bool OutcomeUnknown { get; }

        internal static string DescribeValidation(IReadOnlyDictionary<string, string[]> validation) =>
            string.Join("; ", validation.Select(v => $"{v.Key}: {string.Join(" ", v.Value)}"));
    }
}
