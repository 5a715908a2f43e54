using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Publishing never loses a person's edit in the wiki: the publication record, the check for someone else's change,
    /// tags others added, no empty revisions, moves. Against the stand-in over real HTTP, with a second user's token
    /// playing the reviewer (BookStack records who changed a page last, whoever it is).
    /// </summary>
    public sealed class PublishConflictTests : IDisposable
    {
        private const string AuthorToken = "author";
        private const string ReviewerToken = "reviewer";
        private const string Secret = "s3cr3t-never-shown-0123456789";
        private readonly BookStackServer _server = new BookStackServer();

        public PublishConflictTests()
        {
            _server.Start();
            _server.AddToken(AuthorToken, Secret, userId: 1);
            _server.AddToken(ReviewerToken, Secret, userId: 2);
            _server.AddBook(79, "Ansiblestack");
            _server.AddBook(12, "Payments");
        }

        public void Dispose() => _server.Dispose();

        private BookStackClient Client(string token = AuthorToken) =>
            new BookStackClient(new BookStackConnection(_server.BaseUri, token, Secret, allowUnencryptedAuthentication: true),
                retry: new BookStackRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(1) }) { Sleep = (_, _) => { } };

        private PublishPlan Plan(Postmortem p, PublishTarget? target = null, IEnumerable<BookStackTag>? tags = null) =>
            new PostmortemPublisher(Client()).Plan(p, target ?? PublishTarget.Book(79), PageFormat.Markdown, tags);

        private PublishedPage Publish(Postmortem p, PublishTarget? target = null, IEnumerable<BookStackTag>? tags = null, bool overwrite = false)
        {
            var publisher = new PostmortemPublisher(Client());
            return publisher.Execute(publisher.Plan(p, target ?? PublishTarget.Book(79), PageFormat.Markdown, tags), overwrite);
        }

        /// <summary>The reviewer edits the page in the wiki: a contributing factor added to the markdown.</summary>
        private void ReviewerAddsFactor(int pageId, string factor)
        {
            using var reviewer = Client(ReviewerToken);
            var page = reviewer.GetPage(pageId);
            var markdown = page.Markdown.Replace("## Contributing Factors\n\n", "## Contributing Factors\n\n- " + factor + "\n");
            reviewer.UpdatePage(pageId, new PagePayload { Markdown = markdown });
        }

        [Fact]
        public void A_publish_records_the_page_our_write_left_and_the_postmortem_as_published()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p, tags: new[] { new BookStackTag("team", "dba") });

            var record = Assert.IsType<Publication>(p.Publication);
            var stored = _server.GetPage(page.Id)!;
            Assert.Equal((page.Id, 79, (int?)null, 1, "Admin"), (record.PageId, record.BookId, record.ChapterId, record.UpdatedById, record.UpdatedByName));
            Assert.Equal(_server.BaseUri.ToString(), record.Server);
            Assert.Equal(PageDigest.Of(stored.Name, stored.Markdown), record.PageDigest);
            Assert.Equal(new[] { "team=dba" }, record.Tags);
            var @base = PostmortemYaml.Read(record.Base!, "base").Postmortem;
            Assert.Equal(PostmortemMarkdown.Render(p), PostmortemMarkdown.Render(@base));
            Assert.Null(@base.Publication);
        }

        [Theory]
        [InlineData(".yaml")]
        [InlineData(".md")]
        public void The_record_travels_in_the_draft_and_the_front_matter(string extension)
        {
            var p = SamplePostmortems.CheckoutOutage();
            Publish(p, tags: new[] { new BookStackTag("team", "dba") });
            var text = extension == ".yaml" ? PostmortemYaml.Write(p) : PostmortemMarkdown.Render(p, frontMatter: true);
            var read = (extension == ".yaml" ? PostmortemYaml.Read(text, "x" + extension) : PostmortemMarkdownReader.Read(text, "x" + extension)).Postmortem;

            var (a, b) = (p.Publication!, read.Publication!);
            Assert.Equal((a.Server, a.PageId, a.BookId, a.ChapterId, a.UpdatedAt, a.UpdatedById, a.UpdatedByName, a.Digest, a.PageDigest, a.Base),
                         (b.Server, b.PageId, b.BookId, b.ChapterId, b.UpdatedAt, b.UpdatedById, b.UpdatedByName, b.Digest, b.PageDigest, b.Base));
            Assert.Equal(a.Tags, b.Tags);
            // A teammate's clone, with only the file, publishes to the same page and sees nothing to change.
            Assert.Equal(PublishAction.Unchanged, Publish(read).Action);
        }

        [Fact]
        public void Publishing_unchanged_content_writes_nothing_and_adds_no_revision()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var first = Publish(p);
            _server.ClearLog();
            var again = Publish(p);
            Assert.Equal((PublishAction.Unchanged, first.Id, 1), (again.Action, again.Id, _server.GetPage(first.Id)!.RevisionCount));
            Assert.DoesNotContain(_server.Requests, r => r.Method != "GET");
        }

        [Fact]
        public void A_page_a_reviewer_changed_is_not_overwritten_and_the_refusal_names_who_and_when()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p);
            ReviewerAddsFactor(page.Id, "The rotation job did not check the certificate chain.");
            var reviewed = _server.GetPage(page.Id)!.Markdown;
            p.ActionItems.Add(new ActionItem("Add a chain check to the certificate rotation job") { Owner = "platform" });

            var plan = Plan(p);
            var change = Assert.IsType<PageChange>(plan.ChangedByOthers);
            Assert.Equal(("User 2", 2, true), (change.ChangedBy, change.ChangedById, change.Recorded));
            var error = Assert.Throws<BookStackException>(() => new PostmortemPublisher(Client()).Execute(plan));
            Assert.Equal(BookStackErrorKind.PageChanged, error.Kind);
            Assert.Contains("User 2", error.Message);
            Assert.Contains("Merge-Postmortem", error.Message);
            Assert.Contains("-Force", error.Message);
            Assert.Equal(reviewed, _server.GetPage(page.Id)!.Markdown);
        }

        [Fact]
        public void Overwriting_a_reviewers_change_needs_overwrite_and_says_whose_change_it_replaced()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p);
            ReviewerAddsFactor(page.Id, "The staging load balancer held an older intermediate.");
            var forced = Publish(p, overwrite: true);
            Assert.Equal("User 2", forced.Overwrote!.ChangedBy);
            Assert.DoesNotContain("older intermediate", _server.GetPage(page.Id)!.Markdown);
            Assert.Equal(3, _server.GetPage(page.Id)!.RevisionCount);
        }

        [Fact]
        public void Without_a_record_a_page_last_changed_by_someone_other_than_its_creator_counts_as_changed()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p);
            ReviewerAddsFactor(page.Id, "The rotation job did not check the certificate chain.");
            p.Publication = null;
            var change = Assert.IsType<PageChange>(Plan(p).ChangedByOthers);
            Assert.False(change.Recorded);
            Assert.Contains("no record", change.Describe());
        }

        [Fact]
        public void Tags_a_person_added_in_the_wiki_and_tags_given_once_with_Tag_survive_every_publish()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p, tags: new[] { new BookStackTag("team", "dba") });
            using (var reviewer = Client(ReviewerToken))
            {
                var tags = reviewer.GetPage(page.Id).Tags.Concat(new[] { new BookStackTag("reviewed-by", "rita") }).ToList();
                reviewer.UpdatePage(page.Id, new PagePayload { Tags = tags });
            }
            // A tag change is no edit to lose: the next publish goes ahead.
            p.Severity = Severity.P1;
            var again = Publish(p);
            Assert.Equal(PublishAction.Updated, again.Action);
            var stored = _server.GetPage(page.Id)!.Tags;
            Assert.Contains(("reviewed-by", "rita"), stored);
            Assert.Contains(("team", "dba"), stored);
            Assert.Contains(("severity", "P1"), stored);
            Assert.DoesNotContain(("severity", "P2"), stored);

            // A new -Tag replaces the module's own extra tags, and leaves the person's.
            Publish(p, tags: new[] { new BookStackTag("team", "payments") });
            stored = _server.GetPage(page.Id)!.Tags;
            Assert.Contains(("team", "payments"), stored);
            Assert.DoesNotContain(("team", "dba"), stored);
            Assert.Contains(("reviewed-by", "rita"), stored);
        }

        [Fact]
        public void A_new_chapter_moves_the_published_page_and_never_duplicates_it()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var first = Publish(p);
            var plan = Plan(p, PublishTarget.ChapterOfBook(79, "2025"));
            Assert.Contains("moved to", plan.Describe());
            var moved = Publish(p, PublishTarget.ChapterOfBook(79, "2025"));
            var chapter = Assert.Single(_server.Chapters);
            var page = Assert.Single(_server.Pages);
            Assert.Equal((first.Id, true, chapter.Id), (moved.Id, moved.Moved, page.ChapterId));
            Assert.Equal(chapter.Id, p.Publication!.ChapterId);

            // Another book: moved again, still one page.
            var other = Publish(p, PublishTarget.Book(12));
            Assert.Equal((first.Id, 12, 0), (other.Id, Assert.Single(_server.Pages).BookId, _server.GetPage(first.Id)!.ChapterId));
        }

        [Fact]
        public void A_page_deleted_in_the_wiki_is_published_anew()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var first = Publish(p);
            _server.DeletePage(first.Id);
            var again = Publish(p);
            Assert.Equal(PublishAction.Created, again.Action);
            Assert.NotEqual(first.Id, again.Id);
            Assert.Equal(again.Id, p.Publication!.PageId);
        }
    }
}

