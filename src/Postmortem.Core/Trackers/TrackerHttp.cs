using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using Postmortems.Http;

namespace Postmortems.Trackers
{
    /// <summary>How long a tracker client waits before it gives up on a busy or failing server.</summary>
    public sealed class TrackerRetryPolicy : IRetryLimits
    {
        /// <summary>The longest single wait a rate limit (Retry-After, or a reset time) may ask for.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>All waiting for rate limits in one request, together.</summary>
        public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>How often a read is tried again after a 5xx or a dropped connection.</summary>
        public int ReadRetries { get; set; } = 3;

        public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The time limit of each request.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }

    /// <summary>A JSON answer and the headers that matter after it (pagination).</summary>
    public sealed class TrackerResponse : IDisposable
    {
        internal TrackerResponse(JsonDocument document, IReadOnlyDictionary<string, string> headers)
        {
            Document = document;
            Headers = headers;
        }

        public JsonDocument Document { get; }

        public JsonElement Root => Document.RootElement;

        /// <summary>Response headers, by lower-case name.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

        public void Dispose() => Document.Dispose();
    }

    /// <summary>
    /// The HTTP side of the tracker clients: JSON over one HttpClient, the token on every request (never in a message),
    /// HTTPS unless allowed otherwise, rate limits waited out as the server asks (Retry-After; a reset time in
    /// x-ratelimit-reset or RateLimit-Reset), reads tried again after 5xx and dropped connections, and a write whose
    /// outcome is unknown never sent twice: it is reported, and the sync looks for the issue first on its next run.
    /// </summary>
    public sealed class TrackerHttp : IDisposable
    {
        public const long MaxResponseBytes = 32L * 1024 * 1024;
        private readonly RetryingSender _sender;
        private readonly string _tracker;
        private readonly Action<HttpRequestMessage> _authorize;

        /// <param name="tracker">The tracker's name for messages: GitHub, GitLab, Jira.</param>
        /// <param name="baseUri">The API root (ending in /).</param>
        /// <param name="authorize">Adds the credentials to each request.</param>
        public TrackerHttp(string tracker, Uri baseUri, Action<HttpRequestMessage> authorize, bool allowUnencryptedAuthentication, HttpMessageHandler? handler = null, TrackerRetryPolicy? policy = null)
        {
            _tracker = tracker;
            _authorize = authorize ?? throw new ArgumentNullException(nameof(authorize));
            if (baseUri is null || !baseUri.IsAbsoluteUri) throw new ArgumentException($"{tracker}'s address must be an absolute http or https address.", nameof(baseUri));
            if (baseUri.Scheme != Uri.UriSchemeHttps && !(baseUri.Scheme == Uri.UriSchemeHttp && allowUnencryptedAuthentication))
            {
                throw new ArgumentException(baseUri.Scheme == Uri.UriSchemeHttp
                    ? $"{baseUri} is http://, which would send the {tracker} token unencrypted. Use https://, or -AllowUnencryptedAuthentication for a test server on this machine."
                    : $"{baseUri} is not an http or https address.", nameof(baseUri));
            }
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
            Policy = policy ?? new TrackerRetryPolicy();
            _sender = new RetryingSender(tracker, BaseUri, MaxResponseBytes, Policy, handler);
        }

        public Uri BaseUri { get; }

        public TrackerRetryPolicy Policy { get; }

        /// <summary>Headers every request carries (Accept, an API version).</summary>
        public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public Action<string>? Log { get => _sender.Log; set => _sender.Log = value; }

        public Action<TimeSpan, CancellationToken> Sleep { get => _sender.Sleep; set => _sender.Sleep = value; }

        public CancellationToken CancellationToken { get => _sender.CancellationToken; set => _sender.CancellationToken = value; }

        /// <summary>Requests sent (each retry counts).</summary>
        public int RequestCount => _sender.RequestCount;

        /// <summary>A JSON body from a writer, UTF-8 without a BOM.</summary>
        public static byte[] Json(Action<Utf8JsonWriter> write) => RetryingSender.JsonBody(write);

