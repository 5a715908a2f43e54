using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Postmortems.BookStack;
using Postmortems.Http;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The send loop both the BookStack and the tracker clients use, on what their own tests do not reach: the budget for
    /// all rate-limit waits together, reads retried after a network error, and the user's own cancellation. The limits are
    /// BookStack's defaults: 30 s a wait, 60 s in all, 3 read retries from 500 ms.
    /// </summary>
    public sealed class RetryingSenderTests
    {
        /// <summary>Answers each attempt from a script; a null step fails the attempt as a dropped connection does.</summary>
        private sealed class ScriptedHandler : HttpMessageHandler
        {
            private readonly Func<int, HttpResponseMessage?> _answer;
            public ScriptedHandler(Func<int, HttpResponseMessage?> answer) => _answer = answer;
            public int Attempts { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = _answer(++Attempts) ?? throw new HttpRequestException("Connection refused");
                return Task.FromResult(response);
            }
        }

        private sealed class Failure : Exception
        {
            public Failure(string message) : base(message) { }
        }

        /// <summary>An exchange whose every ending is a <see cref="Failure"/> naming it; a 429 asks for 20 s.</summary>
        private sealed class Exchange : IExchange<string>
        {
            public void Prepare(HttpRequestMessage request) { }
            public Exception? Unrecoverable(Exception error) => null;
            public Exception WriteUnanswered(string reason, Exception error) => new Failure("write unanswered: " + reason);
            public Exception ReadUnanswered(string reason, bool timedOut, Exception error) => new Failure("read unanswered: " + reason);
            public string Succeeded(int status, string text, HttpResponseMessage response) => text;
            public TimeSpan? RateLimitWait(int status, string text, HttpResponseMessage response, int before) => status == 429 ? TimeSpan.FromSeconds(20) : null;
            public Exception RateLimitTooLong(int status, TimeSpan delay) => new Failure("rate limited");
            public string RateLimitWaiting(int status, TimeSpan delay) => "waiting";
            public Exception WriteFailed(int status, string text) => new Failure("write failed");
            public string Failed(int status, string text, HttpResponseMessage response) => throw new Failure("failed " + status);
        }

        private static (RetryingSender Sender, List<TimeSpan> Waits) Sender(ScriptedHandler handler)
        {
            var waits = new List<TimeSpan>();
            var sender = new RetryingSender("Server", new Uri("http://localhost/"), 1024 * 1024, new BookStackRetryPolicy(), handler)
            {
                Sleep = (delay, _) => waits.Add(delay),
            };
            return (sender, waits);
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string text = "{}") => new HttpResponseMessage(status) { Content = new StringContent(text) };

        [Fact]
        public void Rate_limit_waits_stop_when_they_would_pass_the_budget_for_the_whole_request()
        {
            // Each 429 asks for 20 s, under the 30 s a single wait may be; three make the 60 s allowed in all, and a fourth would pass it.
            var handler = new ScriptedHandler(_ => Answer((HttpStatusCode)429));
            var (sender, waits) = Sender(handler);
            using (sender)
            {
                var ex = Assert.Throws<Failure>(() => sender.Send(HttpMethod.Get, "api/x", null, isWrite: false, new Exchange()));
                Assert.Equal("rate limited", ex.Message);
            }
            Assert.Equal(new[] { TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20) }, waits);
            Assert.Equal(4, handler.Attempts);
        }

        [Fact]
        public void A_read_that_cannot_reach_the_server_is_tried_again_with_doubling_waits_then_given_up()
        {
            var handler = new ScriptedHandler(_ => null);
            var (sender, waits) = Sender(handler);
            using (sender)
            {
                var ex = Assert.Throws<Failure>(() => sender.Send(HttpMethod.Get, "api/x", null, isWrite: false, new Exchange()));
                Assert.Equal("read unanswered: could not be reached (Connection refused)", ex.Message);
                Assert.Equal(4, sender.RequestCount);
            }
            Assert.Equal(new[] { TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, waits);
        }

        [Fact]
        public void A_read_that_gets_through_after_a_dropped_connection_returns_its_answer()
        {
            var handler = new ScriptedHandler(attempt => attempt == 1 ? null : Answer(HttpStatusCode.OK, "{\"id\":1}"));
            var (sender, _) = Sender(handler);
            using (sender)
            {
                Assert.Equal("{\"id\":1}", sender.Send(HttpMethod.Get, "api/x", null, isWrite: false, new Exchange()));
                Assert.Equal(2, sender.RequestCount);
            }
        }

        [Fact]
        public void A_write_that_cannot_reach_the_server_is_sent_once()
        {
            var handler = new ScriptedHandler(_ => null);
            var (sender, waits) = Sender(handler);
            using (sender)
            {
                var ex = Assert.Throws<Failure>(() => sender.Send(HttpMethod.Post, "api/x", new byte[] { (byte)'{', (byte)'}' }, isWrite: true, new Exchange()));
                Assert.StartsWith("write unanswered", ex.Message);
            }
            Assert.Equal(1, handler.Attempts);
            Assert.Empty(waits);
        }

        [Fact]
        public void The_users_own_cancellation_stops_the_request_as_a_cancellation_not_as_a_timeout()
        {
            using var stop = new CancellationTokenSource();
            var handler = new ScriptedHandler(_ =>
            {
                stop.Cancel();
                throw new OperationCanceledException(stop.Token);
            });
            var (sender, _) = Sender(handler);
            using (sender)
            {
                sender.CancellationToken = stop.Token;
                Assert.ThrowsAny<OperationCanceledException>(() => sender.Send(HttpMethod.Get, "api/x", null, isWrite: false, new Exchange()));
                Assert.Equal(1, sender.RequestCount);
            }
        }
    }
}
