using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using Postmortems.Http;

namespace Postmortems.BookStack
{
    /// <summary>How long the client waits before it gives up on a busy or failing server.</summary>
    public sealed class BookStackRetryPolicy : IRetryLimits
    {
        /// <summary>The longest single wait a 429's Retry-After may ask for.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>All waiting for 429s in one request, together.</summary>
        public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>How often a read is tried again after a 5xx or a network error.</summary>
        public int ReadRetries { get; set; } = 3;

        /// <summary>The first wait before a read is tried again; it doubles each time.</summary>
        public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>How long one request may take before the client gives up on it (-TimeoutSec).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// After a create whose answer never came, how long the client looks for the page before it says the outcome
        /// is unknown: it never sends the create again, which could make a second page.
        /// </summary>
        public TimeSpan ConfirmCreateFor { get; set; } = TimeSpan.FromSeconds(30);
    }

    /// <summary>
    /// The few BookStack API calls publishing needs, over one HttpClient per connection. It sends no cookies
    /// (BookStack ignores the token when a session cookie is present), sends UTF-8 JSON without a BOM, waits out
    /// 429s as Retry-After asks, retries reads after 5xx and network errors, and never repeats a write whose
    /// outcome is unknown: it reports that, and the caller looks the page up first.
    /// </summary>
    public sealed class BookStackClient : IDisposable
    {
        /// <summary>Far above any page's answer (BookStack's own limit on a body it takes is 8 MB by default); a larger answer is a mistake.</summary>
        public const long MaxResponseBytes = 64L * 1024 * 1024;

        private readonly RetryingSender _sender;
        private readonly BookStackRetryPolicy _retry;

        public BookStackClient(BookStackConnection connection, HttpMessageHandler? handler = null, BookStackRetryPolicy? retry = null)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _retry = retry ?? new BookStackRetryPolicy();
            _sender = new RetryingSender("BookStack", connection.BaseUri, MaxResponseBytes, _retry, handler);
            _sender.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        public BookStackConnection Connection { get; }

        /// <summary>The waits and limits in force; a command sets its -TimeoutSec here.</summary>
        public BookStackRetryPolicy Policy => _retry;

        /// <summary>Told what the client is doing: waits, retries. The cmdlets show it as verbose output.</summary>
        public Action<string>? Log { get => _sender.Log; set => _sender.Log = value; }

        /// <summary>Waits between attempts; tests replace it to run fast.</summary>
        public Action<TimeSpan, CancellationToken> Sleep { get => _sender.Sleep; set => _sender.Sleep = value; }

        public CancellationToken CancellationToken { get => _sender.CancellationToken; set => _sender.CancellationToken = value; }

        /// <summary>Requests sent since the client was made (each retry counts).</summary>
        public int RequestCount => _sender.RequestCount;

        /// <summary>The first books the token can see; a cheap check that the address and token work.</summary>
        public IReadOnlyList<BookStackBook> ListBooks(int count) => List($"api/books?count={count}", "the book list").Select(BookStackBook.From).ToList();

        public BookStackBook GetBook(int id) => BookStackBook.From(Send(HttpMethod.Get, $"api/books/{id}", null, "book " + id).RootElement);

        public BookStackChapter GetChapter(int id) => BookStackChapter.From(Send(HttpMethod.Get, $"api/chapters/{id}", null, "chapter " + id).RootElement);

        /// <summary>The chapters of a book with exactly this name (BookStack compares names without regard to case; this compares again, exactly).</summary>
        public IReadOnlyList<BookStackChapter> FindChapters(int bookId, string name)
        {
            var query = $"api/chapters?{Filter("book_id", bookId.ToString(CultureInfo.InvariantCulture))}&{Filter("name", name)}&count=500";
            return List(query, $"the chapters of book {bookId}").Select(BookStackChapter.From).Where(c => c.Name == name && c.BookId == bookId).ToList();
        }

        public BookStackChapter CreateChapter(int bookId, string name)
        {
            var body = Body(w =>
            {
                w.WriteNumber("book_id", bookId);
                w.WriteString("name", name);
            });
            return BookStackChapter.From(Send(HttpMethod.Post, "api/chapters", body, "book " + bookId).RootElement);
        }

