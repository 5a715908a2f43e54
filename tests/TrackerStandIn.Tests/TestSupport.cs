using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Postmortems.TrackerStandIn.Tests;

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>One HTTP exchange with the stand-in, read whole.</summary>
public sealed class ApiResult(int status, string body, HttpResponseHeaders headers, HttpContentHeaders contentHeaders)
{
    public int Status { get; } = status;
    public string Body { get; } = body;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ContentType => contentHeaders.ContentType?.ToString();

    public string? Header(string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : contentHeaders.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    /// <summary>The URLs of a Link header by rel.</summary>
    public Dictionary<string, string> Links()
    {
        var links = new Dictionary<string, string>();
        foreach (var part in (Header("Link") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var url = part[(part.IndexOf('<') + 1)..part.IndexOf('>')];
            var rel = part[(part.IndexOf("rel=\"", StringComparison.Ordinal) + 5)..].TrimEnd('"');
            links[rel] = url;
        }
        return links;
    }

    public override string ToString() => $"{Status} {Body}";
}

/// <summary>
/// A started stand-in on a manual clock, seeded with one project and one credential per tracker: GitHub repository
/// octo/ops with token "ghp_good" (octocat), GitLab project grp/ops (id 42) with token "glpat_good" (root), Jira project
/// OPS with account ops@example.com and API token "jira_good".
/// </summary>
public sealed class StandIn : IDisposable
{
    public const string GitHubToken = "ghp_good";
    public const string GitLabToken = "glpat_good";
    public const string JiraEmail = "ops@example.com";
    public const string JiraToken = "jira_good";

    public StandIn(bool seed = true)
    {
        Clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        Server = new TrackerServer(Clock);
        Server.Start();
        if (seed)
        {
            Server.GitHub.AddRepository("octo/ops");
            Server.GitHub.AddToken(GitHubToken);
            Server.GitLab.AddProject("grp/ops");
            Server.GitLab.AddToken(GitLabToken);
            Server.Jira.AddProject("OPS", "Operations");
            Server.Jira.AddUser(JiraEmail, JiraToken);
        }
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = Server.BaseUri,
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    public TrackerServer Server { get; }
    public HttpClient Http { get; }
    public ManualClock Clock { get; }

    public static string J(object value) => JsonSerializer.Serialize(value);

    public static string Basic(string email, string token) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + token));

    public async Task<ApiResult> Send(HttpMethod method, string path, string? body = null, IEnumerable<(string Name, string Value)>? headers = null,
        string? contentType = "application/json", HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var response = await (client ?? Http).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResult((int)response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    // ---------------------------------------------------------------- GitHub, as its client would call it

    public static (string, string)[] GitHubHeaders(string? token = GitHubToken, string? userAgent = "postmortem-tests", string? version = "2022-11-28")
    {
        var headers = new List<(string, string)> { ("Accept", "application/vnd.github+json") };
        if (token is not null) headers.Add(("Authorization", "Bearer " + token));
        if (userAgent is not null) headers.Add(("User-Agent", userAgent));
        if (version is not null) headers.Add(("X-GitHub-Api-Version", version));
        return [.. headers];
    }

    public Task<ApiResult> GitHub(HttpMethod method, string path, object? body = null, string? token = GitHubToken) =>
        Send(method, "/github/api/v3" + path, body is null ? null : body as string ?? J(body), GitHubHeaders(token));

    public async Task<JsonElement> GitHubIssue(string title, string? body = null, string[]? labels = null)
    {
        var result = await GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title, body, labels = labels ?? [] });
        Xunit.Assert.True(result.Status == 201, $"Creating a GitHub issue failed: {result}");
        return result.Json;
    }

    // ---------------------------------------------------------------- GitLab

    public Task<ApiResult> GitLab(HttpMethod method, string path, object? body = null, string? token = GitLabToken) =>
        Send(method, "/gitlab/api/v4" + path, body is null ? null : body as string ?? J(body),
            token is null ? [] : [("PRIVATE-TOKEN", token)]);

    public async Task<JsonElement> GitLabIssue(string title, string? description = null, string? labels = null, string? dueDate = null)
    {
        var result = await GitLab(HttpMethod.Post, "/projects/grp%2Fops/issues", new { title, description, labels, due_date = dueDate });
        Xunit.Assert.True(result.Status == 201, $"Creating a GitLab issue failed: {result}");
        return result.Json;
    }

    // ---------------------------------------------------------------- Jira

    public Task<ApiResult> Jira(HttpMethod method, string path, object? body = null, string? auth = null) =>
        Send(method, "/jira/rest/api/3" + path, body is null ? null : body as string ?? J(body),
            [("Authorization", auth ?? Basic(JiraEmail, JiraToken)), ("Accept", "application/json")]);

    public static object Doc(string text) => new
    {
        type = "doc",
        version = 1,
        content = new[] { new { type = "paragraph", content = new[] { new { type = "text", text } } } },
    };

    public async Task<string> JiraIssue(string summary, string? description = null, string[]? labels = null, string? dueDate = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["project"] = new { key = "OPS" },
            ["issuetype"] = new { name = "Task" },
            ["summary"] = summary,
            ["labels"] = labels ?? [],
        };
        if (description is not null) fields["description"] = Doc(description);
        if (dueDate is not null) fields["duedate"] = dueDate;
        var result = await Jira(HttpMethod.Post, "/issue", new { fields });
        Xunit.Assert.True(result.Status == 201, $"Creating a Jira issue failed: {result}");
        return result.Json.GetProperty("key").GetString()!;
    }

    public void Dispose()
    {
        Http.Dispose();
        Server.Dispose();
    }
}
