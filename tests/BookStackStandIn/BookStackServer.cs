using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// An in-memory stand-in for the BookStack REST API (v24.02.3 to v24.10 baseline), serving the
/// contract in ../shared/bookstack-api/CONTRACT.md (beside the project's checkout) over real HTTP on 127.0.0.1, with seeding,
/// state inspection, a request log and fault injection for tests. Thread-safe: requests are served
/// concurrently and every piece of state sits behind one lock.
/// </summary>
public sealed partial class BookStackServer : IDisposable
{
    /// <summary>PHP's default post_max_size of 8M.</summary>
    public const long DefaultMaxBodyBytes = 8L * 1024 * 1024;

    /// <summary>BookStack's default API_REQUESTS_PER_MIN, reported in X-RateLimit-Limit while no limit is enforced.</summary>
    public const int DefaultRateLimit = 180;

    private static readonly string[] PermissionNames =
    [
        "page-create", "page-update", "page-delete", "chapter-create", "chapter-update", "chapter-delete",
        "book-create-all", "book-update", "book-delete",
    ];

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Postmortems.TestServers.LoopbackServer _loopback = new();

    private readonly Dictionary<int, User> _users = [];
    private readonly List<Token> _tokens = [];
    private readonly List<Book> _books = [];
    private readonly List<Chapter> _chapters = [];
    private readonly List<Page> _pages = [];
    private readonly List<LoggedRequest> _log = [];
    private readonly List<Fault> _faults = [];
    private readonly HashSet<string> _denied = new(StringComparer.Ordinal);
    private int _nextBookId = 1, _nextChapterId = 1, _nextPageId = 1;
    private DateTimeOffset? _windowStart;
    private int _windowHits;

    private int? _requestsPerMinute;
    private long _maxBodyBytes = DefaultMaxBodyBytes;
    private bool _emptyEditorForHtmlPages;
    private string? _appUrl;

    /// <param name="timeProvider">The clock for timestamps and the rate-limit window; the system clock by default.</param>
    /// <param name="randomSeed">Seed for random slug suffixes, for reproducible slugs.</param>
    public BookStackServer(TimeProvider? timeProvider = null, int? randomSeed = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _random = randomSeed is { } seed ? new Random(seed) : new Random();
        _users[1] = new User(1, "Admin", "admin");
    }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public Uri BaseUri => _loopback.BaseUri;

    /// <summary>The instance's APP_URL, used in the "url" fields; BaseUri without its trailing slash unless set.</summary>
    public string AppUrl
    {
        get { lock (_gate) return _appUrl ?? BaseUri.ToString().TrimEnd('/'); }
        set { lock (_gate) _appUrl = value.TrimEnd('/'); }
    }

    /// <summary>
    /// Enforced requests per minute (API_REQUESTS_PER_MIN), or null (the default) for no limit. Either way
    /// every API response carries X-RateLimit-Limit (this value, or 180) and X-RateLimit-Remaining counted
    /// over a one-minute window that starts with its first request.
    /// </summary>
    public int? RequestsPerMinute
    {
        get { lock (_gate) return _requestsPerMinute; }
        set { lock (_gate) { _requestsPerMinute = value; _windowStart = null; _windowHits = 0; } }
    }

    /// <summary>Bodies larger than this get PHP's JSON 413 (post_max_size, 8 MiB by default).</summary>
    public long MaxBodyBytes
    {
        get { lock (_gate) return _maxBodyBytes; }
        set { lock (_gate) _maxBodyBytes = value; }
    }

    /// <summary>
    /// v24.02.3 behaviour: a page created from HTML keeps editor "" (observed). Off by default, when such a
    /// page gets "wysiwyg" as v24.10 does.
    /// </summary>
    public bool EmptyEditorForHtmlPages
    {
        get { lock (_gate) return _emptyEditorForHtmlPages; }
        set { lock (_gate) _emptyEditorForHtmlPages = value; }
    }

    /// <summary>Run after <see cref="Reset"/> clears everything, to seed the server again.</summary>
    public Action<BookStackServer>? Seeder { get; set; }

    // ---------------------------------------------------------------- lifecycle

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public void Start() => Start(0);

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>, or on a free port when it is 0.</summary>
    public void Start(int port) => _loopback.Start(port, ServeAsync);

    /// <summary>Stops listening. In-flight requests are abandoned.</summary>
    public void Dispose() => _loopback.Dispose();

    // ---------------------------------------------------------------- seeding

