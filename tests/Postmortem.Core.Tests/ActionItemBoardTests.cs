using System;
using System.Linq;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The follow-up board: the open action items of a book's postmortems, read from BookStack, on one page.</summary>
    public sealed class ActionItemBoardTests : IDisposable
    {
        private const string AuthorToken = "author1";
        private const string ReviewerToken = "review2";
        private const string Secret = "s3cr3t-never-shown-0123456789";
        private static readonly DateTime AsOf = new DateTime(2026, 12, 10);
        private readonly BookStackServer _server = new BookStackServer();

        public ActionItemBoardTests()
        {
            _server.Start();
            _server.AddToken(AuthorToken, Secret, userId: 1);
            _server.AddToken(ReviewerToken, Secret, userId: 2);
            _server.AddBook(79, "Homelab");
            _server.AddBook(12, "Payments");
        }

        public void Dispose() => _server.Dispose();

        private BookStackClient Client(string token = AuthorToken) =>
            new BookStackClient(new BookStackConnection(_server.BaseUri, token, Secret, allowUnencryptedAuthentication: true),
                retry: new BookStackRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(1) }) { Sleep = (_, _) => { } };

        private static Postmortem Incident(string title, DateTime date, params (string Action, string? Owner, DateTime? Due, ActionItemStatus Status)[] items)
        {
            var p = new Postmortem(title) { Date = date, Severity = Severity.P2, Status = IncidentStatus.Resolved, Context = IncidentContext.Homelab };
            p.Timeline.Add(new TimelineEvent(date.AddHours(10), "Alert fired", Milestone.FirstSymptom));
            foreach (var (action, owner, due, status) in items)
            {
                p.ActionItems.Add(new ActionItem(action) { Owner = owner, DueDate = due, Priority = ActionPriority.P2, Status = status });
            }
            return p;
        }

        private void Publish(Postmortem p, int book = 79)
        {
            var publisher = new PostmortemPublisher(Client());
            publisher.Execute(publisher.Plan(p, PublishTarget.Book(book), PageFormat.Markdown));
        }

        private void PublishThree()
        {
            Publish(Incident("DNS resolver crashed", new DateTime(2026, 11, 2),
                ("Add a canary query for the resolver to the blackbox exporter", "alice", new DateTime(2026, 11, 30), ActionItemStatus.Open),
                ("Pin the resolver image to a digest in the Helm values", "bob", new DateTime(2026, 12, 20), ActionItemStatus.Done)));
            Publish(Incident("Postgres failover took 40 minutes", new DateTime(2026, 11, 20),
                ("Lower the Patroni loop wait to 5 seconds", "bob", new DateTime(2026, 12, 9), ActionItemStatus.Open),
                ("Write the failover runbook's manual promotion step", null, null, ActionItemStatus.Open)));
            // Another book's postmortem and a page that is no postmortem stay off the board.
            Publish(Incident("Card payments declined", new DateTime(2026, 11, 25), ("Alert on the decline rate per acquirer", "carol", null, ActionItemStatus.Open)), book: 12);
            _server.AddPage(79, 0, "On-call handbook", "# On-call\n\n| Action | Owner |\n|---|---|\n| Not an item | alice |\n", Array.Empty<(string, string)>());
        }

        [Fact]
        public void The_board_lists_the_open_items_of_the_books_postmortems_by_owner_with_links_and_overdue_days()
        {
            PublishThree();
            var board = new ActionItemBoard(Client());
            var published = board.Execute(board.Plan(79, AsOf));

            Assert.Equal(PublishAction.Created, published.Action);
            Assert.Equal((2, 3, 2), (published.Postmortems, published.Open, published.Overdue));
            var page = _server.Pages.Single(p => p.Id == published.Id);
            Assert.Equal("Action item follow-up", page.Name);
            Assert.Equal(79, page.BookId);
            var md = page.Markdown;
            // The short columns never wrap inside a word: a style line first, as on the postmortems' pages.
            Assert.StartsWith(ActionItemBoard.PageStyle + "\n\n> Made by Publish-ActionItemReport", md);
            Assert.Contains("**Open:** 3 · **Overdue:** 2 · **Postmortems:** 2", md);
            int alice = md.IndexOf("## alice (1 open, 1 overdue)", StringComparison.Ordinal);
            int bob = md.IndexOf("## bob (1 open, 1 overdue)", StringComparison.Ordinal);
            int nobody = md.IndexOf("## No owner (1 open)", StringComparison.Ordinal);
            Assert.True(alice >= 0 && bob > alice && nobody > bob, md);
            Assert.Contains("| Add a canary query for the resolver to the blackbox exporter | [Postmortem 2026-11-02: DNS resolver crashed](" + _server.BaseUri + "link/", md);
            Assert.Contains("| 2026-11-30<br>**overdue 10 days** | P2 | Open |", md);
            Assert.Contains("| 2026-12-09<br>**overdue 1 day** | P2 | Open |", md);
            Assert.DoesNotContain("Pin the resolver image", md);
            Assert.DoesNotContain("decline rate", md);
            Assert.DoesNotContain("Not an item", md);
            Assert.Contains(page.Tags, t => t.Name == ActionItemBoard.BoardTag && t.Value == "79");
        }

        [Fact]
        public void In_progress_items_are_open_wont_do_ones_closed_and_an_item_without_a_date_is_due_by_the_policy()
        {
            var p = Incident("Backups silently failed", new DateTime(2026, 10, 1),
                ("Alert when the nightly backup job has not succeeded for 26 hours", "erin", null, ActionItemStatus.InProgress),
                ("Move backups to the new object store", "erin", null, ActionItemStatus.Open));
            p.ActionItems[1].SetStatus(ActionItemStatus.WontDo, "the old store is being kept");
            Publish(p);
            var board = new ActionItemBoard(Client());
            var plan = board.Plan(79, AsOf, policy: new ActionItemDuePolicy(28, 56, 84).With(ActionPriority.P2, 30));
            var item = Assert.Single(plan.Content.Items);
            Assert.Equal(ActionItemStatus.InProgress, item.Status);
            Assert.Equal((new DateTime(2026, 10, 31), DueDateSource.Policy), (item.DueDate!.Value, item.DueDateFrom!.Value));
            Assert.Contains("| 2026-10-31 (policy)<br>**overdue 40 days** | P2 | In progress |", plan.Markdown);
            Assert.DoesNotContain("object store", plan.Markdown);
        }

        [Fact]
        public void The_board_never_writes_to_a_postmortems_page()
        {
            PublishThree();
            var before = _server.Pages.Where(p => p.Name.StartsWith("Postmortem ", StringComparison.Ordinal)).Select(p => (p.Id, p.RevisionCount, p.Markdown)).ToList();
            _server.ClearLog();
            var board = new ActionItemBoard(Client());
            board.Execute(board.Plan(79, AsOf));
            var after = _server.Pages.Where(p => p.Name.StartsWith("Postmortem ", StringComparison.Ordinal)).Select(p => (p.Id, p.RevisionCount, p.Markdown)).ToList();
            Assert.Equal(before, after);
            Assert.DoesNotContain(_server.Requests, r => r.Method != "GET" && before.Any(b => r.PathAndQuery == "/api/pages/" + b.Id));
        }

        [Fact]
        public void A_second_run_updates_the_same_page_and_a_run_with_nothing_new_writes_nothing()
        {
            PublishThree();
            var board = new ActionItemBoard(Client());
            var first = board.Execute(board.Plan(79, AsOf));
            var again = board.Execute(board.Plan(79, AsOf));
            Assert.Equal(PublishAction.Unchanged, again.Action);
            Assert.Equal(first.Id, again.Id);
            Assert.Equal(1, _server.Pages.Single(p => p.Id == first.Id).RevisionCount);

            Publish(Incident("Ingress certificates expired", new DateTime(2026, 12, 1), ("Alert 14 days before a certificate expires", "alice", new DateTime(2026, 12, 15), ActionItemStatus.Open)));
            var third = board.Execute(board.Plan(79, AsOf));
            Assert.Equal(PublishAction.Updated, third.Action);
            Assert.Equal(first.Id, third.Id);
            Assert.Equal(1, _server.Pages.Count(p => p.Name == "Action item follow-up"));
            Assert.Contains("## alice (2 open, 1 overdue)", _server.Pages.Single(p => p.Id == first.Id).Markdown);
        }

        [Fact]
        public void An_item_a_reviewer_closes_in_the_wiki_leaves_the_board_on_the_next_run()
        {
            PublishThree();
            var board = new ActionItemBoard(Client());
            board.Execute(board.Plan(79, AsOf));
            var page = _server.Pages.Single(p => p.Name.Contains("Postgres failover"));
            var edited = page.Markdown.Replace("| Lower the Patroni loop wait to 5 seconds | bob | 2026-12-09 | P2 | Open |", "| Lower the Patroni loop wait to 5 seconds | bob | 2026-12-09 | P2 | Done |");
            Assert.NotEqual(page.Markdown, edited);
            Client(ReviewerToken).UpdatePage(page.Id, new PagePayload { Markdown = edited });
            var result = board.Execute(board.Plan(79, AsOf));
            Assert.Equal(PublishAction.Updated, result.Action);
            Assert.Equal((2, 1), (result.Open, result.Overdue));
            Assert.DoesNotContain("Patroni", _server.Pages.Single(p => p.Id == result.Id).Markdown);
        }

        [Fact]
        public void A_person_edit_to_the_board_page_is_not_overwritten_without_force_and_their_tags_stay()
        {
            PublishThree();
            var board = new ActionItemBoard(Client());
            var first = board.Execute(board.Plan(79, AsOf));
            var stored = _server.Pages.Single(p => p.Id == first.Id);
            var tags = stored.Tags.Select(t => new BookStackTag(t.Name, t.Value)).Append(new BookStackTag("team", "platform")).ToList();
            Client(ReviewerToken).UpdatePage(first.Id, new PagePayload { Markdown = stored.Markdown + "\nRita: alice is on leave until January.\n", Tags = tags });

            var plan = board.Plan(79, AsOf);
            Assert.True(plan.ChangedByOthers);
            var refused = Assert.Throws<BookStackException>(() => board.Execute(plan));
            Assert.Equal(BookStackErrorKind.PageChanged, refused.Kind);
            Assert.Contains("make the change in the postmortem", refused.Message);
            Assert.Contains("on leave", _server.Pages.Single(p => p.Id == first.Id).Markdown);

            var forced = board.Execute(plan, overwrite: true);
            Assert.Equal(PublishAction.Updated, forced.Action);
            var after = _server.Pages.Single(p => p.Id == first.Id);
            Assert.DoesNotContain("on leave", after.Markdown);
            Assert.Contains(after.Tags, t => t.Name == "team" && t.Value == "platform");
            Assert.False(board.Plan(79, AsOf).ChangedByOthers);
        }

        [Fact]
        public void A_book_without_postmortems_gets_a_board_that_says_so_and_a_missing_book_is_not_found()
        {
            var board = new ActionItemBoard(Client());
            var result = board.Execute(board.Plan(12, AsOf));
            Assert.Equal((0, 0), (result.Postmortems, result.Open));
            Assert.Contains("No postmortem in this book has an open action item.", _server.Pages.Single(p => p.Id == result.Id).Markdown);
            var missing = Assert.Throws<BookStackException>(() => board.Plan(404, AsOf));
            Assert.Equal(BookStackErrorKind.NotFound, missing.Kind);
        }

        [Fact]
        public void A_postmortem_page_that_cannot_be_read_is_left_off_with_a_warning_naming_it()
        {
            PublishThree();
            var page = _server.Pages.Single(p => p.Name.Contains("DNS resolver"));
            Client(ReviewerToken).UpdatePage(page.Id, new PagePayload { Html = "<p>Rewritten in the WYSIWYG editor</p>" });
            var board = new ActionItemBoard(Client());
            var plan = board.Plan(79, AsOf);
            Assert.Equal(1, plan.Content.Postmortems);
            var warning = Assert.Single(plan.Content.Warnings);
            Assert.Contains($"Page {page.Id} 'Postmortem 2026-11-02: DNS resolver crashed' was left off the board", warning);
            Assert.Contains("WYSIWYG", warning);
        }

        [Fact]
        public void A_book_of_more_than_one_listing_page_is_read_whole()
        {
            for (int i = 0; i < 520; i++) _server.AddPage(79, 0, "Note " + i, "text", Array.Empty<(string, string)>());
            Publish(Incident("Late postmortem", new DateTime(2026, 11, 28), ("Add an alert on queue age", "dana", new DateTime(2026, 12, 1), ActionItemStatus.Open)));
            var board = new ActionItemBoard(Client());
            var plan = board.Plan(79, AsOf);
            Assert.Equal(1, plan.Content.Postmortems);
            Assert.Equal("Add an alert on queue age", Assert.Single(plan.Content.Items).Action);
        }
    }
}
