using System.Text.Json;
using Xunit;

namespace Postmortems.TrackerStandIn.Tests;

/// <summary>docs/trackers/gitlab.md over real HTTP: auth, project ids, issues, lists and search, pagination, errors, rate limits.</summary>
public sealed class GitLabTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_missing_or_wrong_token_is_401_and_header_bearer_or_query_tokens_work()
    {
        var missing = await _s.GitLab(HttpMethod.Get, "/projects/42/issues", token: null);
        var wrong = await _s.GitLab(HttpMethod.Get, "/projects/42/issues", token: "glpat_wrong");
        Assert.Equal((401, "401 Unauthorized"), (missing.Status, missing.Json.GetProperty("message").GetString()));
        Assert.Equal(401, wrong.Status);

        var bearer = await _s.Send(HttpMethod.Get, "/gitlab/api/v4/user", headers: [("Authorization", "Bearer " + StandIn.GitLabToken)]);
        var query = await _s.Send(HttpMethod.Get, "/gitlab/api/v4/user?private_token=" + StandIn.GitLabToken);
        Assert.Equal("root", bearer.Json.GetProperty("username").GetString());
        Assert.Equal(200, query.Status);
    }

    [Fact]
    public async Task A_read_api_token_cannot_write_and_a_project_out_of_reach_is_404()
    {
        _s.Server.GitLab.AddProject("grp/secret");
        _s.Server.GitLab.AddToken("glpat_read", "reader", canWrite: false, projects: ["grp/ops"]);
        var write = await _s.GitLab(HttpMethod.Post, "/projects/grp%2Fops/issues", new { title = "x" }, token: "glpat_read");
        var hidden = await _s.GitLab(HttpMethod.Get, "/projects/grp%2Fsecret/issues", token: "glpat_read");
        Assert.Equal(403, write.Status);
        Assert.Equal("insufficient_scope", write.Json.GetProperty("error").GetString());
        Assert.Equal("api", write.Json.GetProperty("scope").GetString());
        Assert.Equal((404, "404 Project Not Found"), (hidden.Status, hidden.Json.GetProperty("message").GetString()));
        Assert.Empty(_s.Server.GitLab.Issues);
    }

    [Fact]
    public async Task A_project_is_found_by_id_or_by_its_url_encoded_path_but_not_by_an_unencoded_one()
    {
        await _s.GitLabIssue("a");
        Assert.Equal(200, (await _s.GitLab(HttpMethod.Get, "/projects/42/issues/1")).Status);
        Assert.Equal(200, (await _s.GitLab(HttpMethod.Get, "/projects/grp%2Fops/issues/1")).Status);
        var unencoded = await _s.GitLab(HttpMethod.Get, "/projects/grp/ops/issues/1");
        Assert.Equal((404, "404 Not Found"), (unencoded.Status, unencoded.Json.GetProperty("error").GetString()));
        var nested = _s.Server.GitLab.AddProject("grp/sub/deep");
        var deep = await _s.GitLab(HttpMethod.Post, "/projects/grp%2Fsub%2Fdeep/issues", new { title = "deep" });
        Assert.Equal(nested, deep.Json.GetProperty("project_id").GetInt64());
        Assert.Equal($"{_s.Server.GitLabUrl}/grp/sub/deep/-/issues/1", deep.Json.GetProperty("web_url").GetString());
    }

    [Fact]
    public async Task Creating_assigns_iids_per_project_and_keeps_labels_due_date_and_description()
    {
        var first = await _s.GitLabIssue("Add an alert", "From postmortem pm7f3a9c2e", "postmortem, p1", "2026-04-30");
        var second = await _s.GitLabIssue("Second");
        Assert.Equal(1, first.GetProperty("iid").GetInt32());
        Assert.Equal(2, second.GetProperty("iid").GetInt32());
        Assert.NotEqual(first.GetProperty("id").GetInt64(), first.GetProperty("iid").GetInt64());
        Assert.Equal("opened", first.GetProperty("state").GetString());
        Assert.Equal(new string?[] { "postmortem", "p1" }, first.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToArray());
        Assert.Equal("2026-04-30", first.GetProperty("due_date").GetString());
        Assert.Equal("2026-03-01T09:30:00.000Z", first.GetProperty("created_at").GetString());
        Assert.Equal("grp/ops#1", first.GetProperty("references").GetProperty("full").GetString());
        Assert.Equal($"{_s.Server.GitLabUrl}/grp/ops/-/issues/1", first.GetProperty("web_url").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("description").ValueKind);

        var asArray = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "labels as an array", labels = new[] { "Postmortem" } });
        Assert.Equal("postmortem", asArray.Json.GetProperty("labels")[0].GetString());
    }

    [Fact]
    public async Task Bad_create_requests_get_gitlab_error_bodies_and_write_nothing()
    {
        var noTitle = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { description = "x" });
        var blank = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = " " });
        var tooLong = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = new string('t', 256) });
        var badDate = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x", due_date = "30/04/2026" });
        Assert.Equal((400, "title is missing"), (noTitle.Status, noTitle.Json.GetProperty("error").GetString()));
        Assert.Equal("can't be blank", blank.Json.GetProperty("message").GetProperty("title")[0].GetString());
        Assert.Equal("is too long (maximum is 255 characters)", tooLong.Json.GetProperty("message").GetProperty("title")[0].GetString());
        Assert.Equal((400, "due_date is invalid"), (badDate.Status, badDate.Json.GetProperty("error").GetString()));
        Assert.Empty(_s.Server.GitLab.Issues);
        var unknown = await _s.GitLab(HttpMethod.Get, "/projects/42/issues/9");
        Assert.Equal((404, "404 Issue Not Found"), (unknown.Status, unknown.Json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Closing_and_reopening_with_state_event_sets_and_clears_closed_at_and_closed_by()
    {
        await _s.GitLabIssue("a");
        _s.Clock.Advance(TimeSpan.FromMinutes(90));
        var closed = await _s.GitLab(HttpMethod.Put, "/projects/42/issues/1", new { state_event = "close" });
        Assert.Equal("closed", closed.Json.GetProperty("state").GetString());
        Assert.Equal("2026-03-01T11:00:00.000Z", closed.Json.GetProperty("closed_at").GetString());
        Assert.Equal("root", closed.Json.GetProperty("closed_by").GetProperty("username").GetString());

        var reopened = await _s.GitLab(HttpMethod.Put, "/projects/42/issues/1?state_event=reopen");
        Assert.Equal("opened", reopened.Json.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.Json.GetProperty("closed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.Json.GetProperty("closed_by").ValueKind);

        var bad = await _s.GitLab(HttpMethod.Put, "/projects/42/issues/1", new { state_event = "resolve" });
        Assert.Equal((400, "state_event does not have a valid value"), (bad.Status, bad.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Editing_adds_removes_or_replaces_labels_and_sets_or_clears_the_due_date()
    {
        await _s.GitLabIssue("a", labels: "postmortem,p1", dueDate: "2026-04-30");
        var added = await _s.GitLab(HttpMethod.Put, "/projects/42/issues/1", new { add_labels = "p2", remove_labels = "P1" });
        Assert.Equal(new string?[] { "postmortem", "p2" }, added.Json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToArray());
        var cleared = await _s.GitLab(HttpMethod.Put, "/projects/42/issues/1", new { labels = "", due_date = "" });
        Assert.Equal(0, cleared.Json.GetProperty("labels").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, cleared.Json.GetProperty("due_date").ValueKind);
        var nothing = await _s.GitLab(HttpMethod.Put, "/projects/42/issues/1", new { });
        Assert.Equal(400, nothing.Status);
        Assert.Contains("at least one parameter must be provided", nothing.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_person_closing_in_the_web_ui_is_seen_by_the_api_and_gitlab_takes_no_close_reason()
    {
        await _s.GitLabIssue("a");
        _s.Server.GitLab.CloseAsPerson("grp/ops", "1");
        var got = (await _s.GitLab(HttpMethod.Get, "/projects/42/issues/1")).Json;
        Assert.Equal("closed", got.GetProperty("state").GetString());
        Assert.Equal("web.user", got.GetProperty("closed_by").GetProperty("username").GetString());
        Assert.Throws<ArgumentException>(() => _s.Server.GitLab.CloseAsPerson("grp/ops", "1", "not_planned"));
    }

    [Fact]
    public async Task Listing_filters_by_state_by_all_labels_and_searches_title_and_description()
    {
        await _s.GitLabIssue("Add alert", "Action item from postmortem pm7f3a9c2e", "postmortem,pm-1");
        await _s.GitLabIssue("Write runbook", "nothing to see", "postmortem");
        await _s.GitLabIssue("Closed one", "pm7f3a9c2e again", "postmortem,pm-1");
        _s.Server.GitLab.CloseAsPerson("grp/ops", "3");

        async Task<int[]> Iids(string query) =>
            [.. (await _s.GitLab(HttpMethod.Get, "/projects/42/issues" + query)).Json.EnumerateArray().Select(i => i.GetProperty("iid").GetInt32())];
        Assert.Equal(new[] { 3, 2, 1 }, await Iids(""));
        Assert.Equal(new[] { 2, 1 }, await Iids("?state=opened"));
        Assert.Equal(new[] { 3, 1 }, await Iids("?labels=postmortem,PM-1"));
        Assert.Equal(new[] { 1 }, await Iids("?labels=pm-1&state=opened"));
        Assert.Equal(new[] { 3, 1 }, await Iids("?search=pm7f3a9c2e"));
        Assert.Equal(new[] { 3, 1 }, await Iids("?search=7f3a9c"));
        Assert.Equal(Array.Empty<int>(), await Iids("?search=pm7f3a9c2e&in=title"));
        Assert.Equal(new[] { 2 }, await Iids("?search=runbook&in=title"));
        Assert.Equal(new[] { 1, 3 }, await Iids("?iids[]=1&iids[]=3&sort=asc"));
        Assert.Equal(Array.Empty<int>(), await Iids("?labels=None"));
        Assert.Equal(400, (await _s.GitLab(HttpMethod.Get, "/projects/42/issues?state=open")).Status);
    }

    [Fact]
    public async Task Pages_carry_x_headers_and_links_and_the_last_page_has_an_empty_x_next_page()
    {
        for (int i = 1; i <= 5; i++) await _s.GitLabIssue("Item " + i);
        var first = await _s.GitLab(HttpMethod.Get, "/projects/grp%2Fops/issues?per_page=2&sort=asc");
        Assert.Equal(("1", "2", "2", "", "5", "3"),
            (first.Header("x-page"), first.Header("x-per-page"), first.Header("x-next-page"), first.Header("x-prev-page"), first.Header("x-total"), first.Header("x-total-pages")));
        Assert.Equal(["next", "first", "last"], first.Links().Keys.ToArray());
        Assert.Contains("/gitlab/api/v4/projects/grp%2Fops/issues?", first.Links()["next"]);

        var titles = new List<string?>();
        string? nextPage = "1";
        int pages = 0;
        while (nextPage is { Length: > 0 })
        {
            Assert.True(++pages <= 5, "x-next-page never came back empty.");
            var page = await _s.GitLab(HttpMethod.Get, $"/projects/grp%2Fops/issues?per_page=2&sort=asc&page={nextPage}");
            titles.AddRange(page.Json.EnumerateArray().Select(i => i.GetProperty("title").GetString()));
            nextPage = page.Header("x-next-page");
        }
        Assert.Equal(["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"], titles);
    }

    [Fact]
    public async Task With_totals_omitted_as_on_gitlab_com_there_is_no_x_total_nor_last_link()
    {
        for (int i = 0; i < 3; i++) await _s.GitLabIssue("x");
        _s.Server.GitLab.OmitTotals = true;
        var r = await _s.GitLab(HttpMethod.Get, "/projects/42/issues?per_page=2");
        Assert.Null(r.Header("x-total"));
        Assert.Null(r.Header("x-total-pages"));
        Assert.DoesNotContain("last", r.Links().Keys);
        Assert.Equal("2", r.Header("x-next-page"));
    }

    [Fact]
    public async Task An_injected_throttle_is_a_plain_text_429_with_retry_after_and_ratelimit_headers()
    {
        _s.Server.RateLimitNext(Tracker.GitLab, retryAfterSeconds: 30);
        var r = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x" });
        Assert.Equal(429, r.Status);
        Assert.Equal("Retry later\n", r.Body);
        Assert.StartsWith("text/plain", r.ContentType);
        Assert.Equal("30", r.Header("Retry-After"));
        Assert.Equal("0", r.Header("RateLimit-Remaining"));
        Assert.Equal(_s.Clock.Now.AddSeconds(30).ToUnixTimeSeconds().ToString(), r.Header("RateLimit-Reset"));
        Assert.Equal("Sun, 01 Mar 2026 09:30:30 GMT", r.Header("RateLimit-ResetTime"));
        Assert.Equal("throttle_authenticated_api", r.Header("RateLimit-Name"));
        Assert.Empty(_s.Server.GitLab.Issues);
    }

    [Fact]
    public async Task An_application_limit_is_a_json_429_without_headers()
    {
        _s.Server.RateLimitNext(Tracker.GitLab, style: "application");
        var r = await _s.GitLab(HttpMethod.Post, "/projects/42/issues", new { title = "x" });
        Assert.Equal(429, r.Status);
        Assert.Contains("too many times", r.Json.GetProperty("message").GetProperty("error").GetString());
        Assert.Null(r.Header("Retry-After"));
    }

    [Fact]
    public async Task An_enforced_per_minute_limit_throttles_then_lets_requests_through_after_the_minute()
    {
        _s.Server.GitLab.RequestsPerMinute = 2;
        Assert.Null((await _s.GitLab(HttpMethod.Get, "/user")).Header("RateLimit-Limit"));
        await _s.GitLab(HttpMethod.Get, "/user");
        _s.Clock.Advance(TimeSpan.FromSeconds(15));
        var third = await _s.GitLab(HttpMethod.Get, "/user");
        Assert.Equal(429, third.Status);
        Assert.Equal("45", third.Header("Retry-After"));
        Assert.Equal(("2", "3"), (third.Header("RateLimit-Limit"), third.Header("RateLimit-Observed")));
        _s.Clock.Advance(TimeSpan.FromSeconds(46));
        Assert.Equal(200, (await _s.GitLab(HttpMethod.Get, "/user")).Status);
    }
}
