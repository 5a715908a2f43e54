using Xunit;

namespace Postmortems.TrackerStandIn.Tests;

/// <summary>Injected failures, dropped connections and delays, scoped by tracker, method and path; and the request log.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    private static HttpClient FreshClient(Uri baseUri) =>
        new(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseUri };

    [Fact]
    public async Task A_500_without_a_body_comes_in_each_trackers_own_error_shape_and_writes_nothing()
    {
        _s.Server.FailNext(500, count: 3);
        var github = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" });
        var gitlab = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x" });
        var jira = await _s.Jira(HttpMethod.Get, "/myself");
        Assert.Equal(("Server Error", "500"), (github.Json.GetProperty("message").GetString(), github.Json.GetProperty("status").GetString()));
        Assert.Equal("500 Internal Server Error", gitlab.Json.GetProperty("message").GetString());
        Assert.Equal("Internal server error", jira.Json.GetProperty("errorMessages")[0].GetString());
        Assert.Empty(_s.Server.Issues);
        Assert.Equal(201, (await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" })).Status);
    }

    [Fact]
    public async Task A_fault_hits_only_its_tracker_method_and_path_prefix_count_times()
    {
        _s.Server.FailNext(502, count: 2, tracker: Tracker.GitLab, method: "POST", pathPrefix: "/gitlab/api/v4/projects/42/issues",
            body: "<html><body>502 Bad Gateway</body></html>");
        Assert.Equal(200, (await _s.GitLab(HttpMethod.Get, "/projects/42/issues")).Status);
        Assert.Equal(201, (await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" })).Status);
        var first = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x" });
        var second = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x" });
        var third = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x" });
        Assert.Equal((502, 502, 201), (first.Status, second.Status, third.Status));
        Assert.StartsWith("text/html", first.ContentType);
        Assert.Single(_s.Server.GitLab.Issues);
    }

    [Fact]
    public async Task A_fault_after_processing_applies_the_write_but_answers_the_failure()
    {
        _s.Server.FailNext(500, tracker: Tracker.Jira, method: "POST", afterProcessing: true);
        var r = await _s.Jira(HttpMethod.Post, "/issue", new
        {
            fields = new { project = new { key = "OPS" }, issuetype = new { name = "Task" }, summary = "created anyway" },
        });
        Assert.Equal(500, r.Status);
        Assert.Equal("created anyway", Assert.Single(_s.Server.Jira.Issues).Title);
    }

    [Fact]
    public async Task A_dropped_connection_sends_nothing_and_writes_nothing_unless_after_processing()
    {
        using var client = FreshClient(_s.Server.BaseUri);
        _s.Server.DropNext(tracker: Tracker.GitHub, method: "POST");
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            _s.Send(HttpMethod.Post, "/github/api/v3/repos/octo/ops/issues", StandIn.J(new { title = "lost" }), StandIn.GitHubHeaders(), client: client));
        Assert.Empty(_s.Server.GitHub.Issues);

        _s.Server.DropNext(tracker: Tracker.GitHub, method: "POST", afterProcessing: true);
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            _s.Send(HttpMethod.Post, "/github/api/v3/repos/octo/ops/issues", StandIn.J(new { title = "unknown outcome" }), StandIn.GitHubHeaders(), client: client));
        Assert.Equal("unknown outcome", Assert.Single(_s.Server.GitHub.Issues).Title);
        var logged = _s.Server.Requests.Where(r => r.Dropped).ToList();
        Assert.Equal([0, 201], logged.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task A_delay_holds_the_answer_and_a_client_that_gives_up_still_leaves_the_write()
    {
        // The server must have the request before the client gives up: a request first warms the path (a cold process
        // took longer than the client's patience on a loaded machine), and the delay is well beyond that patience.
        await _s.Send(HttpMethod.Get, "/gitlab/api/v4/projects/42/issues", null, [("PRIVATE-TOKEN", StandIn.GitLabToken)]);
        _s.Server.DelayNext(TimeSpan.FromMilliseconds(2500), tracker: Tracker.GitLab, method: "POST");
        using var impatient = new HttpClient { BaseAddress = _s.Server.BaseUri, Timeout = TimeSpan.FromMilliseconds(700) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _s.Send(HttpMethod.Post, "/gitlab/api/v4/projects/42/issues", StandIn.J(new { title = "slow" }), [("PRIVATE-TOKEN", StandIn.GitLabToken)], client: impatient));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_s.Server.GitLab.Issues.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal("slow", Assert.Single(_s.Server.GitLab.Issues).Title);
    }

    [Fact]
    public void A_rate_limit_style_or_status_a_tracker_does_not_use_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _s.Server.RateLimitNext(Tracker.GitHub, style: "throttle"));
        Assert.Throws<ArgumentException>(() => _s.Server.RateLimitNext(Tracker.GitLab, status: 403));
        Assert.Throws<ArgumentException>(() => _s.Server.RateLimitNext(Tracker.Jira, status: 503));
    }

    [Fact]
    public async Task The_log_keeps_method_path_headers_body_and_status_and_can_be_cleared()
    {
        await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "Logged" });
        await _s.Jira(HttpMethod.Get, "/issue/OPS-9");
        var log = _s.Server.Requests;
        Assert.Equal(2, log.Count);
        Assert.Equal(("POST", "/github/api/v3/repos/octo/ops/issues", 201), (log[0].Method, log[0].PathAndQuery, log[0].Status));
        Assert.Equal("2022-11-28", log[0].Headers["X-GitHub-Api-Version"]);
        Assert.Contains("\"title\":\"Logged\"", log[0].Body);
        Assert.Equal(404, log[1].Status);
        _s.Server.ClearLog();
        Assert.Empty(_s.Server.Requests);
    }

    [Fact]
    public async Task A_path_outside_the_three_trackers_is_a_plain_404()
    {
        var r = await _s.Send(HttpMethod.Get, "/api/v4/projects");
        Assert.Equal(404, r.Status);
        Assert.Contains("/gitlab/api/v4", r.Body);
    }
}