        /// <summary>
        /// Sends a request and reads its JSON answer; 404 (and 410 Gone) gives null when <paramref name="notFoundIsNull"/>. Failures are
        /// TrackerExceptions that say what to do. <paramref name="retryAsRead"/>: a POST that changes nothing (Jira's search),
        /// tried again after a 5xx or a dropped connection as a read is.
        /// </summary>
        public TrackerResponse? Send(HttpMethod method, string pathOrUrl, byte[]? body, string what, bool notFoundIsNull = false, bool retryAsRead = false)
        {
            bool isWrite = method != HttpMethod.Get && !retryAsRead;
            // A next-page link is followed as the server gives it; the token goes only where the client was pointed.
            if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
                && Uri.Compare(absolute, BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new TrackerException(TrackerErrorKind.Failed, null,
                    $"{_tracker} at {BaseUri} pointed {what} to {absolute.GetLeftPart(UriPartial.Authority)}, another server; the token is not sent there. Check the address given for {_tracker}.");
            }
            return _sender.Send(method, pathOrUrl, body, isWrite, new Exchange(this, what, isWrite, notFoundIsNull));
        }

        /// <summary>One request to a tracker: its token and headers, its rate limits, and its words for each way the request can end.</summary>
        private sealed class Exchange : IExchange<TrackerResponse?>
        {
            private readonly TrackerHttp _owner;
            private readonly string _what;
            private readonly bool _isWrite;
            private readonly bool _notFoundIsNull;

            public Exchange(TrackerHttp owner, string what, bool isWrite, bool notFoundIsNull)
            {
                _owner = owner;
                _what = what;
                _isWrite = isWrite;
                _notFoundIsNull = notFoundIsNull;
            }

            private string Tracker => _owner._tracker;

            public void Prepare(HttpRequestMessage request)
            {
                foreach (var header in _owner.DefaultHeaders) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                _owner._authorize(request);
            }

            public Exception? Unrecoverable(Exception error) => null;

            public Exception WriteUnanswered(string reason, Exception error) =>
                new TrackerException(TrackerErrorKind.Unavailable, null,
                    $"{Tracker} at {_owner.BaseUri} {reason} while writing {_what}; whether it arrived is not known. Run the sync again: it looks for the issue by its marker before it creates one.", outcomeUnknown: true, inner: error);

            public Exception ReadUnanswered(string reason, bool timedOut, Exception error) =>
                new TrackerException(TrackerErrorKind.Unavailable, null,
                    $"{Tracker} at {_owner.BaseUri} {reason}{(timedOut ? "" : $", also after {_owner.Policy.ReadRetries} retries")}. Check the address and that the server is up.", inner: error);

            public TrackerResponse? Succeeded(int status, string text, HttpResponseMessage response)
            {
                if (text.Trim().Length == 0) text = "{}";
                try
                {
                    return new TrackerResponse(JsonDocument.Parse(text), Headers(response));
                }
                catch (JsonException ex)
                {
                    throw new TrackerException(TrackerErrorKind.Failed, status,
                        $"{Tracker} at {_owner.BaseUri} answered {_what} with something that is not JSON. Check that the address is {Tracker}'s API address.", outcomeUnknown: _isWrite, inner: ex);
                }
            }

            public TimeSpan? RateLimitWait(int status, string text, HttpResponseMessage response, int before) => TrackerHttp.RateLimitWait(status, Headers(response), text, before);

            public Exception RateLimitTooLong(int status, TimeSpan delay) =>
                new TrackerException(TrackerErrorKind.RateLimited, status,
                    $"{Tracker} is rate limiting this client ({status}) and asks to wait {delay.TotalSeconds:0} s, longer than this client waits ({_owner.Policy.MaxRetryAfter.TotalSeconds:0} s at a time). Run the sync again after that; it carries on where it stopped.");

            public string RateLimitWaiting(int status, TimeSpan delay) => $"{Tracker} is rate limiting ({status}); waiting {delay.TotalSeconds:0} s as it asks.";

            public Exception WriteFailed(int status, string text) =>
                new TrackerException(TrackerErrorKind.Unavailable, status,
                    $"{Tracker} answered {status} while writing {_what}{Message(text)}; whether it took effect is not known. Run the sync again: it looks for the issue by its marker before it creates one.", outcomeUnknown: true);

            public TrackerResponse? Failed(int status, string text, HttpResponseMessage response)
            {
                // GitHub answers 410 Gone for a deleted issue: as out of reach as one never there.
                if ((status == 404 || status == 410) && _notFoundIsNull) return null;
                throw _owner.Failure(status, text, _what);
            }
        }

        private static Dictionary<string, string> Headers(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var h in response.Headers) headers[h.Key.ToLowerInvariant()] = string.Join(",", h.Value);
            if (response.Content is not null)
            {
                foreach (var h in response.Content.Headers) headers[h.Key.ToLowerInvariant()] = string.Join(",", h.Value);
            }
            return headers;
        }

