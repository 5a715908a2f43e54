using System;
using System.Linq;
using System.Threading;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// A slow, stalled or misbehaving server never makes a second page and never leaves a wrong answer: against the
    /// stand-in over real HTTP, with real waits kept short.
    /// </summary>
    public sealed class PublishFailureTests : IDisposable
    {
        private const string TokenId = "tkn1d";
        private const string Secret = "s3cr3t-never-shown-0123456789";
        private readonly BookStackServer _server = new BookStackServer();

        public PublishFailureTests()
        {
            _server.Start();
            _server.AddToken(TokenId, Secret);
            _server.AddBook(79, "Ansiblestack");
        }

        public void Dispose() => _server.Dispose();

        private BookStackClient Client(TimeSpan timeout, TimeSpan confirmFor) =>
            new BookStackClient(new BookStackConnection(_server.BaseUri, TokenId, Secret, allowUnencryptedAuthentication: true),
                retry: new BookStackRetryPolicy { Timeout = timeout, ConfirmCreateFor = confirmFor, FirstBackoff = TimeSpan.FromMilliseconds(100) });

        private PublishedPage Publish(Postmortem p, BookStackClient client)
        {
            var publisher = new PostmortemPublisher(client);
            return publisher.Execute(publisher.Plan(p, PublishTarget.Book(79), PageFormat.Markdown));
        }

        private int Posts() => _server.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/pages", StringComparison.Ordinal));

        [Fact]
        public void A_create_answered_after_the_client_gave_up_is_found_and_never_sent_twice()
        {
            _server.DelayNext(TimeSpan.FromMilliseconds(1500), method: "POST", pathPrefix: "/api/pages");
            var p = SamplePostmortems.CheckoutOutage();
            var page = Publish(p, Client(TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10)));

            Assert.Equal(PublishAction.Created, page.Action);
            var stored = Assert.Single(_server.Pages);
            Assert.Equal(stored.Id, page.Id);
            Assert.Equal(1, Posts());
            Assert.Equal(stored.Id, p.Publication!.PageId);
        }

        [Fact]
        public void A_create_that_does_not_appear_in_time_is_reported_as_unknown_and_safe_to_run_again()
        {
            // The reads before the create must not time out on a loaded machine: a second each; the create answers long
            // after both the time limit and the look for it (1.5 s) are over.
            _server.DelayNext(TimeSpan.FromMilliseconds(6000), method: "POST", pathPrefix: "/api/pages");
            var p = SamplePostmortems.CheckoutOutage();
            var error = Assert.Throws<BookStackException>(() => Publish(p, Client(TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(1500))));

            Assert.True(error.OutcomeUnknown);
            Assert.Contains("not sent again", error.Message);
            Assert.Contains("again is safe", error.Message);
            // The slow create lands after all (the stand-in logs a request once it answers); running the publish
            // again finds it and makes no second page.
            Assert.True(SpinWait.SpinUntil(() => Posts() == 1 && _server.Pages.Count == 1, TimeSpan.FromSeconds(15)));
            var again = Publish(p, Client(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
            Assert.Equal(_server.Pages.Single().Id, again.Id);
            Assert.Single(_server.Pages);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{\"id\":1,\"book_id\":79,\"name\":\"Postmortem 2026-11-20: Chec")]
        public void An_empty_or_cut_off_answer_to_a_create_that_happened_finds_the_page_instead_of_reporting_page_0(string answer)
        {
            _server.FailNext(200, method: "POST", pathPrefix: "/api/pages", body: answer, contentType: "application/json", afterProcessing: true);
            var page = Publish(SamplePostmortems.CheckoutOutage(), Client(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));

            var stored = Assert.Single(_server.Pages);
            Assert.Equal((PublishAction.Created, stored.Id), (page.Action, page.Id));
            Assert.NotEqual(0, page.Id);
            Assert.Equal(1, Posts());
        }

        [Fact]
        public void An_empty_answer_to_a_read_says_what_happened()
        {
            _server.FailNext(200, method: "GET", pathPrefix: "/api/search", body: "", contentType: "application/json");
            var error = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage(), Client(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10))));
            Assert.Contains("nothing else", error.Message);
            Assert.Empty(_server.Pages);
        }

        [Fact]
        public void A_cut_off_answer_is_not_mistaken_for_a_wrong_address()
        {
            _server.FailNext(200, method: "GET", pathPrefix: "/api/search", body: "{\"data\":[{\"id\":", contentType: "application/json");
            var error = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage(), Client(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10))));
            Assert.Contains("cut off", error.Message);
            Assert.DoesNotContain("base address", error.Message);
        }

        [Fact]
        public void A_stalled_server_is_given_up_on_after_the_time_limit_once_not_again_and_again()
        {
            _server.DelayNext(TimeSpan.FromMilliseconds(1500), count: 10, method: "GET");
            var error = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage(), Client(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10))));

            Assert.Equal(BookStackErrorKind.Unavailable, error.Kind);
            Assert.Contains("-TimeoutSec", error.Message);
            // The stand-in logs a request once it answers: by then, a retry would have been logged too.
            Assert.True(SpinWait.SpinUntil(() => _server.Requests.Count > 0, TimeSpan.FromSeconds(10)));
            Thread.Sleep(TimeSpan.FromMilliseconds(1800));
            Assert.Equal(1, _server.Requests.Count(r => r.Method == "GET"));
            Assert.Empty(_server.Pages);
        }

        [Fact]
        public void An_answer_far_larger_than_any_page_is_refused_without_reading_it_all()
        {
            var huge = "{\"data\":[],\"pad\":\"" + new string('x', (int)BookStackClient.MaxResponseBytes) + "\"}";
            _server.FailNext(200, method: "GET", pathPrefix: "/api/search", body: huge, contentType: "application/json");
            var error = Assert.Throws<BookStackException>(() => Publish(SamplePostmortems.CheckoutOutage(), Client(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10))));
            Assert.Contains("MB", error.Message);
            Assert.Empty(_server.Pages);
        }
    }
}
