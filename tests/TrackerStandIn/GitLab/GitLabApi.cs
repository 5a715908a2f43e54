using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// GitLab's issues REST API v4 as docs/trackers/gitlab.md describes it, for an instance at <c>/gitlab</c>: the API
/// under <c>/gitlab/api/v4</c>, web links <c>/gitlab/{group}/{project}/-/issues/{iid}</c>.
/// </summary>
public sealed class GitLabApi : TrackerApi
{
    public const string Root = "/gitlab/api/v4";
    public const int DefaultPerPage = 20;
    private const int MaxDescription = 1_048_576;

    private static readonly string[] EditParameters =
    [
        "assignee_id", "assignee_ids", "confidential", "created_at", "description", "discussion_locked", "due_date", "labels",
        "add_labels", "remove_labels", "milestone_id", "state_event", "title", "issue_type", "weight", "epic_id", "epic_iid",
    ];

    private readonly List<Project> _projects = [];
    private readonly List<Token> _tokens = [];
    private readonly User _webUser = new(9001, "web.user", "Web User");
    private long _nextProjectId = 42, _nextIssueId = 7001, _nextUserId = 1;
    private DateTimeOffset? _window;
    private int _used;
    private int? _requestsPerMinute;
    private bool _omitTotals;

    internal GitLabApi(TrackerServer server) : base(server)
    {
    }

    public override Tracker Tracker => Tracker.GitLab;

    private sealed class Project(long id, string path)
    {
        public long Id { get; } = id;
        public string Path { get; } = path;
        public int NextIid { get; set; } = 1;
        public List<string> Labels { get; } = [];
        public List<Issue> Issues { get; } = [];
    }

    private sealed record User(long Id, string Username, string Name);

    private sealed record Token(string Value, User User, bool CanWrite, HashSet<string>? Projects);

    private sealed class Issue
    {
        public required Project Project { get; init; }
        public required long Id { get; init; }
        public required int Iid { get; init; }
        public required User Author { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public string Title { get; set; } = "";
        public string? Description { get; set; }
        public string State { get; set; } = "opened";
        public List<string> Labels { get; set; } = [];
        public DateOnly? DueDate { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        public User? ClosedBy { get; set; }
        public bool Deleted { get; set; }
    }

    // ---------------------------------------------------------------- seeding and a person's actions

    /// <summary>Adds a project "group/project" (subgroups allowed); returns its id.</summary>
    public long AddProject(string path, long? id = null)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.Contains('/') || path.StartsWith('/') || path.EndsWith('/'))
        {
            throw new ArgumentException($"A GitLab project is written group/project, not '{path}'.");
        }
        lock (Server.Gate)
        {
            if (FindProject(path) is not null) throw new ArgumentException($"Project {path} already exists.");
            if (id is { } given && _projects.Any(p => p.Id == given)) throw new ArgumentException($"A project with id {given} already exists.");
            var project = new Project(id ?? _nextProjectId, path);
            _nextProjectId = Math.Max(_nextProjectId, project.Id + 1);
            _projects.Add(project);
            return project.Id;
        }
    }