    /// <summary>Adds an API token. Its owner is user 1 ("Admin") unless <paramref name="userId"/> says otherwise.</summary>
    public void AddToken(string id, string secret, bool canAccessApi = true, bool expired = false, int userId = 1)
    {
        lock (_gate)
        {
            EnsureUser(userId);
            _tokens.RemoveAll(t => t.Id == id);
            _tokens.Add(new Token(id, secret, canAccessApi, expired, userId));
        }
    }

    /// <summary>Adds a book; returns its id.</summary>
    public int AddBook(string name) => AddBook(0, name);

    /// <summary>Adds a book with the given id (0 for the next free one); returns its id.</summary>
    public int AddBook(int id, string name)
    {
        lock (_gate)
        {
            if (id != 0 && _books.Any(b => b.Id == id)) throw new ArgumentException($"Book {id} already exists.", nameof(id));
            var now = NowUtc();
            var book = new Book { Id = id != 0 ? id : _nextBookId, CreatedAt = now, UpdatedAt = now };
            _nextBookId = Math.Max(_nextBookId, book.Id + 1);
            _books.Add(book);
            book.Name = Php.TruncateCodePoints(name, 191);
            RefreshSlug(book, name);
            book.Terms = Search.Index(book);
            return book.Id;
        }
    }

    /// <summary>Adds a chapter at the end of a book; returns its id.</summary>
    public int AddChapter(int bookId, string name)
    {
        lock (_gate)
        {
            var book = FindBook(bookId) ?? throw new ArgumentException($"No book {bookId}.", nameof(bookId));
            var now = NowUtc();
            var chapter = new Chapter { Id = _nextChapterId++, BookId = book.Id, Name = name, CreatedAt = now, UpdatedAt = now };
            chapter.Priority = BookLastPriority(book.Id) + 1;
            _chapters.Add(chapter);
            RefreshSlug(chapter, name);
            chapter.Terms = Search.Index(chapter);
            return chapter.Id;
        }
    }

    /// <summary>
    /// Adds a page from markdown (rendered to HTML as the API would), at the end of its chapter or book.
    /// <paramref name="chapterId"/> 0 puts it directly in the book. A draft is visible only to
    /// <paramref name="createdBy"/> and is not in the search index. Returns the page id.
    /// </summary>
    public int AddPage(int bookId, int chapterId, string name, string markdown, IEnumerable<(string Name, string Value)> tags, bool draft = false, int createdBy = 1)
    {
        lock (_gate)
        {
            var book = FindBook(bookId) ?? throw new ArgumentException($"No book {bookId}.", nameof(bookId));
            Chapter? chapter = null;
            if (chapterId != 0)
            {
                chapter = FindChapter(chapterId) ?? throw new ArgumentException($"No chapter {chapterId}.", nameof(chapterId));
                if (chapter.BookId != book.Id) throw new ArgumentException($"Chapter {chapterId} is not in book {bookId}.", nameof(chapterId));
            }
            EnsureUser(createdBy);
            var now = NowUtc();
            var page = new Page
            {
                Id = _nextPageId++,
                BookId = book.Id,
                ChapterId = chapter?.Id ?? 0,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = createdBy,
                UpdatedBy = createdBy,
                OwnedBy = createdBy,
                Draft = draft,
                RevisionCount = draft ? 0 : 1,
                Editor = "wysiwyg",
            };
            page.Priority = NewPagePriority(page);
            _pages.Add(page);
            page.Name = Php.TruncateCodePoints(name, 191);
            RefreshSlug(page, name);
            if (markdown.Length > 0)
            {
                SetMarkdown(page, markdown);
                page.Editor = "markdown";
            }
            else
            {
                SetHtml(page, "");
            }
            page.Tags = [.. tags
                .Select(t => new Tag(Php.TruncateCodePoints(Php.Trim(t.Name), 191), Php.TruncateCodePoints(Php.Trim(t.Value ?? ""), 191)))
                .Where(t => t.Name.Length > 0 && t.Name != "0")];
            if (!draft) page.Terms = Search.Index(page);
            return page.Id;
        }
    }

    /// <summary>Makes the token users lack a permission (on everything), e.g. "page-create" gives 403 on page creation.</summary>
    public void DenyPermission(string permission)
    {
        if (!PermissionNames.Contains(permission))
        {
            throw new ArgumentException($"Unknown permission '{permission}'. Known: {string.Join(", ", PermissionNames)}.", nameof(permission));
        }
        lock (_gate) _denied.Add(permission);
    }

