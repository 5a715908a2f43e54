using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The BookStack client and publisher against the stand-in, over real HTTP on 127.0.0.1.</summary>
    public sealed class PublishTests : IDisposable
    {
        private const string TokenId = "tkn1d";
        private const string Secret = "s3cr3t-never-shown-0123456789";
        private readonly BookStackServer _server = new BookStackServer();
        private readonly List<string> _log = new List<string>();
        private readonly List<TimeSpan> _waits = new List<TimeSpan>();

        public PublishTests()
        {
            _server.Start();
            _server.AddToken(TokenId, Secret);
            _server.AddBook(79, "Ansiblestack");
            _server.AddBook(12, "Payments");
        }

        public void Dispose() => _server.Dispose();

        private BookStackClient Client(string secret = Secret)
        {
            var client = new BookStackClient(new BookStackConnection(_server.BaseUri, TokenId, secret, allowUnencryptedAuthentication: true),
                retry: new BookStackRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(1) });
            client.Sleep = (delay, _) => _waits.Add(delay);
            client.Log = _log.Add;
            return client;
        }

        private PublishedPage Publish(Postmortem p, PublishTarget? target = null, BookStackClient? client = null)
        {
            var publisher = new PostmortemPublisher(client ?? Client());
            return publisher.Execute(publisher.Plan(p, target ?? PublishTarget.Book(79), PageFormat.Markdown));
        }

        private int ApiRequests() => _server.Requests.Count(r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal));

        [Fact]
        public void A_new_page_is_created_in_the_book_with_three_requests_and_named_as_the_guide_says()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p);

            Assert.Equal(PublishAction.Created, page.Action);
            Assert.Equal("Postmortem 2026-11-20: Checkout API returned 502s after certificate rotation", page.Name);
            Assert.Equal((79, (int?)null, 1), (page.BookId, page.ChapterId, page.Revision));
            Assert.Equal(new Uri(_server.BaseUri, "link/" + page.Id), page.Url);
            Assert.Equal(3, ApiRequests());
            var stored = Assert.Single(_server.Pages);
            // The page's name is its title: the body starts with the header fields, not a second title.
            Assert.StartsWith("**Date:** 2026-11-20", stored.Markdown);
            Assert.Contains("<svg xmlns=", stored.Markdown);
            Assert.Contains(("postmortem-id", p.Id.ToString()), stored.Tags);
            Assert.Contains(("severity", "P2"), stored.Tags);
            Assert.Contains(("status", "Resolved"), stored.Tags);
            Assert.Contains(("state", "Draft"), stored.Tags);
        }

        [Fact]
        public void Publishing_twice_updates_the_same_page_with_two_requests_also_after_the_title_changed()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var first = Publish(p);
            _server.ClearLog();
            p.Title = "Checkout 502s after an incomplete certificate chain";
            var second = Publish(p);

            Assert.Equal(PublishAction.Updated, second.Action);
            Assert.Equal(first.Id, second.Id);
            Assert.Equal(2, second.Revision);
            Assert.Equal(2, ApiRequests());
            var stored = Assert.Single(_server.Pages);
            Assert.Equal("Postmortem 2026-11-20: Checkout 502s after an incomplete certificate chain", stored.Name);
            Assert.DoesNotContain(_server.Requests, r => r.Method == "PUT" && (r.Body.Contains("\"book_id\"") || r.Body.Contains("\"chapter_id\"")));
        }

        [Fact]
        public void A_chapter_named_is_made_when_missing_and_found_the_next_time()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var first = Publish(p, PublishTarget.ChapterOfBook(12, "Postmortems"));
            // The chapter by name, the page by its identity tag anywhere (to move it, were it elsewhere), the chapter, the page.
            Assert.Equal(4, ApiRequests());
            var chapter = Assert.Single(_server.Chapters);
            Assert.Equal(("Postmortems", 12), (chapter.Name, chapter.BookId));
            Assert.Equal(chapter.Id, first.ChapterId);
            _server.ClearLog();
            p.LessonsLearned = "Certificates are rotated by a job that now checks the chain first.";
            var second = Publish(p, PublishTarget.ChapterOfBook(12, "Postmortems"));
            Assert.Equal((PublishAction.Updated, first.Id), (second.Action, second.Id));
            // The chapter by name, the page by the publication record, the update.
            Assert.Equal(3, ApiRequests());
            Assert.Single(_server.Chapters);
        }

        [Fact]
        public void A_page_made_by_hand_with_the_same_name_is_taken_over_and_a_draft_of_that_name_is_not()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var name = PostmortemPublisher.PageName(p);
            _server.AddPage(79, 0, name, "draft text", Array.Empty<(string, string)>(), draft: true);
            int byHand = _server.AddPage(79, 0, name, "typed by hand", new[] { ("team", "payments") });
            var page = Publish(p);
            Assert.Equal((PublishAction.Updated, byHand), (page.Action, page.Id));
            Assert.Contains(("postmortem-id", p.Id.ToString()), _server.GetPage(byHand)!.Tags);
        }

        [Fact]
        public void Publishing_to_another_book_moves_the_page_there_instead_of_making_a_second()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var first = Publish(p, PublishTarget.Book(12));
            p.Publication = null; // a clone without the record finds the page by its identity tag
            var page = Publish(p, PublishTarget.Book(79));
            Assert.Equal((PublishAction.Updated, true, first.Id), (page.Action, page.Moved, page.Id));
            Assert.Equal(79, Assert.Single(_server.Pages).BookId);
        }

        [Fact]
        public void A_429_is_waited_out_as_Retry_After_asks_and_said()
        {
            _server.RateLimitNext(retryAfterSeconds: 3);
            Publish(SamplePostmortems.CheckoutOutage());
            Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, _waits);
            Assert.Contains(_log, l => l.Contains("429") && l.Contains("3 s"));
            Assert.Single(_server.Pages);
        }

        [Fact]
        public void A_429_asking_for_more_than_the_client_waits_is_refused_at_once()
        {
            _server.RateLimitNext(retryAfterSeconds: 3600);
            var error = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage()));
            Assert.Equal(BookStackErrorKind.RateLimited, error.Kind);
            Assert.Contains("3600 s", error.Message);
            Assert.Empty(_waits);
        }

        [Fact]
        public void Reads_are_retried_after_a_5xx_with_backoff()
        {
            _server.FailNext(502, count: 2, method: "GET", body: "<html><body>Bad Gateway</body></html>", contentType: "text/html");
            Publish(SamplePostmortems.CheckoutOutage());
            Assert.Single(_server.Pages);
            Assert.Equal(2, _waits.Count);
            Assert.True(_waits[1] > _waits[0], "the second wait is longer");
            Assert.Contains(_log, l => l.Contains("502"));
        }

        [Fact]
        public void Reads_survive_a_dropped_connection()
        {
            _server.DropNext(count: 2, method: "GET");
            Publish(SamplePostmortems.CheckoutOutage());
            Assert.Single(_server.Pages);
            Assert.Equal(2, _server.Requests.Count(r => r.Dropped));
        }

        [Fact]
        public void A_create_whose_answer_is_lost_is_looked_up_before_any_retry_so_there_is_never_a_second_page()
        {
            _server.DropNext(count: 1, method: "POST", pathPrefix: "/api/pages", afterProcessing: true);
            var page = Publish(SamplePostmortems.CheckoutOutage());
            Assert.Equal(PublishAction.Created, page.Action);
            Assert.Single(_server.Pages);
            Assert.Equal(1, _server.Requests.Count(r => r.Method == "POST"));
            Assert.Contains(_log, l => l.Contains("Looking for the page"));
        }

        [Fact]
        public void A_create_without_an_answer_is_never_sent_again_the_error_says_a_new_run_is_safe_and_it_is()
        {
            // Whether a dropped create arrived cannot be told from here: it may still land. So it is not repeated.
            _server.DropNext(count: 1, method: "POST", pathPrefix: "/api/pages", afterProcessing: false);
            var p = SamplePostmortems.CheckoutOutage();
            var error = Assert.Throws<BookStackException>(() => Publish(p));
            Assert.True(error.OutcomeUnknown);
            Assert.Contains("again is safe", error.Message);
            Assert.Empty(_server.Pages);
            Assert.Equal(1, _server.Requests.Count(r => r.Method == "POST"));
            Assert.Equal(PublishAction.Created, Publish(p).Action);
            Assert.Single(_server.Pages);
        }

        [Fact]
        public void A_write_that_keeps_failing_is_reported_as_unavailable_and_leaves_no_page()
        {
            _server.FailNext(500, count: 5, method: "POST");
            var error = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage()));
            Assert.Equal(BookStackErrorKind.Unavailable, error.Kind);
            Assert.Empty(_server.Pages);
        }

        [Theory]
        [InlineData("wrong-secret", BookStackErrorKind.Unauthorized, "refused the API token")]
        [InlineData(null, BookStackErrorKind.Forbidden, "Access System API")]
        public void Authentication_failures_become_their_kinds_with_a_hint(string? secret, BookStackErrorKind kind, string hint)
        {
            if (secret is null)
            {
                _server.AddToken("noapi", "x-secret-x", canAccessApi: false);
            }
            var client = secret is null
                ? new BookStackClient(new BookStackConnection(_server.BaseUri, "noapi", "x-secret-x", true))
                : Client(secret);
            var error = Assert.Throws<BookStackException>(() => client.ListBooks(1));
            Assert.Equal(kind, error.Kind);
            Assert.Contains(hint, error.Message);
        }

        [Fact]
        public void A_missing_book_is_not_found_and_validation_lists_the_fields()
        {
            var missing = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage(), PublishTarget.Book(999)));
            Assert.Equal(BookStackErrorKind.NotFound, missing.Kind);
            Assert.Contains("book 999", missing.Message);
            _server.FailNext(422, method: "POST", body: "{\"error\":{\"message\":\"The given data was invalid.\",\"validation\":{\"name\":[\"The name may not be greater than 255 characters.\"]},\"code\":422}}", contentType: "application/json");
            var invalid = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage()));
            Assert.Equal(BookStackErrorKind.Validation, invalid.Kind);
            Assert.Equal(new[] { "The name may not be greater than 255 characters." }, invalid.Validation["name"]);
            Assert.Contains("name: The name may not be greater than 255 characters.", invalid.Message);
        }

        [Fact]
        public void An_address_that_is_not_BookStacks_api_is_named_as_such()
        {
            var client = new BookStackClient(new BookStackConnection(new Uri(_server.BaseUri, "wiki/"), TokenId, Secret, true));
            var error = Assert.Throws<BookStackException>(() => client.ListBooks(1));
            Assert.Equal(BookStackErrorKind.NotFound, error.Kind);
            Assert.Contains("web page, not BookStack's API", error.Message);
        }

        [Fact]
        public void Requests_send_no_cookies_utf8_json_without_a_bom_and_the_token_only_in_its_header()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Title = "Störung 障害 🔥";
            Publish(p);
            Assert.All(_server.Requests, r => Assert.False(r.Headers.ContainsKey("Cookie")));
            var post = _server.Requests.Single(r => r.Method == "POST");
            Assert.Equal("application/json; charset=utf-8", post.Headers["Content-Type"]);
            Assert.StartsWith("{", post.Body);
            Assert.Equal($"Token {TokenId}:{Secret}", post.Headers["Authorization"]);
            Assert.Equal("Postmortem 2026-11-20: Störung 障害 🔥", Assert.Single(_server.Pages).Name);
        }

        [Fact]
        public void The_secret_never_appears_in_messages_logs_or_descriptions()
        {
            var texts = new List<string>();
            var client = Client();
            _server.RateLimitNext(1);
            var publisher = new PostmortemPublisher(client);
            var plan = publisher.Plan(SamplePostmortems.CheckoutOutage(), PublishTarget.Book(79), PageFormat.Html);
            texts.Add(plan.Describe());
            texts.Add(publisher.Execute(plan).ToString());
            texts.Add(client.Connection.ToString());
            foreach (var fail in new Action[]
            {
                () => Client("wrong").ListBooks(1),
                () => Publish(SamplePostmortems.CheckoutOutage(), PublishTarget.Book(4040)),
                () => { _server.FailNext(500, count: 10); Client().ListBooks(1); },
            })
            {
                texts.Add(Assert.Throws<BookStackException>(fail).ToString());
            }
            texts.AddRange(_log);
            Assert.All(texts, t => Assert.DoesNotContain(Secret, t));
        }

        [Fact]
        public void A_long_title_is_cut_to_what_BookStack_stores_and_the_page_keeps_that_name()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Title = string.Concat(Enumerable.Repeat("障害 ", 100));
            var page = Publish(p);
            Assert.True(page.Name.Length <= 191);
            Assert.Equal(page.Name, Assert.Single(_server.Pages).Name);
            // The stored name is the name sent, so publishing again finds nothing to change.
            Assert.Equal(PublishAction.Unchanged, Publish(p).Action);
        }

        [Fact]
        public void An_http_address_needs_to_be_allowed_explicitly()
        {
            var error = Assert.Throws<ArgumentException>(() => new BookStackConnection(new Uri("http://wiki.example.org"), "id", "secret"));
            Assert.Contains("-AllowUnencryptedAuthentication", error.Message);
            Assert.DoesNotContain("secret", new BookStackConnection(new Uri("https://wiki.example.org/api/"), "id", "secret").ToString());
            Assert.Equal(new Uri("https://wiki.example.org/"), new BookStackConnection(new Uri("https://wiki.example.org/api/"), "id", "secret").BaseUri);
        }
    }
}
