using System;
using System.Linq;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The external version's page on the stand-in, over real HTTP: a page of its own, found by its own tag, recorded
    /// apart from the internal page, so publishing either leaves the other as it is; a reviewer's edit is not overwritten.
    /// </summary>
    public sealed class ExternalPublishTests : IDisposable
    {
        private const string AuthorToken = "author";
        private const string ReviewerToken = "reviewer";
        private const string Secret = "s3cr3t-never-shown-0123456789";
        private readonly BookStackServer _server = new BookStackServer();

        public ExternalPublishTests()
        {
            _server.Start();
            _server.AddToken(AuthorToken, Secret, userId: 1);
            _server.AddToken(ReviewerToken, Secret, userId: 2);
            _server.AddBook(79, "Postmortems");
            _server.AddBook(80, "Status page");
        }

        public void Dispose() => _server.Dispose();

        private BookStackClient Client(string token = AuthorToken) =>
            new BookStackClient(new BookStackConnection(_server.BaseUri, token, Secret, allowUnencryptedAuthentication: true),
                retry: new BookStackRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(1) }) { Sleep = (_, _) => { } };

        private PublishedPage Publish(Postmortem p, Audience audience, int book, bool overwrite = false)
        {
            var publisher = new PostmortemPublisher(Client());
            return publisher.Execute(publisher.Plan(p, PublishTarget.Book(book), PageFormat.Markdown, audience: audience), overwrite);
        }

        private static Postmortem WithExternal()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.External.Title = "Checkout unavailable on 20 November";
            p.External.Summary = "For 47 minutes on 20 November, checkout did not accept payments.";
            p.External.CustomerImpact = "About 3,100 customers could not complete a purchase.";
            p.External.WhatWeAreDoing = "Every certificate update is now checked before it goes live.";
            return p;
        }

        [Fact]
        public void The_external_version_gets_a_page_of_its_own_in_another_book_and_the_internal_page_is_left_as_it_is()
        {
            var p = WithExternal();
            var internalPage = Publish(p, Audience.Internal, 79);
            var internalRecord = p.Publication!;
            var internalStored = _server.GetPage(internalPage.Id)!;

            var external = Publish(p, Audience.External, 80);

            Assert.Equal(PublishAction.Created, external.Action);
            Assert.NotEqual(internalPage.Id, external.Id);
            Assert.Equal(("Incident report 2026-11-20: Checkout unavailable on 20 November", 80), (external.Name, external.BookId));
            var stored = _server.GetPage(external.Id)!;
            Assert.StartsWith("**Date:** 2026-11-20\\\n**Duration:** 47 minutes\n\n## Summary\n\nFor 47 minutes", stored.Markdown);
            Assert.DoesNotContain("Root Cause", stored.Markdown);
            Assert.DoesNotContain("<svg", stored.Markdown);
            Assert.Equal(new[] { ("incident-report", ""), ("postmortem-external-id", p.Id.ToString()) }, stored.Tags.OrderBy(t => t.Item1).ToArray());

            // Each page has its own record; the internal one is untouched.
            Assert.Same(internalRecord, p.Publication);
            Assert.Equal((external.Id, 80), (p.External.Publication!.PageId, p.External.Publication.BookId));
            Assert.Null(p.External.Publication.Base);
            var internalAfter = _server.GetPage(internalPage.Id)!;
            Assert.Equal((internalStored.Markdown, internalStored.RevisionCount), (internalAfter.Markdown, internalAfter.RevisionCount));

            // Publishing each again finds its own page: nothing to write, and neither is taken for the other.
            Assert.Equal((PublishAction.Unchanged, external.Id), (Publish(p, Audience.External, 80).Action, p.External.Publication.PageId));
            Assert.Equal((PublishAction.Unchanged, internalPage.Id), (Publish(p, Audience.Internal, 79).Action, p.Publication!.PageId));
            Assert.Equal(2, _server.Pages.Count);
        }

        [Fact]
        public void A_clone_without_the_record_finds_the_external_page_by_its_own_tag_and_an_edit_updates_it()
        {
            var p = WithExternal();
            var first = Publish(p, Audience.External, 80);
            Publish(p, Audience.Internal, 79);
            p.External.Publication = null;
            p.External.CustomerImpact = "About 3,100 customers could not complete a purchase for 47 minutes.";

            var second = Publish(p, Audience.External, 80);

            Assert.Equal((PublishAction.Updated, first.Id), (second.Action, second.Id));
            Assert.Contains("for 47 minutes.", _server.GetPage(first.Id)!.Markdown);
            Assert.Equal(2, _server.Pages.Count);
        }

        [Fact]
        public void A_reviewers_edit_of_the_external_page_is_not_overwritten_without_force()
        {
            var p = WithExternal();
            var page = Publish(p, Audience.External, 80);
            using (var reviewer = Client(ReviewerToken))
            {
                var current = reviewer.GetPage(page.Id);
                reviewer.UpdatePage(page.Id, new PagePayload { Markdown = current.Markdown + "\n\nWe are sorry for the trouble this caused." });
            }
            p.External.Summary = "For 47 minutes on 20 November, checkout did not accept card payments.";

            var plan = new PostmortemPublisher(Client()).Plan(p, PublishTarget.Book(80), PageFormat.Markdown, audience: Audience.External);
            Assert.NotNull(plan.ChangedByOthers);
            var error = Assert.Throws<BookStackException>(() => new PostmortemPublisher(Client()).Execute(plan));
            Assert.Equal(BookStackErrorKind.PageChanged, error.Kind);
            Assert.Contains("Set-Postmortem -ExternalSummary", error.Message);
            Assert.DoesNotContain("Merge-Postmortem", error.Message);
            Assert.Contains("We are sorry", _server.GetPage(page.Id)!.Markdown);

            var forced = Publish(p, Audience.External, 80, overwrite: true);
            Assert.NotNull(forced.Overwrote);
            Assert.DoesNotContain("We are sorry", _server.GetPage(page.Id)!.Markdown);
        }

        [Fact]
        public void The_external_page_may_be_HTML_and_publishing_it_again_unchanged_writes_nothing()
        {
            var p = WithExternal();
            var publisher = new PostmortemPublisher(Client());
            var page = publisher.Execute(publisher.Plan(p, PublishTarget.Book(80), PageFormat.Html, audience: Audience.External));
            var stored = _server.GetPage(page.Id)!;
            Assert.Contains("Customer Impact</h2>", stored.Html);
            Assert.DoesNotContain("<h1", stored.Html);
            var again = new PostmortemPublisher(Client());
            Assert.Equal(PublishAction.Unchanged, again.Execute(again.Plan(p, PublishTarget.Book(80), PageFormat.Html, audience: Audience.External)).Action);
        }

        [Fact]
        public void The_external_page_is_not_read_back_as_a_postmortem()
        {
            var p = WithExternal();
            var page = Publish(p, Audience.External, 80);
            using var client = Client();
            var error = Assert.Throws<BookStackException>(() => new PostmortemPuller(client).Read(client.GetPage(page.Id), p));
            Assert.Contains("is the external version of a postmortem", error.Message);
            Assert.Contains("Set-Postmortem -External*", error.Message);
        }

        [Fact]
        public void The_external_page_record_travels_in_the_draft_and_the_front_matter_beside_the_internal_one()
        {
            var p = WithExternal();
            Publish(p, Audience.Internal, 79);
            var external = Publish(p, Audience.External, 80);
            foreach (var back in new[]
            {
                PostmortemYaml.Read(PostmortemYaml.Write(p), "p.yaml").Postmortem,
                PostmortemMarkdownReader.Read(Rendering.PostmortemMarkdown.Render(p, frontMatter: true), "p.md").Postmortem,
            })
            {
                Assert.Equal(external.Id, back.External.Publication!.PageId);
                Assert.Equal(p.Publication!.PageId, back.Publication!.PageId);
                // The internal page's base is the postmortem as published then, without the external page's record.
                Assert.Null(PostmortemYaml.Read(back.Publication.Base!, "base").Postmortem.External.Publication);
            }
        }
    }
}
