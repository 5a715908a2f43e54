using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Postmortems.Trackers;
using Postmortems.TrackerStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>GitHubTracker against the GitHub stand-in (as a GitHub Enterprise Server), with what every tracker client does in <see cref="TrackerClientTests"/>.</summary>
    public sealed class GitHubTrackerTests : TrackerClientTests
    {
        protected override Tracker Kind => Tracker.GitHub;

        protected override string Secret => GitHubToken;

        protected override bool KeepsDueDate => false;

        protected override string WontDoHint => "close it as not planned (GitHub)";

        protected override string CreatePath => "/github/api/v3/repos/octo/ops/issues";

        protected override ITrackerClient NewClient(bool wrongSecret = false) =>
            new GitHubTracker(GitHubRepo, wrongSecret ? GitHubToken + "-wrong" : GitHubToken, new Uri(Server.GitHubApiRoot), allowUnencryptedAuthentication: true, policy: FastPolicy());

        protected override string CloseAsWontDo(string issue)
        {
            Server.GitHub.CloseAsPerson(GitHubRepo, issue, "not_planned");
            return "closed as not planned";
        }

        private string WebRoot => Server.BaseUri + "github/";

        [Fact]
        public void Owns_this_repositorys_issue_addresses_and_short_forms_but_no_other_repositorys()
        {
            var client = Client();
            Assert.True(client.Owns(WebRoot + "octo/ops/issues/7"));
            Assert.True(client.Owns("https://github.com/octo/ops/issues/7"));
            Assert.True(client.Owns("https://github.com/Octo/Ops/issues/7/"));
            Assert.True(client.Owns("octo/ops#7"));
            Assert.True(client.Owns("#7"));
            Assert.False(client.Owns("https://github.com/octo/other/issues/7"));
            Assert.False(client.Owns("https://github.com/octo/ops/pull/7"));
            Assert.False(client.Owns("octo/other#7"));
            Assert.False(client.Owns("OPS-7"));
            Assert.False(client.Owns("https://jira.example.com/browse/OPS-7"));
            Assert.Empty(Requests);
        }

        [Fact]
        public void Create_sends_the_token_as_a_bearer_with_the_api_version_and_a_user_agent()
        {
            Client().Create(NewIssue(Incident()));
            var post = Assert.Single(Requests);
            Assert.Equal("Bearer " + GitHubToken, post.Headers["Authorization"]);
            Assert.Equal("2022-11-28", post.Headers["X-GitHub-Api-Version"]);
            Assert.StartsWith("Postmortem-PowerShell/", post.Headers["User-Agent"]);
        }

        [Fact]
        public void A_closed_as_duplicate_issue_is_Wont_do_with_that_reason_for_a_person_to_follow()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.GitHub.CloseAsPerson(GitHubRepo, IssueId(created), "duplicate");
            var issue = Client().Get(created.Url)!;
            Assert.Equal((TrackerIssueState.WontDo, "closed as a duplicate"), (issue.State, issue.Reason));
        }

        [Fact]
        public void A_primary_rate_limit_without_Retry_After_is_waited_out_until_its_reset_time()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.RateLimitNext(Tracker.GitHub, retryAfterSeconds: 20);

            Assert.Equal(created.Key, Client().Get(created.Url)?.Key);
            var wait = Assert.Single(Waits);
            // The reset is an epoch second read against this machine's clock.
            Assert.InRange(wait.TotalSeconds, 17, 21);
        }

        [Fact]
        public void A_next_page_link_to_another_host_is_refused_and_the_token_not_sent_there()
        {
            var handler = new ScriptedHandler(request => Answer("[]", "<https://elsewhere.example.com/repos/octo/ops/issues?page=2>; rel=\"next\""));
            using var client = new GitHubTracker(GitHubRepo, GitHubToken, handler: handler, policy: FastPolicy());

            var ex = Assert.Throws<TrackerException>(() => client.FindByMarker("pm-0123456789ab"));
            Assert.Equal(TrackerErrorKind.Failed, ex.Kind);
            Assert.Contains("elsewhere.example.com", ex.Message);
            Assert.Equal(new[] { "api.github.com" }, handler.Hosts);
        }

        [Fact]
        public void An_http_address_is_refused_unless_unencrypted_authentication_is_allowed()
        {
            var ex = Assert.Throws<ArgumentException>(() => new GitHubTracker(GitHubRepo, GitHubToken, new Uri(Server.GitHubApiRoot)));
            Assert.Contains("unencrypted", ex.Message);
            Assert.DoesNotContain(GitHubToken, ex.Message);
        }

        [Fact]
        public void A_repository_not_written_owner_slash_repo_is_refused_with_how_to_write_it()
        {
            var ex = Assert.Throws<ArgumentException>(() => new GitHubTracker("ops", GitHubToken));
            Assert.Contains("owner/repo", ex.Message);
        }

        internal static HttpResponseMessage Answer(string json, string? link = null)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (link is not null) response.Headers.TryAddWithoutValidation("Link", link);
            return response;
        }

        /// <summary>Answers each request with what the script gives, and notes the host it went to.</summary>
        internal sealed class ScriptedHandler : HttpMessageHandler
        {
            private readonly Func<HttpRequestMessage, HttpResponseMessage> _script;

            public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> script) => _script = script;

            public List<string> Hosts { get; } = new List<string>();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Hosts.Add(request.RequestUri!.Host);
                return Task.FromResult(_script(request));
            }
        }
    }
}