        /// <summary>Pages carrying a tag with this exact value: search is the only lookup that sees tags.</summary>
        public IReadOnlyList<BookStackSearchHit> SearchPagesByTag(string tagName, string value)
        {
            var query = $"[{tagName}={value}] {{type:page}}";
            var document = Send(HttpMethod.Get, "api/search?query=" + Uri.EscapeDataString(query) + "&count=100", null, "the search for the page");
            return Data(document).Select(BookStackSearchHit.From).Where(h => h.Type == "page" && h.HasTag(tagName, value)).ToList();
        }

        /// <summary>Published (not draft) pages with exactly this name in a book or a chapter.</summary>
        public IReadOnlyList<BookStackPage> FindPages(int? bookId, int? chapterId, string name)
        {
            var parent = chapterId is int chapter ? Filter("chapter_id", chapter.ToString(CultureInfo.InvariantCulture)) : Filter("book_id", bookId!.Value.ToString(CultureInfo.InvariantCulture));
            var query = $"api/pages?{parent}&{Filter("name", name)}&{Filter("draft", "0")}&count=500";
            return List(query, "the page list").Select(BookStackPage.From)
                .Where(p => p.Name == name && !p.Draft && (chapterId is null ? p.BookId == bookId : p.ChapterId == chapterId))
                .ToList();
        }

        /// <summary>
        /// Every published (not draft) page of a book, in id order, page by page of the listing (500 at a time, as long as
        /// the listing's total says there are more).
        /// </summary>
        public IEnumerable<BookStackPage> ListPagesInBook(int bookId)
        {
            const int count = 500;
            var book = Filter("book_id", bookId.ToString(CultureInfo.InvariantCulture));
            for (int offset = 0; ; offset += count)
            {
                var document = Send(HttpMethod.Get, $"api/pages?{book}&{Filter("draft", "0")}&sort=id&count={count}&offset={offset}", null, "the pages of book " + bookId);
                var rows = Data(document).ToList();
                foreach (var row in rows)
                {
                    var page = BookStackPage.From(row);
                    if (page.BookId == bookId && !page.Draft) yield return page;
                }
                long total = document.RootElement.TryGetProperty("total", out var t) && t.TryGetInt64(out var n) ? n : 0;
                if (rows.Count < count || offset + count >= total) yield break;
            }
        }

        /// <summary>The whole page: content, tags, and who changed it last and when.</summary>
        public BookStackPage GetPage(int id) => BookStackPage.From(Send(HttpMethod.Get, $"api/pages/{id}", null, "page " + id).RootElement);

        /// <summary>Pages with this slug (unique only within a book), with their book's slug.</summary>
        public IReadOnlyList<(BookStackPage Page, string BookSlug)> FindPagesBySlug(string slug)
        {
            var query = $"api/pages?{Filter("slug", slug)}&{Filter("draft", "0")}&count=500";
            return List(query, "the page list").Select(e => (BookStackPage.From(e), Json.Text(e, "book_slug") ?? string.Empty)).ToList();
        }

        public BookStackPage CreatePage(PagePayload payload) =>
            BookStackPage.From(Send(HttpMethod.Post, "api/pages", PageBody(payload), Parent(payload)).RootElement);

        public BookStackPage UpdatePage(int id, PagePayload payload) =>
            BookStackPage.From(Send(HttpMethod.Put, $"api/pages/{id}", PageBody(payload), "page " + id).RootElement);

        public void Dispose() => _sender.Dispose();

        private static string Parent(PagePayload payload) =>
            payload.ChapterId is int chapter ? "chapter " + chapter : "book " + payload.BookId;

        private static string Filter(string field, string value) => "filter%5B" + field + "%5D=" + Uri.EscapeDataString(value);

        private IEnumerable<JsonElement> List(string query, string what) => Data(Send(HttpMethod.Get, query, null, what));

        private static IEnumerable<JsonElement> Data(JsonDocument document) =>
            document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? data.EnumerateArray().ToList()
                : Enumerable.Empty<JsonElement>();

