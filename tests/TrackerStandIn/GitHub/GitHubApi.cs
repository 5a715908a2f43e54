using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// GitHub's issues REST API as docs/trackers/github.md describes it, under <c>/github/api/v3</c> (the layout of GitHub
/// Enterprise Server); web links are <c>/github/{owner}/{repo}/issues/{number}</c>.
/// </summary>
public sealed class GitHubApi : TrackerApi
{
    public const string Root = "/github/api/v3";
    public const string DefaultVersion = "2022-11-28";
    public const int DefaultHourlyLimit = 5000;
    public const int DefaultSearchLimit = 30;
    private const string Docs = "https://docs.github.com/rest";
    private const string IssuesDocs = "https://docs.github.com/rest/issues/issues";
    private const string RateDocs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    private static readonly string[] Versions = ["2022-11-28", "2026-03-10"];
    private static readonly string[] Reasons = ["completed", "not_planned", "duplicate", "reopened"];

    private readonly List<Repo> _repos = [];
    private readonly List<Token> _tokens = [];
    private readonly User _webUser = new(9001, "web-user");
    private long _nextRepoId = 1296269, _nextIssueId = 1000001, _nextLabelId = 208045946, _nextUserId = 1;
    private DateTimeOffset? _coreWindow, _searchWindow;
    private int _coreUsed, _searchUsed;
    private int? _requestsPerHour, _searchPerMinute;
    private int _rateLimitStatus = 403;

    internal GitHubApi(TrackerServer server) : base(server)
    {
    }

    public override Tracker Tracker => Tracker.GitHub;

    private sealed class Repo(long id, string owner, string name)
    {
        public long Id { get; } = id;
        public string Owner { get; } = owner;
        public string Name { get; } = name;
        public string FullName => Owner + "/" + Name;
        public bool IssuesEnabled { get; set; } = true;
        public int NextNumber { get; set; } = 1;
        public List<Label> Labels { get; } = [];
        public List<Issue> Issues { get; } = [];
    }

    private sealed record User(long Id, string Login);

    private sealed record Label(long Id, string Name, string Color);

    private sealed record Token(string Value, User User, bool CanWrite, HashSet<string>? Repos);

    private sealed class Issue
    {
        public required Repo Repo { get; init; }
        public required long Id { get; init; }
        public required int Number { get; init; }
        public required User Author { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public string Title { get; set; } = "";
        public string? Body { get; set; }
        public string State { get; set; } = "open";
        public string? StateReason { get; set; }
        public List<Label> Labels { get; set; } = [];
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        public User? ClosedBy { get; set; }
        public bool Deleted { get; set; }

        /// <summary>What the search index holds (null: not indexed yet), and when the pending write reaches it.</summary>
        public Issue? Indexed { get; set; }
        public DateTimeOffset? IndexDueAt { get; set; }

        public Issue Snapshot()
        {
            var copy = (Issue)MemberwiseClone();
            copy.Labels = [.. Labels];
            copy.Indexed = null;
            return copy;
        }
    }

    // ---------------------------------------------------------------- seeding and a person's actions

    /// <summary>Adds a repository "owner/name"; returns its id.</summary>
    public long AddRepository(string fullName, bool issuesEnabled = true)
    {
        var (owner, name) = SplitFullName(fullName);
        lock (Server.Gate)
        {
            if (FindRepo(fullName) is not null) throw new ArgumentException($"Repository {fullName} already exists.");
            var repo = new Repo(_nextRepoId++, owner, name) { IssuesEnabled = issuesEnabled };
            _repos.Add(repo);
            return repo.Id;
        }
    }

    /// <summary>Turns a repository's issues off (the API answers 410) or on.</summary>
    public void SetIssuesEnabled(string fullName, bool enabled)
    {
        lock (Server.Gate) RepoOrThrow(fullName).IssuesEnabled = enabled;
    }

