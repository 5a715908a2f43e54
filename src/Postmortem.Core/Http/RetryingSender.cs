using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Postmortems.Http
{
    /// <summary>The waits and limits a <see cref="RetryingSender"/> keeps to; each client's public policy gives them, with its own defaults.</summary>
    internal interface IRetryLimits
    {
        /// <summary>The longest single wait a rate limit may ask for.</summary>
        TimeSpan MaxRetryAfter { get; }

        /// <summary>All waiting for rate limits in one request, together.</summary>
        TimeSpan MaxRateLimitWait { get; }

        /// <summary>How often a read is tried again after a 5xx or a network error.</summary>
        int ReadRetries { get; }

        /// <summary>The first wait before a read is tried again; it doubles each time.</summary>
        TimeSpan FirstBackoff { get; }

        /// <summary>How long one request may take before it is given up.</summary>
        TimeSpan Timeout { get; }
    }

    /// <summary>
    /// One request as the client that sends it sees it: its credentials, what a rate limit looks like on its server,
    /// and each way the request can end, in the client's own words and error type.
    /// </summary>
    internal interface IExchange<T>
    {
        /// <summary>Adds the credentials and the client's own headers to one attempt.</summary>
        void Prepare(HttpRequestMessage request);

        /// <summary>An error that ends the request at once, without a retry (an answer too large to read); null for none.</summary>
        Exception? Unrecoverable(Exception error);

        /// <summary>A write that got no answer: whether it arrived is not known, so it is not sent again.</summary>
        Exception WriteUnanswered(string reason, Exception error);

        /// <summary>A read that ran out of time, or got no answer after all its retries.</summary>
        Exception ReadUnanswered(string reason, bool timedOut, Exception error);

        /// <summary>A 2xx answer.</summary>
        T Succeeded(int status, string text, HttpResponseMessage response);

        /// <summary>The wait a rate-limited answer asks for, or null when the answer is no rate limit; <paramref name="before"/> counts the waits so far.</summary>
        TimeSpan? RateLimitWait(int status, string text, HttpResponseMessage response, int before);

        /// <summary>A rate limit that asks for a longer wait than the limits allow.</summary>
        Exception RateLimitTooLong(int status, TimeSpan delay);

        /// <summary>The log line for a rate-limit wait.</summary>
        string RateLimitWaiting(int status, TimeSpan delay);

        /// <summary>A 5xx answer to a write: whether it took effect is not known, so it is not sent again.</summary>
        Exception WriteFailed(int status, string text);

        /// <summary>Any other answer, after the retries a read has: an error to throw, or a value (a tracker's 404 as nothing).</summary>
        T Failed(int status, string text, HttpResponseMessage response);
    }

    /// <summary>
    /// Sends JSON requests over one HttpClient with the waits and retries its limits allow: rate limits waited out as the
    /// server asks, reads tried again after a 5xx or a network error with a doubling wait, each attempt under its own time
    /// limit (a read that runs out of it is not asked again: the time is the user's, and it is spent), and a write whose
    /// outcome is unknown never sent twice. The client it serves says what every ending means (<see cref="IExchange{T}"/>).
    /// </summary>
    internal sealed class RetryingSender : IDisposable
    {
        private static readonly MediaTypeHeaderValue JsonType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly string _server;
        private readonly IRetryLimits _limits;
        private int _requests;

        /// <param name="server">The server's name for log lines: BookStack, GitHub.</param>
        public RetryingSender(string server, Uri baseAddress, long maxResponseBytes, IRetryLimits limits, HttpMessageHandler? handler)
        {
            _server = server;
            _limits = limits;
            // No cookies: BookStack ignores the token when a session cookie is present. No redirects: the token stays with the address given.
            handler ??= new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
            // Each request has its own time limit (the policy's Timeout, which a command may set); the client's own is off.
            _http = new HttpClient(handler, disposeHandler: true)
            {
                BaseAddress = baseAddress,
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                MaxResponseContentBufferSize = maxResponseBytes,
            };
            // GitHub refuses a request without a User-Agent.
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Postmortem-PowerShell", typeof(RetryingSender).Assembly.GetName().Version?.ToString(3) ?? "0"));
        }

        /// <summary>Headers every request carries.</summary>
        public HttpRequestHeaders DefaultRequestHeaders => _http.DefaultRequestHeaders;

        public Action<string>? Log { get; set; }

        public Action<TimeSpan, CancellationToken> Sleep { get; set; } = (delay, token) => Task.Delay(delay, token).GetAwaiter().GetResult();

        public CancellationToken CancellationToken { get; set; }

        /// <summary>Requests sent (each retry counts).</summary>
        public int RequestCount => _requests;

        /// <summary>A JSON object from a writer, UTF-8 without a BOM: the body this sender sends.</summary>
        public static byte[] JsonBody(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
            return stream.ToArray();
        }

        /// <summary>Sends a request until it has an answer to hand on or a reason to stop; <paramref name="isWrite"/>: never sent twice.</summary>
        public T Send<T>(HttpMethod method, string pathOrUrl, byte[]? body, bool isWrite, IExchange<T> exchange)
        {
            var waited = TimeSpan.Zero;
            int failures = 0, rateLimits = 0;
            while (true)
            {
                CancellationToken.ThrowIfCancellationRequested();
                HttpResponseMessage response;
                var timeout = _limits.Timeout;
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
                limit.CancelAfter(timeout);
                try
                {
                    Interlocked.Increment(ref _requests);
                    using var request = new HttpRequestMessage(method, pathOrUrl);
                    exchange.Prepare(request);
                    if (body is not null)
                    {
                        request.Content = new ByteArrayContent(body);
                        request.Content.Headers.ContentType = JsonType;
                    }
                    response = _http.SendAsync(request, limit.Token).GetAwaiter().GetResult();
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException || ex is IOException)
                {
                    if (ex is OperationCanceledException && CancellationToken.IsCancellationRequested) throw;
                    if (exchange.Unrecoverable(ex) is Exception unrecoverable) throw unrecoverable;
                    bool timedOut = ex is OperationCanceledException;
                    var reason = timedOut ? $"did not answer within {timeout.TotalSeconds:0.#} s" : "could not be reached (" + ex.Message + ")";
                    if (isWrite) throw exchange.WriteUnanswered(reason, ex);
                    // A stalled server is not asked again: the time limit is the user's, and it is spent.
                    if (timedOut || ++failures > _limits.ReadRetries) throw exchange.ReadUnanswered(reason, timedOut, ex);
                    Backoff(failures, $"{_server} {reason}; trying again");
                    continue;
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    var text = response.Content is null ? string.Empty : response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                    if (status >= 200 && status < 300) return exchange.Succeeded(status, text, response);
                    if (exchange.RateLimitWait(status, text, response, rateLimits) is TimeSpan delay)
                    {
                        // Waiting less than the server asks would only earn another rate limit: a longer wait is refused at once.
                        if (delay > _limits.MaxRetryAfter || waited + delay > _limits.MaxRateLimitWait) throw exchange.RateLimitTooLong(status, delay);
                        rateLimits++;
                        waited += delay;
                        Log?.Invoke(exchange.RateLimitWaiting(status, delay));
                        Sleep(delay, CancellationToken);
                        continue;
                    }
                    if (status >= 500)
                    {
                        if (isWrite) throw exchange.WriteFailed(status, text);
                        if (++failures <= _limits.ReadRetries)
                        {
                            Backoff(failures, $"{_server} answered {status}; trying again");
                            continue;
                        }
                    }
                    return exchange.Failed(status, text, response);
                }
            }
        }

        private void Backoff(int failures, string message)
        {
            var delay = TimeSpan.FromTicks(_limits.FirstBackoff.Ticks * (1L << Math.Min(failures - 1, 10)));
            Log?.Invoke($"{message} in {delay.TotalSeconds:0.#} s.");
            Sleep(delay, CancellationToken);
        }

        public void Dispose() => _http.Dispose();
    }
}
