using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §4 (429) and the injected faults: failures, dropped connections, the request log.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    /// <summary>A client with no pooled connections, so a dropped request is not retried on a fresh one.</summary>
    private static HttpClient FreshClient(Uri baseUri) =>
        new(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseUri };

    [Fact]
    public async Task Rate_limit_next_answers_429_exactly_as_bookstack_then_recovers()
    {
        _s.Server.RateLimitNext(5);
        var r = await _s.Get("/api/books");
        Assert.Equal(429, r.Status);
        Assert.Equal("{\"error\":{\"message\":\"Too Many Attempts.\",\"code\":429}}", r.Body);
        Assert.Equal("5", r.Header("Retry-After"));
        Assert.Equal("0", r.Header("X-RateLimit-Remaining"));
        Assert.Equal("180", r.Header("X-RateLimit-Limit"));
        Assert.Equal((_s.Clock.Now.ToUnixTimeSeconds() + 5).ToString(), r.Header("X-RateLimit-Reset"));
        Assert.Equal(200, (await _s.Get("/api/books")).Status);
    }

    [Fact]
    public async Task A_429_is_answered_before_auth_and_the_post_never_reaches_the_controller()
    {
        _s.Server.RateLimitNext(2, count: 2);
        var noAuth = await _s.Get("/api/books", auth: null);
        var post = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "x", html = "<p>x</p>" });
        Assert.Equal(429, noAuth.Status);
        Assert.Equal(429, post.Status);
        Assert.Empty(_s.Server.Pages);
    }

    [Fact]
    public async Task The_per_minute_limit_throttles_within_the_window_and_resets_after_a_minute()
    {
        _s.Server.RequestsPerMinute = 2;
        var first = await _s.Get("/api/books");
        var second = await _s.Get("/api/books", auth: null);
        _s.Clock.Advance(TimeSpan.FromSeconds(20));
        var third = await _s.Get("/api/books");
        Assert.Equal("2", first.Header("X-RateLimit-Limit"));
        Assert.Equal("1", first.Header("X-RateLimit-Remaining"));
        Assert.Equal("0", second.Header("X-RateLimit-Remaining"));
        Assert.Equal(429, third.Status);
        Assert.Equal("40", third.Header("Retry-After"));
        Assert.Equal((_s.Clock.Now.ToUnixTimeSeconds() + 40).ToString(), third.Header("X-RateLimit-Reset"));
        _s.Clock.Advance(TimeSpan.FromSeconds(41));
        var later = await _s.Get("/api/books");
        Assert.Equal(200, later.Status);
        Assert.Equal("1", later.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Fail_next_gives_a_json_500_and_writes_nothing()
    {
        _s.Server.FailNext(500, method: "POST", pathPrefix: "/api/pages");
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "x", html = "<p>x</p>" });
        Assert.Equal(500, r.Status);
        Assert.Equal("application/json", r.ContentType);
        Assert.Equal(500, r.ErrorCode);
        Assert.Empty(_s.Server.Pages);
        Assert.Equal(200, (await _s.Post("/api/pages", new { book_id = _s.BookId, name = "x", html = "<p>x</p>" })).Status);
    }

    [Fact]
    public async Task Fail_next_with_an_html_502_only_hits_the_matching_method_and_path_count_times()
    {
        const string proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
        _s.Server.FailNext(502, count: 2, method: "GET", pathPrefix: "/api/search", body: proxyPage);
        Assert.Equal(200, (await _s.Get("/api/pages")).Status);
        var first = await _s.Get("/api/search?query=x");
        var second = await _s.Get("/api/search?query=x");
        var third = await _s.Get("/api/search?query=x");
        Assert.Equal(502, first.Status);
        Assert.StartsWith("text/html", first.ContentType);
        Assert.Equal(proxyPage, first.Body);
        Assert.Equal(502, second.Status);
        Assert.Equal(200, third.Status);
    }

    [Fact]
    public async Task Fail_next_can_play_nginx_answering_413_in_html()
    {
        _s.Server.FailNext(413, body: "<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>", contentType: "text/html");
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "x", html = "<p>x</p>" });
        Assert.Equal(413, r.Status);
        Assert.Equal("text/html", r.ContentType);
        Assert.Contains("nginx", r.Body);
    }

    [Fact]
    public async Task Drop_next_closes_the_connection_without_a_response_and_writes_nothing()
    {
        _s.Server.DropNext(method: "POST");
        using var client = FreshClient(_s.Server.BaseUri);
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            _s.Send(HttpMethod.Post, "/api/pages", StandIn.J(new { book_id = _s.BookId, name = "x", html = "<p>x</p>" }), client: client));
        Assert.Empty(_s.Server.Pages);
        var logged = Assert.Single(_s.Server.Requests);
        Assert.True(logged.Dropped);
        Assert.Equal(0, logged.Status);
    }

    [Fact]
    public async Task Drop_next_after_processing_applies_the_write_and_still_closes_the_connection()
    {
        _s.Server.DropNext(method: "POST", pathPrefix: "/api/pages", afterProcessing: true);
        using var client = FreshClient(_s.Server.BaseUri);
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            _s.Send(HttpMethod.Post, "/api/pages", StandIn.J(new { book_id = _s.BookId, name = "Unknown outcome", html = "<p>x</p>" }), client: client));
        Assert.Equal("Unknown outcome", Assert.Single(_s.Server.Pages).Name);
        var logged = Assert.Single(_s.Server.Requests);
        Assert.True(logged.Dropped);
        Assert.Equal(200, logged.Status);
    }

    [Fact]
    public async Task The_request_log_keeps_method_path_headers_body_and_status_and_can_be_cleared()
    {
        await _s.Get("/api/pages?filter[name]=x");
        await _s.Post("/api/pages", new { book_id = _s.BookId, name = "Logged", html = "<p>x</p>" });
        var log = _s.Server.Requests;
        Assert.Equal(2, log.Count);
        Assert.Equal("GET", log[0].Method);
        Assert.Equal("/api/pages?filter[name]=x", log[0].PathAndQuery);
        Assert.Equal(StandIn.Auth, log[0].Headers["authorization"]);
        Assert.Equal(200, log[0].Status);
        Assert.Equal("POST", log[1].Method);
        Assert.Contains("\"name\":\"Logged\"", log[1].Body);
        Assert.Equal("application/json", log[1].Headers["Content-Type"]);
        _s.Server.ClearLog();
        Assert.Empty(_s.Server.Requests);
    }

    [Fact]
    public async Task Concurrent_creates_are_all_applied_with_distinct_ids()
    {
        var tasks = Enumerable.Range(0, 40).Select(i => _s.Post("/api/pages", new { book_id = _s.BookId, name = $"Page {i}", html = "<p>x</p>" }));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.Equal(40, results.Select(r => r.Json.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.Equal(40, _s.Server.Pages.Count);
    }
}
