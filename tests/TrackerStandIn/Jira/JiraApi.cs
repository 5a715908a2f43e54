using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// Jira Cloud's platform REST API v3 as docs/trackers/jira.md describes it, for a site at <c>/jira</c>: the API under
/// <c>/jira/rest/api/3</c>, issues shown at <c>/jira/browse/{key}</c>. One workflow for every project: To Do (new),
/// In Progress (indeterminate), Done and Closed (both done), with global transitions 11 "To Do", 21 "In Progress",
/// 31 "Done" and 41 "Close"; the two into a done status take a resolution.
/// </summary>
public sealed class JiraApi : TrackerApi
{
    public const string Root = "/jira/rest/api/3";
    public const int DefaultMaxResults = 50;

    private const string LegacySearchGone =
        "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

    internal sealed record Category(int Id, string Key, string Color, string Name);

    internal sealed record Status(string Id, string Name, Category Category);

    internal sealed record Transition(string Id, string Name, Status To);

    internal sealed record Named(string Id, string Name, string Description);

    private static readonly Category New = new(2, "new", "blue-gray", "To Do");
    private static readonly Category Indeterminate = new(4, "indeterminate", "yellow", "In Progress");
    private static readonly Category DoneCategory = new(3, "done", "green", "Done");
    private static readonly Category[] Categories = [New, Indeterminate, DoneCategory];

    private static readonly Status ToDo = new("10000", "To Do", New);
    private static readonly Status InProgress = new("3", "In Progress", Indeterminate);
    private static readonly Status Done = new("10001", "Done", DoneCategory);
    private static readonly Status Closed = new("6", "Closed", DoneCategory);
    private static readonly Status[] Statuses = [ToDo, InProgress, Done, Closed];

    private static readonly Transition[] Transitions =
    [
        new("11", "To Do", ToDo), new("21", "In Progress", InProgress), new("31", "Done", Done), new("41", "Close", Closed),
    ];

    private static readonly Named[] Resolutions =
    [
        new("10000", "Done", "Work has been completed on this issue."),
        new("10001", "Won't Do", "This issue won't be actioned."),
        new("10002", "Duplicate", "The problem is a duplicate of an existing issue."),
        new("10003", "Cannot Reproduce", "All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue."),
    ];

    private static readonly Named[] Priorities =
    [
        new("1", "Highest", ""), new("2", "High", ""), new("3", "Medium", ""), new("4", "Low", ""), new("5", "Lowest", ""),
    ];

    private static readonly Named[] IssueTypes =
    [
        new("10001", "Task", "A small, distinct piece of work."), new("10002", "Bug", "A problem or error."),
        new("10003", "Story", "A user story."),
    ];

    private static readonly HashSet<string> CreatableFields = ["project", "issuetype", "summary", "description", "duedate", "labels", "priority"];

    private static readonly HashSet<string> EditableFields = ["summary", "description", "duedate", "labels", "priority"];

    private readonly List<Project> _projects = [];
    private readonly List<Credential> _credentials = [];
    private readonly List<Issue> _issues = [];
    private readonly User _webUser = new("557058:web-user", "web.user@example.com", "Web User");
    private long _nextProjectId = 10000, _nextIssueId = 10000;
    private DateTimeOffset? _window;
    private int _used;
    private int? _requestsPerMinute;
    private bool _legacySearch;

    internal JiraApi(TrackerServer server) : base(server)
    {
    }

    public override Tracker Tracker => Tracker.Jira;

    private sealed class Project(long id, string key, string name)
    {
        public long Id { get; } = id;
        public string Key { get; } = key;
        public string Name { get; } = name;
        public int NextNumber { get; set; } = 1;
    }

    private sealed record User(string AccountId, string Email, string DisplayName);

    private sealed record Credential(string Email, string Token, User User, bool CanWrite, HashSet<string>? Projects);

    private sealed class Issue : IJqlIssue
    {
        public required Project Project { get; init; }
        public required long Id { get; init; }
        public required int Number { get; init; }
        public required User Reporter { get; init; }
        public required DateTimeOffset Created { get; init; }
        public string Key => Project.Key + "-" + Number.ToString(CultureInfo.InvariantCulture);
        public string Summary { get; set; } = "";
        public JsonNode? Description { get; set; }
        public string DescriptionText => Description is null ? "" : Adf.PlainText(Description);
        public Status Status { get; set; } = ToDo;
        public Named? Resolution { get; set; }
        public DateTimeOffset? ResolutionDate { get; set; }
        public DateOnly? DueDate { get; set; }
        public List<string> Labels { get; set; } = [];
        public Named Priority { get; set; } = Priorities[2];
        public Named IssueType { get; set; } = IssueTypes[0];
        public DateTimeOffset Updated { get; set; }
        public DateTimeOffset StatusCategoryChanged { get; set; }
        public bool Deleted { get; set; }
        public Issue? Indexed { get; set; }
        public DateTimeOffset? IndexDueAt { get; set; }