namespace Postmortems.Tests
{
    public sealed class PublicationRecordTests
    {
        [Fact]
        public void A_merge_keeps_the_drafts_publication_record_whole()
        {
            var local = SamplePostmortems.CheckoutOutage();
            local.Publication = new Publication { Server = "https://wiki.example.org/", PageId = 42, BookId = 79, ChapterId = 7, UpdatedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), UpdatedById = 1, UpdatedByName = "Admin", Digest = "d1", PageDigest = "p1", Base = "title: x" };
            local.Publication.Tags.Add("team=dba");
            var merged = Merging.PostmortemMerge.Merge(SamplePostmortems.CheckoutOutage(), local, SamplePostmortems.CheckoutOutage()).Merged.Publication!;
            Assert.NotSame(local.Publication, merged);
            var id = Guid.NewGuid();
            Assert.Equal(PostmortemYaml.Write(new Postmortem("a", id) { Publication = local.Publication }),
                         PostmortemYaml.Write(new Postmortem("a", id) { Publication = merged }));
        }
    }
}

namespace Postmortems.Tests
{
    using Postmortems.BookStack;
    using Postmortems.BookStackStandIn;

    public sealed class PullTitleTests : IDisposable
    {
        private readonly BookStackServer _server = new BookStackServer();

        public PullTitleTests()
        {
            _server.Start();
            _server.AddToken("t", "s3cr3t-0123456789");
            _server.AddBook(79, "Ansiblestack");
        }

        public void Dispose() => _server.Dispose();

        [Fact]
        public void A_title_too_long_for_the_page_name_comes_back_whole_while_the_page_keeps_the_published_name()
        {
            using var client = new BookStackClient(new BookStackConnection(_server.BaseUri, "t", "s3cr3t-0123456789", allowUnencryptedAuthentication: true));
            var p = SamplePostmortems.CheckoutOutage();
            p.Title = string.Concat(Enumerable.Repeat("Checkout and payments were unavailable ", 8)).Trim();
            var publisher = new PostmortemPublisher(client);
            var page = publisher.Execute(publisher.Plan(p, PublishTarget.Book(79), PageFormat.Markdown));
            Assert.EndsWith("…", page.Name);

            var pulled = new PostmortemPuller(client).Read(client.GetPage(page.Id), p).Postmortem;
            Assert.Equal(p.Title, pulled.Title);
            // Without the draft only the page's name is there to read.
            Assert.Equal(PostmortemPuller.TitleOf(page.Name), new PostmortemPuller(client).Read(client.GetPage(page.Id)).Postmortem.Title);
        }
    }
}
