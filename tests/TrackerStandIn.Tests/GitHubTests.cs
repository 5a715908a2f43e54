using System.Text.Json;
using Xunit;

namespace Postmortems.TrackerStandIn.Tests;

/// <summary>docs/trackers/github.md over real HTTP: auth, issues, lists, search, closing, errors and rate limits.</summary>
public sealed class GitHubTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    // ---------------------------------------------------------------- auth and headers

    [Fact]
    public async Task A_wrong_token_is_401_bad_credentials_and_a_missing_one_401_requires_authentication()
    {
        var wrong = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues", token: "ghp_wrong");
        var missing = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues", token: null);
        Assert.Equal(401, wrong.Status);
        Assert.Equal("Bad credentials", wrong.Json.GetProperty("message").GetString());
        Assert.Equal("401", wrong.Json.GetProperty("status").GetString());
        Assert.StartsWith("https://docs.github.com/", wrong.Json.GetProperty("documentation_url").GetString());
        Assert.Equal(401, missing.Status);
        Assert.Equal("Requires authentication", missing.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Both_bearer_and_token_schemes_are_accepted()
    {
        foreach (var scheme in new[] { "Bearer", "token" })
        {
            var r = await _s.Send(HttpMethod.Get, "/github/api/v3/user", headers: [("Authorization", $"{scheme} {StandIn.GitHubToken}"), ("User-Agent", "t")]);
            Assert.Equal(200, r.Status);
            Assert.Equal("octocat", r.Json.GetProperty("login").GetString());
        }
    }

    [Fact]
    public async Task A_request_without_a_user_agent_is_refused_with_403_in_plain_text()
    {
        var r = await _s.Send(HttpMethod.Get, "/github/api/v3/repos/octo/ops/issues", headers: StandIn.GitHubHeaders(userAgent: null));
        Assert.Equal(403, r.Status);
        Assert.StartsWith("text/plain", r.ContentType);
        Assert.Contains("User-Agent", r.Body);
    }

    [Fact]
    public async Task A_repository_the_token_cannot_see_is_404_and_a_read_only_token_cannot_write()
    {
        _s.Server.GitHub.AddRepository("octo/secret");
        _s.Server.GitHub.AddToken("ghp_narrow", "reader", canWrite: false, repositories: ["octo/ops"]);
        var hidden = await _s.GitHub(HttpMethod.Get, "/repos/octo/secret/issues", token: "ghp_narrow");
        var read = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues", token: "ghp_narrow");
        var write = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" }, token: "ghp_narrow");
        Assert.Equal(404, hidden.Status);
        Assert.Equal("Not Found", hidden.Json.GetProperty("message").GetString());
        Assert.Equal(200, read.Status);
        Assert.Equal(403, write.Status);
        Assert.Equal("Resource not accessible by personal access token", write.Json.GetProperty("message").GetString());
        Assert.Empty(_s.Server.GitHub.Issues);
    }

    [Fact]
    public async Task An_unknown_api_version_is_400_and_the_selected_version_is_echoed()
    {
        var bad = await _s.Send(HttpMethod.Get, "/github/api/v3/user", headers: StandIn.GitHubHeaders(version: "2099-01-01"));
        var good = await _s.Send(HttpMethod.Get, "/github/api/v3/user", headers: StandIn.GitHubHeaders(version: "2026-03-10"));
        var none = await _s.Send(HttpMethod.Get, "/github/api/v3/user", headers: StandIn.GitHubHeaders(version: null));
        Assert.Equal(400, bad.Status);
        Assert.Contains("2099-01-01", bad.Json.GetProperty("message").GetString());
        Assert.Equal("2026-03-10", good.Header("X-GitHub-Api-Version-Selected"));
        Assert.Equal("2022-11-28", none.Header("X-GitHub-Api-Version-Selected"));
    }

    // ---------------------------------------------------------------- create and get

    [Fact]
    public async Task Creating_assigns_numbers_in_order_and_answers_201_with_the_issue_and_its_location()
    {
        var first = await _s.GitHubIssue("Add an alert on certificate expiry", "From postmortem pm7f3a9c2e", ["postmortem"]);
        var second = await _s.GitHubIssue("Document the failover");
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal("open", first.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("state_reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("closed_at").ValueKind);
        Assert.Equal($"{_s.Server.BaseUri}github/octo/ops/issues/1", first.GetProperty("html_url").GetString());
        Assert.Equal("2026-03-01T09:30:00Z", first.GetProperty("created_at").GetString());
        Assert.Equal("postmortem", first.GetProperty("labels")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("body").ValueKind);

        var got = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues/1");
        Assert.Equal(200, got.Status);
        Assert.Equal("From postmortem pm7f3a9c2e", got.Json.GetProperty("body").GetString());
        var created = await _s.GitHub(HttpMethod.Post, "/repos/OCTO/Ops/issues", new { title = "case-insensitive names" });
        Assert.Equal(created.Json.GetProperty("url").GetString(), created.Header("Location"));
    }

    [Fact]
    public async Task A_new_label_is_created_and_an_existing_one_keeps_its_spelling_whatever_the_case_sent()
    {
        await _s.GitHubIssue("a", labels: ["Postmortem"]);
        var second = await _s.GitHubIssue("b", labels: ["POSTMORTEM", "p1", "p1"]);
        var names = second.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToArray();
        Assert.Equal(new string?[] { "Postmortem", "p1" }, names);
    }

    [Fact]
    public async Task Bad_create_requests_get_github_error_shapes_and_write_nothing()
    {
        var noTitle = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { body = "x" });
        var blank = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "  " });
        var tooLong = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = new string('t', 257) });
        var notJson = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", "{title:");
        var notObject = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", "[1]");
        var labelsNotArray = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x", labels = "bug" });

        Assert.Equal(422, noTitle.Status);
        Assert.Equal("Invalid request.\n\n\"title\" wasn't supplied.", noTitle.Json.GetProperty("message").GetString());
        Assert.Equal(422, blank.Status);
        Assert.Equal("Validation Failed", blank.Json.GetProperty("message").GetString());
        var error = blank.Json.GetProperty("errors")[0];
        Assert.Equal(("Issue", "title", "missing_field"),
            (error.GetProperty("resource").GetString(), error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal("title is too long (maximum is 256 characters)", tooLong.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal((400, "Problems parsing JSON"), (notJson.Status, notJson.Json.GetProperty("message").GetString()));
        Assert.Equal((400, "Body should be a JSON object"), (notObject.Status, notObject.Json.GetProperty("message").GetString()));
        Assert.Equal(422, labelsNotArray.Status);
        Assert.Empty(_s.Server.GitHub.Issues);
    }

    [Fact]
    public async Task Unknown_issues_are_404_deleted_ones_410_and_a_repository_without_issues_410()
    {
        await _s.GitHubIssue("to delete");
        _s.Server.GitHub.DeleteAsPerson("octo/ops", "1");
        var deleted = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues/1");
        var unknown = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues/99");
        _s.Server.GitHub.SetIssuesEnabled("octo/ops", false);
        var disabled = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" });
        Assert.Equal((410, "This issue was deleted"), (deleted.Status, deleted.Json.GetProperty("message").GetString()));
        Assert.Equal(404, unknown.Status);
        Assert.Equal((410, "Issues are disabled for this repo"), (disabled.Status, disabled.Json.GetProperty("message").GetString()));
    }

    // ---------------------------------------------------------------- closing and reopening

    [Fact]
    public async Task Closing_as_not_planned_records_the_reason_time_and_closer_and_reopening_clears_them()
    {
        await _s.GitHubIssue("Drop the cache");
        _s.Clock.Advance(TimeSpan.FromHours(2));
        var closed = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state = "closed", state_reason = "not_planned" });
        Assert.Equal(200, closed.Status);
        Assert.Equal("closed", closed.Json.GetProperty("state").GetString());
        Assert.Equal("not_planned", closed.Json.GetProperty("state_reason").GetString());
        Assert.Equal("2026-03-01T11:30:00Z", closed.Json.GetProperty("closed_at").GetString());
        Assert.Equal("octocat", closed.Json.GetProperty("closed_by").GetProperty("login").GetString());

        _s.Clock.Advance(TimeSpan.FromHours(1));
        var reopened = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state = "open" });
        Assert.Equal("open", reopened.Json.GetProperty("state").GetString());
        Assert.Equal("reopened", reopened.Json.GetProperty("state_reason").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.Json.GetProperty("closed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.Json.GetProperty("closed_by").ValueKind);
        Assert.Equal("2026-03-01T12:30:00Z", reopened.Json.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Closing_without_a_reason_is_completed_and_a_reason_without_a_state_change_is_ignored()
    {
        await _s.GitHubIssue("a");
        var onlyReason = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state_reason = "not_planned" });
        Assert.Equal("open", onlyReason.Json.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, onlyReason.Json.GetProperty("state_reason").ValueKind);

        var closed = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state = "closed" });
        Assert.Equal("completed", closed.Json.GetProperty("state_reason").GetString());
        var again = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state = "closed", state_reason = "not_planned" });
        Assert.Equal("completed", again.Json.GetProperty("state_reason").GetString());
    }

    [Fact]
    public async Task Bad_state_and_state_reason_values_are_422_and_change_nothing()
    {
        await _s.GitHubIssue("a");
        var badState = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state = "done" });
        var badReason = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { state = "closed", state_reason = "wontfix" });
        Assert.Equal(422, badState.Status);
        Assert.Contains("\"open\", \"closed\"", badState.Json.GetProperty("message").GetString());
        Assert.Equal(422, badReason.Status);
        Assert.Contains("not_planned", badReason.Json.GetProperty("message").GetString());
        Assert.Equal("open", Assert.Single(_s.Server.GitHub.Issues).State);
    }

    [Fact]
    public async Task Updating_labels_replaces_the_set_and_an_empty_array_clears_it()
    {
        await _s.GitHubIssue("a", labels: ["postmortem", "p1"]);
        var relabelled = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { labels = new[] { "p2" }, title = "renamed" });
        Assert.Equal(new string?[] { "p2" }, relabelled.Json.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToArray());
        Assert.Equal("renamed", relabelled.Json.GetProperty("title").GetString());
        var cleared = await _s.GitHub(HttpMethod.Patch, "/repos/octo/ops/issues/1", new { labels = Array.Empty<string>() });
        Assert.Equal(0, cleared.Json.GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public async Task A_person_closing_in_the_web_ui_is_seen_by_the_next_get()
    {
        await _s.GitHubIssue("a");
        _s.Clock.Advance(TimeSpan.FromDays(3));
        _s.Server.GitHub.CloseAsPerson("octo/ops", "1", "not_planned");
        var got = (await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues/1")).Json;
        Assert.Equal("closed", got.GetProperty("state").GetString());
        Assert.Equal("not_planned", got.GetProperty("state_reason").GetString());
        Assert.Equal("web-user", got.GetProperty("closed_by").GetProperty("login").GetString());
        Assert.Equal("2026-03-04T09:30:00Z", got.GetProperty("closed_at").GetString());
        Assert.Throws<ArgumentException>(() => _s.Server.GitHub.CloseAsPerson("octo/ops", "1", "wontfix"));
    }

    // ---------------------------------------------------------------- lists and pagination

    [Fact]
    public async Task Listing_filters_by_state_and_by_all_of_the_labels_given()
    {
        await _s.GitHubIssue("both", labels: ["postmortem", "pm-1"]);
        await _s.GitHubIssue("one", labels: ["postmortem"]);
        await _s.GitHubIssue("closed both", labels: ["postmortem", "pm-1"]);
        _s.Server.GitHub.CloseAsPerson("octo/ops", "3");

        static string[] Titles(ApiResult r) => [.. r.Json.EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
        Assert.Equal(["one", "both"], Titles(await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?labels=postmortem")));
        Assert.Equal(["both"], Titles(await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?labels=postmortem,PM-1")));
        Assert.Equal(["closed both", "both"], Titles(await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?labels=pm-1&state=all")));
        Assert.Equal(["closed both"], Titles(await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?state=closed")));
        Assert.Equal(["both", "one"], Titles(await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?direction=asc")));
        Assert.Equal(422, (await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?state=done")).Status);
    }

    [Fact]
    public async Task Since_keeps_issues_updated_at_or_after_the_time()
    {
        await _s.GitHubIssue("old");
        _s.Clock.Advance(TimeSpan.FromDays(1));
        await _s.GitHubIssue("new");
        var r = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?since=2026-03-02T09:30:00Z");
        Assert.Equal("new", Assert.Single(r.Json.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pages_are_followed_by_the_link_header_to_the_end_and_carry_per_page_and_filters()
    {
        for (int i = 1; i <= 5; i++) await _s.GitHubIssue("Item " + i, labels: ["postmortem"]);
        var first = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?labels=postmortem&per_page=2&direction=asc");
        var links = first.Links();
        Assert.Equal(["next", "last"], links.Keys.ToArray());
        Assert.StartsWith($"{_s.Server.GitHubApiRoot}/repositories/", links["next"]);
        Assert.Contains("per_page=2", links["next"]);
        Assert.Contains("labels=postmortem", links["next"]);
        Assert.Contains("page=3", links["last"]);

        var titles = first.Json.EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        var next = links["next"];
        int pages = 1;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            foreach (var (name, value) in StandIn.GitHubHeaders()) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await _s.Http.SendAsync(request);
            var page = new ApiResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
            pages++;
            Assert.True(pages <= 5, "The link header never stopped offering a next page.");
            titles.AddRange(page.Json.EnumerateArray().Select(i => i.GetProperty("title").GetString()));
            Assert.Contains("prev", page.Links().Keys);
            Assert.Contains("first", page.Links().Keys);
            if (!page.Links().TryGetValue("next", out next!)) break;
        }
        Assert.Equal(3, pages);
        Assert.Equal(["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"], titles);
    }

    [Fact]
    public async Task One_page_has_no_link_header_and_per_page_is_capped_at_100()
    {
        for (int i = 0; i < 3; i++) await _s.GitHubIssue("x");
        var all = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues?per_page=500");
        Assert.Null(all.Header("Link"));
        Assert.Equal(3, all.Json.GetArrayLength());
    }

    // ---------------------------------------------------------------- search

    [Fact]
    public async Task Search_finds_an_issue_by_a_marker_word_in_its_body_and_by_labels_and_state()
    {
        await _s.GitHubIssue("Add alert", "Action item from postmortem pm7f3a9c2e.", ["postmortem"]);
        await _s.GitHubIssue("Other", "Unrelated pm7f3a9c2eX", ["postmortem"]);
        var found = await _s.GitHub(HttpMethod.Get, "/search/issues?q=" + Uri.EscapeDataString("repo:octo/ops is:issue in:body pm7f3a9c2e"));
        Assert.Equal(200, found.Status);
        Assert.Equal(1, found.Json.GetProperty("total_count").GetInt32());
        Assert.False(found.Json.GetProperty("incomplete_results").GetBoolean());
        Assert.Equal(1, found.Json.GetProperty("items")[0].GetProperty("number").GetInt32());
        Assert.Equal("search", found.Header("x-ratelimit-resource"));

        var prefix = await _s.GitHub(HttpMethod.Get, "/search/issues?q=" + Uri.EscapeDataString("repo:octo/ops pm7f3a"));
        Assert.Equal(0, prefix.Json.GetProperty("total_count").GetInt32());
        var byLabel = await _s.GitHub(HttpMethod.Get, "/search/issues?q=" + Uri.EscapeDataString("repo:octo/ops label:postmortem is:open"));
        Assert.Equal(2, byLabel.Json.GetProperty("total_count").GetInt32());
        _s.Server.GitHub.CloseAsPerson("octo/ops", "2");
        var closedOnly = await _s.GitHub(HttpMethod.Get, "/search/issues?q=" + Uri.EscapeDataString("repo:octo/ops label:postmortem is:closed"));
        Assert.Equal(2, closedOnly.Json.GetProperty("items")[0].GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Search_is_eventually_consistent_when_an_index_lag_is_set()
    {
        _s.Server.SearchIndexLag = TimeSpan.FromSeconds(30);
        await _s.GitHubIssue("Add alert", "pm7f3a9c2e");
        var q = "/search/issues?q=" + Uri.EscapeDataString("repo:octo/ops pm7f3a9c2e");
        Assert.Equal(0, (await _s.GitHub(HttpMethod.Get, q)).Json.GetProperty("total_count").GetInt32());
        Assert.Equal(200, (await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues/1")).Status);
        _s.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await _s.GitHub(HttpMethod.Get, q)).Json.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Search_without_q_or_in_a_repository_out_of_reach_is_422()
    {
        var noQ = await _s.GitHub(HttpMethod.Get, "/search/issues");
        var unknownRepo = await _s.GitHub(HttpMethod.Get, "/search/issues?q=repo:octo/nothing+x");
        Assert.Equal(422, noQ.Status);
        Assert.Equal("missing", noQ.Json.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(422, unknownRepo.Status);
    }

    // ---------------------------------------------------------------- rate limits

    [Fact]
    public async Task Every_response_counts_down_the_primary_limit_headers()
    {
        var first = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues");
        var second = await _s.GitHub(HttpMethod.Get, "/repos/octo/ops/issues");
        Assert.Equal("5000", first.Header("x-ratelimit-limit"));
        Assert.Equal("4999", first.Header("x-ratelimit-remaining"));
        Assert.Equal("4998", second.Header("x-ratelimit-remaining"));
        Assert.Equal("2", second.Header("x-ratelimit-used"));
        Assert.Equal("core", second.Header("x-ratelimit-resource"));
        Assert.Equal(_s.Clock.Now.AddHours(1).ToUnixTimeSeconds().ToString(), second.Header("x-ratelimit-reset"));
    }

    [Fact]
    public async Task An_enforced_hourly_limit_refuses_with_403_and_remaining_0_until_the_reset()
    {
        _s.Server.GitHub.RequestsPerHour = 2;
        await _s.GitHub(HttpMethod.Get, "/user");
        await _s.GitHub(HttpMethod.Get, "/user");
        var refused = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" });
        Assert.Equal(403, refused.Status);
        Assert.Equal("0", refused.Header("x-ratelimit-remaining"));
        Assert.Equal(_s.Clock.Now.AddHours(1).ToUnixTimeSeconds().ToString(), refused.Header("x-ratelimit-reset"));
        Assert.Contains("API rate limit exceeded", refused.Json.GetProperty("message").GetString());
        Assert.Empty(_s.Server.GitHub.Issues);

        _s.Server.GitHub.RateLimitStatus = 429;
        Assert.Equal(429, (await _s.GitHub(HttpMethod.Get, "/user")).Status);
        _s.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(200, (await _s.GitHub(HttpMethod.Get, "/user")).Status);
    }

    [Fact]
    public async Task An_injected_primary_limit_has_remaining_0_and_a_reset_and_writes_nothing()
    {
        _s.Server.RateLimitNext(Tracker.GitHub, retryAfterSeconds: 120);
        var r = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" });
        Assert.Equal(403, r.Status);
        Assert.Equal("0", r.Header("x-ratelimit-remaining"));
        Assert.Equal(_s.Clock.Now.AddSeconds(120).ToUnixTimeSeconds().ToString(), r.Header("x-ratelimit-reset"));
        Assert.Null(r.Header("retry-after"));
        Assert.Empty(_s.Server.GitHub.Issues);
        Assert.Equal(201, (await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" })).Status);
    }

    [Fact]
    public async Task An_injected_secondary_limit_carries_retry_after_and_remaining_above_0()
    {
        _s.Server.RateLimitNext(Tracker.GitHub, retryAfterSeconds: 45, style: "secondary", status: 429);
        var r = await _s.GitHub(HttpMethod.Post, "/repos/octo/ops/issues", new { title = "x" });
        Assert.Equal(429, r.Status);
        Assert.Equal("45", r.Header("retry-after"));
        Assert.NotEqual("0", r.Header("x-ratelimit-remaining"));
        Assert.Contains("secondary rate limit", r.Json.GetProperty("message").GetString());
    }
}