    /// <summary>
    /// Adds a token for <paramref name="login"/>. <paramref name="canWrite"/> false: reads only (writes get 403).
    /// <paramref name="repositories"/>: the repositories it may see (others answer 404, as private ones do); all when null.
    /// </summary>
    public void AddToken(string token, string login = "octocat", bool canWrite = true, IEnumerable<string>? repositories = null)
    {
        if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("A token cannot be empty.", nameof(token));
        lock (Server.Gate)
        {
            var user = _tokens.Select(t => t.User).FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.OrdinalIgnoreCase))
                ?? new User(_nextUserId++, login);
            _tokens.RemoveAll(t => t.Value == token);
            var repos = repositories is null ? null : new HashSet<string>(repositories, StringComparer.OrdinalIgnoreCase);
            _tokens.Add(new Token(token, user, canWrite, repos));
        }
    }

    /// <summary>Enforced requests per hour (primary limit, resource core), or null (default): counted in the headers, 5000 shown, never refused.</summary>
    public int? RequestsPerHour
    {
        get { lock (Server.Gate) return _requestsPerHour; }
        set { lock (Server.Gate) { _requestsPerHour = value; _coreWindow = null; _coreUsed = 0; } }
    }

    /// <summary>Enforced search requests per minute (resource search), or null (default): 30 shown, never refused.</summary>
    public int? SearchRequestsPerMinute
    {
        get { lock (Server.Gate) return _searchPerMinute; }
        set { lock (Server.Gate) { _searchPerMinute = value; _searchWindow = null; _searchUsed = 0; } }
    }

    /// <summary>The status of an exceeded primary limit: 403 (default) or 429; GitHub documents both.</summary>
    public int RateLimitStatus
    {
        get { lock (Server.Gate) return _rateLimitStatus; }
        set
        {
            if (value is not (403 or 429)) throw new ArgumentException("GitHub answers a rate limit with 403 or 429.");
            lock (Server.Gate) _rateLimitStatus = value;
        }
    }

    public override string CreateIssueAsPerson(string project, string title, string? body = null, IEnumerable<string>? labels = null, string? dueDate = null)
    {
        if (dueDate is not null) throw new ArgumentException("GitHub issues have no due date.");
        lock (Server.Gate)
        {
            var repo = RepoOrThrow(project);
            return NewIssue(repo, title, body, labels ?? [], _webUser).Number.ToString(CultureInfo.InvariantCulture);
        }
    }

    public override void CloseAsPerson(string project, string issue, string? reason = null)
    {
        reason ??= "completed";
        if (reason is not ("completed" or "not_planned" or "duplicate"))
        {
            throw new ArgumentException($"A GitHub issue is closed as completed, not_planned or duplicate, not '{reason}'.");
        }
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (i.State == "closed") throw new InvalidOperationException($"Issue {project}#{issue} is already closed.");
            Close(i, reason, _webUser);
        }
    }

    public override void ReopenAsPerson(string project, string issue)
    {
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (i.State == "open") throw new InvalidOperationException($"Issue {project}#{issue} is already open.");
            Reopen(i);
        }
    }

    public override void EditAsPerson(string project, string issue, string? title = null, string? body = null, IReadOnlyList<string>? labels = null, string? dueDate = null)
    {
        if (dueDate is not null) throw new ArgumentException("GitHub issues have no due date.");
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (title is not null) i.Title = title;
            if (body is not null) i.Body = body.Length == 0 ? null : body;
            if (labels is not null) i.Labels = ResolveLabels(i.Repo, labels);
            Touch(i);
        }
    }

    public override void DeleteAsPerson(string project, string issue)
    {
        lock (Server.Gate) IssueOrThrow(project, issue).Deleted = true;
    }

    internal override void AddProjectFromJson(JsonObject input) =>
        AddRepository(RequiredString(input, "project"), OptionalBool(input["issuesEnabled"], "issuesEnabled", true));

    internal override void AddCredentialFromJson(JsonObject input)
    {
        var access = OptionalString(input, "access") ?? "write";
        if (access is not ("write" or "read")) throw new ArgumentException("'access' is write or read.");
        AddToken(RequiredString(input, "token"), OptionalString(input, "login") ?? "octocat", access == "write", OptionalStrings(input, "projects"));
    }

    internal override bool ApplySetting(string key, JsonNode? value)
    {
        switch (key)
        {
            case "githubRequestsPerHour": RequestsPerHour = OptionalInt(value, key); return true;
            case "githubSearchRequestsPerMinute": SearchRequestsPerMinute = OptionalInt(value, key); return true;
            case "githubRateLimitStatus": RateLimitStatus = OptionalInt(value, key) ?? 403; return true;
            default: return false;
        }
    }

    internal override void WriteSettings(JsonObject settings)
    {
        settings["githubRequestsPerHour"] = _requestsPerHour;
        settings["githubSearchRequestsPerMinute"] = _searchPerMinute;
        settings["githubRateLimitStatus"] = _rateLimitStatus;
    }

    internal override void ResetState()
    {
        _repos.Clear();
        _tokens.Clear();
        _nextRepoId = 1296269;
        _nextIssueId = 1000001;
        _nextLabelId = 208045946;
        _nextUserId = 1;
        _coreWindow = _searchWindow = null;
        _coreUsed = _searchUsed = 0;
        _requestsPerHour = _searchPerMinute = null;
        _rateLimitStatus = 403;
    }

    internal override IEnumerable<IssueState> States() => _repos.SelectMany(r => r.Issues).Select(i => new IssueState(
        Tracker.GitHub, i.Repo.FullName, i.Number.ToString(CultureInfo.InvariantCulture), i.Title, i.Body, i.State, i.State == "closed",
        i.StateReason, [.. i.Labels.Select(l => l.Name)], null, i.CreatedAt, i.UpdatedAt, i.ClosedAt, HtmlUrl(i), i.Deleted));

    private Repo RepoOrThrow(string fullName) => FindRepo(fullName) ?? throw new ArgumentException($"No GitHub repository {fullName}.");

    private Issue IssueOrThrow(string project, string issue)
    {
        var repo = RepoOrThrow(project);
        return int.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && repo.Issues.FirstOrDefault(i => i.Number == number && !i.Deleted) is { } found
            ? found
            : throw new ArgumentException($"No issue {project}#{issue}.");
    }

    private static (string Owner, string Name) SplitFullName(string fullName)
    {
        var parts = fullName.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new ArgumentException($"A GitHub repository is written owner/name, not '{fullName}'.");
        }
        return (parts[0], parts[1]);
    }

    private Repo? FindRepo(string fullName) =>
        _repos.FirstOrDefault(r => string.Equals(r.FullName, fullName, StringComparison.OrdinalIgnoreCase));

    // ---------------------------------------------------------------- the model's rules

    private Issue NewIssue(Repo repo, string title, string? body, IEnumerable<string> labels, User author)
    {
        var now = Now;
        var issue = new Issue
        {
            Repo = repo,
            Id = _nextIssueId++,
            Number = repo.NextNumber++,
            Author = author,
            CreatedAt = now,
            Title = title,
            Body = string.IsNullOrEmpty(body) ? null : body,
            Labels = ResolveLabels(repo, labels),
        };
        repo.Issues.Add(issue);
        Touch(issue, now);
        return issue;
    }

    /// <summary>Labels by name: an existing one (matched without case) keeps its spelling; a new name creates a label.</summary>
    private List<Label> ResolveLabels(Repo repo, IEnumerable<string> names)
    {
        var result = new List<Label>();
        foreach (var name in names)
        {
            var label = repo.Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            if (label is null)
            {
                label = new Label(_nextLabelId++, name, "ededed");
                repo.Labels.Add(label);
            }
            if (!result.Contains(label)) result.Add(label);
        }
        return result;
    }

    private void Close(Issue issue, string reason, User by)
    {
        issue.State = "closed";
        issue.StateReason = reason;
        issue.ClosedAt = Now;
        issue.ClosedBy = by;
        Touch(issue);
    }

    private void Reopen(Issue issue)
    {
        issue.State = "open";
        issue.StateReason = "reopened";
        issue.ClosedAt = null;
        issue.ClosedBy = null;
        Touch(issue);
    }

    private void Touch(Issue issue, DateTimeOffset? at = null)
    {
        issue.UpdatedAt = at ?? Now;
        if (IndexDue is { } due)
        {
            issue.IndexDueAt = due;
        }
        else
        {
            issue.Indexed = issue.Snapshot();
            issue.IndexDueAt = null;
        }
    }

    /// <summary>The issue as the search index sees it now, or null when it is not indexed yet.</summary>
    private Issue? Indexed(Issue issue)
    {
        if (issue.IndexDueAt is { } due && due <= Now)
        {
            issue.Indexed = issue.Snapshot();
            issue.IndexDueAt = null;
        }
        return issue.Indexed;
    }

    // ---------------------------------------------------------------- the API

    internal override Response Handle(Incoming incoming)
    {
        if (!(incoming.Path == Root || incoming.Path.StartsWith(Root + "/", StringComparison.Ordinal)))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(incoming.Header("User-Agent")))
        {
            return Response.Text(403,
                "Request forbidden by administrative rules. Please make sure your request has a User-Agent header " +
                "(https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.\n");
        }

        var path = incoming.Path[Root.Length..];
        if (path.Length == 0) path = "/";
        var authorization = incoming.Header("Authorization");
        Token? token = null;
        if (!string.IsNullOrWhiteSpace(authorization))
        {
            var parts = authorization.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && (parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("token", StringComparison.OrdinalIgnoreCase)))
            {
                token = _tokens.FirstOrDefault(t => t.Value == parts[1].Trim());
            }
            if (token is null) return Error(401, "Bad credentials");
        }
        if (token is null) return Error(401, "Requires authentication");

        var version = incoming.Header("X-GitHub-Api-Version");
        if (version is not null && !Versions.Contains(version.Trim()))
        {
            return Error(400, $"API version '{version.Trim()}' is not supported.", "https://docs.github.com/rest/about-the-rest-api/api-versions");
        }

        bool search = path.StartsWith("/search/", StringComparison.Ordinal);
        var limited = Count(search, token);
        var response = limited ?? Route(incoming, path, token);
        AddRateHeaders(response, search);
        response.WithHeader("X-GitHub-Api-Version-Selected", version?.Trim() ?? DefaultVersion);
        response.WithHeader("X-GitHub-Media-Type", "github.v3; format=json");
        response.WithHeader("X-GitHub-Request-Id", Guid.NewGuid().ToString("N")[..16].ToUpperInvariant());
        return response;
    }

    private Response Route(Incoming incoming, string path, Token token)
    {
        var segments = path.Trim('/').Split('/');
        switch (incoming.Method, segments)
        {
            case ("GET", ["user"]):
                return Response.Json(200, UserJson(token.User));
            case ("GET", ["search", "issues"]):
                return Search(incoming, token);
            case ("GET", ["repos", var owner, var name, "issues"]):
                return WithRepo(owner + "/" + name, token, write: false, repo => List(incoming, repo));
            case ("POST", ["repos", var owner, var name, "issues"]):
                return WithRepo(owner + "/" + name, token, write: true, repo => Create(incoming, repo, token));
            case ("GET", ["repositories", var id, "issues"]):
                {
                    var repo = _repos.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == id);
                    return repo is null ? NotFound() : WithRepo(repo.FullName, token, write: false, r => List(incoming, r));
                }
            case ("GET", ["repos", var owner, var name, "issues", var number]):
                return WithRepo(owner + "/" + name, token, write: false, repo => WithIssue(repo, number, issue => Response.Json(200, IssueJson(issue))));
            case ("PATCH", ["repos", var owner, var name, "issues", var number]):
                return WithRepo(owner + "/" + name, token, write: true, repo => WithIssue(repo, number, issue => Update(incoming, issue, token)));
            default:
                return NotFound();
        }
    }

    private Response WithRepo(string fullName, Token token, bool write, Func<Repo, Response> action)
    {
        var repo = FindRepo(fullName);
        if (repo is null || (token.Repos is not null && !token.Repos.Contains(repo.FullName))) return NotFound();
        if (write && !token.CanWrite) return Error(403, "Resource not accessible by personal access token", IssuesDocs);
        if (!repo.IssuesEnabled) return Error(410, "Issues are disabled for this repo", "https://docs.github.com/v3/issues/");
        return action(repo);
    }

    private Response WithIssue(Repo repo, string number, Func<Issue, Response> action)
    {
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return NotFound();
        var issue = repo.Issues.FirstOrDefault(i => i.Number == n);
        if (issue is null) return NotFound();
        if (issue.Deleted) return Error(410, "This issue was deleted", IssuesDocs + "#get-an-issue");
        return action(issue);
    }

    private Response Create(Incoming incoming, Repo repo, Token token)
    {
        if (ParseObject(incoming, out var input) is { } bad) return bad;
        if (!input!.TryGetPropertyValue("title", out var titleNode) || titleNode is null)
        {
            return Error(422, "Invalid request.\n\n\"title\" wasn't supplied.", IssuesDocs + "#create-an-issue");
        }
        if (TitleOf(titleNode) is not { } title) return TypeError("title", titleNode, "a string or integer", "#create-an-issue");
        if (input["body"] is { } bodyNode && !Http.IsString(bodyNode)) return TypeError("body", bodyNode, "a string or null", "#create-an-issue");
        var labels = LabelsOf(input, out var labelError, "#create-an-issue");
        if (labelError is not null) return labelError;
        var body = Http.AsString(input["body"]);
        if (Validate(title, body, labels ?? [], "#create-an-issue") is { } invalid) return invalid;

        var issue = NewIssue(repo, title, body, labels ?? [], token.User);
        return Response.Json(201, IssueJson(issue)).WithHeader("Location", ApiUrl(issue));
    }

    private Response Update(Incoming incoming, Issue issue, Token token)
    {
        const string Anchor = "#update-an-issue";
        if (ParseObject(incoming, out var input) is { } bad) return bad;
        string? title = null;
        if (input!.TryGetPropertyValue("title", out var titleNode) && titleNode is not null)
        {
            title = TitleOf(titleNode);
            if (title is null) return TypeError("title", titleNode, "a string or integer", Anchor);
        }
        bool setBody = input.ContainsKey("body");
        if (input["body"] is { } bodyNode && !Http.IsString(bodyNode)) return TypeError("body", bodyNode, "a string or null", Anchor);
        string? state = null;
        if (input["state"] is { } stateNode)
        {
            state = Http.AsString(stateNode);
            if (state is not ("open" or "closed")) return EnumError("state", stateNode, ["open", "closed"], Anchor);
        }
        string? reason = null;
        if (input["state_reason"] is { } reasonNode)
        {
            reason = Http.AsString(reasonNode);
            if (reason is null || !Reasons.Contains(reason)) return EnumError("state_reason", reasonNode, Reasons, Anchor);
        }
        var labels = LabelsOf(input, out var labelError, Anchor);
        if (labelError is not null) return labelError;
        var body = setBody ? Http.AsString(input["body"]) : issue.Body;
        if (Validate(title ?? issue.Title, body, labels ?? [], Anchor) is { } invalid) return invalid;
        if (state == "closed" && issue.State == "open" && reason == "reopened")
        {
            return ValidationFailed(Anchor, new JsonObject
            {
                ["resource"] = "Issue", ["code"] = "custom", ["field"] = "state_reason",
                ["message"] = "state_reason reopened is only valid when an issue is reopened",
            });
        }

        bool changed = false;
        if (title is not null && title != issue.Title) { issue.Title = title; changed = true; }
        if (setBody && body != issue.Body) { issue.Body = string.IsNullOrEmpty(body) ? null : body; changed = true; }
        if (labels is not null) { issue.Labels = ResolveLabels(issue.Repo, labels); changed = true; }
        // The reason is "ignored unless state is changed": closing a closed issue again keeps its reason.
        if (state == "closed" && issue.State == "open")
        {
            Close(issue, reason ?? "completed", token.User);
        }
        else if (state == "open" && issue.State == "closed")
        {
            Reopen(issue);
        }
        else if (changed)
        {
            Touch(issue);
        }
        return Response.Json(200, IssueJson(issue));
    }

    private Response List(Incoming incoming, Repo repo)
    {
        var query = incoming.Query;
        var state = query.Get("state") ?? "open";
        if (state is not ("open" or "closed" or "all")) return InvalidQuery("state", state, ["open", "closed", "all"]);
        var sort = query.Get("sort") ?? "created";
        if (sort is not ("created" or "updated" or "comments")) return InvalidQuery("sort", sort, ["created", "updated", "comments"]);
        var direction = query.Get("direction") ?? "desc";
        if (direction is not ("asc" or "desc")) return InvalidQuery("direction", direction, ["asc", "desc"]);
        DateTimeOffset? since = null;
        if (query.Get("since") is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return InvalidQuery("since", sinceText, null);
            }
            since = parsed;
        }
        var wanted = (query.Get("labels") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        IEnumerable<Issue> issues = repo.Issues.Where(i => !i.Deleted
            && (state == "all" || i.State == state)
            && wanted.All(w => i.Labels.Any(l => string.Equals(l.Name, w, StringComparison.OrdinalIgnoreCase)))
            && (since is null || i.UpdatedAt >= since));
        issues = Order(issues, sort, direction);
        var listRoot = $"{Server.GitHubApiRoot}/repositories/{repo.Id}/issues";
        return Page([.. issues], query, listRoot, i => IssueJson(i), total => Http.Array(total));
    }

    private Response Search(Incoming incoming, Token token)
    {
        var query = incoming.Query;
        var q = query.Get("q");
        if (string.IsNullOrWhiteSpace(q))
        {
            return ValidationFailed("https://docs.github.com/rest/search/search#search-issues-and-pull-requests",
                new JsonObject { ["resource"] = "Search", ["field"] = "q", ["code"] = "missing" });
        }
        var parsed = SearchQuery.Parse(q);
        var visible = _repos.Where(r => token.Repos is null || token.Repos.Contains(r.FullName)).ToList();
        IEnumerable<Repo> repos = visible;
        if (parsed.Repos.Count > 0)
        {
            var named = parsed.Repos.Select(name => visible.FirstOrDefault(r => string.Equals(r.FullName, name, StringComparison.OrdinalIgnoreCase))).ToList();
            if (named.Any(r => r is null))
            {
                return ValidationFailed("https://docs.github.com/v3/search/", new JsonObject
                {
                    ["message"] = "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.",
                    ["resource"] = "Search", ["field"] = "q", ["code"] = "invalid",
                });
            }
            repos = named.Select(r => r!).ToList();
        }

        var sort = query.Get("sort");
        var order = query.Get("order") ?? "desc";
        var hits = new List<Issue>();
        foreach (var issue in repos.Where(r => r.IssuesEnabled).SelectMany(r => r.Issues).Where(i => !i.Deleted))
        {
            if (Indexed(issue) is { } seen && parsed.Matches(seen)) hits.Add(issue);
        }
        IEnumerable<Issue> ordered = sort is "created" or "updated" or "comments"
            ? Order(hits, sort, order == "asc" ? "asc" : "desc")
            : hits.OrderByDescending(i => i.Number).ThenBy(i => i.Repo.Id);
        int perPage = PerPage(query), page = Math.Max(1, Http.IntParam(query, "page", 1));
        if ((long)page * perPage > 1000 && (long)(page - 1) * perPage >= 1000)
        {
            return Error(422, "Only the first 1000 search results are available", "https://docs.github.com/v3/search/");
        }
        var capped = ordered.Take(1000).ToList();
        var searchRoot = $"{Server.GitHubApiRoot}/search/issues";
        return Page(capped, query, searchRoot, i =>
        {
            var json = IssueJson(i);
            json["score"] = 1.0;
            return json;
        }, items => new JsonObject { ["total_count"] = hits.Count, ["incomplete_results"] = false, ["items"] = Http.Array(items) });
    }

    /// <summary>One page of <paramref name="all"/> with GitHub's link header (prev, next, last, first), built on <paramref name="linkRoot"/>.</summary>
    private static Response Page(List<Issue> all, Query query, string linkRoot, Func<Issue, JsonObject> toJson, Func<IEnumerable<JsonNode?>, JsonNode> wrap)
    {
        int perPage = PerPage(query);
        int page = Math.Max(1, Http.IntParam(query, "page", 1));
        int last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode?)toJson(i));
        var response = Response.Json(200, wrap(items));
        var links = new List<(string, string)>();
        string At(int p) => linkRoot + "?" + query.With("page", p.ToString(CultureInfo.InvariantCulture));
        if (page > 1) links.Add((At(Math.Min(page - 1, last)), "prev"));
        if (page < last) links.Add((At(page + 1), "next"));
        if (page < last) links.Add((At(last), "last"));
        if (page > 1) links.Add((At(1), "first"));
        if (links.Count > 0) response.WithHeader("Link", Http.LinkHeader(links));
        return response;
    }

    private static int PerPage(Query query)
    {
        int perPage = Http.IntParam(query, "per_page", 30);
        return perPage < 1 ? 30 : Math.Min(perPage, 100);
    }

    private static IEnumerable<Issue> Order(IEnumerable<Issue> issues, string sort, string direction)
    {
        Func<Issue, DateTimeOffset> key = sort == "updated" ? i => i.UpdatedAt : i => i.CreatedAt;
        return direction == "asc"
            ? issues.OrderBy(key).ThenBy(i => i.Number)
            : issues.OrderByDescending(key).ThenByDescending(i => i.Number);
    }

    // ---------------------------------------------------------------- validation

    private static Response? ParseObject(Incoming incoming, out JsonObject? input)
    {
        input = null;
        JsonNode? node;
        try
        {
            node = Http.ParseJson(incoming.Body);
        }
        catch (JsonException)
        {
            return Error(400, "Problems parsing JSON", Docs);
        }
        if (node is null) return Error(400, "Problems parsing JSON", Docs);
        if (node is not JsonObject obj) return Error(400, "Body should be a JSON object", Docs);
        input = obj;
        return null;
    }

    private static string? TitleOf(JsonNode node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>Label names from "labels": strings, or objects with a name; null when absent.</summary>
    private static List<string>? LabelsOf(JsonObject input, out Response? error, string anchor)
    {
        error = null;
        if (!input.TryGetPropertyValue("labels", out var node) || node is null) return null;
        if (node is not JsonArray array)
        {
            error = TypeError("labels", node, "an array", anchor);
            return null;
        }
        var names = new List<string>();
        foreach (var item in array)
        {
            var name = item is JsonObject o ? Http.AsString(o["name"]) : Http.AsString(item);
            if (name is null)
            {
                error = TypeError("labels/" + names.Count, item, "a string or object", anchor);
                return null;
            }
            names.Add(name);
        }
        return names;
    }

    private static Response? Validate(string title, string? body, List<string> labels, string anchor)
    {
        var errors = new List<JsonNode?>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new JsonObject { ["resource"] = "Issue", ["code"] = "missing_field", ["field"] = "title" });
        else if (title.Length > 256) errors.Add(Custom("title", "title is too long (maximum is 256 characters)"));
        if (body is not null && body.Length > 65536) errors.Add(Custom("body", "body is too long (maximum is 65536 characters)"));
        foreach (var label in labels)
        {
            if (string.IsNullOrWhiteSpace(label)) errors.Add(new JsonObject { ["resource"] = "Label", ["field"] = "name", ["code"] = "missing_field" });
            else if (label.Length > 50) errors.Add(new JsonObject { ["value"] = label, ["resource"] = "Label", ["field"] = "name", ["code"] = "invalid" });
        }
        return errors.Count == 0 ? null : ValidationFailed(IssuesDocs + anchor, [.. errors]);

        static JsonObject Custom(string field, string message) =>
            new() { ["resource"] = "Issue", ["code"] = "custom", ["field"] = field, ["message"] = message };
    }

    private static Response TypeError(string field, JsonNode? value, string expected, string anchor) =>
        Error(422, $"Invalid request.\n\nFor 'properties/{field}', {value?.ToJsonString() ?? "nil"} is not {expected}.", IssuesDocs + anchor);

    private static Response EnumError(string field, JsonNode? value, IEnumerable<string> allowed, string anchor) =>
        Error(422, $"Invalid request.\n\nFor 'properties/{field}', {value?.ToJsonString() ?? "nil"} is not one of [{string.Join(", ", allowed.Select(a => "\"" + a + "\""))}].",
            IssuesDocs + anchor);

    private static Response InvalidQuery(string field, string value, string[]? allowed) =>
        ValidationFailed(IssuesDocs + "#list-repository-issues", new JsonObject
        {
            ["resource"] = "Issue", ["field"] = field, ["code"] = "invalid", ["value"] = value,
            ["message"] = allowed is null ? $"{field} is invalid" : $"{field} must be one of {string.Join(", ", allowed)}",
        });

    private static Response ValidationFailed(string docs, params JsonNode?[] errors) =>
        Response.Json(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(errors),
            ["documentation_url"] = docs,
            ["status"] = "422",
        });

    private static Response Error(int status, string message, string docs = Docs) =>
        Response.Json(status, new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = docs,
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        });

    private static Response NotFound() => Error(404, "Not Found");

    // ---------------------------------------------------------------- rate limits

    /// <summary>Counts the request against its resource; the primary-limit answer when an enforced limit is spent.</summary>
    private Response? Count(bool search, Token token)
    {
        var now = Now;
        if (search)
        {
            if (_searchWindow is null || now >= _searchWindow.Value.AddMinutes(1)) { _searchWindow = now; _searchUsed = 0; }
            if (_searchPerMinute is { } limit && _searchUsed >= limit) return PrimaryLimited(token);
            _searchUsed++;
        }
        else
        {
            if (_coreWindow is null || now >= _coreWindow.Value.AddHours(1)) { _coreWindow = now; _coreUsed = 0; }
            if (_requestsPerHour is { } limit && _coreUsed >= limit) return PrimaryLimited(token);
            _coreUsed++;
        }
        return null;
    }

    private Response PrimaryLimited(Token token) =>
        Error(_rateLimitStatus, $"API rate limit exceeded for user ID {token.User.Id}.", RateDocs);

    private void AddRateHeaders(Response response, bool search)
    {
        if (response.Header("x-ratelimit-limit") is not null) return;
        var now = Now;
        int limit, used;
        DateTimeOffset reset;
        if (search)
        {
            limit = _searchPerMinute ?? DefaultSearchLimit;
            used = _searchUsed;
            reset = (_searchWindow ?? now).AddMinutes(1);
        }
        else
        {
            limit = _requestsPerHour ?? DefaultHourlyLimit;
            used = _coreUsed;
            reset = (_coreWindow ?? now).AddHours(1);
        }
        response.WithHeader("x-ratelimit-limit", limit)
            .WithHeader("x-ratelimit-remaining", Math.Max(0, limit - used))
            .WithHeader("x-ratelimit-reset", reset.ToUnixTimeSeconds())
            .WithHeader("x-ratelimit-used", used)
            .WithHeader("x-ratelimit-resource", search ? "search" : "core");
    }

    internal override void CheckRateLimitStyle(string? style, int? status)
    {
        if (style is not (null or "primary" or "secondary")) throw new ArgumentException($"GitHub's rate limits are primary or secondary, not '{style}'.");
        if (status is not (null or 403 or 429)) throw new ArgumentException("GitHub answers a rate limit with 403 or 429.");
    }

    internal override Response RateLimited(TrackerServer.Fault fault)
    {
        int status = fault.Status != 0 ? fault.Status : 403;
        var now = Now;
        if (fault.Style == "secondary")
        {
            var secondary = Error(status,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
                "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits");
            if (fault.RetryAfterSeconds is { } wait) secondary.WithHeader("retry-after", wait);
            AddRateHeaders(secondary, search: false);
            return secondary;
        }
        var reset = now.AddSeconds(fault.RetryAfterSeconds ?? 3600);
        int limit = _requestsPerHour ?? DefaultHourlyLimit;
        return Error(status, "API rate limit exceeded for user ID 1.", RateDocs)
            .WithHeader("x-ratelimit-limit", limit)
            .WithHeader("x-ratelimit-remaining", 0)
            .WithHeader("x-ratelimit-reset", reset.ToUnixTimeSeconds())
            .WithHeader("x-ratelimit-used", limit)
            .WithHeader("x-ratelimit-resource", "core");
    }

    internal override Response ServerError(int status, string? message) =>
        Error(status, message ?? (status >= 500 ? "Server Error" : "Error"));

    // ---------------------------------------------------------------- JSON

    private string ApiUrl(Issue issue) => $"{Server.GitHubApiRoot}/repos/{issue.Repo.FullName}/issues/{issue.Number}";

    private string HtmlUrl(Issue issue) => $"{Server.BaseUri}github/{issue.Repo.FullName}/issues/{issue.Number}";

    private JsonObject UserJson(User user) => new()
    {
        ["login"] = user.Login,
        ["id"] = user.Id,
        ["node_id"] = "U_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("User" + user.Id)).TrimEnd('='),
        ["url"] = $"{Server.GitHubApiRoot}/users/{user.Login}",
        ["html_url"] = $"{Server.BaseUri}github/{user.Login}",
        ["type"] = "User",
        ["site_admin"] = false,
    };

    private JsonObject IssueJson(Issue issue)
    {
        var api = ApiUrl(issue);
        var repoUrl = $"{Server.GitHubApiRoot}/repos/{issue.Repo.FullName}";
        return new JsonObject
        {
            ["url"] = api,
            ["repository_url"] = repoUrl,
            ["labels_url"] = api + "/labels{/name}",
            ["comments_url"] = api + "/comments",
            ["events_url"] = api + "/events",
            ["html_url"] = HtmlUrl(issue),
            ["id"] = issue.Id,
            ["node_id"] = "I_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Issue" + issue.Id)).TrimEnd('='),
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["user"] = UserJson(issue.Author),
            ["labels"] = Http.Array(issue.Labels.Select(l => (JsonNode?)new JsonObject
            {
                ["id"] = l.Id,
                ["node_id"] = "LA_" + l.Id.ToString(CultureInfo.InvariantCulture),
                ["url"] = $"{repoUrl}/labels/{Uri.EscapeDataString(l.Name)}",
                ["name"] = l.Name,
                ["color"] = l.Color,
                ["default"] = false,
                ["description"] = null,
            })),
            ["state"] = issue.State,
            ["locked"] = false,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["comments"] = 0,
            ["created_at"] = Http.Iso(issue.CreatedAt),
            ["updated_at"] = Http.Iso(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Http.Iso(closed) : null,
            ["author_association"] = "OWNER",
            ["type"] = null,
            ["active_lock_reason"] = null,
            ["body"] = issue.Body,
            ["closed_by"] = issue.ClosedBy is { } by ? UserJson(by) : null,
            ["timeline_url"] = api + "/timeline",
            ["performed_via_github_app"] = null,
            ["state_reason"] = issue.StateReason,
        };
    }

    // ---------------------------------------------------------------- search queries

    /// <summary>
    /// A /search/issues query: keywords and "quoted phrases" plus the qualifiers repo:, is:, state:, label:, -label:,
    /// no:label, in: and type:. Other "name:value" words are searched as keywords, as GitHub does.
    /// </summary>
    private sealed class SearchQuery
    {
        public List<string> Repos { get; } = [];
        private readonly List<string> _terms = [];
        private readonly List<string> _labels = [];
        private readonly List<string> _notLabels = [];
        private readonly HashSet<string> _in = [];
        private string? _state;
        private bool _pullRequests, _noLabel;

        public static SearchQuery Parse(string q)
        {
            var query = new SearchQuery();
            foreach (var word in Split(q))
            {
                int colon = word.IndexOf(':');
                bool negated = word.StartsWith('-');
                var key = colon > 0 ? word[(negated ? 1 : 0)..colon].ToLowerInvariant() : "";
                var value = colon > 0 ? Unquote(word[(colon + 1)..]) : "";
                switch (key)
                {
                    case "repo": query.Repos.Add(value); break;
                    case "is" or "type" when value is "issue": break;
                    case "is" or "type" when value is "pr" or "pull-request": query._pullRequests = true; break;
                    case "is" or "state" when value is "open" or "closed": query._state = value; break;
                    case "label" when negated: query._notLabels.Add(value); break;
                    case "label": query._labels.Add(value); break;
                    case "no" when value == "label": query._noLabel = true; break;
                    case "in": foreach (var field in value.Split(',')) query._in.Add(field.ToLowerInvariant()); break;
                    default: query._terms.Add(word); break;
                }
            }
            return query;
        }

        public bool Matches(Issue issue)
        {
            if (_pullRequests) return false;
            if (_state is not null && issue.State != _state) return false;
            bool Has(string name) => issue.Labels.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            if (!_labels.All(Has) || _notLabels.Any(Has)) return false;
            if (_noLabel && issue.Labels.Count > 0) return false;
            bool inTitle = _in.Count == 0 || _in.Contains("title"), inBody = _in.Count == 0 || _in.Contains("body");
            return _terms.All(term => (inTitle && TextSearch.Matches(issue.Title, term)) || (inBody && TextSearch.Matches(issue.Body, term)));
        }

        private static string Unquote(string value) =>
            value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

        /// <summary>Splits on spaces outside double quotes; quotes stay on the word (a quoted keyword is a phrase).</summary>
        private static IEnumerable<string> Split(string q)
        {
            var current = new StringBuilder();
            bool quoted = false;
            foreach (var c in q)
            {
                if (c == '"') quoted = !quoted;
                if (char.IsWhiteSpace(c) && !quoted)
                {
                    if (current.Length > 0) yield return current.ToString();
                    current.Clear();
                    continue;
                }
                current.Append(c);
            }
            if (current.Length > 0) yield return current.ToString();
        }
    }
}