        public string ProjectKey => Project.Key;
        public long ProjectId => Project.Id;
        public string ProjectName => Project.Name;
        public IReadOnlyList<string> LabelNames => Labels;
        public string StatusId => Status.Id;
        public string StatusName => Status.Name;
        public int CategoryId => Status.Category.Id;
        public string CategoryKey => Status.Category.Key;
        public string CategoryName => Status.Category.Name;
        public string? ResolutionId => Resolution?.Id;
        public string? ResolutionName => Resolution?.Name;
        public string PriorityId => Priority.Id;
        public string PriorityName => Priority.Name;
        public string IssueTypeId => IssueType.Id;
        public string IssueTypeName => IssueType.Name;

        public Issue Snapshot()
        {
            var copy = (Issue)MemberwiseClone();
            copy.Labels = [.. Labels];
            copy.Description = Description?.DeepClone();
            copy.Indexed = null;
            return copy;
        }
    }

    // ---------------------------------------------------------------- seeding and a person's actions

    /// <summary>Adds a project with key <paramref name="key"/> (upper-case letters and digits, starting with a letter); returns its id.</summary>
    public long AddProject(string key, string? name = null)
    {
        if (string.IsNullOrEmpty(key) || !char.IsAsciiLetterUpper(key[0]) || !key.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException($"A Jira project key is upper-case letters and digits starting with a letter, not '{key}'.");
        }
        lock (Server.Gate)
        {
            if (FindProject(key) is not null) throw new ArgumentException($"Project {key} already exists.");
            var project = new Project(_nextProjectId++, key, name ?? key);
            _projects.Add(project);
            return project.Id;
        }
    }

