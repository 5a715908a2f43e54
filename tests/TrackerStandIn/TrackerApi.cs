using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// What each tracker's stand-in provides: its API (called under the server's lock), its own shapes for rate-limit
/// and server-error answers, and what a person does in its web UI. Issue references are the tracker's own:
/// <c>project</c> is "owner/repo" (GitHub), "group/project" (GitLab) or a project key (Jira); <c>issue</c> is the
/// number, the iid or the issue key.
/// </summary>
public abstract class TrackerApi
{
    private protected TrackerApi(TrackerServer server) => Server = server;

    internal TrackerServer Server { get; }

    public abstract Tracker Tracker { get; }

    /// <summary>The tracker's issues as a test sees them, deleted ones included (marked).</summary>
    public IReadOnlyList<IssueState> Issues
    {
        get { lock (Server.Gate) return [.. States()]; }
    }

    /// <summary>One issue, or null.</summary>
    public IssueState? Find(string project, string issue)
    {
        lock (Server.Gate) return States().FirstOrDefault(s => SameProject(s.Project, project) && string.Equals(s.Key, issue, StringComparison.OrdinalIgnoreCase));
    }

    private protected virtual bool SameProject(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private protected DateTimeOffset Now => Server.Now;

    /// <summary>When a write made now reaches the search index, or null when it is there at once.</summary>
    private protected DateTimeOffset? IndexDue
    {
        get
        {
            var lag = Server.SearchIndexLag;
            return lag == TimeSpan.Zero ? null : Now + lag;
        }
    }

    internal abstract Response Handle(Incoming incoming);

    internal abstract Response RateLimited(TrackerServer.Fault fault);

    /// <summary>The tracker's error body for <paramref name="status"/>, as a fault or a stand-in bug answers.</summary>
    internal abstract Response ServerError(int status, string? message);

    internal virtual void CheckRateLimitStyle(string? style, int? status)
    {
    }

    internal abstract void ResetState();

    internal abstract IEnumerable<IssueState> States();

    internal abstract void AddProjectFromJson(JsonObject input);

    internal abstract void AddCredentialFromJson(JsonObject input);

    /// <summary>Applies one setting of /_standin/settings; false when the key is not this tracker's.</summary>
    internal abstract bool ApplySetting(string key, JsonNode? value);

    internal abstract void WriteSettings(JsonObject settings);

    /// <summary>Creates an issue as a person would in the web UI; returns its number, iid or key.</summary>
    public abstract string CreateIssueAsPerson(string project, string title, string? body = null, IEnumerable<string>? labels = null, string? dueDate = null);

    /// <summary>
    /// Closes an issue as a person would in the web UI. <paramref name="reason"/>: GitHub's state reason (completed,
    /// not_planned, duplicate; completed by default) or Jira's resolution (Done by default); GitLab takes none.
    /// </summary>
    public abstract void CloseAsPerson(string project, string issue, string? reason = null);

    public abstract void ReopenAsPerson(string project, string issue);

    /// <summary>Edits an issue as a person would; null leaves a field alone, an empty <paramref name="dueDate"/> clears it.</summary>
    public abstract void EditAsPerson(string project, string issue, string? title = null, string? body = null, IReadOnlyList<string>? labels = null, string? dueDate = null);

    /// <summary>Deletes an issue as an administrator would: GitHub answers 410 for it, GitLab and Jira 404.</summary>
    public abstract void DeleteAsPerson(string project, string issue);

    internal static string RequiredStringOf(JsonObject input, string name) => RequiredString(input, name);

    internal static string? OptionalStringOf(JsonObject input, string name) => OptionalString(input, name);

    internal static List<string>? OptionalStringsOf(JsonObject input, string name) => OptionalStrings(input, name);

    private protected static string RequiredString(JsonObject input, string name) =>
        Http.AsString(input[name]) is { Length: > 0 } value ? value : throw new ArgumentException($"'{name}' is required.");

    private protected static string? OptionalString(JsonObject input, string name) =>
        input[name] is null ? null : Http.AsString(input[name]) ?? throw new ArgumentException($"'{name}' must be a string.");

    private protected static List<string>? OptionalStrings(JsonObject input, string name)
    {
        if (input[name] is null) return null;
        if (input[name] is not JsonArray array) throw new ArgumentException($"'{name}' must be an array of strings.");
        return [.. array.Select(n => Http.AsString(n) ?? throw new ArgumentException($"'{name}' must be an array of strings."))];
    }

    private protected static int? OptionalInt(JsonNode? node, string name)
    {
        if (node is null) return null;
        try
        {
            return node.GetValue<int>();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"'{name}' must be a whole number or null.");
        }
    }

    private protected static bool OptionalBool(JsonNode? node, string name, bool fallback)
    {
        if (node is null) return fallback;
        try
        {
            return node.GetValue<bool>();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"'{name}' must be true or false.");
        }
    }
}