    /// <summary>
    /// Adds an access token of <paramref name="username"/>. <paramref name="canWrite"/> false: scope read_api (writes get
    /// 403 insufficient_scope). <paramref name="projects"/>: the projects it may see (others answer 404); all when null.
    /// </summary>
    public void AddToken(string token, string username = "root", bool canWrite = true, IEnumerable<string>? projects = null)
    {
        if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("A token cannot be empty.", nameof(token));
        lock (Server.Gate)
        {
            var user = _tokens.Select(t => t.User).FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase))
                ?? new User(_nextUserId++, username, username);
            _tokens.RemoveAll(t => t.Value == token);
            _tokens.Add(new Token(token, user, canWrite, projects is null ? null : new HashSet<string>(projects, StringComparer.OrdinalIgnoreCase)));
        }
    }

    /// <summary>Enforced authenticated API requests per minute, or null (default): no limit, and no RateLimit headers.</summary>
    public int? RequestsPerMinute
    {
        get { lock (Server.Gate) return _requestsPerMinute; }
        set { lock (Server.Gate) { _requestsPerMinute = value; _window = null; _used = 0; } }
    }

    /// <summary>GitLab.com's behaviour past 10,000 results: no x-total, x-total-pages or rel="last". Off by default.</summary>
    public bool OmitTotals
    {
        get { lock (Server.Gate) return _omitTotals; }
        set { lock (Server.Gate) _omitTotals = value; }
    }

    public override string CreateIssueAsPerson(string project, string title, string? body = null, IEnumerable<string>? labels = null, string? dueDate = null)
    {
        var due = ParseDueDateOrThrow(dueDate);
        lock (Server.Gate)
        {
            var p = ProjectOrThrow(project);
            return NewIssue(p, title, body, labels ?? [], due, _webUser).Iid.ToString(CultureInfo.InvariantCulture);
        }
    }

    public override void CloseAsPerson(string project, string issue, string? reason = null)
    {
        if (reason is not null) throw new ArgumentException("GitLab issues have no close reason.");
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (i.State == "closed") throw new InvalidOperationException($"Issue {project}#{issue} is already closed.");
            Close(i, _webUser);
        }
    }

    public override void ReopenAsPerson(string project, string issue)
    {
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (i.State == "opened") throw new InvalidOperationException($"Issue {project}#{issue} is already open.");
            Reopen(i);
        }
    }

    public override void EditAsPerson(string project, string issue, string? title = null, string? body = null, IReadOnlyList<string>? labels = null, string? dueDate = null)
    {
        DateOnly? due = dueDate is { Length: > 0 } ? ParseDueDateOrThrow(dueDate) : null;
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (title is not null) i.Title = title;
            if (body is not null) i.Description = body.Length == 0 ? null : body;
            if (labels is not null) i.Labels = ResolveLabels(i.Project, labels);
            if (dueDate is not null) i.DueDate = due;
            i.UpdatedAt = Now;
        }
    }

    public override void DeleteAsPerson(string project, string issue)
    {
        lock (Server.Gate) IssueOrThrow(project, issue).Deleted = true;
    }

    internal override void AddProjectFromJson(JsonObject input)
    {
        long? id = input["id"] is null ? null : OptionalInt(input["id"], "id");
        AddProject(RequiredString(input, "project"), id);
    }

    internal override void AddCredentialFromJson(JsonObject input)
    {
        var access = OptionalString(input, "access") ?? "write";
        if (access is not ("write" or "read")) throw new ArgumentException("'access' is write (scope api) or read (scope read_api).");
        AddToken(RequiredString(input, "token"), OptionalString(input, "login") ?? "root", access == "write", OptionalStrings(input, "projects"));
    }

    internal override bool ApplySetting(string key, JsonNode? value)
    {
        switch (key)
        {
            case "gitlabRequestsPerMinute": RequestsPerMinute = OptionalInt(value, key); return true;
            case "gitlabOmitTotals": OmitTotals = OptionalBool(value, key, false); return true;
            default: return false;
        }
    }

    internal override void WriteSettings(JsonObject settings)
    {
        settings["gitlabRequestsPerMinute"] = _requestsPerMinute;
        settings["gitlabOmitTotals"] = _omitTotals;
    }

    internal override void ResetState()
    {
        _projects.Clear();
        _tokens.Clear();
        _nextProjectId = 42;
        _nextIssueId = 7001;
        _nextUserId = 1;
        _window = null;
        _used = 0;
        _requestsPerMinute = null;
        _omitTotals = false;
    }

    internal override IEnumerable<IssueState> States() => _projects.SelectMany(p => p.Issues).Select(i => new IssueState(
        Tracker.GitLab, i.Project.Path, i.Iid.ToString(CultureInfo.InvariantCulture), i.Title, i.Description, i.State, i.State == "closed",
        null, [.. i.Labels], i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.CreatedAt, i.UpdatedAt, i.ClosedAt, WebUrl(i), i.Deleted));

    private Project? FindProject(string path) => _projects.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.OrdinalIgnoreCase));

    private Project ProjectOrThrow(string path) => FindProject(path) ?? throw new ArgumentException($"No GitLab project {path}.");

    private Issue IssueOrThrow(string project, string issue)
    {
        var p = ProjectOrThrow(project);
        return int.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out var iid)
            && p.Issues.FirstOrDefault(i => i.Iid == iid && !i.Deleted) is { } found
            ? found
            : throw new ArgumentException($"No issue {project}#{issue}.");
    }

    private static DateOnly? ParseDueDateOrThrow(string? text)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"A due date is written YYYY-MM-DD, not '{text}'.");
    }

    // ---------------------------------------------------------------- the model's rules

    private Issue NewIssue(Project project, string title, string? description, IEnumerable<string> labels, DateOnly? due, User author)
    {
        var now = Now;
        var issue = new Issue
        {
            Project = project,
            Id = _nextIssueId++,
            Iid = project.NextIid++,
            Author = author,
            CreatedAt = now,
            UpdatedAt = now,
            Title = title,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Labels = ResolveLabels(project, labels),
            DueDate = due,
        };
        project.Issues.Add(issue);
        return issue;
    }

    /// <summary>Label names: an existing label (matched without case) keeps its spelling; a new name creates one.</summary>
    private static List<string> ResolveLabels(Project project, IEnumerable<string> names)
    {
        var result = new List<string>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            var label = project.Labels.FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
            if (label is null)
            {
                label = name;
                project.Labels.Add(label);
            }
            if (!result.Contains(label)) result.Add(label);
        }
        return result;
    }

    private void Close(Issue issue, User by)
    {
        issue.State = "closed";
        issue.ClosedAt = Now;
        issue.ClosedBy = by;
        issue.UpdatedAt = Now;
    }

    private void Reopen(Issue issue)
    {
        issue.State = "opened";
        issue.ClosedAt = null;
        issue.ClosedBy = null;
        issue.UpdatedAt = Now;
    }

    // ---------------------------------------------------------------- the API

    internal override Response Handle(Incoming incoming)
    {
        if (!(incoming.Path == Root || incoming.Path.StartsWith(Root + "/", StringComparison.Ordinal)))
        {
            return Json(404, new JsonObject { ["error"] = "404 Not Found" });
        }
        var value = incoming.Header("PRIVATE-TOKEN");
        if (string.IsNullOrWhiteSpace(value) && incoming.Header("Authorization") is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            value = authorization[7..].Trim();
        }
        if (string.IsNullOrWhiteSpace(value)) value = incoming.Query.Get("private_token");
        var token = string.IsNullOrWhiteSpace(value) ? null : _tokens.FirstOrDefault(t => t.Value == value.Trim());
        if (token is null) return Message(401, "401 Unauthorized");

        if (Count() is { } throttled) return throttled;

        var segments = incoming.Path[Root.Length..].Trim('/').Split('/');
        switch (segments)
        {
            case ["user"]:
                return incoming.Method == "GET" ? Json(200, UserJson(token.User)) : NotAllowed();
            case ["projects", var id, "issues"]:
                return incoming.Method switch
                {
                    "GET" => WithProject(id, token, write: false, p => List(incoming, p)),
                    "POST" => WithProject(id, token, write: true, p => Create(incoming, p, token)),
                    _ => NotAllowed(),
                };
            case ["projects", var id, "issues", var iid]:
                return incoming.Method switch
                {
                    "GET" => WithProject(id, token, write: false, p => WithIssue(p, iid, i => Json(200, IssueJson(i)))),
                    "PUT" => WithProject(id, token, write: true, p => WithIssue(p, iid, i => Edit(incoming, i, token))),
                    _ => NotAllowed(),
                };
            default:
                return Json(404, new JsonObject { ["error"] = "404 Not Found" });
        }
    }

    private Response WithProject(string rawId, Token token, bool write, Func<Project, Response> action)
    {
        var id = Uri.UnescapeDataString(rawId);
        var project = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
            ? _projects.FirstOrDefault(p => p.Id == numeric)
            : FindProject(id);
        if (project is null || (token.Projects is not null && !token.Projects.Contains(project.Path))) return Message(404, "404 Project Not Found");
        if (write && !token.CanWrite)
        {
            return Json(403, new JsonObject
            {
                ["error"] = "insufficient_scope",
                ["error_description"] = "The request requires higher privileges than provided by the access token.",
                ["scope"] = "api",
            });
        }
        return action(project);
    }

    private static Response WithIssue(Project project, string rawIid, Func<Issue, Response> action)
    {
        if (!int.TryParse(rawIid, NumberStyles.None, CultureInfo.InvariantCulture, out var iid))
        {
            return Json(400, new JsonObject { ["error"] = "issue_iid is invalid" });
        }
        var issue = project.Issues.FirstOrDefault(i => i.Iid == iid && !i.Deleted);
        return issue is null ? Message(404, "404 Issue Not Found") : action(issue);
    }

    private Response Create(Incoming incoming, Project project, Token token)
    {
        if (ReadParams(incoming, out var input) is { } bad) return bad;
        if (input!["title"] is null) return Json(400, new JsonObject { ["error"] = "title is missing" });
        var title = Scalar(input["title"]);
        if (title is null) return Json(400, new JsonObject { ["error"] = "title is invalid" });
        var description = input["description"] is null ? null : Scalar(input["description"]);
        if (input["description"] is not null && description is null) return Json(400, new JsonObject { ["error"] = "description is invalid" });
        var labels = LabelList(input, "labels", out var labelError);
        if (labelError is not null) return labelError;
        if (DueDate(input, out var due) is { } dueError) return dueError;
        if (ValidateModel(title, description) is { } invalid) return invalid;

        var issue = NewIssue(project, title, description, labels ?? [], due, token.User);
        return Json(201, IssueJson(issue));
    }

    private Response Edit(Incoming incoming, Issue issue, Token token)
    {
        if (ReadParams(incoming, out var input) is { } bad) return bad;
        if (!EditParameters.Any(input!.ContainsKey))
        {
            return Json(400, new JsonObject { ["error"] = string.Join(", ", EditParameters) + " are missing, at least one parameter must be provided" });
        }
        string? title = null;
        if (input.ContainsKey("title"))
        {
            title = Scalar(input["title"]);
            if (title is null) return Json(400, new JsonObject { ["error"] = "title is invalid" });
        }
        bool setDescription = input.ContainsKey("description");
        var description = setDescription && input["description"] is not null ? Scalar(input["description"]) : null;
        if (setDescription && input["description"] is not null && description is null) return Json(400, new JsonObject { ["error"] = "description is invalid" });
        var labels = LabelList(input, "labels", out var error);
        var add = error is null ? LabelList(input, "add_labels", out error) : null;
        var remove = error is null ? LabelList(input, "remove_labels", out error) : null;
        if (error is not null) return error;
        string? stateEvent = null;
        if (input.ContainsKey("state_event"))
        {
            stateEvent = Scalar(input["state_event"]);
            if (stateEvent is not ("close" or "reopen")) return Json(400, new JsonObject { ["error"] = "state_event does not have a valid value" });
        }
        bool setDue = input.ContainsKey("due_date");
        if (DueDate(input, out var due) is { } dueError) return dueError;
        if (ValidateModel(title ?? issue.Title, setDescription ? description : issue.Description) is { } invalid) return invalid;

        bool changed = false;
        if (title is not null && title != issue.Title) { issue.Title = title; changed = true; }
        if (setDescription && description != issue.Description) { issue.Description = string.IsNullOrEmpty(description) ? null : description; changed = true; }
        if (labels is not null) { issue.Labels = ResolveLabels(issue.Project, labels); changed = true; }
        if (add is not null) { issue.Labels = ResolveLabels(issue.Project, issue.Labels.Concat(add)); changed = true; }
        if (remove is not null)
        {
            issue.Labels = [.. issue.Labels.Where(l => !remove.Contains(l, StringComparer.OrdinalIgnoreCase))];
            changed = true;
        }
        if (setDue && due != issue.DueDate) { issue.DueDate = due; changed = true; }
        if (changed) issue.UpdatedAt = Now;
        if (stateEvent == "close" && issue.State == "opened") Close(issue, token.User);
        if (stateEvent == "reopen" && issue.State == "closed") Reopen(issue);
        return Json(200, IssueJson(issue));
    }

    private Response List(Incoming incoming, Project project)
    {
        var query = incoming.Query;
        var state = query.Get("state") ?? "all";
        if (state is not ("opened" or "closed" or "all")) return Json(400, new JsonObject { ["error"] = "state does not have a valid value" });
        var orderBy = query.Get("order_by") ?? "created_at";
        if (orderBy is not ("created_at" or "updated_at" or "due_date")) return Json(400, new JsonObject { ["error"] = "order_by does not have a valid value" });
        var sort = query.Get("sort") ?? "desc";
        if (sort is not ("asc" or "desc")) return Json(400, new JsonObject { ["error"] = "sort does not have a valid value" });
        var fields = (query.Get("in") ?? "title,description").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields.Any(f => f is not ("title" or "description"))) return Json(400, new JsonObject { ["error"] = "in is invalid" });
        var iids = new List<int>();
        foreach (var text in query.GetAll("iids[]"))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var iid)) return Json(400, new JsonObject { ["error"] = "iids is invalid" });
            iids.Add(iid);
        }
        var bounds = new Dictionary<string, DateTimeOffset>();
        foreach (var name in new[] { "created_after", "created_before", "updated_after", "updated_before" })
        {
            if (query.Get(name) is not { } text) continue;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                return Json(400, new JsonObject { ["error"] = name + " is invalid" });
            }
            bounds[name] = when;
        }
        var labelFilter = query.Get("labels");
        var terms = SearchTerms(query.Get("search"));

        IEnumerable<Issue> issues = project.Issues.Where(i => !i.Deleted
            && (state == "all" || i.State == state)
            && LabelsMatch(i, labelFilter)
            && (iids.Count == 0 || iids.Contains(i.Iid))
            && (!bounds.TryGetValue("created_after", out var ca) || i.CreatedAt >= ca)
            && (!bounds.TryGetValue("created_before", out var cb) || i.CreatedAt <= cb)
            && (!bounds.TryGetValue("updated_after", out var ua) || i.UpdatedAt >= ua)
            && (!bounds.TryGetValue("updated_before", out var ub) || i.UpdatedAt <= ub)
            && terms.All(t => (fields.Contains("title") && i.Title.Contains(t, StringComparison.OrdinalIgnoreCase))
                || (fields.Contains("description") && (i.Description ?? "").Contains(t, StringComparison.OrdinalIgnoreCase))));
        Func<Issue, IComparable> key = orderBy switch
        {
            "updated_at" => i => i.UpdatedAt,
            "due_date" => i => i.DueDate ?? DateOnly.MaxValue,
            _ => i => i.CreatedAt,
        };
        var ordered = (sort == "asc" ? issues.OrderBy(key).ThenBy(i => i.Id) : issues.OrderByDescending(key).ThenByDescending(i => i.Id)).ToList();

        int perPage = Http.IntParam(query, "per_page", DefaultPerPage);
        perPage = perPage < 1 ? DefaultPerPage : Math.Min(perPage, 100);
        int page = Math.Max(1, Http.IntParam(query, "page", 1));
        int pages = Math.Max(1, (ordered.Count + perPage - 1) / perPage);
        var response = Json(200, Http.Array(ordered.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode?)IssueJson(i))));

        string At(int p) => $"{Server.BaseUri.GetLeftPart(UriPartial.Authority)}{incoming.Path}?{query.With("page", p.ToString(CultureInfo.InvariantCulture))}";
        var links = new List<(string, string)>();
        if (page > 1) links.Add((At(Math.Min(page - 1, pages)), "prev"));
        if (page < pages) links.Add((At(page + 1), "next"));
        links.Add((At(1), "first"));
        if (!_omitTotals) links.Add((At(pages), "last"));
        response.WithHeader("Link", Http.LinkHeader(links))
            .WithHeader("x-page", page)
            .WithHeader("x-per-page", perPage)
            .WithHeader("x-next-page", page < pages ? (page + 1).ToString(CultureInfo.InvariantCulture) : "")
            .WithHeader("x-prev-page", page > 1 ? Math.Min(page - 1, pages).ToString(CultureInfo.InvariantCulture) : "");
        if (!_omitTotals) response.WithHeader("x-total", ordered.Count).WithHeader("x-total-pages", pages);
        return response;
    }

    private static bool LabelsMatch(Issue issue, string? filter)
    {
        if (string.IsNullOrEmpty(filter)) return true;
        if (filter.Equals("None", StringComparison.OrdinalIgnoreCase) || filter.Equals("No+Label", StringComparison.OrdinalIgnoreCase)) return issue.Labels.Count == 0;
        if (filter.Equals("Any", StringComparison.OrdinalIgnoreCase)) return issue.Labels.Count > 0;
        return filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(w => issue.Labels.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// GitLab's issue search: the words of the query (a "quoted phrase" is one word), each matched as a substring of the
    /// title or description without case; words under three characters are dropped unless nothing else is left.
    /// </summary>
    private static List<string> SearchTerms(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return [];
        var words = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        foreach (var c in search)
        {
            if (c == '"') { quoted = !quoted; continue; }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        var long_ = words.Where(w => w.Length >= 3).ToList();
        return long_.Count > 0 ? long_ : [search.Trim()];
    }

    // ---------------------------------------------------------------- parameters

    /// <summary>The query string and the body (JSON object or form) as one object of parameters, body winning.</summary>
    private static Response? ReadParams(Incoming incoming, out JsonObject? input)
    {
        input = new JsonObject();
        foreach (var (key, value) in incoming.Query.Pairs)
        {
            if (key != "private_token") input[key] = value;
        }
        if (incoming.Body.Length == 0) return null;
        if (incoming.HasFormContentType)
        {
            foreach (var (key, value) in Query.Parse(incoming.BodyText).Pairs) input[key] = value;
            return null;
        }
        JsonNode? node;
        try
        {
            node = Http.ParseJson(incoming.Body);
        }
        catch (JsonException)
        {
            input = null;
            return Json(400, new JsonObject { ["error"] = "400 Bad request - Invalid JSON" });
        }
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                obj.Remove(key);
                input[key] = value;
            }
        }
        return null;
    }

    /// <summary>A string parameter: a JSON string, or a number or boolean as its text; null for anything else.</summary>
    private static string? Scalar(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>Labels as a comma-separated string or a JSON array of strings; null when absent.</summary>
    private static List<string>? LabelList(JsonObject input, string name, out Response? error)
    {
        error = null;
        if (!input.ContainsKey(name)) return null;
        var node = input[name];
        if (node is null) return [];
        if (node is JsonArray array)
        {
            if (array.Any(n => !Http.IsString(n)))
            {
                error = Json(400, new JsonObject { ["error"] = name + " is invalid" });
                return null;
            }
            return [.. array.Select(n => Http.AsString(n)!.Trim()).Where(s => s.Length > 0)];
        }
        if (Scalar(node) is { } text) return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        error = Json(400, new JsonObject { ["error"] = name + " is invalid" });
        return null;
    }

    private static Response? DueDate(JsonObject input, out DateOnly? due)
    {
        due = null;
        if (!input.ContainsKey("due_date") || input["due_date"] is null) return null;
        var text = Scalar(input["due_date"]);
        if (text is "") return null;
        if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Json(400, new JsonObject { ["error"] = "due_date is invalid" });
        }
        due = date;
        return null;
    }

    private static Response? ValidateModel(string title, string? description)
    {
        var errors = new JsonObject();
        if (string.IsNullOrWhiteSpace(title)) errors["title"] = new JsonArray("can't be blank");
        else if (title.Length > 255) errors["title"] = new JsonArray("is too long (maximum is 255 characters)");
        if (description is not null && description.Length > MaxDescription)
        {
            errors["description"] = new JsonArray($"is too long (maximum is {MaxDescription} characters)");
        }
        return errors.Count == 0 ? null : Json(400, new JsonObject { ["message"] = errors });
    }

    private static Response Json(int status, JsonNode node) => Response.Json(status, node, "application/json");

    private static Response Message(int status, string message) => Json(status, new JsonObject { ["message"] = message });

    private static Response NotAllowed() => Json(405, new JsonObject { ["error"] = "405 Not Allowed" });

    // ---------------------------------------------------------------- rate limits

    private Response? Count()
    {
        var now = Now;
        if (_window is null || now >= _window.Value.AddMinutes(1)) { _window = now; _used = 0; }
        _used++;
        if (_requestsPerMinute is not { } limit || _used <= limit) return null;
        return Throttled(limit, _used, _window.Value.AddMinutes(1));
    }

    private Response Throttled(int limit, int observed, DateTimeOffset reset)
    {
        var wait = Math.Max(1, (int)Math.Ceiling((reset - Now).TotalSeconds));
        return Response.Text(429, "Retry later\n", "text/plain")
            .WithHeader("RateLimit-Name", "throttle_authenticated_api")
            .WithHeader("RateLimit-Limit", limit)
            .WithHeader("RateLimit-Observed", observed)
            .WithHeader("RateLimit-Remaining", 0)
            .WithHeader("RateLimit-Reset", reset.ToUnixTimeSeconds())
            .WithHeader("RateLimit-ResetTime", Http.HttpDate(reset))
            .WithHeader("Retry-After", wait);
    }

    internal override void CheckRateLimitStyle(string? style, int? status)
    {
        if (style is not (null or "throttle" or "application")) throw new ArgumentException($"GitLab's rate limits are throttle or application, not '{style}'.");
        if (status is not (null or 429)) throw new ArgumentException("GitLab answers a rate limit with 429.");
    }

    internal override Response RateLimited(TrackerServer.Fault fault)
    {
        if (fault.Style == "application")
        {
            return Json(429, new JsonObject { ["message"] = new JsonObject { ["error"] = "This endpoint has been requested too many times. Try again later." } });
        }
        int limit = _requestsPerMinute ?? 600;
        return Throttled(limit, limit + 1, Now.AddSeconds(fault.RetryAfterSeconds ?? 60));
    }

    internal override Response ServerError(int status, string? message) => Status(status, message);

    private static Response Status(int status, string? message) => Message(status, message ?? status switch
    {
        500 => "500 Internal Server Error",
        502 => "502 Bad Gateway",
        503 => "503 Service Unavailable",
        504 => "504 Gateway Timeout",
        _ => $"{status} Error",
    });

    // ---------------------------------------------------------------- JSON

    private string WebUrl(Issue issue) => $"{Server.GitLabUrl}/{issue.Project.Path}/-/issues/{issue.Iid}";

    private JsonObject UserJson(User user) => new()
    {
        ["id"] = user.Id,
        ["username"] = user.Username,
        ["name"] = user.Name,
        ["state"] = "active",
        ["avatar_url"] = null,
        ["web_url"] = $"{Server.GitLabUrl}/{user.Username}",
    };

    private JsonObject IssueJson(Issue issue)
    {
        var self = $"{Server.GitLabUrl}/api/v4/projects/{issue.Project.Id}/issues/{issue.Iid}";
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["iid"] = issue.Iid,
            ["project_id"] = issue.Project.Id,
            ["title"] = issue.Title,
            ["description"] = issue.Description,
            ["state"] = issue.State,
            ["created_at"] = Http.IsoMillis(issue.CreatedAt),
            ["updated_at"] = Http.IsoMillis(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Http.IsoMillis(closed) : null,
            ["closed_by"] = issue.ClosedBy is { } by ? UserJson(by) : null,
            ["labels"] = Http.Strings(issue.Labels),
            ["milestone"] = null,
            ["assignees"] = new JsonArray(),
            ["author"] = UserJson(issue.Author),
            ["type"] = "ISSUE",
            ["assignee"] = null,
            ["user_notes_count"] = 0,
            ["merge_requests_count"] = 0,
            ["upvotes"] = 0,
            ["downvotes"] = 0,
            ["due_date"] = issue.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["confidential"] = false,
            ["discussion_locked"] = null,
            ["issue_type"] = "issue",
            ["web_url"] = WebUrl(issue),
            ["time_stats"] = new JsonObject
            {
                ["time_estimate"] = 0, ["total_time_spent"] = 0, ["human_time_estimate"] = null, ["human_total_time_spent"] = null,
            },
            ["task_completion_status"] = new JsonObject { ["count"] = 0, ["completed_count"] = 0 },
            ["has_tasks"] = false,
            ["references"] = new JsonObject
            {
                ["short"] = "#" + issue.Iid,
                ["relative"] = "#" + issue.Iid,
                ["full"] = issue.Project.Path + "#" + issue.Iid,
            },
            ["severity"] = "UNKNOWN",
            ["moved_to_id"] = null,
            ["_links"] = new JsonObject
            {
                ["self"] = self,
                ["notes"] = self + "/notes",
                ["award_emoji"] = self + "/award_emoji",
                ["project"] = $"{Server.GitLabUrl}/api/v4/projects/{issue.Project.Id}",
                ["closed_as_duplicate_of"] = null,
            },
        };
    }
}
