using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// An in-memory stand-in for the issue APIs of GitHub (<c>/github/api/v3</c>), GitLab (<c>/gitlab/api/v4</c>) and
/// Jira Cloud (<c>/jira/rest/api/3</c>), serving the contracts in docs/trackers/ over real HTTP on 127.0.0.1, with
/// seeding, a person's actions in the web UI (close, reopen, edit, delete), state inspection, a request log and
/// fault injection for tests. Thread-safe: requests are served concurrently and all state sits behind one lock.
/// </summary>
public sealed partial class TrackerServer : IDisposable
{
    internal readonly object Gate = new();
    private readonly TimeProvider _time;
    private TimeSpan _clockOffset;
    private readonly Postmortems.TestServers.LoopbackServer _loopback = new();
    private readonly List<LoggedRequest> _log = [];
    private readonly List<Fault> _faults = [];
    private TimeSpan _searchIndexLag;

    /// <param name="timeProvider">The clock for timestamps, rate-limit windows and the search index lag; the system clock by default.</param>
    public TrackerServer(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        GitHub = new GitHubApi(this);
        GitLab = new GitLabApi(this);
        Jira = new JiraApi(this);
    }

    public GitHubApi GitHub { get; }
    public GitLabApi GitLab { get; }
    public JiraApi Jira { get; }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public Uri BaseUri => _loopback.BaseUri;

    /// <summary>What a GitHub client takes as its API root (as on GitHub Enterprise Server): <c>http://127.0.0.1:PORT/github/api/v3</c>.</summary>
    public string GitHubApiRoot => BaseUri + "github/api/v3";

    /// <summary>What a GitLab client takes as its instance URL; the API is under <c>/api/v4</c>: <c>http://127.0.0.1:PORT/gitlab</c>.</summary>
    public string GitLabUrl => BaseUri + "gitlab";

    /// <summary>What a Jira client takes as its site URL; the API is under <c>/rest/api/3</c>: <c>http://127.0.0.1:PORT/jira</c>.</summary>
    public string JiraUrl => BaseUri + "jira";

    /// <summary>The stand-in's clock: the time provider's time plus what <see cref="AdvanceClock"/> added.</summary>
    public DateTimeOffset Now
    {
        get { lock (Gate) return _time.GetUtcNow() + _clockOffset; }
    }

    /// <summary>Moves the stand-in's clock on (rate-limit windows, search index lag, timestamps), for tests that cannot hand it a clock.</summary>
    public void AdvanceClock(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        lock (Gate) _clockOffset += by;
    }

    /// <summary>
    /// How long a write takes to reach the search index of GitHub's /search/issues and Jira's /search/jql (both are
    /// eventually consistent). Zero (the default): at once. Until then a search matches the issue as it was before
    /// the write, and a new issue not at all. Jira's reconcileIssues brings named issues up to date. GitLab's list is
    /// read from its database and never lags.
    /// </summary>
    public TimeSpan SearchIndexLag
    {
        get { lock (Gate) return _searchIndexLag; }
        set { lock (Gate) _searchIndexLag = value < TimeSpan.Zero ? TimeSpan.Zero : value; }
    }

    /// <summary>Run after <see cref="Reset"/> clears everything, to seed the server again.</summary>
    public Action<TrackerServer>? Seeder { get; set; }

    internal IEnumerable<TrackerApi> Trackers => [GitHub, GitLab, Jira];

    internal TrackerApi For(Tracker tracker) => tracker switch
    {
        Tracker.GitHub => GitHub,
        Tracker.GitLab => GitLab,
        _ => Jira,
    };

    /// <summary>Every issue of every tracker, deleted ones included (marked), in creation order per tracker.</summary>
    public IReadOnlyList<IssueState> Issues
    {
        get { lock (Gate) return [.. Trackers.SelectMany(t => t.States())]; }
    }

