using System.Text.Json;
using Xunit;

namespace Postmortems.TrackerStandIn.Tests;

/// <summary>docs/trackers/jira.md over real HTTP: auth, create and get, transitions, JQL search and its pages, errors, rate limits.</summary>
public sealed class JiraTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    private Task<ApiResult> Search(object body) => _s.Jira(HttpMethod.Post, "/search/jql", body);

    private static string[] Keys(ApiResult r) => [.. r.Json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()!)];

    [Fact]
    public async Task No_credentials_is_a_401_error_object_and_wrong_ones_a_plain_text_401()
    {
        var missing = await _s.Send(HttpMethod.Get, "/jira/rest/api/3/myself");
        var wrong = await _s.Jira(HttpMethod.Get, "/myself", auth: StandIn.Basic(StandIn.JiraEmail, "nope"));
        var notBasic = await _s.Jira(HttpMethod.Get, "/myself", auth: "Bearer " + StandIn.JiraToken);
        Assert.Equal(401, missing.Status);
        Assert.Empty(missing.Json.GetProperty("errors").EnumerateObject());
        Assert.Contains("not authenticated", missing.Json.GetProperty("errorMessages")[0].GetString());
        Assert.Equal((401, "Client must be authenticated to access this resource."), (wrong.Status, wrong.Body));
        Assert.StartsWith("text/plain", wrong.ContentType);
        Assert.Equal("AUTHENTICATED_FAILED", wrong.Header("X-Seraph-LoginReason"));
        Assert.Equal(401, notBasic.Status);

        var me = await _s.Jira(HttpMethod.Get, "/myself");
        Assert.Equal(StandIn.JiraEmail, me.Json.GetProperty("emailAddress").GetString());
    }

    [Fact]
    public async Task Creating_answers_201_with_id_key_and_self_and_get_returns_the_fields()
    {
        var created = await _s.Jira(HttpMethod.Post, "/issue", new
        {
            fields = new
            {
                project = new { key = "OPS" },
                issuetype = new { name = "Task" },
                summary = "Add an alert on certificate expiry",
                description = StandIn.Doc("From postmortem pm7f3a9c2e"),
                duedate = "2026-04-30",
                labels = new[] { "postmortem", "pm7f3a9c2e" },
                priority = new { name = "High" },
            },
        });
        Assert.Equal(201, created.Status);
        Assert.Equal("OPS-1", created.Json.GetProperty("key").GetString());
        var id = created.Json.GetProperty("id").GetString();
        Assert.Equal($"{_s.Server.JiraUrl}/rest/api/3/issue/{id}", created.Json.GetProperty("self").GetString());

        var got = await _s.Jira(HttpMethod.Get, "/issue/OPS-1");
        var fields = got.Json.GetProperty("fields");
        Assert.Equal("Add an alert on certificate expiry", fields.GetProperty("summary").GetString());
        Assert.Equal("doc", fields.GetProperty("description").GetProperty("type").GetString());
        Assert.Equal("To Do", fields.GetProperty("status").GetProperty("name").GetString());
        Assert.Equal("new", fields.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("resolution").ValueKind);
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("resolutiondate").ValueKind);
        Assert.Equal("2026-04-30", fields.GetProperty("duedate").GetString());
        Assert.Equal("High", fields.GetProperty("priority").GetProperty("name").GetString());
        Assert.Equal("2026-03-01T09:30:00.000+0000", fields.GetProperty("created").GetString());
        Assert.Equal(200, (await _s.Jira(HttpMethod.Get, "/issue/" + id)).Status);
        Assert.Equal("OPS-2", await _s.JiraIssue("second"));
    }

    [Fact]
    public async Task The_fields_parameter_limits_what_get_returns()
    {
        await _s.JiraIssue("a", dueDate: "2026-05-01");
        var r = await _s.Jira(HttpMethod.Get, "/issue/OPS-1?fields=status,resolution,resolutiondate,duedate");
        var names = r.Json.GetProperty("fields").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["status", "resolution", "resolutiondate", "duedate"], names);
        Assert.Equal("OPS-1", r.Json.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Bad_creates_get_field_errors_together_and_write_nothing()
    {
        var r = await _s.Jira(HttpMethod.Post, "/issue", new
        {
            fields = new
            {
                project = new { key = "NOPE" },
                issuetype = new { name = "Epic Saga" },
                description = "plain text is not ADF",
                labels = new[] { "has space" },
                duedate = "30.04.2026",
                assignee = new { accountId = "x" },
            },
        });
        Assert.Equal(400, r.Status);
        var errors = r.Json.GetProperty("errors");
        Assert.Equal(0, r.Json.GetProperty("errorMessages").GetArrayLength());
        Assert.Equal("Specify a valid project ID or key", errors.GetProperty("project").GetString());
        Assert.Equal("The issue type selected is invalid.", errors.GetProperty("issuetype").GetString());
        Assert.Equal("You must specify a summary of the issue.", errors.GetProperty("summary").GetString());
        Assert.Contains("Atlassian Document", errors.GetProperty("description").GetString());
        Assert.Equal("The label 'has space' contains spaces which is invalid.", errors.GetProperty("labels").GetString());
        Assert.Contains("30.04.2026", errors.GetProperty("duedate").GetString());
        Assert.Equal("Field 'assignee' cannot be set. It is not on the appropriate screen, or unknown.", errors.GetProperty("assignee").GetString());
        Assert.Empty(_s.Server.Jira.Issues);
    }

    [Fact]
    public async Task Unknown_or_deleted_issues_and_projects_out_of_reach_are_404()
    {
        await _s.JiraIssue("a");
        _s.Server.Jira.AddProject("SEC");
        _s.Server.Jira.CreateIssueAsPerson("SEC", "secret");
        _s.Server.Jira.AddUser("narrow@example.com", "t", projects: ["OPS"]);
        var hidden = await _s.Jira(HttpMethod.Get, "/issue/SEC-1", auth: StandIn.Basic("narrow@example.com", "t"));
        _s.Server.Jira.DeleteAsPerson("OPS", "OPS-1");
        var deleted = await _s.Jira(HttpMethod.Get, "/issue/OPS-1");
        Assert.Equal(404, hidden.Status);
        Assert.Equal("Issue does not exist or you do not have permission to see it.", deleted.Json.GetProperty("errorMessages")[0].GetString());
        Assert.Equal(404, deleted.Status);
    }

    [Fact]
    public async Task Transitions_list_the_moves_from_the_current_status_with_resolution_on_done_ones()
    {
        await _s.JiraIssue("a");
        var r = await _s.Jira(HttpMethod.Get, "/issue/OPS-1/transitions?expand=transitions.fields");
        var transitions = r.Json.GetProperty("transitions").EnumerateArray().ToList();
        Assert.Equal(new string?[] { "21", "31", "41" }, transitions.Select(t => t.GetProperty("id").GetString()).ToArray());
        var done = transitions.Single(t => t.GetProperty("id").GetString() == "31");
        Assert.Equal("done", done.GetProperty("to").GetProperty("statusCategory").GetProperty("key").GetString());
        var allowed = done.GetProperty("fields").GetProperty("resolution").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetProperty("name").GetString());
        Assert.Contains("Won't Do", allowed);
    }

    [Fact]
    public async Task Transitioning_to_done_as_wont_do_resolves_the_issue_and_back_to_do_clears_it()
    {
        await _s.JiraIssue("a");
        _s.Clock.Advance(TimeSpan.FromHours(5));
        var moved = await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "31" }, fields = new { resolution = new { name = "Won't Do" } } });
        Assert.Equal(204, moved.Status);
        var fields = (await _s.Jira(HttpMethod.Get, "/issue/OPS-1")).Json.GetProperty("fields");
        Assert.Equal("Done", fields.GetProperty("status").GetProperty("name").GetString());
        Assert.Equal("done", fields.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString());
        Assert.Equal("Won't Do", fields.GetProperty("resolution").GetProperty("name").GetString());
        Assert.Equal("2026-03-01T14:30:00.000+0000", fields.GetProperty("resolutiondate").GetString());

        Assert.Equal(204, (await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "11" } })).Status);
        var reopened = (await _s.Jira(HttpMethod.Get, "/issue/OPS-1")).Json.GetProperty("fields");
        Assert.Equal("new", reopened.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolution").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolutiondate").ValueKind);

        Assert.Equal(204, (await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "41" } })).Status);
        var closed = (await _s.Jira(HttpMethod.Get, "/issue/OPS-1?fields=status,resolution")).Json.GetProperty("fields");
        Assert.Equal(("Closed", "done", "Done"), (closed.GetProperty("status").GetProperty("name").GetString(),
            closed.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString(), closed.GetProperty("resolution").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Bad_transitions_are_400_and_leave_the_issue_alone()
    {
        await _s.JiraIssue("a");
        var unknown = await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "99" } });
        var toSame = await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "11" } });
        var resolutionOnProgress = await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "21" }, fields = new { resolution = new { name = "Done" } } });
        var badResolution = await _s.Jira(HttpMethod.Post, "/issue/OPS-1/transitions", new { transition = new { id = "31" }, fields = new { resolution = new { name = "Meh" } } });
        Assert.Equal("Transition id '99' is not valid for this issue.", unknown.Json.GetProperty("errorMessages")[0].GetString());
        Assert.Equal(400, toSame.Status);
        Assert.Contains("cannot be set", resolutionOnProgress.Json.GetProperty("errors").GetProperty("resolution").GetString());
        Assert.Equal(400, badResolution.Status);
        Assert.Equal("To Do", Assert.Single(_s.Server.Jira.Issues).State);
    }

    [Fact]
    public async Task A_person_closing_in_the_web_ui_into_closed_as_duplicate_is_seen_by_the_api()
    {
        await _s.JiraIssue("a");
        _s.Server.Jira.Close("OPS", "OPS-1", "Duplicate", "Closed");
        var fields = (await _s.Jira(HttpMethod.Get, "/issue/OPS-1")).Json.GetProperty("fields");
        Assert.Equal("Closed", fields.GetProperty("status").GetProperty("name").GetString());
        Assert.Equal("Duplicate", fields.GetProperty("resolution").GetProperty("name").GetString());
        var state = Assert.Single(_s.Server.Jira.Issues);
        Assert.True(state.Closed);
        Assert.Equal("Duplicate", state.Reason);
        Assert.Equal($"{_s.Server.JiraUrl}/browse/OPS-1", state.WebUrl);
    }

    [Fact]
    public async Task Editing_sets_fields_and_updates_labels_and_refuses_status()
    {
        await _s.JiraIssue("a", labels: ["postmortem"]);
        var edited = await _s.Jira(HttpMethod.Put, "/issue/OPS-1", new
        {
            fields = new { summary = "renamed", duedate = "2026-06-01" },
            update = new { labels = new object[] { new { add = "p1" }, new { remove = "postmortem" } } },
        });
        Assert.Equal(204, edited.Status);
        var state = Assert.Single(_s.Server.Jira.Issues);
        Assert.Equal(("renamed", "2026-06-01"), (state.Title, state.DueDate));
        Assert.Equal(["p1"], state.Labels);
        var status = await _s.Jira(HttpMethod.Put, "/issue/OPS-1", new { fields = new { status = new { name = "Done" } } });
        Assert.Equal(400, status.Status);
        Assert.Contains("cannot be set", status.Json.GetProperty("errors").GetProperty("status").GetString());
    }

    // ---------------------------------------------------------------- search

    [Fact]
    public async Task Jql_finds_issues_by_label_and_by_a_marker_word_in_the_description()
    {
        await _s.JiraIssue("Add alert", "Action item pm7f3a9c2e.", ["postmortem"]);
        await _s.JiraIssue("Other", "pm7f3a9c2eX", ["postmortem"]);
        await _s.JiraIssue("Unlabelled", "pm7f3a9c2e");
        var both = await Search(new { jql = "project = OPS AND labels = postmortem AND text ~ \"pm7f3a9c2e\"", fields = new[] { "summary", "status" } });
        Assert.Equal(200, both.Status);
        Assert.Equal(["OPS-1"], Keys(both));
        Assert.True(both.Json.GetProperty("isLast").GetBoolean());
        Assert.False(both.Json.TryGetProperty("nextPageToken", out _));
        Assert.Equal("Add alert", both.Json.GetProperty("issues")[0].GetProperty("fields").GetProperty("summary").GetString());

        Assert.Equal(["OPS-3", "OPS-1"], Keys(await Search(new { jql = "project = OPS AND text ~ pm7f3a9c2e", fields = new[] { "key" } })));
        Assert.Equal(["OPS-3"], Keys(await Search(new { jql = "project = OPS AND labels is EMPTY", fields = new[] { "key" } })));
        Assert.Equal(["OPS-1", "OPS-2"], Keys(await Search(new { jql = "project = OPS AND labels in (postmortem) ORDER BY key ASC", fields = new[] { "key" } })));
    }

    [Fact]
    public async Task And_binds_tighter_than_or_and_not_negates_what_follows()
    {
        _s.Server.Jira.AddProject("ENG");
        await _s.JiraIssue("ops a", labels: ["a"]);
        _s.Server.Jira.CreateIssueAsPerson("ENG", "eng b", labels: ["b"]);
        _s.Server.Jira.CreateIssueAsPerson("ENG", "eng a", labels: ["a"]);
        var fields = new[] { "key" };
        Assert.Equal(["ENG-1", "OPS-1"], Keys(await Search(new { jql = "project = OPS AND labels = a OR labels = b ORDER BY key", fields })));
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = "project = OPS AND (labels = a OR labels = b) ORDER BY key", fields })));
        Assert.Equal(["ENG-1"], Keys(await Search(new { jql = "project = ENG AND NOT labels = a", fields })));
        Assert.Equal(["ENG-2", "ENG-1"], Keys(await Search(new { jql = "project in (ENG) AND labels not in (zzz) ORDER BY key DESC", fields })));
    }

    [Fact]
    public async Task Without_fields_search_returns_only_issue_ids()
    {
        var key = await _s.JiraIssue("a");
        var r = await Search(new { jql = "project = OPS" });
        var issue = Assert.Single(r.Json.GetProperty("issues").EnumerateArray());
        Assert.Equal(["id"], issue.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("OPS-1", key);
    }

    [Fact]
    public async Task Status_category_and_resolution_clauses_tell_open_from_done_and_wont_do()
    {
        await _s.JiraIssue("open");
        await _s.JiraIssue("done");
        await _s.JiraIssue("dropped");
        _s.Server.Jira.CloseAsPerson("OPS", "OPS-2");
        _s.Server.Jira.CloseAsPerson("OPS", "OPS-3", "Won't Do");
        var fields = new[] { "key" };
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = "project = OPS AND statusCategory != Done", fields })));
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = "project = OPS AND resolution = Unresolved", fields })));
        Assert.Equal(["OPS-2", "OPS-3"], Keys(await Search(new { jql = "project = OPS AND statusCategory = done ORDER BY key", fields })));
        Assert.Equal(["OPS-3"], Keys(await Search(new { jql = "project = OPS AND resolution = \"Won't Do\"", fields })));
        Assert.Equal(["OPS-2", "OPS-1"], Keys(await Search(new { jql = "project = OPS AND (resolution != \"Won't Do\" OR resolution is EMPTY) ORDER BY key DESC", fields })));
    }

    [Fact]
    public async Task Search_pages_with_next_page_token_until_is_last()
    {
        for (int i = 1; i <= 5; i++) await _s.JiraIssue("Item " + i, labels: ["postmortem"]);
        const string Jql = "project = OPS AND labels = postmortem ORDER BY key ASC";
        var keys = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = await Search(new { jql = Jql, maxResults = 2, fields = new[] { "summary" }, nextPageToken = token });
            Assert.Equal(200, page.Status);
            pages++;
            Assert.True(pages <= 5, "isLast never came back true.");
            keys.AddRange(Keys(page));
            token = page.Json.GetProperty("isLast").GetBoolean() ? null : page.Json.GetProperty("nextPageToken").GetString();
            Assert.False(page.Json.TryGetProperty("total", out _));
        }
        while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(["OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-5"], keys);

        var get = await _s.Jira(HttpMethod.Get, "/search/jql?jql=" + Uri.EscapeDataString(Jql) + "&maxResults=4&fields=summary,status");
        Assert.Equal(4, get.Json.GetProperty("issues").GetArrayLength());
        var tampered = await Search(new { jql = "project = OPS", nextPageToken = get.Json.GetProperty("nextPageToken").GetString() });
        Assert.Equal(400, tampered.Status);
    }

    [Fact]
    public async Task Bad_jql_is_a_400_with_the_reason_in_error_messages()
    {
        await _s.JiraIssue("a");
        async Task<string> Error(string jql)
        {
            var r = await Search(new { jql, fields = new[] { "key" } });
            Assert.Equal(400, r.Status);
            return r.Json.GetProperty("errorMessages")[0].GetString()!;
        }
        Assert.Contains("Unbounded", await Error("ORDER BY key"));
        Assert.Contains("Unbounded", await Error(""));
        Assert.Equal("The value 'NOPE' does not exist for the field 'project'.", await Error("project = NOPE"));
        Assert.Equal("Field 'colour' does not exist or you do not have permission to view it.", await Error("colour = red"));
        Assert.Contains("Expecting operator", await Error("project OPS"));
        Assert.Contains("not supported by the 'labels' field", await Error("labels ~ x"));
        Assert.Contains("does not support the function", await Error("assignee = currentUser()".Replace("assignee", "project")));
        Assert.Contains("Date value 'yesterday'", await Error("project = OPS AND updated > yesterday"));
    }

    [Fact]
    public async Task Dates_in_jql_compare_absolute_and_relative_times()
    {
        await _s.JiraIssue("old", dueDate: "2026-03-05");
        _s.Clock.Advance(TimeSpan.FromDays(10));
        await _s.JiraIssue("new");
        var fields = new[] { "key" };
        Assert.Equal(["OPS-2"], Keys(await Search(new { jql = "project = OPS AND created >= -2d", fields })));
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = "project = OPS AND updated < \"2026-03-02\"", fields })));
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = "project = OPS AND duedate <= 2026/03/06", fields })));
    }

    [Fact]
    public async Task Search_lags_behind_writes_until_the_index_catches_up_or_reconcile_issues_names_them()
    {
        _s.Server.SearchIndexLag = TimeSpan.FromSeconds(10);
        var created = await _s.Jira(HttpMethod.Post, "/issue", new
        {
            fields = new { project = new { key = "OPS" }, issuetype = new { name = "Task" }, summary = "Add alert", labels = new[] { "pm7f3a9c2e" } },
        });
        long id = long.Parse(created.Json.GetProperty("id").GetString()!);
        const string Jql = "project = OPS AND labels = pm7f3a9c2e";
        Assert.Empty(Keys(await Search(new { jql = Jql, fields = new[] { "key" } })));
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = Jql, fields = new[] { "key" }, reconcileIssues = new[] { id } })));

        _s.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = Jql, fields = new[] { "key" } })));
        _s.Server.Jira.CloseAsPerson("OPS", "OPS-1");
        Assert.Equal(["OPS-1"], Keys(await Search(new { jql = Jql + " AND statusCategory != Done", fields = new[] { "key" } })));
        _s.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Empty(Keys(await Search(new { jql = Jql + " AND statusCategory != Done", fields = new[] { "key" } })));
    }

    [Fact]
    public async Task The_removed_search_endpoint_is_410_unless_the_legacy_setting_serves_it()
    {
        await _s.JiraIssue("a");
        var gone = await _s.Jira(HttpMethod.Post, "/search", new { jql = "project = OPS" });
        Assert.Equal(410, gone.Status);
        Assert.StartsWith("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.", gone.Json.GetProperty("errorMessages")[0].GetString());

        _s.Server.Jira.LegacySearch = true;
        var legacy = await _s.Jira(HttpMethod.Get, "/search?jql=project%20%3D%20OPS&startAt=0&maxResults=10");
        Assert.Equal((200, 1, 0), (legacy.Status, legacy.Json.GetProperty("total").GetInt32(), legacy.Json.GetProperty("startAt").GetInt32()));
        Assert.Equal("a", legacy.Json.GetProperty("issues")[0].GetProperty("fields").GetProperty("summary").GetString());
    }

    // ---------------------------------------------------------------- rate limits and server errors

    [Fact]
    public async Task An_injected_429_carries_retry_after_an_iso_reset_and_the_reason()
    {
        _s.Server.RateLimitNext(Tracker.Jira, retryAfterSeconds: 30, style: "jira-cost-based");
        var r = await _s.Jira(HttpMethod.Post, "/issue", new { fields = new { summary = "x" } });
        Assert.Equal(429, r.Status);
        Assert.Equal("30", r.Header("Retry-After"));
        Assert.Equal("2026-03-01T09:30Z", r.Header("X-RateLimit-Reset"));
        Assert.Equal("0", r.Header("X-RateLimit-Remaining"));
        Assert.Equal("jira-cost-based", r.Header("RateLimit-Reason"));
        Assert.Empty(_s.Server.Jira.Issues);
    }

    [Fact]
    public async Task An_enforced_limit_refuses_with_429_and_warns_near_the_limit()
    {
        _s.Server.Jira.RequestsPerMinute = 5;
        for (int i = 0; i < 3; i++) Assert.Null((await _s.Jira(HttpMethod.Get, "/myself")).Header("X-RateLimit-NearLimit"));
        Assert.Null((await _s.Jira(HttpMethod.Get, "/myself")).Header("X-RateLimit-NearLimit"));
        Assert.Equal("true", (await _s.Jira(HttpMethod.Get, "/myself")).Header("X-RateLimit-NearLimit"));
        _s.Clock.Advance(TimeSpan.FromSeconds(20));
        var refused = await _s.Jira(HttpMethod.Get, "/myself");
        Assert.Equal(429, refused.Status);
        Assert.Equal("40", refused.Header("Retry-After"));
        Assert.Equal("jira-quota-based", refused.Header("RateLimit-Reason"));
        _s.Clock.Advance(TimeSpan.FromSeconds(41));
        Assert.Equal(200, (await _s.Jira(HttpMethod.Get, "/myself")).Status);
    }

    [Fact]
    public async Task A_503_with_retry_after_can_be_injected_in_jiras_error_shape()
    {
        _s.Server.FailNext(503, tracker: Tracker.Jira, retryAfterSeconds: 7);
        var r = await _s.Jira(HttpMethod.Get, "/myself");
        Assert.Equal(503, r.Status);
        Assert.Equal("7", r.Header("Retry-After"));
        Assert.True(r.Json.TryGetProperty("errorMessages", out _));
    }
}