        private static byte[] PageBody(PagePayload payload) => Body(w =>
        {
            if (payload.BookId is int book) w.WriteNumber("book_id", book);
            if (payload.ChapterId is int chapter) w.WriteNumber("chapter_id", chapter);
            if (payload.Name is not null) w.WriteString("name", payload.Name);
            if (payload.Markdown is not null) w.WriteString("markdown", payload.Markdown);
            if (payload.Html is not null) w.WriteString("html", payload.Html);
            if (payload.Tags is not null)
            {
                w.WriteStartArray("tags");
                foreach (var tag in payload.Tags)
                {
                    w.WriteStartObject();
                    w.WriteString("name", tag.Name);
                    w.WriteString("value", tag.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
        });

        private static byte[] Body(Action<Utf8JsonWriter> write) => RetryingSender.JsonBody(write);

        /// <summary>Sends a request with the waits and retries the policy allows; returns the parsed JSON answer or throws a BookStackException.</summary>
        private JsonDocument Send(HttpMethod method, string path, byte[]? body, string what)
        {
            bool isWrite = method != HttpMethod.Get;
            return _sender.Send(method, path, body, isWrite, new Exchange(this, what, isWrite));
        }

        /// <summary>One request to BookStack: its token, its rate limit (429 with Retry-After), and its words for each way the request can end.</summary>
        private sealed class Exchange : IExchange<JsonDocument>
        {
            private readonly BookStackClient _client;
            private readonly string _what;
            private readonly bool _isWrite;

            public Exchange(BookStackClient client, string what, bool isWrite)
            {
                _client = client;
                _what = what;
                _isWrite = isWrite;
            }

            private Uri BaseUri => _client.Connection.BaseUri;

            public void Prepare(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("Authorization", _client.Connection.AuthorizationValue);

            public Exception? Unrecoverable(Exception error) => TooLarge(error) ? _client.Oversized(_what, error) : null;

            public Exception WriteUnanswered(string reason, Exception error) =>
                new BookStackException(BookStackErrorKind.Unavailable, null,
                    $"BookStack at {BaseUri} {reason} while writing {_what}; whether the write arrived is not known.", outcomeUnknown: true, inner: error);

            public Exception ReadUnanswered(string reason, bool timedOut, Exception error) =>
                new BookStackException(BookStackErrorKind.Unavailable, null,
                    $"BookStack at {BaseUri} {reason}{(timedOut ? "" : $", also after {_client._retry.ReadRetries} retries")}. Check the address and that the server is up{(timedOut ? ", or allow it longer with -TimeoutSec" : "")}.", inner: error);

            public JsonDocument Succeeded(int status, string text, HttpResponseMessage response)
            {
                var outcome = _isWrite ? " The write may have happened: look at the page before trying again, or run the command again (it finds the page first)." : string.Empty;
                if (text.Trim().Length == 0)
                {
                    throw new BookStackException(BookStackErrorKind.Failed, status,
                        $"BookStack at {BaseUri} answered {_what} with {status} and nothing else, where its answer always has the item in it. A proxy in front of it may have cut the answer off.{outcome}", outcomeUnknown: _isWrite);
                }
                try
                {
                    return JsonDocument.Parse(text);
                }
                catch (JsonException ex)
                {
                    var start = text.TrimStart();
                    if (start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal))
                    {
                        throw new BookStackException(BookStackErrorKind.Failed, status,
                            $"BookStack's answer for {_what} was cut off ({text.Length} characters of JSON that does not end).{outcome}", outcomeUnknown: _isWrite, inner: ex);
                    }
                    throw new BookStackException(BookStackErrorKind.Failed, status,
                        $"BookStack at {BaseUri} answered {_what} with something that is not JSON. Check that the address is BookStack's base address.{outcome}", outcomeUnknown: _isWrite, inner: ex);
                }
            }

            public TimeSpan? RateLimitWait(int status, string text, HttpResponseMessage response, int before) => status == 429 ? RetryAfter(response) : null;

            public Exception RateLimitTooLong(int status, TimeSpan delay)
            {
                var retry = _client._retry;
                return new BookStackException(BookStackErrorKind.RateLimited, status,
                    $"BookStack is rate limiting this client (429 Too Many Attempts) and asks to wait {delay.TotalSeconds:0} s, longer than this client waits ({retry.MaxRetryAfter.TotalSeconds:0} s at a time, {retry.MaxRateLimitWait.TotalSeconds:0} s in all). Its limit is per minute (API_REQUESTS_PER_MIN, 180 by default); try again after that wait.");
            }

            public string RateLimitWaiting(int status, TimeSpan delay) => $"BookStack is rate limiting (429); waiting {delay.TotalSeconds:0} s as its Retry-After asks.";

            public Exception WriteFailed(int status, string text) =>
                new BookStackException(BookStackErrorKind.Unavailable, status,
                    $"BookStack answered {status} while writing {_what}{ServerMessage(text)}; whether the write took effect is not known.", outcomeUnknown: true);

            public JsonDocument Failed(int status, string text, HttpResponseMessage response) => throw _client.Failure(status, text, _what, response);
        }

        private static bool TooLarge(Exception ex)
        {
            // HttpClient says a body passed MaxResponseContentBufferSize with an HttpRequestException around its own.
            for (var e = ex; e is not null; e = e.InnerException)
            {
                if (e.Message.IndexOf("buffer", StringComparison.OrdinalIgnoreCase) >= 0 && e.Message.IndexOf(MaxResponseBytes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) >= 0) return true;
            }
            return false;
        }

        private BookStackException Oversized(string what, Exception ex) =>
            new BookStackException(BookStackErrorKind.Failed, null,
                $"BookStack at {Connection.BaseUri} answered {what} with more than {MaxResponseBytes / (1024 * 1024)} MB, far more than any page; it was not read. Check the address is BookStack's.", inner: ex);

        private static TimeSpan RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            TimeSpan delay = TimeSpan.FromSeconds(1);
            if (header?.Delta is TimeSpan delta) delay = delta;
            else if (header?.Date is DateTimeOffset date) delay = date - DateTimeOffset.UtcNow;
            return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
        }

        private BookStackException Failure(int status, string text, string what, HttpResponseMessage response)
        {
            var (message, validation) = ParseError(text);
            var server = message is null ? string.Empty : $": \"{message}\"";
            switch (status)
            {
                case 401:
                    return new BookStackException(BookStackErrorKind.Unauthorized, status,
                        $"BookStack refused the API token (401{server}). Check the token id and secret (Connect-BookStack -Credential: user name = token id, password = secret), and that a proxy in front of BookStack passes the Authorization header on.");
                case 403:
                    return new BookStackException(BookStackErrorKind.Forbidden, status,
                        $"BookStack refused the request for {what} (403{server}). The token's owner needs a role with the \"Access System API\" permission, and permission to create and update pages in the target; an expired token also gives 403.");
                case 404:
                    if (message is null)
                    {
                        return new BookStackException(BookStackErrorKind.NotFound, status,
                            $"{Connection.BaseUri}api/ answered 404 with a web page, not BookStack's API. Check that the address is BookStack's base address, such as https://wiki.example.org.");
                    }
                    return new BookStackException(BookStackErrorKind.NotFound, status,
                        $"BookStack has no {what} that this token can see (404{server}). Check the id, and that the token's owner may view it.");
                case 422:
                    return new BookStackException(BookStackErrorKind.Validation, status,
                        $"BookStack refused the data for {what} (422): {(validation.Count > 0 ? BookStackException.DescribeValidation(validation) : message ?? "no reason given").TrimEnd('.')}.", validation);
                case 413:
                    return new BookStackException(BookStackErrorKind.Failed, status,
                        $"The server refused the request for {what} as too large (413{server}). Raise the body size limit (PHP post_max_size, or the proxy's, such as nginx client_max_body_size), or publish a shorter page.");
                default:
                    if (status >= 300 && status < 400)
                    {
                        return new BookStackException(BookStackErrorKind.Failed, status,
                            $"BookStack answered with a redirect ({status}) to {response.Headers.Location}. Use the address it redirects to as -Uri; the token is not sent on to another address.");
                    }
                    if (status >= 500)
                    {
                        return new BookStackException(BookStackErrorKind.Unavailable, status,
                            $"BookStack answered {status} for {what}{server}, also after {_retry.ReadRetries} retries.");
                    }
                    return new BookStackException(BookStackErrorKind.Failed, status, $"BookStack answered {status} for {what}{server}.");
            }
        }

        private static string ServerMessage(string text)
        {
            var (message, _) = ParseError(text);
            return message is null ? string.Empty : $" (\"{message}\")";
        }

        /// <summary>The message and field errors of BookStack's error body; nulls for a body that is not one (an HTML page from a proxy).</summary>
        private static (string? Message, IReadOnlyDictionary<string, string[]> Validation) ParseError(string text)
        {
            var validation = new Dictionary<string, string[]>();
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return (null, validation);
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    if (error.TryGetProperty("validation", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in fields.EnumerateObject())
                        {
                            validation[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                                ? field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : m.GetRawText()).ToArray()
                                : new[] { field.Value.ToString() };
                        }
                    }
                    return (Json.Text(error, "message"), validation);
                }
                // A failed page move answers {"message": ..., "status": "error"}.
                return (Json.Text(root, "message"), validation);
            }
            catch (JsonException)
            {
                return (null, validation);
            }
        }
    }
}
