using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Postmortems.TrackerStandIn.Tests;

/// <summary>The /_standin/ control endpoints, for tests in another process (Pester), and the command line.</summary>
public sealed class ControlSurfaceTests : IDisposable
{
    private readonly StandIn _s = new(seed: false);

    public void Dispose() => _s.Dispose();

    private Task<ApiResult> Control(HttpMethod method, string path, object? body = null) =>
        _s.Send(method, "/_standin" + path, body is null ? null : StandIn.J(body));

    [Fact]
    public async Task The_root_tells_where_each_trackers_api_is()
    {
        var roots = (await Control(HttpMethod.Get, "")).Json;
        Assert.Equal(_s.Server.GitHubApiRoot, roots.GetProperty("github").GetString());
        Assert.Equal($"{_s.Server.BaseUri}gitlab", roots.GetProperty("gitlab").GetString());
        Assert.Equal($"{_s.Server.BaseUri}jira", roots.GetProperty("jira").GetString());
    }

    [Fact]
    public async Task Projects_credentials_and_issues_seeded_over_http_make_working_apis()
    {
        Assert.Equal(200, (await Control(HttpMethod.Post, "/projects", new { tracker = "github", project = "octo/ops" })).Status);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/credentials", new { tracker = "github", token = "ghp_cli", login = "robot" })).Status);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/projects", new { tracker = "gitlab", project = "grp/ops", id = 7 })).Status);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/credentials", new { tracker = "gitlab", token = "glpat_cli", access = "read" })).Status);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/projects", new { tracker = "jira", project = "OPS" })).Status);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/credentials", new { tracker = "jira", email = "a@example.com", token = "t" })).Status);

        var seeded = await Control(HttpMethod.Post, "/issues", new { tracker = "jira", project = "OPS", title = "Seeded", body = "pm1", labels = new[] { "postmortem" }, dueDate = "2026-04-30" });
        Assert.Equal(("OPS-1", "To Do", "2026-04-30"), (seeded.Json.GetProperty("issue").GetString(), seeded.Json.GetProperty("state").GetString(), seeded.Json.GetProperty("dueDate").GetString()));

        var github = await _s.Send(HttpMethod.Get, "/github/api/v3/user", headers: StandIn.GitHubHeaders("ghp_cli"));
        Assert.Equal("robot", github.Json.GetProperty("login").GetString());
        var gitlab = await _s.Send(HttpMethod.Post, "/gitlab/api/v4/projects/7/issues", StandIn.J(new { title = "x" }), [("PRIVATE-TOKEN", "glpat_cli")]);
        Assert.Equal(403, gitlab.Status);
        var jira = await _s.Jira(HttpMethod.Get, "/issue/OPS-1?fields=description,labels", auth: StandIn.Basic("a@example.com", "t"));
        Assert.Equal("pm1", jira.Json.GetProperty("fields").GetProperty("description").GetProperty("content")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_person_closes_reopens_edits_and_deletes_through_the_control_surface()
    {
        _s.Server.GitHub.AddRepository("octo/ops");
        _s.Server.GitLab.AddProject("grp/ops");
        _s.Server.Jira.AddProject("OPS");
        await Control(HttpMethod.Post, "/issues", new { tracker = "github", project = "octo/ops", title = "gh" });
        await Control(HttpMethod.Post, "/issues", new { tracker = "gitlab", project = "grp/ops", title = "gl" });
        await Control(HttpMethod.Post, "/issues", new { tracker = "jira", project = "OPS", title = "jr" });

        var gh = await Control(HttpMethod.Post, "/issues/close", new { tracker = "github", project = "octo/ops", issue = "1", reason = "not_planned" });
        Assert.Equal(("closed", "not_planned", true), (gh.Json.GetProperty("state").GetString(), gh.Json.GetProperty("reason").GetString(), gh.Json.GetProperty("closed").GetBoolean()));
        var gl = await Control(HttpMethod.Post, "/issues/close", new { tracker = "gitlab", project = "grp/ops", issue = "1" });
        Assert.Equal("closed", gl.Json.GetProperty("state").GetString());
        var jr = await Control(HttpMethod.Post, "/issues/close", new { tracker = "jira", issue = "OPS-1", reason = "Won't Do", status = "Closed" });
        Assert.Equal(("Closed", "Won't Do"), (jr.Json.GetProperty("state").GetString(), jr.Json.GetProperty("reason").GetString()));

        var reopened = await Control(HttpMethod.Post, "/issues/reopen", new { tracker = "github", project = "octo/ops", issue = "1" });
        Assert.Equal(("open", "reopened"), (reopened.Json.GetProperty("state").GetString(), reopened.Json.GetProperty("reason").GetString()));
        var moved = await Control(HttpMethod.Post, "/issues/transition", new { tracker = "jira", issue = "OPS-1", status = "In Progress" });
        Assert.Equal(("In Progress", false), (moved.Json.GetProperty("state").GetString(), moved.Json.GetProperty("closed").GetBoolean()));
        var edited = await Control(HttpMethod.Post, "/issues/edit", new { tracker = "gitlab", project = "grp/ops", issue = "1", title = "renamed", labels = new[] { "a", "b" }, dueDate = "2026-05-01" });
        Assert.Equal(("renamed", "2026-05-01", 2), (edited.Json.GetProperty("title").GetString(), edited.Json.GetProperty("dueDate").GetString(), edited.Json.GetProperty("labels").GetArrayLength()));
        var deleted = await Control(HttpMethod.Post, "/issues/delete", new { tracker = "jira", issue = "OPS-1" });
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());

        var state = (await Control(HttpMethod.Get, "/state")).Json.GetProperty("issues");
        Assert.Equal(3, state.GetArrayLength());
        Assert.Equal(new string?[] { "github", "gitlab", "jira" }, state.EnumerateArray().Select(i => i.GetProperty("tracker").GetString()).ToArray());
    }

    [Fact]
    public async Task Faults_settings_and_the_clock_can_be_driven_over_http()
    {
        _s.Server.GitLab.AddProject("grp/ops");
        _s.Server.GitLab.AddToken("t");
        Assert.Equal(200, (await Control(HttpMethod.Post, "/faults", new { kind = "rateLimit", tracker = "gitlab", retryAfterSeconds = 12 })).Status);
        var limited = await _s.GitLab(HttpMethod.Get, "/projects/42/issues", token: "t");
        Assert.Equal((429, "12"), (limited.Status, limited.Header("Retry-After")));

        Assert.Equal(200, (await Control(HttpMethod.Post, "/faults", new { kind = "fail", status = 503, tracker = "gitlab", retryAfterSeconds = 3 })).Status);
        Assert.Equal(503, (await _s.GitLab(HttpMethod.Get, "/projects/42/issues", token: "t")).Status);
        await Control(HttpMethod.Post, "/faults", new { kind = "fail", status = 500 });
        Assert.Equal(200, (await Control(HttpMethod.Delete, "/faults")).Status);
        Assert.Equal(200, (await _s.GitLab(HttpMethod.Get, "/projects/42/issues", token: "t")).Status);

        var settings = await Control(HttpMethod.Post, "/settings", new { gitlabRequestsPerMinute = 1, searchIndexLagSeconds = 5, jiraLegacySearch = true });
        Assert.Equal((1, 5.0, true), (settings.Json.GetProperty("gitlabRequestsPerMinute").GetInt32(),
            settings.Json.GetProperty("searchIndexLagSeconds").GetDouble(), settings.Json.GetProperty("jiraLegacySearch").GetBoolean()));
        Assert.Equal(TimeSpan.FromSeconds(5), _s.Server.SearchIndexLag);
        await _s.GitLab(HttpMethod.Get, "/user", token: "t");
        Assert.Equal(429, (await _s.GitLab(HttpMethod.Get, "/user", token: "t")).Status);
        var clock = await Control(HttpMethod.Post, "/clock", new { advanceSeconds = 61 });
        Assert.StartsWith("2026-03-01T09:31:01", clock.Json.GetProperty("now").GetString());
        Assert.Equal(200, (await _s.GitLab(HttpMethod.Get, "/user", token: "t")).Status);
    }

    [Fact]
    public async Task Reset_forgets_everything_and_runs_the_seeder_again()
    {
        _s.Server.Seeder = s => s.Jira.AddProject("OPS");
        _s.Server.Jira.AddProject("TMP");
        _s.Server.Jira.CreateIssueAsPerson("TMP", "gone soon");
        _s.Server.FailNext(500);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/reset")).Status);
        Assert.Empty(_s.Server.Issues);
        Assert.Empty(_s.Server.Requests);
        Assert.Equal("OPS-1", _s.Server.Jira.CreateIssueAsPerson("OPS", "fresh"));
        Assert.Throws<ArgumentException>(() => _s.Server.Jira.CreateIssueAsPerson("TMP", "x"));
    }

    [Fact]
    public async Task Bad_control_requests_get_a_400_or_404_with_a_reason()
    {
        var noTracker = await Control(HttpMethod.Post, "/projects", new { project = "octo/ops" });
        Assert.Equal(400, noTracker.Status);
        Assert.Contains("tracker", noTracker.Json.GetProperty("error").GetString());
        var badKey = await Control(HttpMethod.Post, "/projects", new { tracker = "jira", project = "ops-lower" });
        Assert.Contains("project key", badKey.Json.GetProperty("error").GetString());
        var unknownIssue = await Control(HttpMethod.Post, "/issues/close", new { tracker = "github", project = "octo/ops", issue = "1" });
        Assert.Equal(400, unknownIssue.Status);
        var rateLimitWithoutTracker = await Control(HttpMethod.Post, "/faults", new { kind = "rateLimit" });
        Assert.Contains("tracker", rateLimitWithoutTracker.Json.GetProperty("error").GetString());
        var unknownSetting = await Control(HttpMethod.Post, "/settings", new { speed = 11 });
        Assert.Contains("speed", unknownSetting.Json.GetProperty("error").GetString());
        Assert.Equal(400, (await _s.Send(HttpMethod.Post, "/_standin/issues", "{nope")).Status);
        Assert.Equal(404, (await Control(HttpMethod.Get, "/nothing")).Status);
    }

    [Fact]
    public async Task The_executable_prints_one_listening_line_serves_its_seeds_and_exits_when_stdin_closes()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TrackerStandIn.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "--github-repo", "octo/ops", "--github-token", "ghp_cli:robot", "--gitlab-project", "grp/ops",
            "--gitlab-token", "glpat_cli", "--jira-project", "OPS", "ENG", "--jira-user", "a@example.com:tok",
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.NotNull(line);
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+/$", line);
            using var http = new HttpClient { BaseAddress = new Uri(line!["Listening on ".Length..]) };

            async Task<HttpResponseMessage> Call(HttpMethod method, string path, string? body, params (string, string)[] headers)
            {
                var request = new HttpRequestMessage(method, path);
                foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                return await http.SendAsync(request);
            }
            var gh = await Call(HttpMethod.Post, "/github/api/v3/repos/octo/ops/issues", "{\"title\":\"t\"}", ("Authorization", "Bearer ghp_cli"), ("User-Agent", "t"));
            Assert.Equal(201, (int)gh.StatusCode);
            var gl = await Call(HttpMethod.Get, "/gitlab/api/v4/projects/grp%2Fops/issues", null, ("PRIVATE-TOKEN", "glpat_cli"));
            Assert.Equal(200, (int)gl.StatusCode);
            var jira = await Call(HttpMethod.Post, "/jira/rest/api/3/search/jql", "{\"jql\":\"project in (OPS, ENG)\"}", ("Authorization", StandIn.Basic("a@example.com", "tok")));
            Assert.Equal(200, (int)jira.StatusCode);
            Assert.True(JsonDocument.Parse(await jira.Content.ReadAsStringAsync()).RootElement.GetProperty("isLast").GetBoolean());

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_bad_seed_on_the_command_line_is_reported_with_the_usage_and_exit_code_2()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TrackerStandIn.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--jira-project", "lower" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'lower'", error);
        Assert.Contains("usage: TrackerStandIn", error);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }
}
