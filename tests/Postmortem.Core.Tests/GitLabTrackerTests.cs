using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Trackers;
using Postmortems.TrackerStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>GitLabTracker against the GitLab stand-in, with what every tracker client does in <see cref="TrackerClientTests"/>.</summary>
    public sealed class GitLabTrackerTests : TrackerClientTests
    {
        protected override Tracker Kind => Tracker.GitLab;

        protected override string Secret => GitLabToken;

        protected override string WontDoHint => "with the label wontdo (GitLab)";

        protected override string CreatePath => "/gitlab/api/v4/projects/grp%2Fsub%2Fops/issues";

        protected override ITrackerClient NewClient(bool wrongSecret = false) => NewClient(GitLabProject, wrongSecret);

        private GitLabTracker NewClient(string project, bool wrongSecret = false) =>
            new GitLabTracker(project, wrongSecret ? GitLabToken + "-wrong" : GitLabToken, new Uri(Server.GitLabUrl), allowUnencryptedAuthentication: true, policy: FastPolicy());

        private GitLabTracker ClientOf(string project) => Own(NewClient(project));

        protected override string CloseAsWontDo(string issue)
        {
            var stored = Server.GitLab.Find(GitLabProject, issue)!;
            Server.GitLab.EditAsPerson(GitLabProject, issue, labels: stored.Labels.Append("won't do").ToList());
            Server.GitLab.CloseAsPerson(GitLabProject, issue);
            return "closed with the label won't do";
        }

        private string Web => Server.GitLabUrl + "/";

        [Fact]
        public void Owns_this_projects_issue_addresses_and_short_forms_but_no_other_projects_or_instances()
        {
            var client = Client();
            Assert.True(client.Owns(Web + "grp/sub/ops/-/issues/7"));
            Assert.True(client.Owns(Web + "GRP/Sub/ops/-/issues/7/"));
            Assert.True(client.Owns(Web + "grp/sub/ops/issues/7"));
            Assert.True(client.Owns(Web + "grp/sub/ops/-/work_items/7"));
            Assert.True(client.Owns("grp/sub/ops#7"));
            Assert.True(client.Owns("#7"));
            Assert.False(client.Owns(Web + "grp/other/-/issues/7"));
            Assert.False(client.Owns(Web + "grp/sub/ops/-/merge_requests/7"));
            Assert.False(client.Owns(Web + "sub/ops/-/issues/7"));
            Assert.False(client.Owns("https://gitlab.com/grp/sub/ops/-/issues/7"));
            Assert.False(client.Owns("grp/other#7"));
            Assert.False(client.Owns("OPS-7"));
            Assert.Empty(Requests);
        }

        [Fact]
        public void Create_sends_the_token_as_PRIVATE_TOKEN_to_the_url_encoded_project_path_with_labels_as_one_value()
        {
            var created = Client().Create(NewIssue(Incident()));
            var post = Assert.Single(Requests);
            Assert.Equal("/gitlab/api/v4/projects/grp%2Fsub%2Fops/issues", post.PathAndQuery);
            Assert.Equal(GitLabToken, post.Headers["PRIVATE-TOKEN"]);
            Assert.Contains("\"labels\":\"postmortem,P2\"", post.Body);
            Assert.Contains("\"due_date\":\"2026-12-11\"", post.Body);
            Assert.Equal("grp/sub/ops#1", created.Key);
            Assert.Equal(Web + "grp/sub/ops/-/issues/1", created.Url);
        }

        [Fact]
        public void A_project_given_by_its_id_learns_its_path_and_owns_its_issue_addresses()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.ClearLog();
            var byId = ClientOf("42");

            Assert.Equal("GitLab 42", byId.Name);
            Assert.True(byId.Owns(created.Url));
            Assert.True(byId.Owns("grp/sub/ops#1"));
            Assert.False(byId.Owns(Web + "grp/other/-/issues/1"));
            // The path is learnt once.
            Assert.Single(Requests);
            Assert.Equal(created.Key, byId.Get(created.Url)?.Key);
            Assert.StartsWith("/gitlab/api/v4/projects/42/issues", Requests.Last().PathAndQuery);

            var found = ClientOf("42").FindByMarker(NewIssue(Incident()).Marker);
            Assert.Equal("grp/sub/ops#1", found?.Key);
        }

        [Fact]
        public void A_closed_issue_with_the_label_wontdo_in_any_case_is_Wont_do_and_without_it_Done()
        {
            var client = Client();
            var a = client.Create(NewIssue(Incident(), 1));
            var b = client.Create(NewIssue(Incident(), 0));
            Server.GitLab.EditAsPerson(GitLabProject, IssueId(a), labels: new[] { "postmortem", "WontDo" });
            Server.GitLab.CloseAsPerson(GitLabProject, IssueId(a));
            Server.GitLab.EditAsPerson(GitLabProject, IssueId(b), labels: new[] { "postmortem", "won\u2019t do" });

            var wontDo = client.Get(a.Url)!;
            Assert.Equal(TrackerIssueState.WontDo, wontDo.State);
            Assert.Equal("closed with the label WontDo", wontDo.Reason);
            // The label on an open issue says nothing yet: open is open.
            Assert.Equal(TrackerIssueState.Open, client.Get(b.Url)!.State);
            Server.GitLab.CloseAsPerson(GitLabProject, IssueId(b));
            Assert.Equal(TrackerIssueState.WontDo, client.Get(b.Url)!.State);
            // Reopened and closed again without the label: done.
            Server.GitLab.ReopenAsPerson(GitLabProject, IssueId(a));
            Server.GitLab.EditAsPerson(GitLabProject, IssueId(a), labels: new[] { "postmortem" });
            Server.GitLab.CloseAsPerson(GitLabProject, IssueId(a));
            Assert.Equal(TrackerIssueState.Done, client.Get(a.Url)!.State);
        }

        [Fact]
        public void FindByMarker_lists_only_this_projects_issues_labelled_postmortem()
        {
            var wanted = NewIssue(Incident());
            // The same body in an issue without the label, and in another project: neither is the item's issue.
            Server.GitLab.CreateIssueAsPerson(GitLabProject, "Copied", wanted.Body, new[] { "ops" });
            Server.GitLab.CreateIssueAsPerson("grp/other", "Copied", wanted.Body, new[] { "postmortem" });
            Server.ClearLog();

            Assert.Null(Client().FindByMarker(wanted.Marker));
            var list = Assert.Single(Requests);
            Assert.Equal("/gitlab/api/v4/projects/grp%2Fsub%2Fops/issues?labels=postmortem&state=all&per_page=100", list.PathAndQuery);
        }

        [Fact]
        public void FindByMarker_pages_by_x_next_page_when_there_is_no_Link_header()
        {
            var marker = NewIssue(Incident()).Marker;
            var asked = new List<string>();
            var handler = new GitHubTrackerTests.ScriptedHandler(request =>
            {
                asked.Add(request.RequestUri!.PathAndQuery);
                bool first = asked.Count == 1;
                var issue = first
                    ? "{\"iid\": 3, \"title\": \"Other\", \"description\": \"no marker\", \"state\": \"opened\", \"labels\": [\"postmortem\"]}"
                    : "{\"iid\": 1, \"title\": \"Ours\", \"description\": \"Postmortem action item " + marker + "\", \"state\": \"closed\", \"closed_at\": \"2026-12-01T10:00:00.000Z\", \"labels\": [\"postmortem\"], \"web_url\": \"https://gitlab.example.com/grp/ops/-/issues/1\", \"references\": {\"full\": \"grp/ops#1\"}}";
                var response = GitHubTrackerTests.Answer("[" + issue + "]");
                response.Headers.TryAddWithoutValidation("x-next-page", first ? "2" : "");
                return response;
            });
            using var client = new GitLabTracker("grp/ops", GitLabToken, new Uri("https://gitlab.example.com"), handler: handler);

            var found = client.FindByMarker(marker);
            Assert.Equal(("grp/ops#1", TrackerIssueState.Done, (DateTime?)new DateTime(2026, 12, 1)), (found?.Key, found?.State ?? TrackerIssueState.Open, found?.ClosedOn));
            Assert.Equal(new[]
            {
                "/api/v4/projects/grp%2Fops/issues?labels=postmortem&state=all&per_page=100",
                "/api/v4/projects/grp%2Fops/issues?labels=postmortem&state=all&per_page=100&page=2",
            }, asked);
        }

        [Fact]
        public void The_instance_may_be_given_with_its_api_path_and_a_numeric_or_path_project_with_slashes_around()
        {
            using var client = new GitLabTracker("/grp/sub/ops/", GitLabToken, new Uri(Server.GitLabUrl + "/api/v4"), allowUnencryptedAuthentication: true);
            Assert.Equal(new Uri(Server.GitLabUrl + "/"), client.Instance);
            Assert.Equal("grp/sub/ops", client.Project);
            Assert.NotNull(client.Create(NewIssue(Incident())));
        }

        [Fact]
        public void A_project_that_is_neither_a_path_nor_an_id_is_refused_with_how_to_write_it()
        {
            var ex = Assert.Throws<ArgumentException>(() => new GitLabTracker("ops", GitLabToken));
            Assert.Contains("group/project", ex.Message);
            Assert.Throws<ArgumentException>(() => new GitLabTracker("grp/ops", " "));
        }

        [Fact]
        public void A_project_the_token_cannot_see_is_NotFound_when_listing_and_null_when_reading_an_issue()
        {
            var client = ClientOf("grp/missing");
            var ex = Assert.Throws<TrackerException>(() => client.FindByMarker("pm-0123456789ab"));
            Assert.Equal(TrackerErrorKind.NotFound, ex.Kind);
            Assert.Contains("404 Project Not Found", ex.Message);
            Assert.Null(client.Get("#1"));
        }

        [Fact]
        public void A_read_only_token_is_Forbidden_on_create_with_GitLabs_words()
        {
            Server.GitLab.AddToken("glpat-read", canWrite: false);
            using var client = new GitLabTracker(GitLabProject, "glpat-read", new Uri(Server.GitLabUrl), allowUnencryptedAuthentication: true);
            var ex = Assert.Throws<TrackerException>(() => client.Create(NewIssue(Incident())));
            Assert.Equal(TrackerErrorKind.Forbidden, ex.Kind);
            Assert.Contains("insufficient_scope", ex.Message);
            Assert.False(ex.OutcomeUnknown);
        }

        [Fact]
        public void An_application_rate_limit_without_headers_is_waited_out_with_a_minute()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.RateLimitNext(Tracker.GitLab, style: "application");
            Assert.Equal(created.Key, Client().Get(created.Url)?.Key);
            Assert.Equal(new[] { TimeSpan.FromSeconds(60) }, Waits);
        }
    }
}
