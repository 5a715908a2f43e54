using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Postmortems.Trackers;
using Postmortems.TrackerStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>JiraTracker against the Jira Cloud stand-in, with what every tracker client does in <see cref="TrackerClientTests"/>.</summary>
    public sealed class JiraTrackerTests : TrackerClientTests
    {
        protected override Tracker Kind => Tracker.Jira;

        protected override string Secret => JiraToken;

        protected override string WontDoHint => "with the resolution Won't Do (Jira)";

        protected override string CreatePath => "/jira/rest/api/3/issue";

        protected override ITrackerClient NewClient(bool wrongSecret = false) => NewJira(wrongSecret ? JiraToken + "-wrong" : JiraToken);

        private JiraTracker NewJira(string token, string issueType = "Task") =>
            new JiraTracker(new Uri(Server.JiraUrl), JiraProject, JiraEmail, token, issueType, allowUnencryptedAuthentication: true, policy: FastPolicy());

        protected override string CloseAsWontDo(string issue)
        {
            Server.Jira.CloseAsPerson(JiraProject, issue, "Won't Do");
            return "Won't Do";
        }

        private string Browse => Server.JiraUrl + "/browse/";

        private JsonElement LastBody(string method, string path) =>
            JsonDocument.Parse(Requests.Last(r => r.Method == method && r.PathAndQuery.StartsWith(path, StringComparison.Ordinal)).Body).RootElement;

        [Fact]
        public void Owns_this_projects_browse_addresses_and_keys_but_no_other_projects_or_sites()
        {
            var client = Client();
            Assert.True(client.Owns(Browse + "OPS-7"));
            Assert.True(client.Owns(Browse + "OPS-7/"));
            Assert.True(client.Owns("OPS-7"));
            Assert.True(client.Owns(" ops-7 "));
            Assert.False(client.Owns(Browse + "PAY-7"));
            Assert.False(client.Owns("PAY-1423"));
            Assert.False(client.Owns("OPSX-7"));
            Assert.False(client.Owns("https://other.atlassian.net/browse/OPS-7"));
            Assert.False(client.Owns("https://github.com/octo/ops/issues/7"));
            Assert.False(client.Owns("#7"));
            Assert.Empty(Requests);
        }

        [Fact]
        public void Create_sends_basic_auth_the_fields_the_labels_and_no_priority_field()
        {
            var created = Client().Create(NewIssue(Incident()));

            var post = Assert.Single(Requests);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(JiraEmail + ":" + JiraToken)), post.Headers["Authorization"]);
            var fields = JsonDocument.Parse(post.Body).RootElement.GetProperty("fields");
            Assert.Equal("OPS", fields.GetProperty("project").GetProperty("key").GetString());
            Assert.Equal("Task", fields.GetProperty("issuetype").GetProperty("name").GetString());
            Assert.Equal("2026-12-11", fields.GetProperty("duedate").GetString());
            Assert.Equal(new[] { "postmortem", "P2" }, fields.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
            Assert.False(fields.TryGetProperty("priority", out _));
            Assert.Equal("OPS-1", created.Key);
            Assert.Equal(Browse + "OPS-1", created.Url);
        }

        [Fact]
        public void The_description_is_an_Atlassian_document_with_the_list_the_link_and_the_marker_as_plain_text()
        {
            var page = new Uri("https://wiki.example.com/books/ops/page/checkout-502s");
            var wanted = NewIssue(Incident(), 1, page);
            Client().Create(wanted);

            var doc = LastBody("POST", CreatePath).GetProperty("fields").GetProperty("description");
            Assert.Equal("doc", doc.GetProperty("type").GetString());
            Assert.Equal(1, doc.GetProperty("version").GetInt32());
            var blocks = doc.GetProperty("content").EnumerateArray().ToList();
            Assert.Equal(new[] { "paragraph", "bulletList", "paragraph", "paragraph" }, blocks.Select(b => b.GetProperty("type").GetString()));

            var link = blocks[0].GetProperty("content").EnumerateArray().Single(n => n.TryGetProperty("marks", out _));
            Assert.Equal("Postmortem 2026-11-20: Checkout API returned 502s after certificate rotation", link.GetProperty("text").GetString());
            var mark = link.GetProperty("marks").EnumerateArray().Single();
            Assert.Equal("link", mark.GetProperty("type").GetString());
            Assert.Equal(page.AbsoluteUri, mark.GetProperty("attrs").GetProperty("href").GetString());

            var items = blocks[1].GetProperty("content").EnumerateArray().ToList();
            Assert.Equal(3, items.Count);
            Assert.All(items, i => Assert.Equal("listItem", i.GetProperty("type").GetString()));
            var owner = items[0].GetProperty("content")[0].GetProperty("content").EnumerateArray().ToList();
            Assert.Equal("Owner:", owner[0].GetProperty("text").GetString());
            Assert.Equal("strong", owner[0].GetProperty("marks")[0].GetProperty("type").GetString());
            Assert.Equal(" observability", owner[1].GetProperty("text").GetString());

            var last = Assert.Single(blocks[3].GetProperty("content").EnumerateArray());
            Assert.Equal("Postmortem action item " + wanted.Marker, last.GetProperty("text").GetString());
            Assert.False(last.TryGetProperty("marks", out _));

            var stored = Assert.Single(Server.Jira.Issues);
            Assert.Contains("Owner: observability\nDue date: 2026-12-11\nPriority: P2", stored.Body);
        }

        [Fact]
        public void FindByMarker_searches_with_JQL_for_the_marker_as_a_phrase_and_asks_for_the_fields()
        {
            var wanted = NewIssue(Incident());
            Client().FindByMarker(wanted.Marker);

            var search = Assert.Single(Requests);
            Assert.Equal("/jira/rest/api/3/search/jql", search.PathAndQuery);
            var body = JsonDocument.Parse(search.Body).RootElement;
            Assert.Equal($"project = \"OPS\" AND labels = \"postmortem\" AND text ~ \"\\\"{wanted.Marker}\\\"\"", body.GetProperty("jql").GetString());
            var fields = body.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
            Assert.Contains("description", fields);
            Assert.Contains("status", fields);
            Assert.Contains("resolution", fields);
        }

        [Fact]
        public void FindByMarker_ignores_an_issue_that_matches_the_search_but_holds_the_marker_only_in_its_summary()
        {
            var wanted = NewIssue(Incident());
            Server.Jira.CreateIssueAsPerson(JiraProject, "Follow-up of " + wanted.Marker, "Discussed in the review.", new[] { "postmortem" });
            Assert.Null(Client().FindByMarker(wanted.Marker));
        }

        [Fact]
        public void A_just_created_issue_missing_from_the_lagging_search_is_still_found_by_the_client_that_created_it()
        {
            Server.SearchIndexLag = TimeSpan.FromSeconds(30);
            var wanted = NewIssue(Incident());
            var creator = Client();
            var created = creator.Create(wanted);

            // Another client, before the index has caught up, does not see it: what the class documents.
            Assert.Null(Client().FindByMarker(wanted.Marker));
            // The client that made it names it in reconcileIssues.
            Assert.Equal(created.Key, creator.FindByMarker(wanted.Marker)?.Key);
            Assert.Equal(JsonValueKind.Array, LastBody("POST", "/jira/rest/api/3/search/jql").GetProperty("reconcileIssues").ValueKind);

            Clock.Now += TimeSpan.FromSeconds(31);
            Assert.Equal(created.Key, Client().FindByMarker(wanted.Marker)?.Key);
        }

        [Fact]
        public void A_server_error_on_the_search_is_tried_again_as_a_read()
        {
            var wanted = NewIssue(Incident());
            Client().Create(wanted);
            Server.FailNext(503, tracker: Tracker.Jira, method: "POST", pathPrefix: "/jira/rest/api/3/search/jql");
            Server.ClearLog();

            Assert.NotNull(Client().FindByMarker(wanted.Marker));
            Assert.Equal(new[] { 503, 200 }, Requests.Select(r => r.Status));
            Assert.Single(Waits);
        }

        [Theory]
        [InlineData("Won't Do", TrackerIssueState.WontDo)]
        [InlineData("Cannot Reproduce", TrackerIssueState.WontDo)]
        [InlineData("Duplicate", TrackerIssueState.WontDo)]
        [InlineData("Done", TrackerIssueState.Done)]
        public void A_done_issue_is_Wont_do_or_Done_by_its_resolution(string resolution, TrackerIssueState expected)
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.Jira.Close(JiraProject, created.Key, resolution, "Closed");

            var issue = Client().Get(created.Key)!;
            Assert.Equal(expected, issue.State);
            Assert.Equal(expected == TrackerIssueState.WontDo ? resolution : null, issue.Reason);
            Assert.Equal(Clock.Now.UtcDateTime.Date, issue.ClosedOn);
        }

        [Fact]
        public void An_issue_in_progress_is_open_and_one_moved_back_to_To_Do_after_done_is_open_again()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.Jira.TransitionAsPerson(created.Key, "In Progress");
            Assert.Equal(TrackerIssueState.Open, Client().Get(created.Url)!.State);
            Server.Jira.TransitionAsPerson(created.Key, "Done", "Won't Do");
            Server.Jira.TransitionAsPerson(created.Key, "To Do");
            var issue = Client().Get(created.Url)!;
            Assert.Equal(TrackerIssueState.Open, issue.State);
            Assert.Null(issue.Reason);
        }

        [Fact]
        public void An_issue_type_Jira_does_not_know_is_a_Validation_error_with_Jiras_words_and_nothing_is_created()
        {
            using var client = Own(NewJira(JiraToken, "Epic-ish"));
            var ex = Assert.Throws<TrackerException>(() => client.Create(NewIssue(Incident())));
            Assert.Equal(TrackerErrorKind.Validation, ex.Kind);
            Assert.Contains("issuetype", ex.Message);
            Assert.False(ex.OutcomeUnknown);
            Assert.Empty(Server.Jira.Issues);
        }

        [Fact]
        public void The_site_may_be_given_with_a_browse_or_api_address_and_the_key_in_lower_case()
        {
            using var a = new JiraTracker(new Uri(Server.JiraUrl + "/browse/OPS-1"), "ops", JiraEmail, JiraToken, allowUnencryptedAuthentication: true);
            using var b = new JiraTracker(new Uri(Server.JiraUrl + "/rest/api/3/"), "OPS", JiraEmail, JiraToken, allowUnencryptedAuthentication: true);
            Assert.Equal(new Uri(Server.JiraUrl + "/"), a.Site);
            Assert.Equal(a.Site, b.Site);
            Assert.Equal("OPS", a.ProjectKey);
            Assert.Equal("Jira OPS", a.Name);
        }

        [Fact]
        public void A_key_that_is_no_project_key_or_a_missing_email_is_refused_with_what_to_give()
        {
            var site = new Uri("https://example.atlassian.net");
            Assert.Contains("OPS for OPS-12", Assert.Throws<ArgumentException>(() => new JiraTracker(site, "OPS-12", JiraEmail, JiraToken)).Message);
            Assert.Contains("e-mail", Assert.Throws<ArgumentException>(() => new JiraTracker(site, "OPS", "", JiraToken)).Message);
            Assert.Contains("API token", Assert.Throws<ArgumentException>(() => new JiraTracker(site, "OPS", JiraEmail, " ")).Message);
        }

        [Fact]
        public void Jiras_time_stamps_with_an_offset_without_a_colon_are_read()
        {
            using var doc = JsonDocument.Parse("{\"a\": \"2026-03-01T23:30:00.000+0000\", \"b\": \"2026-03-02T01:30:00.000+0200\", \"c\": null}");
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), JiraTracker.Time(doc.RootElement, "a"));
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), JiraTracker.Time(doc.RootElement, "b"));
            Assert.Null(JiraTracker.Time(doc.RootElement, "c"));
        }
    }
}