    /// <summary>Forgets every project, credential, issue, fault, setting and logged request, then runs <see cref="Seeder"/>.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            foreach (var tracker in Trackers) tracker.ResetState();
            _log.Clear();
            _faults.Clear();
            _searchIndexLag = TimeSpan.Zero;
        }
        Seeder?.Invoke(this);
    }

    // ---------------------------------------------------------------- lifecycle

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public void Start() => Start(0);

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>, or on a free port when it is 0.</summary>
    public void Start(int port) => _loopback.Start(port, ServeAsync);

    /// <summary>Stops listening. In-flight requests are abandoned.</summary>
    public void Dispose() => _loopback.Dispose();

    // ---------------------------------------------------------------- request log

    /// <summary>Every request outside /_standin/, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Requests
    {
        get { lock (Gate) return [.. _log]; }
    }

    public void ClearLog()
    {
        lock (Gate) _log.Clear();
    }

    // ---------------------------------------------------------------- faults

    internal enum FaultKind { Fail, Drop, RateLimit, Delay }

    internal sealed class Fault
    {
        public FaultKind Kind { get; init; }
        public int Remaining { get; set; }
        public Tracker? Tracker { get; init; }
        public string? Method { get; init; }
        public string? PathPrefix { get; init; }
        public int Status { get; init; }
        public string? Body { get; init; }
        public string? ContentType { get; init; }
        public bool AfterProcessing { get; init; }
        public int? RetryAfterSeconds { get; init; }
        public TimeSpan Delay { get; init; }
        public string? Style { get; init; }

        public bool Matches(Tracker tracker, string method, string path) =>
            (Tracker is null || Tracker == tracker)
            && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests get <paramref name="status"/> instead of being processed
    /// (nothing is written). Without a body, the tracker's own error shape for that status is sent. With
    /// <paramref name="retryAfterSeconds"/> the answer carries Retry-After (Jira's 503s do). With
    /// <paramref name="afterProcessing"/> the request IS processed (a write applied) and this answer replaces the real one.
    /// </summary>
    public void FailNext(int status, int count = 1, Tracker? tracker = null, string? method = null, string? pathPrefix = null,
        string? body = null, string? contentType = null, bool afterProcessing = false, int? retryAfterSeconds = null)
    {
        lock (Gate) _faults.Add(new Fault
        {
            Kind = FaultKind.Fail, Remaining = count, Tracker = tracker, Method = method, PathPrefix = pathPrefix, Status = status,
            Body = body, ContentType = contentType, AfterProcessing = afterProcessing, RetryAfterSeconds = retryAfterSeconds,
        });
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests get the tracker's rate-limit answer (before auth, so nothing
    /// is written). GitHub: <paramref name="style"/> "primary" (default: 403, x-ratelimit-remaining 0, x-ratelimit-reset
    /// <paramref name="retryAfterSeconds"/> from now, no retry-after) or "secondary" (403 with retry-after when
    /// <paramref name="retryAfterSeconds"/> is given, x-ratelimit-remaining not 0); <paramref name="status"/> 429 instead
    /// of 403. GitLab: "throttle" (default: 429 "Retry later" with Retry-After and RateLimit-*) or "application" (429 JSON,
    /// no headers). Jira: 429 with Retry-After (when given), X-RateLimit-Reset and RateLimit-Reason (<paramref name="style"/>,
    /// "jira-quota-based" by default).
    /// </summary>
    public void RateLimitNext(Tracker tracker, int? retryAfterSeconds = 60, int count = 1, string? style = null, int? status = null,
        string? method = null, string? pathPrefix = null)
    {
        For(tracker).CheckRateLimitStyle(style, status);
        lock (Gate) _faults.Add(new Fault
        {
            Kind = FaultKind.RateLimit, Remaining = count, Tracker = tracker, Method = method, PathPrefix = pathPrefix,
            RetryAfterSeconds = retryAfterSeconds, Style = style, Status = status ?? 0,
        });
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests get their connection closed with no response. With
    /// <paramref name="afterProcessing"/> the request is processed (a write IS applied) first: an unknown outcome.
    /// </summary>
    public void DropNext(int count = 1, Tracker? tracker = null, string? method = null, string? pathPrefix = null, bool afterProcessing = false)
    {
        lock (Gate) _faults.Add(new Fault
        {
            Kind = FaultKind.Drop, Remaining = count, Tracker = tracker, Method = method, PathPrefix = pathPrefix, AfterProcessing = afterProcessing,
        });
    }

    /// <summary>The next <paramref name="count"/> matching requests wait <paramref name="delay"/>, then are processed and answered.</summary>
    public void DelayNext(TimeSpan delay, int count = 1, Tracker? tracker = null, string? method = null, string? pathPrefix = null)
    {
        lock (Gate) _faults.Add(new Fault
        {
            Kind = FaultKind.Delay, Remaining = count, Tracker = tracker, Method = method, PathPrefix = pathPrefix, Delay = delay,
        });
    }

    /// <summary>Cancels every pending fault.</summary>
    public void ClearFaults()
    {
        lock (Gate) _faults.Clear();
    }

    private Fault? TakeFault(Tracker tracker, string method, string path)
    {
        foreach (var fault in _faults)
        {
            if (fault.Remaining <= 0 || !fault.Matches(tracker, method, path)) continue;
            fault.Remaining--;
            _faults.RemoveAll(f => f.Remaining <= 0);
            return fault;
        }
        return null;
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            byte[] body;
            using (var buffer = new MemoryStream())
            {
                await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
                body = buffer.ToArray();
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in request.Headers.AllKeys)
            {
                if (key is null) continue;
                headers[key] = string.Join(", ", request.Headers.GetValues(key) ?? []);
            }
            var rawTarget = request.RawUrl ?? "/";
            if (rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(rawTarget, UriKind.Absolute, out var absolute))
            {
                rawTarget = absolute.PathAndQuery;
            }
            int q = rawTarget.IndexOf('?');
            var incoming = new Incoming(
                request.HttpMethod.ToUpperInvariant(),
                rawTarget,
                q >= 0 ? rawTarget[..q] : rawTarget,
                q >= 0 ? rawTarget[(q + 1)..] : "",
                headers,
                body);
            var received = Now;

            if (incoming.Path == "/_standin" || incoming.Path.StartsWith("/_standin/", StringComparison.Ordinal))
            {
                Write(context, incoming, Control(incoming));
                return;
            }

            var tracker = TrackerOf(incoming.Path);
            if (tracker is null)
            {
                var nowhere = Response.Text(404, "No tracker here. The stand-in serves /github/api/v3, /gitlab/api/v4 and /jira/rest/api/3.\n");
                Log(incoming, received, 404, dropped: false);
                Write(context, incoming, nowhere);
                return;
            }
            var api = For(tracker.Value);

            Fault? fault;
            lock (Gate) fault = TakeFault(tracker.Value, incoming.Method, incoming.Path);

            if (fault is { Kind: FaultKind.Drop, AfterProcessing: false })
            {
                Log(incoming, received, 0, dropped: true);
                DropConnection(context);
                return;
            }

            if (fault is { Kind: FaultKind.Delay }) await Task.Delay(fault.Delay).ConfigureAwait(false);

            Response response = fault switch
            {
                { Kind: FaultKind.Fail, AfterProcessing: true } => ProcessThen(api, incoming, FaultResponse(api, fault)),
                { Kind: FaultKind.Fail } => FaultResponse(api, fault),
                { Kind: FaultKind.RateLimit } => Locked(() => api.RateLimited(fault)),
                _ => Process(api, incoming),
            };

            if (fault is { Kind: FaultKind.Drop, AfterProcessing: true })
            {
                Log(incoming, received, response.Status, dropped: true);
                DropConnection(context);
                return;
            }

            Log(incoming, received, response.Status, dropped: false);
            Write(context, incoming, response);
        }
        catch (Exception)
        {
            // The client went away or the server is stopping: nothing more can be sent.
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
            }
        }
    }

    private static Tracker? TrackerOf(string path)
    {
        if (path == "/github" || path.StartsWith("/github/", StringComparison.Ordinal)) return Tracker.GitHub;
        if (path == "/gitlab" || path.StartsWith("/gitlab/", StringComparison.Ordinal)) return Tracker.GitLab;
        if (path == "/jira" || path.StartsWith("/jira/", StringComparison.Ordinal)) return Tracker.Jira;
        return null;
    }

    private T Locked<T>(Func<T> action)
    {
        lock (Gate) return action();
    }

    private Response ProcessThen(TrackerApi api, Incoming incoming, Response answer)
    {
        Process(api, incoming);
        return answer;
    }

    private Response Process(TrackerApi api, Incoming incoming)
    {
        try
        {
            lock (Gate) return api.Handle(incoming);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A stand-in bug: still answer in the tracker's error shape so the client sees a 500.
            lock (Gate) return api.ServerError(500, "Stand-in error: " + ex.Message);
        }
    }

    private Response FaultResponse(TrackerApi api, Fault fault)
    {
        var response = fault.Body is { } body
            ? Response.Raw(fault.Status, body, fault.ContentType)
            : Locked(() => api.ServerError(fault.Status, null));
        if (fault.RetryAfterSeconds is { } seconds) response.WithHeader("Retry-After", seconds);
        return response;
    }

    private static void DropConnection(HttpListenerContext context) => Postmortems.TestServers.LoopbackServer.Drop(context);

    private void Log(Incoming incoming, DateTimeOffset received, int status, bool dropped)
    {
        var entry = new LoggedRequest(
            incoming.Method,
            incoming.RawTarget,
            new Dictionary<string, string>(incoming.Headers, StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetString(incoming.Body),
            status,
            dropped,
            received);
        lock (Gate) _log.Add(entry);
    }

    private static void Write(HttpListenerContext context, Incoming incoming, Response response)
    {
        var r = context.Response;
        r.StatusCode = response.Status;
        if (response.ContentType is not null) r.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) r.AddHeader(name, value);
        if (incoming.Method == "HEAD" || response.Status == 204 || response.Body.Length == 0)
        {
            r.ContentLength64 = 0;
            r.Close();
            return;
        }
        r.ContentLength64 = response.Body.Length;
        r.OutputStream.Write(response.Body, 0, response.Body.Length);
        r.Close();
    }

    internal static JsonArray RequestsJson(IEnumerable<LoggedRequest> requests) => new([.. requests.Select(r =>
    {
        var headers = new JsonObject();
        foreach (var (k, v) in r.Headers) headers[k] = v;
        return (JsonNode?)new JsonObject
        {
            ["method"] = r.Method,
            ["pathAndQuery"] = r.PathAndQuery,
            ["headers"] = headers,
            ["body"] = r.Body,
            ["status"] = r.Status,
            ["dropped"] = r.Dropped,
            ["receivedAt"] = r.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
    })]);
}