    /// <summary>
    /// Adds an account <paramref name="email"/> with API token <paramref name="token"/> (basic auth e-mail:token).
    /// <paramref name="canWrite"/> false: it may browse but not create, edit or transition (403).
    /// <paramref name="projects"/>: the project keys it may see (issues elsewhere answer 404); all when null.
    /// </summary>
    public void AddUser(string email, string token, bool canWrite = true, IEnumerable<string>? projects = null, string? displayName = null)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token)) throw new ArgumentException("An e-mail and a token are needed.");
        lock (Server.Gate)
        {
            var user = _credentials.Select(c => c.User).FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))
                ?? new User("557058:" + Guid.NewGuid().ToString("D"), email, displayName ?? email.Split('@')[0]);
            _credentials.RemoveAll(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase) && c.Token == token);
            _credentials.Add(new Credential(email, token, user, canWrite, projects is null ? null : new HashSet<string>(projects, StringComparer.OrdinalIgnoreCase)));
        }
    }

    /// <summary>Enforced requests per minute, or null (default): no limit and no rate-limit headers.</summary>
    public int? RequestsPerMinute
    {
        get { lock (Server.Gate) return _requestsPerMinute; }
        set { lock (Server.Gate) { _requestsPerMinute = value; _window = null; _used = 0; } }
    }

    /// <summary>
    /// Serve the removed /rest/api/3/search (startAt, maxResults, total) instead of its 410, for a client that must be
    /// shown falling back. Off by default, as on Jira Cloud today.
    /// </summary>
    public bool LegacySearch
    {
        get { lock (Server.Gate) return _legacySearch; }
        set { lock (Server.Gate) _legacySearch = value; }
    }

    public override string CreateIssueAsPerson(string project, string title, string? body = null, IEnumerable<string>? labels = null, string? dueDate = null)
    {
        DateOnly? due = dueDate is null ? null : ParseDueOrThrow(dueDate);
        lock (Server.Gate)
        {
            var p = FindProject(project) ?? throw new ArgumentException($"No Jira project {project}.");
            var issue = NewIssue(p, title, body is null ? null : Adf.FromText(body), labels ?? [], due, Priorities[2], IssueTypes[0], _webUser);
            return issue.Key;
        }
    }

    /// <summary>Closes as a person: transition to Done (or to Closed with <paramref name="status"/>) with a resolution, Done by default.</summary>
    public override void CloseAsPerson(string project, string issue, string? reason = null) => Close(project, issue, reason, "Done");

    public void Close(string project, string issue, string? resolution, string status)
    {
        var to = Statuses.FirstOrDefault(s => s.Category == DoneCategory && s.Name.Equals(status, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"A Jira issue is closed into Done or Closed, not '{status}'.");
        var named = Resolutions.FirstOrDefault(r => r.Name.Equals(resolution ?? "Done", StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No resolution '{resolution}'. Known: {string.Join(", ", Resolutions.Select(r => r.Name))}.");
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (i.Status == to) throw new InvalidOperationException($"{i.Key} is already {to.Name}.");
            Move(i, to, named);
        }
    }

    public override void ReopenAsPerson(string project, string issue)
    {
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (i.Status.Category != DoneCategory) throw new InvalidOperationException($"{i.Key} is not done.");
            Move(i, ToDo, null);
        }
    }

    /// <summary>Moves an issue to "To Do", "In Progress", "Done" or "Closed" as a person would (done statuses take <paramref name="resolution"/>).</summary>
    public void TransitionAsPerson(string issue, string status, string? resolution = null)
    {
        var to = Statuses.FirstOrDefault(s => s.Name.Equals(status, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No status '{status}'. Known: {string.Join(", ", Statuses.Select(s => s.Name))}.");
        if (to.Category == DoneCategory)
        {
            Close(issue.Split('-')[0], issue, resolution, to.Name);
            return;
        }
        if (resolution is not null) throw new ArgumentException($"'{to.Name}' is not a done status; it takes no resolution.");
        lock (Server.Gate) Move(IssueOrThrow(issue.Split('-')[0], issue), to, null);
    }

    public override void EditAsPerson(string project, string issue, string? title = null, string? body = null, IReadOnlyList<string>? labels = null, string? dueDate = null)
    {
        DateOnly? due = dueDate is { Length: > 0 } ? ParseDueOrThrow(dueDate) : null;
        lock (Server.Gate)
        {
            var i = IssueOrThrow(project, issue);
            if (title is not null) i.Summary = title;
            if (body is not null) i.Description = body.Length == 0 ? null : Adf.FromText(body);
            if (labels is not null) i.Labels = [.. labels.Distinct()];
            if (dueDate is not null) i.DueDate = due;
            Touch(i);
        }
    }

    public override void DeleteAsPerson(string project, string issue)
    {
        lock (Server.Gate) IssueOrThrow(project, issue).Deleted = true;
    }

    internal override void AddProjectFromJson(JsonObject input) => AddProject(RequiredString(input, "project"), OptionalString(input, "name"));

    internal override void AddCredentialFromJson(JsonObject input)
    {
        var access = OptionalString(input, "access") ?? "write";
        if (access is not ("write" or "read")) throw new ArgumentException("'access' is write or read.");
        AddUser(RequiredString(input, "email"), RequiredString(input, "token"), access == "write", OptionalStrings(input, "projects"), OptionalString(input, "login"));
    }

    internal override bool ApplySetting(string key, JsonNode? value)
    {
        switch (key)
        {
            case "jiraRequestsPerMinute": RequestsPerMinute = OptionalInt(value, key); return true;
            case "jiraLegacySearch": LegacySearch = OptionalBool(value, key, false); return true;
            default: return false;
        }
    }

    internal override void WriteSettings(JsonObject settings)
    {
        settings["jiraRequestsPerMinute"] = _requestsPerMinute;
        settings["jiraLegacySearch"] = _legacySearch;
    }

    internal override void ResetState()
    {
        _projects.Clear();
        _credentials.Clear();
        _issues.Clear();
        _nextProjectId = 10000;
        _nextIssueId = 10000;
        _window = null;
        _used = 0;
        _requestsPerMinute = null;
        _legacySearch = false;
    }

    internal override IEnumerable<IssueState> States() => _issues.Select(i => new IssueState(
        Tracker.Jira, i.Project.Key, i.Key, i.Summary, i.Description is null ? null : i.DescriptionText, i.Status.Name,
        i.Status.Category == DoneCategory, i.Resolution?.Name, [.. i.Labels], i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        i.Created, i.Updated, i.ResolutionDate, BrowseUrl(i), i.Deleted));

    private Project? FindProject(string keyOrId) => _projects.FirstOrDefault(p =>
        p.Key.Equals(keyOrId, StringComparison.OrdinalIgnoreCase) || p.Id.ToString(CultureInfo.InvariantCulture) == keyOrId);

    private Issue IssueOrThrow(string project, string issue) =>
        _issues.FirstOrDefault(i => !i.Deleted && i.Key.Equals(issue, StringComparison.OrdinalIgnoreCase)
            && i.Project.Key.Equals(project, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No issue {issue} in project {project}.");

    private static DateOnly ParseDueOrThrow(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"A due date is written YYYY-MM-DD, not '{text}'.");

    // ---------------------------------------------------------------- the model's rules

    private Issue NewIssue(Project project, string summary, JsonNode? description, IEnumerable<string> labels, DateOnly? due, Named priority, Named type, User reporter)
    {
        var now = Now;
        var issue = new Issue
        {
            Project = project,
            Id = _nextIssueId++,
            Number = project.NextNumber++,
            Reporter = reporter,
            Created = now,
            StatusCategoryChanged = now,
            Summary = summary,
            Description = description,
            Labels = [.. labels.Distinct()],
            DueDate = due,
            Priority = priority,
            IssueType = type,
        };
        _issues.Add(issue);
        Touch(issue, now);
        return issue;
    }

    /// <summary>Moves to <paramref name="to"/>: a done status sets the resolution (and its date, unless already resolved); others clear both.</summary>
    private void Move(Issue issue, Status to, Named? resolution)
    {
        var now = Now;
        if (to.Category != issue.Status.Category) issue.StatusCategoryChanged = now;
        if (to.Category == DoneCategory)
        {
            if (issue.Resolution is null) issue.ResolutionDate = now;
            issue.Resolution = resolution ?? Resolutions[0];
        }
        else
        {
            issue.Resolution = null;
            issue.ResolutionDate = null;
        }
        issue.Status = to;
        Touch(issue);
    }

    private void Touch(Issue issue, DateTimeOffset? at = null)
    {
        issue.Updated = at ?? Now;
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
            return Errors(404, ["The requested resource could not be found."]);
        }
        var authorization = incoming.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Errors(401, ["You are not authenticated. Authentication required to perform this operation."]);
        }
        var credential = Authenticate(authorization);
        if (credential is null)
        {
            return Response.Text(401, "Client must be authenticated to access this resource.", "text/plain;charset=UTF-8")
                .WithHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
        }

        if (Count() is { } limited) return limited;
        var response = Route(incoming, credential);
        if (_requestsPerMinute is { } limit && response.Status < 400 && limit - _used < limit / 5.0)
        {
            response.WithHeader("X-RateLimit-NearLimit", "true");
        }
        response.WithHeader("X-AREQUESTID", Guid.NewGuid().ToString("N")[..8]);
        return response;
    }

    private Credential? Authenticate(string authorization)
    {
        var parts = authorization.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        int colon = decoded.IndexOf(':');
        if (colon <= 0) return null;
        var email = decoded[..colon];
        var token = decoded[(colon + 1)..];
        return _credentials.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase) && c.Token == token);
    }

    private Response Route(Incoming incoming, Credential credential)
    {
        var segments = incoming.Path[Root.Length..].Trim('/').Split('/');
        switch (incoming.Method, segments)
        {
            case ("GET", ["myself"]):
                return Json(200, UserJson(credential.User));
            case ("POST", ["issue"]):
                return Create(incoming, credential);
            case ("GET", ["issue", var key]):
                return WithIssue(key, credential, issue => Json(200, IssueJson(issue, FieldsParam(incoming.Query))));
            case ("PUT", ["issue", var key]):
                return WithIssue(key, credential, issue => Edit(incoming, issue, credential));
            case ("GET", ["issue", var key, "transitions"]):
                return WithIssue(key, credential, issue => Json(200, TransitionsJson(issue, incoming.Query.Get("expand")?.Contains("transitions.fields") == true)));
            case ("POST", ["issue", var key, "transitions"]):
                return WithIssue(key, credential, issue => DoTransition(incoming, issue, credential));
            case ("GET" or "POST", ["search", "jql"]):
                return Search(incoming, credential);
            case ("GET" or "POST", ["search"]):
                return _legacySearch ? LegacySearchResults(incoming, credential) : Errors(410, [LegacySearchGone]);
            default:
                return Errors(404, ["The requested resource could not be found."]);
        }
    }

    private bool Visible(Credential credential, Project project) => credential.Projects is null || credential.Projects.Contains(project.Key);

    private Response WithIssue(string idOrKey, Credential credential, Func<Issue, Response> action)
    {
        var issue = _issues.FirstOrDefault(i => !i.Deleted
            && (i.Key.Equals(idOrKey, StringComparison.OrdinalIgnoreCase) || i.Id.ToString(CultureInfo.InvariantCulture) == idOrKey));
        if (issue is null || !Visible(credential, issue.Project))
        {
            return Errors(404, ["Issue does not exist or you do not have permission to see it."]);
        }
        return action(issue);
    }

    private Response Create(Incoming incoming, Credential credential)
    {
        if (BodyObject(incoming, out var body) is { } bad) return bad;
        if (body!["fields"] is not JsonObject fields) return Errors(400, [], new JsonObject { ["fields"] = "Specify the fields of the issue." });
        var errors = new JsonObject();
        foreach (var (name, _) in fields)
        {
            if (!CreatableFields.Contains(name)) errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
        }

        Project? project = null;
        if (fields["project"] is JsonObject projectRef)
        {
            var keyOrId = Http.AsString(projectRef["key"]) ?? Http.AsString(projectRef["id"]) ?? projectRef["id"]?.ToJsonString();
            project = keyOrId is null ? null : FindProject(keyOrId);
            if (project is not null && !Visible(credential, project)) project = null;
        }
        if (project is null) errors["project"] = "Specify a valid project ID or key";
        else if (!credential.CanWrite) return Errors(403, ["You do not have permission to create issues in this project."]);

        var type = IssueTypes[0];
        if (fields["issuetype"] is not JsonObject typeRef) errors["issuetype"] = "Specify an issue type";
        else if (Lookup(IssueTypes, typeRef) is { } found) type = found;
        else errors["issuetype"] = "The issue type selected is invalid.";

        var summary = SummaryOf(fields, errors, required: true);
        var description = DescriptionOf(fields, errors);
        var due = DueDateOf(fields, errors);
        var labels = LabelsOf(fields["labels"], errors) ?? [];
        var priority = Priorities[2];
        if (fields["priority"] is JsonObject priorityRef)
        {
            if (Lookup(Priorities, priorityRef) is { } p) priority = p;
            else errors["priority"] = "The priority selected is invalid.";
        }
        if (errors.Count > 0) return Errors(400, [], errors);

        var issue = NewIssue(project!, summary!, description, labels, due, priority, type, credential.User);
        return Json(201, new JsonObject { ["id"] = Id(issue), ["key"] = issue.Key, ["self"] = SelfUrl(issue) });
    }

    private Response Edit(Incoming incoming, Issue issue, Credential credential)
    {
        if (BodyObject(incoming, out var body) is { } bad) return bad;
        if (!credential.CanWrite) return Errors(403, ["You do not have permission to edit issues in this project."]);
        var errors = new JsonObject();
        var fields = body!["fields"] as JsonObject ?? [];
        var update = body["update"] as JsonObject ?? [];
        foreach (var (name, _) in fields.Concat(update))
        {
            if (!EditableFields.Contains(name)) errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
        }
        foreach (var (name, _) in update)
        {
            if (fields.ContainsKey(name)) errors[name] = $"Field '{name}' cannot be set in both 'fields' and 'update'.";
        }
        string? summary = fields.ContainsKey("summary") ? SummaryOf(fields, errors, required: true) : null;
        bool setDescription = fields.ContainsKey("description");
        var description = setDescription ? DescriptionOf(fields, errors) : null;
        bool setDue = fields.ContainsKey("duedate");
        var due = setDue ? DueDateOf(fields, errors) : null;
        var labels = fields.ContainsKey("labels") ? LabelsOf(fields["labels"], errors) ?? [] : null;
        Named? priority = null;
        if (fields["priority"] is JsonObject priorityRef)
        {
            priority = Lookup(Priorities, priorityRef);
            if (priority is null) errors["priority"] = "The priority selected is invalid.";
        }
        var labelOps = new List<(string Op, string Label)>();
        if (update["labels"] is JsonArray operations)
        {
            foreach (var operation in operations)
            {
                if (operation is not JsonObject o || o.Count != 1 || o.First().Key is not ("add" or "remove" or "set"))
                {
                    errors["labels"] = "Operation must be add, remove or set.";
                    break;
                }
                var (op, value) = o.First();
                if (op == "set")
                {
                    if (LabelsOf(value, errors) is { } set) labelOps.Add(("set", string.Join('\n', set)));
                }
                else if (Http.AsString(value) is { } label && !label.Contains(' '))
                {
                    labelOps.Add((op, label));
                }
                else
                {
                    errors["labels"] = Http.AsString(value) is { } spaced ? $"The label '{spaced}' contains spaces which is invalid." : "Operation value must be a string";
                }
            }
        }
        if (errors.Count > 0) return Errors(400, [], errors);

        if (summary is not null) issue.Summary = summary;
        if (setDescription) issue.Description = description;
        if (setDue) issue.DueDate = due;
        if (labels is not null) issue.Labels = labels;
        foreach (var (op, label) in labelOps)
        {
            if (op == "set") issue.Labels = label.Length == 0 ? [] : [.. label.Split('\n')];
            else if (op == "add" && !issue.Labels.Contains(label)) issue.Labels.Add(label);
            else if (op == "remove") issue.Labels.Remove(label);
        }
        if (priority is not null) issue.Priority = priority;
        Touch(issue);
        return Response.Empty(204);
    }

    private Response DoTransition(Incoming incoming, Issue issue, Credential credential)
    {
        if (BodyObject(incoming, out var body) is { } bad) return bad;
        if (!credential.CanWrite) return Errors(403, ["You do not have permission to transition this issue."]);
        var id = body!["transition"] is JsonObject t ? Http.AsString(t["id"]) ?? t["id"]?.ToJsonString() : null;
        if (id is null) return Errors(400, ["Missing 'transition' identifier"]);
        var transition = Transitions.FirstOrDefault(x => x.Id == id && x.To != issue.Status);
        if (transition is null) return Errors(400, [$"Transition id '{id}' is not valid for this issue."]);
        var errors = new JsonObject();
        Named? resolution = null;
        foreach (var (name, value) in body["fields"] as JsonObject ?? [])
        {
            if (name == "resolution" && transition.To.Category == DoneCategory)
            {
                resolution = value is JsonObject r ? Lookup(Resolutions, r) : null;
                if (resolution is null) errors["resolution"] = "The resolution selected is invalid.";
            }
            else
            {
                errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
            }
        }
        if (errors.Count > 0) return Errors(400, [], errors);
        Move(issue, transition.To, resolution);
        return Response.Empty(204);
    }

    private Response Search(Incoming incoming, Credential credential)
    {
        string? jql, pageToken;
        int maxResults;
        List<string>? fields;
        var reconcile = new HashSet<long>();
        if (incoming.Method == "POST")
        {
            if (BodyObject(incoming, out var body) is { } bad) return bad;
            jql = Http.AsString(body!["jql"]);
            pageToken = Http.AsString(body["nextPageToken"]);
            maxResults = body["maxResults"] is JsonValue m && m.GetValueKind() == JsonValueKind.Number ? m.GetValue<int>() : DefaultMaxResults;
            fields = body["fields"] is JsonArray f ? [.. f.Select(Http.AsString).OfType<string>()] : null;
            if (body["reconcileIssues"] is JsonArray ids)
            {
                foreach (var id in ids)
                {
                    if (id is JsonValue v && v.GetValueKind() == JsonValueKind.Number) reconcile.Add(v.GetValue<long>());
                }
            }
        }
        else
        {
            var query = incoming.Query;
            jql = query.Get("jql");
            pageToken = query.Get("nextPageToken");
            maxResults = Http.IntParam(query, "maxResults", DefaultMaxResults);
            fields = query.Has("fields") ? [.. query.GetAll("fields").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))] : null;
            foreach (var text in query.GetAll("reconcileIssues").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) reconcile.Add(id);
            }
        }

        Jql parsed;
        try
        {
            parsed = Jql.Parse(jql ?? "");
            if (!parsed.Bounded) throw new JqlException("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
            parsed.Validate(new Site(this, credential), Now);
        }
        catch (JqlException ex)
        {
            return Errors(400, [ex.Message], warnings: true);
        }

        bool idsOnly = fields is null || fields.All(f => f is "id" or "key");
        int pageSize = maxResults < 1 ? DefaultMaxResults : Math.Min(maxResults, idsOnly ? 5000 : 100);
        int offset = 0;
        var fingerprint = Fingerprint(jql!);
        if (pageToken is not null && !TryReadToken(pageToken, fingerprint, out offset))
        {
            return Errors(400, ["The provided next page token is invalid or expired."]);
        }

        var now = Now;
        var matches = new List<Issue>();
        foreach (var issue in _issues.Where(i => !i.Deleted && Visible(credential, i.Project)))
        {
            var seen = reconcile.Contains(issue.Id) ? issue : Indexed(issue);
            if (seen is not null && parsed.Matches(seen, now)) matches.Add(issue);
        }
        List<Issue> ordered;
        try
        {
            ordered = [.. parsed.Sort(matches)];
        }
        catch (JqlException ex)
        {
            return Errors(400, [ex.Message], warnings: true);
        }
        var page = ordered.Skip(offset).Take(pageSize).ToList();
        bool isLast = offset + page.Count >= ordered.Count;
        var result = new JsonObject
        {
            ["issues"] = Http.Array(page.Select(i => (JsonNode?)(fields is null ? new JsonObject { ["id"] = Id(i) } : IssueJson(i, fields)))),
        };
        if (!isLast) result["nextPageToken"] = WriteToken(offset + page.Count, fingerprint);
        result["isLast"] = isLast;
        return Json(200, result);
    }

    /// <summary>The removed /rest/api/3/search, served only with <see cref="LegacySearch"/> on: startAt, maxResults (at most 100), total.</summary>
    private Response LegacySearchResults(Incoming incoming, Credential credential)
    {
        string? jql;
        int startAt, maxResults;
        List<string>? fields;
        if (incoming.Method == "POST")
        {
            if (BodyObject(incoming, out var body) is { } bad) return bad;
            jql = Http.AsString(body!["jql"]);
            startAt = body["startAt"]?.GetValue<int>() ?? 0;
            maxResults = body["maxResults"]?.GetValue<int>() ?? DefaultMaxResults;
            fields = body["fields"] is JsonArray f ? [.. f.Select(Http.AsString).OfType<string>()] : null;
        }
        else
        {
            jql = incoming.Query.Get("jql");
            startAt = Http.IntParam(incoming.Query, "startAt", 0);
            maxResults = Http.IntParam(incoming.Query, "maxResults", DefaultMaxResults);
            fields = incoming.Query.Get("fields")?.Split(',', StringSplitOptions.TrimEntries).ToList();
        }
        Jql parsed;
        try
        {
            parsed = Jql.Parse(jql ?? "");
            parsed.Validate(new Site(this, credential), Now);
        }
        catch (JqlException ex)
        {
            return Errors(400, [ex.Message], warnings: true);
        }
        var now = Now;
        var all = parsed.Sort(_issues.Where(i => !i.Deleted && Visible(credential, i.Project)).Where(i => Indexed(i) is { } seen && parsed.Matches(seen, now))).ToList();
        maxResults = Math.Clamp(maxResults, 0, 100);
        return Json(200, new JsonObject
        {
            ["expand"] = "schema,names",
            ["startAt"] = startAt,
            ["maxResults"] = maxResults,
            ["total"] = all.Count,
            ["issues"] = Http.Array(all.Skip(Math.Max(0, startAt)).Take(maxResults).Select(i => (JsonNode?)IssueJson(i, fields))),
        });
    }

    private static string Fingerprint(string jql) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(jql)))[..16];

    private static string WriteToken(int offset, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}:{fingerprint}"));

    private static bool TryReadToken(string token, string fingerprint, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            return parts.Length == 2 && parts[1] == fingerprint
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The site as JQL validation sees it, limited to what the credential may browse.</summary>
    private sealed class Site(JiraApi jira, Credential credential) : IJqlSite
    {
        public bool Exists(string field, string value) => field switch
        {
            "project" => jira._projects.Any(p => jira.Visible(credential, p)
                && (p.Key.Equals(value, StringComparison.OrdinalIgnoreCase) || p.Name.Equals(value, StringComparison.OrdinalIgnoreCase)
                    || p.Id.ToString(CultureInfo.InvariantCulture) == value)),
            "status" => Statuses.Any(s => s.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || s.Id == value),
            "statusCategory" => Categories.Any(c => c.Key.Equals(value, StringComparison.OrdinalIgnoreCase)
                || c.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || c.Id.ToString(CultureInfo.InvariantCulture) == value),
            "resolution" => Resolutions.Any(r => r.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || r.Id == value),
            "priority" => Priorities.Any(p => p.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || p.Id == value),
            "issuetype" => IssueTypes.Any(t => t.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || t.Id == value),
            "key" => jira._issues.Any(i => !i.Deleted && jira.Visible(credential, i.Project) && i.Key.Equals(value, StringComparison.OrdinalIgnoreCase)),
            _ => true,
        };
    }

    // ---------------------------------------------------------------- field checks

    private static Response? BodyObject(Incoming incoming, out JsonObject? body)
    {
        body = null;
        JsonNode? node;
        try
        {
            node = Http.ParseJson(incoming.Body);
        }
        catch (JsonException ex)
        {
            return Errors(400, ["Unexpected character in the request body: " + ex.Message]);
        }
        if (node is not JsonObject obj) return Errors(400, ["The request body must be a JSON object."]);
        body = obj;
        return null;
    }

    private static Named? Lookup(Named[] choices, JsonObject reference)
    {
        var name = Http.AsString(reference["name"]);
        var id = Http.AsString(reference["id"]) ?? (reference["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : null);
        return choices.FirstOrDefault(c => (name is not null && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) || (id is not null && c.Id == id));
    }

    private static string? SummaryOf(JsonObject fields, JsonObject errors, bool required)
    {
        var summary = Http.AsString(fields["summary"]);
        if (fields["summary"] is not null && summary is null) errors["summary"] = "Operation value must be a string";
        else if (string.IsNullOrWhiteSpace(summary)) { if (required) errors["summary"] = "You must specify a summary of the issue."; }
        else if (summary.Contains('\n') || summary.Contains('\r')) errors["summary"] = "The summary is invalid because it contains newline characters.";
        else if (summary.Length > 255) errors["summary"] = "Summary must be less than 255 characters.";
        return summary?.Trim();
    }

    private static JsonNode? DescriptionOf(JsonObject fields, JsonObject errors)
    {
        var node = fields["description"];
        if (node is null) return null;
        if (!Adf.IsDocument(node))
        {
            errors["description"] = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
            return null;
        }
        return node.DeepClone();
    }

    private static DateOnly? DueDateOf(JsonObject fields, JsonObject errors)
    {
        var node = fields["duedate"];
        if (node is null) return null;
        var text = Http.AsString(node);
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors["duedate"] = $"Error parsing date string: {text ?? node.ToJsonString()}";
        return null;
    }

    private static List<string>? LabelsOf(JsonNode? node, JsonObject errors)
    {
        if (node is null) return null;
        if (node is not JsonArray array || array.Any(n => !Http.IsString(n)))
        {
            errors["labels"] = "Operation value must be a string";
            return null;
        }
        var labels = array.Select(n => Http.AsString(n)!).ToList();
        if (labels.FirstOrDefault(l => l.Contains(' ')) is { } spaced)
        {
            errors["labels"] = $"The label '{spaced}' contains spaces which is invalid.";
            return null;
        }
        if (labels.FirstOrDefault(l => l.Length > 255) is { } longLabel)
        {
            errors["labels"] = $"The label '{longLabel}' exceeds the 255 character limit.";
            return null;
        }
        return [.. labels.Where(l => l.Length > 0).Distinct()];
    }

    private static List<string>? FieldsParam(Query query) =>
        query.Has("fields") ? [.. query.GetAll("fields").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))] : null;

    private static Response Json(int status, JsonNode node) => Response.Json(status, node, "application/json;charset=UTF-8");

    private static Response Errors(int status, string[] messages, JsonObject? errors = null, bool warnings = false)
    {
        var body = new JsonObject { ["errorMessages"] = Http.Strings(messages), ["errors"] = errors ?? [] };
        if (warnings) body["warningMessages"] = new JsonArray();
        return Json(status, body);
    }

    // ---------------------------------------------------------------- rate limits

    private Response? Count()
    {
        var now = Now;
        if (_window is null || now >= _window.Value.AddMinutes(1)) { _window = now; _used = 0; }
        if (_requestsPerMinute is not { } limit) return null;
        if (_used >= limit) return Limited(limit, (int)Math.Ceiling((_window.Value.AddMinutes(1) - now).TotalSeconds), "jira-quota-based");
        _used++;
        return null;
    }

    private Response Limited(int limit, int? retryAfter, string reason)
    {
        var reset = Now.AddSeconds(retryAfter ?? 60);
        var response = Response.Empty(429)
            .WithHeader("X-RateLimit-Reset", reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Limit", limit)
            .WithHeader("X-RateLimit-Remaining", 0)
            .WithHeader("RateLimit-Reason", reason);
        if (retryAfter is { } seconds) response.WithHeader("Retry-After", Math.Max(1, seconds));
        return response;
    }

    internal override Response RateLimited(TrackerServer.Fault fault) =>
        Limited(_requestsPerMinute ?? 100, fault.RetryAfterSeconds, fault.Style ?? "jira-quota-based");

    internal override void CheckRateLimitStyle(string? style, int? status)
    {
        if (status is not (null or 429)) throw new ArgumentException("Jira answers a rate limit with 429.");
    }

    internal override Response ServerError(int status, string? message) =>
        Errors(status, [message ?? (status >= 500 ? "Internal server error" : "Error")]);

    // ---------------------------------------------------------------- JSON

    private static string Id(Issue issue) => issue.Id.ToString(CultureInfo.InvariantCulture);

    private string SelfUrl(Issue issue) => $"{Server.JiraUrl}/rest/api/3/issue/{issue.Id}";

    private string BrowseUrl(Issue issue) => $"{Server.JiraUrl}/browse/{issue.Key}";

    private static string JiraTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private JsonObject UserJson(User user) => new()
    {
        ["self"] = $"{Server.JiraUrl}/rest/api/3/user?accountId={Uri.EscapeDataString(user.AccountId)}",
        ["accountId"] = user.AccountId,
        ["accountType"] = "atlassian",
        ["emailAddress"] = user.Email,
        ["displayName"] = user.DisplayName,
        ["active"] = true,
        ["timeZone"] = "Etc/UTC",
    };

    private JsonObject StatusJson(Status status) => new()
    {
        ["self"] = $"{Server.JiraUrl}/rest/api/3/status/{status.Id}",
        ["description"] = "",
        ["iconUrl"] = $"{Server.JiraUrl}/images/icons/statuses/generic.png",
        ["name"] = status.Name,
        ["untranslatedName"] = status.Name,
        ["id"] = status.Id,
        ["statusCategory"] = new JsonObject
        {
            ["self"] = $"{Server.JiraUrl}/rest/api/3/statuscategory/{status.Category.Id}",
            ["id"] = status.Category.Id,
            ["key"] = status.Category.Key,
            ["colorName"] = status.Category.Color,
            ["name"] = status.Category.Name,
        },
    };

    private JsonObject NamedJson(string kind, Named named) => new()
    {
        ["self"] = $"{Server.JiraUrl}/rest/api/3/{kind}/{named.Id}",
        ["id"] = named.Id,
        ["description"] = named.Description,
        ["name"] = named.Name,
    };

    /// <summary>The issue with the fields asked for: all when <paramref name="wanted"/> is null or holds *all or *navigable.</summary>
    private JsonObject IssueJson(Issue issue, IReadOnlyCollection<string>? wanted)
    {
        bool all = wanted is null || wanted.Contains("*all") || wanted.Contains("*navigable");
        bool Want(string field) => all || wanted!.Contains(field);
        var fields = new JsonObject();
        if (Want("summary")) fields["summary"] = issue.Summary;
        if (Want("description")) fields["description"] = issue.Description?.DeepClone();
        if (Want("status")) fields["status"] = StatusJson(issue.Status);
        if (Want("resolution")) fields["resolution"] = issue.Resolution is { } r ? NamedJson("resolution", r) : null;
        if (Want("resolutiondate")) fields["resolutiondate"] = issue.ResolutionDate is { } rd ? JiraTime(rd) : null;
        if (Want("duedate")) fields["duedate"] = issue.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Want("labels")) fields["labels"] = Http.Strings(issue.Labels);
        if (Want("priority")) fields["priority"] = new JsonObject
        {
            ["self"] = $"{Server.JiraUrl}/rest/api/3/priority/{issue.Priority.Id}",
            ["iconUrl"] = $"{Server.JiraUrl}/images/icons/priorities/{issue.Priority.Name.ToLowerInvariant()}.svg",
            ["name"] = issue.Priority.Name,
            ["id"] = issue.Priority.Id,
        };
        if (Want("issuetype"))
        {
            var type = NamedJson("issuetype", issue.IssueType);
            type["subtask"] = false;
            type["hierarchyLevel"] = 0;
            fields["issuetype"] = type;
        }
        if (Want("project")) fields["project"] = new JsonObject
        {
            ["self"] = $"{Server.JiraUrl}/rest/api/3/project/{issue.Project.Id}",
            ["id"] = issue.Project.Id.ToString(CultureInfo.InvariantCulture),
            ["key"] = issue.Project.Key,
            ["name"] = issue.Project.Name,
            ["projectTypeKey"] = "software",
            ["simplified"] = false,
        };
        if (Want("created")) fields["created"] = JiraTime(issue.Created);
        if (Want("updated")) fields["updated"] = JiraTime(issue.Updated);
        if (Want("statuscategorychangedate")) fields["statuscategorychangedate"] = JiraTime(issue.StatusCategoryChanged);
        if (Want("reporter")) fields["reporter"] = UserJson(issue.Reporter);
        if (Want("creator")) fields["creator"] = UserJson(issue.Reporter);
        if (Want("assignee")) fields["assignee"] = null;
        return new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = Id(issue),
            ["self"] = SelfUrl(issue),
            ["key"] = issue.Key,
            ["fields"] = fields,
        };
    }

    private JsonObject TransitionsJson(Issue issue, bool withFields) => new()
    {
        ["expand"] = "transitions",
        ["transitions"] = Http.Array(Transitions.Where(t => t.To != issue.Status).Select(t =>
        {
            var json = new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["to"] = StatusJson(t.To),
                ["hasScreen"] = t.To.Category == DoneCategory,
                ["isGlobal"] = true,
                ["isInitial"] = false,
                ["isAvailable"] = true,
                ["isConditional"] = false,
                ["isLooped"] = false,
            };
            if (withFields)
            {
                var fields = new JsonObject();
                if (t.To.Category == DoneCategory)
                {
                    fields["resolution"] = new JsonObject
                    {
                        ["required"] = false,
                        ["schema"] = new JsonObject { ["type"] = "resolution", ["system"] = "resolution" },
                        ["name"] = "Resolution",
                        ["key"] = "resolution",
                        ["hasDefaultValue"] = true,
                        ["operations"] = new JsonArray("set"),
                        ["allowedValues"] = Http.Array(Resolutions.Select(r => (JsonNode?)NamedJson("resolution", r))),
                    };
                }
                json["fields"] = fields;
            }
            return (JsonNode?)json;
        })),
    };
}
