using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Trackers;
using Postmortems.TrackerStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>A clock the tests move by hand, for the stand-in's time stamps.</summary>
    public sealed class ManualClock : TimeProvider
    {
        public ManualClock(DateTimeOffset start) => Now = start;

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>
    /// What every tracker client does, tested over real HTTP against the tracker stand-in on 127.0.0.1: create with the
    /// fields the sync gives, find an issue again by its marker (also from another client, also past the first page),
    /// read back open, done and won't-do issues, and fail clearly (401, 404) or wait and retry (429, 5xx) as the
    /// contracts in docs/trackers say. Each tracker's class adds what is its own (addresses, close reasons, labels).
    /// Ends with the sync itself: ActionItemSync.Run with this tracker, run after run.
    /// </summary>
    public abstract class TrackerClientTests : IDisposable
    {
        protected const string GitHubToken = "ghp_secret_0123456789abcdef";
        protected const string GitLabToken = "glpat-secret-0123456789";
        protected const string JiraEmail = "ops@example.com";
        protected const string JiraToken = "ATATT3x-secret-0123456789";
        protected const string GitHubRepo = "octo/ops";
        protected const string GitLabProject = "grp/sub/ops";
        protected const string JiraProject = "OPS";

        private readonly List<IDisposable> _disposables = new List<IDisposable>();

        protected TrackerClientTests()
        {
            // Now, to the second: GitHub's rate-limit reset time is read against the real clock.
            var now = DateTimeOffset.UtcNow;
            Clock = new ManualClock(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero));
            Server = new TrackerServer(Clock);
            Server.Start();
            Server.GitHub.AddRepository(GitHubRepo);
            Server.GitHub.AddRepository("octo/other");
            Server.GitHub.AddToken(GitHubToken);
            Server.GitLab.AddProject(GitLabProject, 42);
            Server.GitLab.AddProject("grp/other", 43);
            Server.GitLab.AddToken(GitLabToken);
            Server.Jira.AddProject(JiraProject, "Operations");
            Server.Jira.AddProject("PAY", "Payments");
            Server.Jira.AddUser(JiraEmail, JiraToken);
        }

        public void Dispose()
        {
            foreach (var d in _disposables) d.Dispose();
            Server.Dispose();
        }

        protected abstract Tracker Kind { get; }

        protected TrackerServer Server { get; }

        protected ManualClock Clock { get; }

        /// <summary>Every wait the clients asked for (rate limits, back-off), instead of waiting.</summary>
        protected List<TimeSpan> Waits { get; } = new List<TimeSpan>();

        protected TrackerApi Api => Kind switch
        {
            Tracker.GitHub => Server.GitHub,
            Tracker.GitLab => Server.GitLab,
            _ => Server.Jira,
        };

        protected string Project => Kind switch
        {
            Tracker.GitHub => GitHubRepo,
            Tracker.GitLab => GitLabProject,
            _ => JiraProject,
        };

        /// <summary>The secret the client sends, which no message may show.</summary>
        protected abstract string Secret { get; }

        /// <summary>A client of the project under test, as the cmdlet would make it, with a wrong secret when <paramref name="wrongSecret"/>.</summary>
        protected abstract ITrackerClient NewClient(bool wrongSecret = false);

        /// <summary>Whether the tracker keeps a due date (GitHub has none).</summary>
        protected virtual bool KeepsDueDate => true;

        /// <summary>How the new issue's body tells a person of this tracker to mark the item Won't do.</summary>
        protected abstract string WontDoHint { get; }

        /// <summary>A person closes the issue as not to be done, the tracker's way; the reason the client should report.</summary>
        protected abstract string CloseAsWontDo(string issue);

        protected ITrackerClient Client(bool wrongSecret = false) => Own(NewClient(wrongSecret));

        /// <summary>A client whose waits are noted, not waited, and which is disposed with the test.</summary>
        protected T Own<T>(T client) where T : ITrackerClient
        {
            var http = client switch
            {
                GitHubTracker g => g.Http,
                GitLabTracker g => g.Http,
                JiraTracker j => j.Http,
                _ => throw new InvalidOperationException("Unknown tracker client."),
            };
            http.Sleep = (delay, _) => Waits.Add(delay);
            _disposables.Add((IDisposable)client);
            return client;
        }

        protected static TrackerRetryPolicy FastPolicy() => new TrackerRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(100) };

        /// <summary>The stand-in's name for an issue: GitHub's number, GitLab's iid, Jira's key.</summary>
        protected string IssueId(TrackerIssue issue) => Kind == Tracker.Jira ? issue.Key : issue.Key.Substring(issue.Key.LastIndexOf('#') + 1);

        protected IssueState Stored(TrackerIssue issue) =>
            Api.Find(Project, IssueId(issue)) ?? throw new InvalidOperationException($"The stand-in has no issue {issue.Key}.");

        protected IReadOnlyList<LoggedRequest> Requests => Server.Requests;

        protected static Postmortem Incident() => SamplePostmortems.CheckoutOutage();

        protected static NewTrackerIssue NewIssue(Postmortem p, int index = 1, Uri? page = null) => ActionItemSync.NewIssue(p, p.ActionItems[index], page);

        // ---------------------------------------------------------------- create

        [Fact]
        public void Create_sends_the_title_the_body_with_its_marker_the_labels_and_the_due_date()
        {
            var p = Incident();
            var wanted = NewIssue(p, 1, new Uri("https://wiki.example.com/books/ops/page/checkout-502s"));
            var created = Client().Create(wanted);

            var stored = Stored(created);
            Assert.Equal("Add Prometheus alert for certificate chain errors with a 5-minute threshold", stored.Title);
            Assert.Equal(wanted.Title, created.Title);
            Assert.Equal(TrackerIssueState.Open, created.State);
            Assert.Null(created.ClosedOn);
            Assert.Equal(stored.WebUrl, created.Url);
            Assert.Contains("Postmortem action item " + wanted.Marker, stored.Body);
            Assert.Contains("observability", stored.Body);
            Assert.Contains(WontDoHint, stored.Body);
            Assert.Equal(new[] { "P2", "postmortem" }, stored.Labels.OrderBy(l => l, StringComparer.Ordinal));
            Assert.Equal(KeepsDueDate ? "2026-12-11" : null, stored.DueDate);
            Assert.False(stored.Closed);
            Assert.Single(Api.Issues);
        }

        [Fact]
        public void Create_without_a_priority_or_due_date_labels_the_issue_postmortem_only()
        {
            var p = Incident();
            p.ActionItems.Add(new ActionItem("Page the on-call when the chain check fails"));
            var created = Client().Create(NewIssue(p, 3));

            var stored = Stored(created);
            Assert.Equal(new[] { "postmortem" }, stored.Labels);
            Assert.Null(stored.DueDate);
            // Jira's stand-in shows the description's text: the bold label without its asterisks.
            Assert.Contains(Kind == Tracker.Jira ? "Owner: not set" : "- **Owner:** not set", stored.Body);
        }

        // ---------------------------------------------------------------- find by marker

        [Fact]
        public void FindByMarker_finds_the_issue_made_before_and_so_does_a_second_client()
        {
            var p = Incident();
            var wanted = NewIssue(p);
            var client = Client();
            Assert.Null(client.FindByMarker(wanted.Marker));
            var created = client.Create(wanted);

            var found = client.FindByMarker(wanted.Marker);
            Assert.NotNull(found);
            Assert.Equal(created.Key, found!.Key);
            Assert.Equal(created.Url, found.Url);
            Assert.Equal(TrackerIssueState.Open, found.State);

            var again = Client().FindByMarker(wanted.Marker);
            Assert.Equal(created.Key, again?.Key);
            // Another item's marker finds nothing.
            Assert.Null(Client().FindByMarker(ActionItemSync.Marker(p, p.ActionItems[2])));
            Assert.Single(Api.Issues);
        }

        [Fact]
        public void FindByMarker_finds_a_closed_issue_with_its_state()
        {
            var wanted = NewIssue(Incident());
            var created = Client().Create(wanted);
            Api.CloseAsPerson(Project, IssueId(created));

            var found = Client().FindByMarker(wanted.Marker);
            Assert.Equal(TrackerIssueState.Done, found?.State);
        }

        [Fact]
        public void FindByMarker_reads_past_the_first_page_and_ignores_issues_that_only_mention_the_marker_in_their_title()
        {
            var wanted = NewIssue(Incident());
            var created = Client().Create(wanted);
            // 120 newer issues with the label: the one made for the item is the oldest, on the second page.
            for (int i = 0; i < 120; i++)
            {
                Clock.Now += TimeSpan.FromSeconds(1);
                Api.CreateIssueAsPerson(Project, $"Follow-up {i} of {wanted.Marker}", "Discussed in the review.", new[] { "postmortem" });
            }
            Server.ClearLog();

            var found = Client().FindByMarker(wanted.Marker);
            Assert.Equal(created.Key, found?.Key);
            Assert.Equal(2, Requests.Count);
            Assert.All(Requests, r => Assert.Equal(Kind == Tracker.Jira ? "POST" : "GET", r.Method));
        }

        // ---------------------------------------------------------------- read back

        [Fact]
        public void Get_reads_an_open_issue_by_its_address_and_by_its_key()
        {
            var created = Client().Create(NewIssue(Incident()));
            var client = Client();

            var byUrl = client.Get(created.Url);
            Assert.Equal((created.Key, created.Url, TrackerIssueState.Open), (byUrl?.Key, byUrl?.Url, byUrl?.State ?? TrackerIssueState.Done));
            Assert.Equal(created.Title, byUrl!.Title);
            Assert.Equal(created.Key, client.Get(created.Key)?.Key);
        }

        [Fact]
        public void Get_reads_an_issue_closed_as_done_with_the_day_it_was_closed()
        {
            var created = Client().Create(NewIssue(Incident()));
            Clock.Now += TimeSpan.FromDays(3);
            Api.CloseAsPerson(Project, IssueId(created));

            var issue = Client().Get(created.Url);
            Assert.Equal(TrackerIssueState.Done, issue?.State);
            Assert.Equal(Clock.Now.UtcDateTime.Date, issue!.ClosedOn);
            Assert.Null(issue.Reason);
        }

        [Fact]
        public void Get_reads_an_issue_closed_as_not_to_be_done_with_the_trackers_reason()
        {
            var created = Client().Create(NewIssue(Incident()));
            Clock.Now += TimeSpan.FromDays(1);
            var reason = CloseAsWontDo(IssueId(created));

            var issue = Client().Get(created.Url);
            Assert.Equal(TrackerIssueState.WontDo, issue?.State);
            Assert.Equal(reason, issue!.Reason);
            Assert.Equal(Clock.Now.UtcDateTime.Date, issue.ClosedOn);
        }

        [Fact]
        public void Get_reads_a_reopened_issue_as_open()
        {
            var created = Client().Create(NewIssue(Incident()));
            Api.CloseAsPerson(Project, IssueId(created));
            Api.ReopenAsPerson(Project, IssueId(created));

            var issue = Client().Get(created.Url);
            Assert.Equal(TrackerIssueState.Open, issue?.State);
            Assert.Null(issue!.ClosedOn);
        }

        [Fact]
        public void Get_gives_null_for_an_issue_that_is_not_there_or_was_deleted()
        {
            var created = Client().Create(NewIssue(Incident()));
            var client = Client();
            var missing = Kind == Tracker.Jira ? "OPS-999" : created.Url.Substring(0, created.Url.LastIndexOf('/') + 1) + "999";
            Assert.True(client.Owns(missing));
            Assert.Null(client.Get(missing));

            Api.DeleteAsPerson(Project, IssueId(created));
            Assert.Null(client.Get(created.Url));
        }

        [Fact]
        public void Get_of_an_address_the_client_does_not_own_is_refused_before_any_request()
        {
            var client = Client();
            Assert.Throws<ArgumentException>(() => client.Get("https://elsewhere.example.com/x/y/issues/1"));
            Assert.Empty(Requests);
        }

        // ---------------------------------------------------------------- failures

        [Fact]
        public void A_refused_token_is_Unauthorized_and_the_message_never_shows_the_secret()
        {
            var client = Client(wrongSecret: true);
            var ex = Assert.Throws<TrackerException>(() => client.FindByMarker("pm-0123456789ab"));
            Assert.Equal(TrackerErrorKind.Unauthorized, ex.Kind);
            Assert.Equal(401, ex.StatusCode);
            Assert.Contains("401", ex.Message);
            Assert.DoesNotContain("secret", ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Secret, ex.Message);
            Assert.DoesNotContain(Secret + "-wrong", ex.Message);
            // Nothing was created, and a 401 is not tried again.
            Assert.Single(Requests);
            Assert.Empty(Waits);

            var create = Assert.Throws<TrackerException>(() => client.Create(NewIssue(Incident())));
            Assert.Equal(TrackerErrorKind.Unauthorized, create.Kind);
            Assert.False(create.OutcomeUnknown);
            Assert.Empty(Api.Issues);
        }

        [Fact]
        public void A_rate_limit_is_waited_out_as_Retry_After_asks_and_the_request_goes_through()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.RateLimitNext(Kind, retryAfterSeconds: 7, style: Kind == Tracker.GitHub ? "secondary" : null, status: Kind == Tracker.GitHub ? 429 : null);
            Server.ClearLog();

            var issue = Client().Get(created.Url);
            Assert.Equal(created.Key, issue?.Key);
            Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, Waits);
            Assert.Equal(new[] { 429, 200 }, Requests.Select(r => r.Status));
        }

        [Fact]
        public void A_rate_limited_create_is_sent_again_after_the_wait_and_makes_one_issue()
        {
            Server.RateLimitNext(Kind, retryAfterSeconds: 3, style: Kind == Tracker.GitHub ? "secondary" : null, status: Kind == Tracker.GitHub ? 429 : null);
            var created = Client().Create(NewIssue(Incident()));

            Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, Waits);
            Assert.Equal(created.Url, Assert.Single(Api.Issues).WebUrl);
        }

        [Fact]
        public void A_rate_limit_asking_for_longer_than_the_client_waits_is_RateLimited_with_the_wait_in_the_message()
        {
            var client = Client();
            Server.RateLimitNext(Kind, retryAfterSeconds: 600, style: Kind == Tracker.GitHub ? "secondary" : null, status: Kind == Tracker.GitHub ? 429 : null);

            var ex = Assert.Throws<TrackerException>(() => client.FindByMarker("pm-0123456789ab"));
            Assert.Equal(TrackerErrorKind.RateLimited, ex.Kind);
            Assert.Contains("600 s", ex.Message);
            Assert.Empty(Waits);
        }

        [Fact]
        public void A_server_error_on_a_read_is_tried_again_after_a_back_off()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.FailNext(503, count: 2, tracker: Kind, method: "GET");
            Server.ClearLog();

            var issue = Client().Get(created.Url);
            Assert.Equal(created.Key, issue?.Key);
            Assert.Equal(new[] { 503, 503, 200 }, Requests.Select(r => r.Status));
            Assert.Equal(new[] { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200) }, Waits);
        }

        [Fact]
        public void A_server_error_on_every_try_of_a_read_is_Unavailable_after_the_retries()
        {
            var created = Client().Create(NewIssue(Incident()));
            Server.FailNext(502, count: 10, tracker: Kind, method: "GET");
            Server.ClearLog();

            var ex = Assert.Throws<TrackerException>(() => Client().Get(created.Url));
            Assert.Equal(TrackerErrorKind.Unavailable, ex.Kind);
            Assert.False(ex.OutcomeUnknown);
            Assert.Equal(4, Requests.Count);
        }

        [Fact]
        public void A_server_error_on_create_is_an_unknown_outcome_never_sent_twice()
        {
            var wanted = NewIssue(Incident());
            Server.FailNext(500, tracker: Kind, method: "POST", pathPrefix: CreatePath);

            var ex = Assert.Throws<TrackerException>(() => Client().Create(wanted));
            Assert.True(ex.OutcomeUnknown);
            Assert.Equal(TrackerErrorKind.Unavailable, ex.Kind);
            Assert.Contains("marker", ex.Message);
            Assert.Single(Requests, r => r.Method == "POST");
            Assert.Empty(Api.Issues);
        }

        [Fact]
        public void A_create_that_happened_though_its_answer_was_an_error_is_found_by_its_marker_on_the_next_run()
        {
            var wanted = NewIssue(Incident());
            Server.FailNext(503, tracker: Kind, method: "POST", pathPrefix: CreatePath, afterProcessing: true);

            var ex = Assert.Throws<TrackerException>(() => Client().Create(wanted));
            Assert.True(ex.OutcomeUnknown);
            var made = Assert.Single(Api.Issues);

            var found = Client().FindByMarker(wanted.Marker);
            Assert.Equal(made.WebUrl, found?.Url);
        }

        /// <summary>Where the client creates issues, for a fault aimed at creates only.</summary>
        protected abstract string CreatePath { get; }

        // ---------------------------------------------------------------- the sync, end to end

        [Fact]
        public void Sync_creates_one_issue_for_the_open_item_then_nothing_and_takes_Done_with_the_day_it_was_closed()
        {
            var p = Incident();
            var options = new SyncOptions { PageUrl = new Uri("https://wiki.example.com/books/ops/page/checkout-502s") };

            var first = ActionItemSync.Run(p, Client(), options);
            Assert.Equal(new[] { SyncAction.Skipped, SyncAction.Created, SyncAction.Skipped }, first.Select(c => c.Action));
            var made = Assert.Single(Api.Issues);
            Assert.Equal(made.WebUrl, p.ActionItems[1].Tracking);
            Assert.Equal(made.WebUrl, first[1].IssueUrl);
            Assert.Equal("PAY-1423", p.ActionItems[0].Tracking);
            Assert.Null(p.ActionItems[2].Tracking);
            Assert.Contains("tracked elsewhere", first[0].Note);

            // A second run, another session: nothing new.
            var second = ActionItemSync.Run(p, Client(), options);
            Assert.Equal(new[] { SyncAction.Skipped, SyncAction.Unchanged, SyncAction.Skipped }, second.Select(c => c.Action));
            Assert.Single(Api.Issues);
            Assert.Equal(ActionItemStatus.Open, p.ActionItems[1].Status);

            Clock.Now += TimeSpan.FromDays(5);
            var closedDay = Clock.Now.UtcDateTime.Date;
            Api.CloseAsPerson(Project, made.Key);
            Clock.Now += TimeSpan.FromDays(2);

            var third = ActionItemSync.Run(p, Client(), options);
            Assert.Equal(SyncAction.StatusChanged, third[1].Action);
            Assert.Equal(ActionItemStatus.Done, p.ActionItems[1].Status);
            Assert.Equal(closedDay, p.ActionItems[1].DoneDate);
            Assert.Equal(ActionItemStatus.Done, third[1].Status);
            // The item done here before keeps its own day, and the foreign item is left alone.
            Assert.Equal(new DateTime(2026, 11, 27), p.ActionItems[2].DoneDate);
            Assert.Equal(ActionItemStatus.Open, p.ActionItems[0].Status);

            var fourth = ActionItemSync.Run(p, Client(), options);
            Assert.Equal(SyncAction.Unchanged, fourth[1].Action);
            Assert.Single(Api.Issues);
        }

        [Fact]
        public void Sync_takes_Wont_do_with_the_trackers_reason_when_the_issue_is_closed_as_not_to_be_done()
        {
            var p = Incident();
            ActionItemSync.Run(p, Client(), new SyncOptions());
            var made = Assert.Single(Api.Issues);
            var reason = CloseAsWontDo(made.Key);

            var changes = ActionItemSync.Run(p, Client(), new SyncOptions());
            Assert.Equal(SyncAction.StatusChanged, changes[1].Action);
            var item = p.ActionItems[1];
            Assert.Equal(ActionItemStatus.WontDo, item.Status);
            Assert.Equal($"{reason} ({changes[1].IssueKey})", item.StatusReason);
            Assert.Null(item.DoneDate);
            Assert.Single(Api.Issues);
        }

        [Fact]
        public void Sync_after_a_run_whose_result_was_never_saved_links_the_issue_made_then_and_creates_no_second_one()
        {
            ActionItemSync.Run(Incident(), Client(), new SyncOptions());
            var made = Assert.Single(Api.Issues);

            // The same postmortem as it was on disk: no Tracking recorded.
            var p = Incident();
            var changes = ActionItemSync.Run(p, Client(), new SyncOptions());
            Assert.Equal(SyncAction.Linked, changes[1].Action);
            Assert.Equal(made.WebUrl, p.ActionItems[1].Tracking);
            Assert.Single(Api.Issues);
        }

        [Fact]
        public void Sync_without_create_only_reads_back_and_makes_no_issue()
        {
            var p = Incident();
            var changes = ActionItemSync.Run(p, Client(), new SyncOptions { Create = false });
            Assert.Equal(SyncAction.Skipped, changes[1].Action);
            Assert.Null(p.ActionItems[1].Tracking);
            Assert.Empty(Api.Issues);
        }
    }
}