        /// <summary>
        /// The wait a rate-limited answer asks for, or null when the answer is no rate limit: 429, or a 403 that says it
        /// is one (GitHub: x-ratelimit-remaining 0, a retry-after, or a message about a rate limit). Retry-After first,
        /// then a reset time (epoch seconds); else a minute, doubling, as GitHub asks for its secondary limits.
        /// </summary>
        private static TimeSpan? RateLimitWait(int status, IReadOnlyDictionary<string, string> headers, string text, int before)
        {
            headers.TryGetValue("retry-after", out var retryAfter);
            var remaining = headers.TryGetValue("x-ratelimit-remaining", out var r) ? r : headers.TryGetValue("ratelimit-remaining", out var r2) ? r2 : null;
            bool limited = status == 429
                || (status == 403 && (retryAfter is not null || remaining == "0" || text.IndexOf("rate limit", StringComparison.OrdinalIgnoreCase) >= 0));
            if (!limited) return null;
            if (retryAfter is not null && double.TryParse(retryAfter.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(1, seconds));
            }
            if (retryAfter is not null && DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return Max1(at - DateTimeOffset.UtcNow);
            }
            var reset = headers.TryGetValue("x-ratelimit-reset", out var x) ? x : headers.TryGetValue("ratelimit-reset", out var y) ? y : null;
            if (remaining == "0" && reset is not null && long.TryParse(reset.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            {
                return Max1(DateTimeOffset.FromUnixTimeSeconds(epoch) - DateTimeOffset.UtcNow);
            }
            return TimeSpan.FromSeconds(60 * (1 << Math.Min(before, 4)));
        }

        private static TimeSpan Max1(TimeSpan delay) => delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;

        /// <summary>The server's own words: GitHub's and GitLab's message, Jira's errorMessages and errors.</summary>
        internal static string? ServerWords(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return null;
                var parts = new List<string>();
                foreach (var name in new[] { "message", "error", "error_description" })
                {
                    if (root.TryGetProperty(name, out var m))
                    {
                        if (m.ValueKind == JsonValueKind.String) parts.Add(m.GetString()!);
                        else if (m.ValueKind == JsonValueKind.Object || m.ValueKind == JsonValueKind.Array) parts.Add(m.GetRawText());
                    }
                }
                if (root.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
                {
                    parts.AddRange(messages.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                }
                if (root.TryGetProperty("errors", out var errors))
                {
                    if (errors.ValueKind == JsonValueKind.Object) parts.AddRange(errors.EnumerateObject().Select(p => $"{p.Name}: {p.Value}"));
                    else if (errors.ValueKind == JsonValueKind.Array) parts.AddRange(errors.EnumerateArray().Select(e => e.ToString()));
                }
                var words = string.Join("; ", parts.Where(p => p.Trim().Length > 0));
                return words.Length == 0 ? null : IO.Printable.Escape(words.Length > 300 ? words.Substring(0, 300) + "…" : words);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string Message(string text) => ServerWords(text) is string words ? $" (\"{words}\")" : string.Empty;

        private TrackerException Failure(int status, string text, string what)
        {
            var server = Message(text);
            return status switch
            {
                401 => new TrackerException(TrackerErrorKind.Unauthorized, status,
                    $"{_tracker} refused the token (401{server}). Check the token (and for Jira the e-mail address it belongs to), and that it has not expired."),
                403 => new TrackerException(TrackerErrorKind.Forbidden, status,
                    $"{_tracker} refused {what} (403{server}). The token needs permission to read and create issues in the project."),
                404 => new TrackerException(TrackerErrorKind.NotFound, status,
                    $"{_tracker} has no {what} that this token can see (404{server}). Check the project's name, and that the token may see it."),
                410 => new TrackerException(TrackerErrorKind.NotFound, status, $"{_tracker} says {what} is gone (410{server})."),
                400 or 422 => new TrackerException(TrackerErrorKind.Validation, status, $"{_tracker} refused the data for {what} ({status}{server})."),
                _ when status >= 300 && status < 400 => new TrackerException(TrackerErrorKind.Failed, status,
                    $"{_tracker} answered {what} with a redirect ({status}); use the address it redirects to. The token is not sent on to another address."),
                _ when status >= 500 => new TrackerException(TrackerErrorKind.Unavailable, status, $"{_tracker} answered {status} for {what}{server}, also after {Policy.ReadRetries} retries."),
                _ => new TrackerException(TrackerErrorKind.Failed, status, $"{_tracker} answered {status} for {what}{server}."),
            };
        }

        public void Dispose() => _sender.Dispose();
    }
}