    /// <summary>Gives the token users every permission again.</summary>
    public void AllowAllPermissions()
    {
        lock (_gate) _denied.Clear();
    }

    /// <summary>Forgets all content, tokens, users, faults, settings and the log, then runs <see cref="Seeder"/>.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _users.Clear();
            _users[1] = new User(1, "Admin", "admin");
            _tokens.Clear();
            _books.Clear();
            _chapters.Clear();
            _pages.Clear();
            _log.Clear();
            _faults.Clear();
            _denied.Clear();
            _nextBookId = _nextChapterId = _nextPageId = 1;
            _windowStart = null;
            _windowHits = 0;
            _requestsPerMinute = null;
            _maxBodyBytes = DefaultMaxBodyBytes;
            _emptyEditorForHtmlPages = false;
            _appUrl = null;
        }
        Seeder?.Invoke(this);
    }

    // ---------------------------------------------------------------- state views

    /// <summary>Live pages (drafts included, deleted pages excluded), by id.</summary>
    public IReadOnlyList<PageState> Pages
    {
        get { lock (_gate) return [.. _pages.Where(p => !p.Deleted).OrderBy(p => p.Id).Select(ToState)]; }
    }

    /// <summary>Live chapters, by id.</summary>
    public IReadOnlyList<ChapterState> Chapters
    {
        get { lock (_gate) return [.. _chapters.Where(c => !c.Deleted).OrderBy(c => c.Id).Select(ToState)]; }
    }

    /// <summary>Live books, by id.</summary>
    public IReadOnlyList<BookState> Books
    {
        get { lock (_gate) return [.. _books.Where(b => !b.Deleted).OrderBy(b => b.Id).Select(ToState)]; }
    }

    /// <summary>Moves a page to the recycle bin, as the API's DELETE does: reads then answer 404.</summary>
    public void DeletePage(int id)
    {
        lock (_gate)
        {
            var page = _pages.FirstOrDefault(p => p.Id == id && !p.Deleted) ?? throw new ArgumentException($"No page {id}.", nameof(id));
            page.Deleted = true;
        }
    }

    /// <summary>One live page, or null.</summary>
    public PageState? GetPage(int id)
    {
        lock (_gate) return _pages.FirstOrDefault(p => p.Id == id && !p.Deleted) is { } p ? ToState(p) : null;
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));

    private static PageState ToState(Page p) => new(
        p.Id, p.BookId, p.ChapterId, p.Name, p.Slug, p.Markdown, p.RenderedHtml, p.RawHtml, p.RevisionCount,
        p.TagTuples(), p.Draft, p.Priority, p.Editor, p.CreatedBy, Utc(p.CreatedAt), Utc(p.UpdatedAt));

    private static ChapterState ToState(Chapter c) => new(
        c.Id, c.BookId, c.Name, c.Slug, c.Description, c.Priority, c.TagTuples(), Utc(c.CreatedAt), Utc(c.UpdatedAt));

    private static BookState ToState(Book b) => new(
        b.Id, b.Name, b.Slug, b.Description, b.TagTuples(), Utc(b.CreatedAt), Utc(b.UpdatedAt));

    // ---------------------------------------------------------------- request log

    /// <summary>Every request outside /_standin/, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Requests
    {
        get { lock (_gate) return [.. _log]; }
    }

    public void ClearLog()
    {
        lock (_gate) _log.Clear();
    }

    // ---------------------------------------------------------------- faults

    private enum FaultKind { Fail, Drop, RateLimit, Delay }

    private sealed class Fault
    {
        public FaultKind Kind { get; init; }
        public int Remaining { get; set; }
        public string? Method { get; init; }
        public string? PathPrefix { get; init; }
        public int Status { get; init; }
        public string? Body { get; init; }
        public string? ContentType { get; init; }
        public bool AfterProcessing { get; init; }
        public int RetryAfterSeconds { get; init; }
        public TimeSpan Delay { get; init; }

        public bool Matches(string method, string path) =>
            (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal))
            && (Kind != FaultKind.RateLimit || path.StartsWith("/api/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests get <paramref name="status"/> instead of being
    /// processed (nothing is written). Without a body, a JSON error body in BookStack's shape is sent.
    /// Without a content type, one is guessed from the body ('&lt;' → HTML, '{' → JSON, else text).
    /// </summary>
    /// <remarks>
    /// With <paramref name="afterProcessing"/> the request IS processed (a write is applied) and this answer is sent
    /// in place of the real one: an empty 200, or JSON cut off in the middle, after a create that happened.
    /// </remarks>
    public void FailNext(int status, int count = 1, string? method = null, string? pathPrefix = null, string? body = null, string? contentType = null, bool afterProcessing = false)
    {
        lock (_gate) _faults.Add(new Fault
        {
            Kind = FaultKind.Fail, Remaining = count, Method = method, PathPrefix = pathPrefix, Status = status, Body = body, ContentType = contentType,
            AfterProcessing = afterProcessing,
        });
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests wait <paramref name="delay"/> before they are processed and
    /// answered, as a busy server does: a client that gives up sooner does not see the write, which still happens.
    /// </summary>
    public void DelayNext(TimeSpan delay, int count = 1, string? method = null, string? pathPrefix = null)
    {
        lock (_gate) _faults.Add(new Fault { Kind = FaultKind.Delay, Remaining = count, Method = method, PathPrefix = pathPrefix, Delay = delay });
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests get their connection closed with no response.
    /// With <paramref name="afterProcessing"/> the request is processed (a write IS applied) first.
    /// </summary>
    public void DropNext(int count = 1, string? method = null, string? pathPrefix = null, bool afterProcessing = false)
    {
        lock (_gate) _faults.Add(new Fault
        {
            Kind = FaultKind.Drop, Remaining = count, Method = method, PathPrefix = pathPrefix, AfterProcessing = afterProcessing,
        });
    }

    /// <summary>
    /// The next <paramref name="count"/> API requests get BookStack's 429: {"error":{"message":"Too Many
    /// Attempts.","code":429}} with Retry-After, X-RateLimit-Reset and X-RateLimit-Remaining: 0.
    /// </summary>
    public void RateLimitNext(int retryAfterSeconds, int count = 1)
    {
        lock (_gate) _faults.Add(new Fault { Kind = FaultKind.RateLimit, Remaining = count, RetryAfterSeconds = retryAfterSeconds });
    }

    /// <summary>Cancels every pending fault.</summary>
    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    private Fault? TakeFault(string method, string path)
    {
        foreach (var fault in _faults)
        {
            if (fault.Remaining <= 0 || !fault.Matches(method, path)) continue;
            fault.Remaining--;
            _faults.RemoveAll(f => f.Remaining <= 0);
            return fault;
        }
        return null;
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private sealed record Response(int Status, byte[] Body, string? ContentType, List<KeyValuePair<string, string>> Headers)
    {
        public Response WithHeader(string name, string value)
        {
            Headers.Add(new(name, value));
            return this;
        }
    }

    private sealed record Incoming(string Method, string RawTarget, string Path, string QueryString, Dictionary<string, string> Headers, byte[] Body);

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
            var received = _time.GetUtcNow();

            if (incoming.Path == "/_standin" || incoming.Path.StartsWith("/_standin/", StringComparison.Ordinal))
            {
                Write(context, incoming, Control(incoming));
                return;
            }

            Fault? fault;
            lock (_gate) fault = TakeFault(incoming.Method, incoming.Path);

            if (fault is { Kind: FaultKind.Drop, AfterProcessing: false })
            {
                Log(incoming, received, 0, dropped: true);
                DropConnection(context);
                return;
            }

            if (fault is { Kind: FaultKind.Delay }) await Task.Delay(fault.Delay).ConfigureAwait(false);

            Response response = fault switch
            {
                { Kind: FaultKind.Fail, AfterProcessing: true } => ProcessThen(incoming, FaultResponse(fault)),
                { Kind: FaultKind.Fail } => FaultResponse(fault),
                { Kind: FaultKind.RateLimit } => TooManyAttempts(fault.RetryAfterSeconds),
                _ => Process(incoming),
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

    private Response ProcessThen(Incoming incoming, Response answer)
    {
        Process(incoming);
        return answer;
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
        lock (_gate) _log.Add(entry);
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

    private Response Process(Incoming incoming)
    {
        try
        {
            lock (_gate) return HandleApi(incoming);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A stand-in bug: still answer in BookStack's error shape so the client sees a 500.
            return ErrorJson(500, "Stand-in error: " + ex.Message);
        }
    }

    private static Response FaultResponse(Fault fault)
    {
        string body = fault.Body ?? PhpJson.Serialize(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = ReasonPhrase(fault.Status),
                ["code"] = fault.Status,
            },
        });
        string contentType = fault.ContentType ?? GuessContentType(body);
        return new Response(fault.Status, Encoding.UTF8.GetBytes(body), contentType, []);
    }

    private static string GuessContentType(string body)
    {
        var t = body.TrimStart();
        if (t.StartsWith('<')) return "text/html; charset=UTF-8";
        if (t.StartsWith('{') || t.StartsWith('[')) return "application/json";
        return "text/plain; charset=UTF-8";
    }

    private static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        429 => "Too Many Attempts.",
        500 => "Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    private Response TooManyAttempts(int retryAfterSeconds)
    {
        int limit;
        long reset;
        lock (_gate)
        {
            limit = _requestsPerMinute ?? DefaultRateLimit;
            reset = _time.GetUtcNow().ToUnixTimeSeconds() + retryAfterSeconds;
        }
        return ErrorJson(429, "Too Many Attempts.")
            .WithHeader("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---------------------------------------------------------------- control surface (/_standin/)

    private Response Control(Incoming incoming)
    {
        try
        {
            var route = incoming.Path.TrimEnd('/');
            JsonNode? input = null;
            if (incoming.Body.Length > 0)
            {
                try
                {
                    input = JsonNode.Parse(incoming.Body);
                }
                catch (JsonException ex)
                {
                    return ControlError(400, "The body is not JSON: " + ex.Message);
                }
            }
            switch (incoming.Method, route)
            {
                case ("POST", "/_standin/tokens"):
                    {
                        var id = Required<string>(input, "id");
                        AddToken(id, Required<string>(input, "secret"), Optional(input, "canAccessApi", true), Optional(input, "expired", false), Optional(input, "userId", 1));
                        return ControlJson(new JsonObject { ["id"] = id });
                    }
                case ("POST", "/_standin/books"):
                    return ControlJson(new JsonObject { ["id"] = AddBook(Optional(input, "id", 0), Required<string>(input, "name")) });
                case ("POST", "/_standin/chapters"):
                    return ControlJson(new JsonObject { ["id"] = AddChapter(Required<int>(input, "bookId"), Required<string>(input, "name")) });
                case ("POST", "/_standin/pages"):
                    {
                        var tags = new List<(string, string)>();
                        if (input?["tags"] is JsonArray array)
                        {
                            foreach (var tag in array)
                            {
                                tags.Add((tag?["name"]?.GetValue<string>() ?? "", tag?["value"]?.GetValue<string>() ?? ""));
                            }
                        }
                        var id = AddPage(
                            Required<int>(input, "bookId"), Optional(input, "chapterId", 0), Required<string>(input, "name"),
                            Optional(input, "markdown", ""), tags, Optional(input, "draft", false), Optional(input, "createdBy", 1));
                        return ControlJson(new JsonObject { ["id"] = id });
                    }
                case ("POST", "/_standin/faults"):
                    return AddFaultFromJson(input);
                case ("DELETE", "/_standin/faults"):
                    ClearFaults();
                    return ControlJson(new JsonObject { ["cleared"] = true });
                case ("POST", "/_standin/settings"):
                    return ApplySettings(input);
                case ("GET", "/_standin/settings"):
                    return ControlJson(SettingsJson());
                case ("GET", "/_standin/state"):
                    return ControlJson(StateJson());
                case ("GET", "/_standin/requests"):
                    return ControlJson(RequestsJson());
                case ("DELETE", "/_standin/requests"):
                    ClearLog();
                    return ControlJson(new JsonObject { ["cleared"] = true });
                case ("POST", "/_standin/reset"):
                    Reset();
                    return ControlJson(new JsonObject { ["reset"] = true });
                default:
                    return ControlError(404, $"No control endpoint {incoming.Method} {incoming.Path}. See the stand-in's README.md.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            return ControlError(400, ex.Message);
        }
    }

    private Response AddFaultFromJson(JsonNode? input)
    {
        var kind = Required<string>(input, "kind");
        int count = Optional(input, "count", 1);
        string? method = Optional<string?>(input, "method", null);
        string? pathPrefix = Optional<string?>(input, "pathPrefix", null);
        switch (kind)
        {
            case "fail":
                FailNext(Required<int>(input, "status"), count, method, pathPrefix, Optional<string?>(input, "body", null), Optional<string?>(input, "contentType", null),
                    Optional(input, "afterProcessing", false));
                break;
            case "drop":
                DropNext(count, method, pathPrefix, Optional(input, "afterProcessing", false));
                break;
            case "rateLimit":
                RateLimitNext(Required<int>(input, "retryAfterSeconds"), count);
                break;
            case "delay":
                DelayNext(TimeSpan.FromMilliseconds(Required<int>(input, "milliseconds")), count, method, pathPrefix);
                break;
            default:
                throw new ArgumentException($"Unknown fault kind '{kind}': use fail, drop, rateLimit or delay.");
        }
        return ControlJson(new JsonObject { ["added"] = kind });
    }

    private Response ApplySettings(JsonNode? input)
    {
        if (input is not JsonObject obj) throw new ArgumentException("Send a JSON object.");
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "requestsPerMinute": RequestsPerMinute = value?.GetValue<int>(); break;
                case "maxBodyBytes": MaxBodyBytes = value?.GetValue<long>() ?? DefaultMaxBodyBytes; break;
                case "emptyEditorForHtmlPages": EmptyEditorForHtmlPages = value?.GetValue<bool>() ?? false; break;
                case "appUrl":
                    lock (_gate) _appUrl = value?.GetValue<string>()?.TrimEnd('/');
                    break;
                case "deniedPermissions":
                    AllowAllPermissions();
                    foreach (var p in value?.AsArray() ?? []) DenyPermission(p!.GetValue<string>());
                    break;
                default:
                    throw new ArgumentException($"Unknown setting '{key}'.");
            }
        }
        return ControlJson(SettingsJson());
    }

    private JsonObject SettingsJson()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["requestsPerMinute"] = _requestsPerMinute,
                ["maxBodyBytes"] = _maxBodyBytes,
                ["emptyEditorForHtmlPages"] = _emptyEditorForHtmlPages,
                ["appUrl"] = _appUrl ?? BaseUri.ToString().TrimEnd('/'),
                ["deniedPermissions"] = new JsonArray([.. _denied.Order().Select(d => (JsonNode?)d)]),
            };
        }
    }

    private JsonObject StateJson()
    {
        static JsonArray Tags(IReadOnlyList<(string Name, string Value)> tags) =>
            new([.. tags.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["value"] = t.Value })]);
        return new JsonObject
        {
            ["books"] = new JsonArray([.. Books.Select(b => (JsonNode?)new JsonObject
            {
                ["id"] = b.Id, ["name"] = b.Name, ["slug"] = b.Slug, ["description"] = b.Description, ["tags"] = Tags(b.Tags),
                ["created_at"] = Timestamp(b.CreatedAt.UtcDateTime), ["updated_at"] = Timestamp(b.UpdatedAt.UtcDateTime),
            })]),
            ["chapters"] = new JsonArray([.. Chapters.Select(c => (JsonNode?)new JsonObject
            {
                ["id"] = c.Id, ["book_id"] = c.BookId, ["name"] = c.Name, ["slug"] = c.Slug, ["description"] = c.Description,
                ["priority"] = c.Priority, ["tags"] = Tags(c.Tags),
                ["created_at"] = Timestamp(c.CreatedAt.UtcDateTime), ["updated_at"] = Timestamp(c.UpdatedAt.UtcDateTime),
            })]),
            ["pages"] = new JsonArray([.. Pages.Select(p => (JsonNode?)new JsonObject
            {
                ["id"] = p.Id, ["book_id"] = p.BookId, ["chapter_id"] = p.ChapterId, ["name"] = p.Name, ["slug"] = p.Slug,
                ["markdown"] = p.Markdown, ["html"] = p.Html, ["raw_html"] = p.RawHtml, ["revision_count"] = p.RevisionCount,
                ["tags"] = Tags(p.Tags), ["draft"] = p.Draft, ["priority"] = p.Priority, ["editor"] = p.Editor,
                ["created_by"] = p.CreatedBy,
                ["created_at"] = Timestamp(p.CreatedAt.UtcDateTime), ["updated_at"] = Timestamp(p.UpdatedAt.UtcDateTime),
            })]),
        };
    }

    private JsonArray RequestsJson() => new([.. Requests.Select(r =>
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

    private static T Required<T>(JsonNode? input, string name)
    {
        var node = input?[name] ?? throw new ArgumentException($"'{name}' is required.");
        return node.GetValue<T>();
    }

    private static T Optional<T>(JsonNode? input, string name, T fallback)
    {
        var node = input?[name];
        return node is null ? fallback : node.GetValue<T>();
    }

    private static Response ControlJson(JsonNode node) =>
        new(200, Encoding.UTF8.GetBytes(node.ToJsonString()), "application/json", []);

    private static Response ControlError(int status, string message) =>
        new(status, Encoding.UTF8.GetBytes(new JsonObject { ["error"] = message }.ToJsonString()), "application/json", []);
}
