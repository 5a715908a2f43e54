using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §2: the token guard's checks, in order, with their statuses and messages.</summary>
public sealed class AuthTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var r = await _s.Get("/api/books");
        Assert.Equal(200, r.Status);
        Assert.Equal(1, r.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_missing_authorization_header_gives_401_no_token_found()
    {
        var r = await _s.Get("/api/books", auth: null);
        Assert.Equal(401, r.Status);
        Assert.Equal("No authorization token found on the request", r.ErrorMessage);
        Assert.Equal(401, r.ErrorCode);
    }

    [Fact]
    public async Task A_blank_authorization_header_counts_as_missing()
    {
        var r = await _s.Get("/api/books", auth: "   ");
        Assert.Equal(401, r.Status);
        Assert.Equal("No authorization token found on the request", r.ErrorMessage);
    }

    [Theory]
    [InlineData("Token tok")]
    [InlineData("token tok:sec")]
    [InlineData("Bearer tok:sec")]
    [InlineData("TOKEN tok:sec")]
    public async Task A_value_without_a_colon_or_the_exact_Token_prefix_gives_401_format_incorrect(string header)
    {
        var r = await _s.Get("/api/books", auth: header);
        Assert.Equal(401, r.Status);
        Assert.Equal("An authorization token was found on the request but the format appeared incorrect", r.ErrorMessage);
    }

    [Fact]
    public async Task An_unknown_token_id_gives_401_no_matching_token()
    {
        var r = await _s.Get("/api/books", auth: "Token nope:sec");
        Assert.Equal(401, r.Status);
        Assert.Equal("No matching API token was found for the provided authorization token", r.ErrorMessage);
    }

    [Fact]
    public async Task A_wrong_secret_gives_401_secret_incorrect()
    {
        var r = await _s.Get("/api/books", auth: "Token tok:wrong");
        Assert.Equal(401, r.Status);
        Assert.Equal("The secret provided for the given used API token is incorrect", r.ErrorMessage);
    }

    [Fact]
    public async Task An_expired_token_gives_403_expired()
    {
        _s.Server.AddToken("old", "sec", expired: true);
        var r = await _s.Get("/api/books", auth: "Token old:sec");
        Assert.Equal(403, r.Status);
        Assert.Equal("The authorization token used has expired", r.ErrorMessage);
        Assert.Equal(403, r.ErrorCode);
    }

    [Fact]
    public async Task A_token_whose_owner_lacks_access_api_gives_403()
    {
        _s.Server.AddToken("noapi", "sec", canAccessApi: false);
        var r = await _s.Get("/api/books", auth: "Token noapi:sec");
        Assert.Equal(403, r.Status);
        Assert.Equal("The owner of the used API token does not have permission to make API calls", r.ErrorMessage);
    }

    [Fact]
    public async Task A_bookstack_session_cookie_makes_the_valid_token_ignored_and_gives_403()
    {
        var r = await _s.Send(HttpMethod.Get, "/api/books", configure: m => m.Headers.TryAddWithoutValidation("Cookie", "theme=dark; bookstack_session=abc123"));
        Assert.Equal(403, r.Status);
        Assert.Equal("The owner of the used API token does not have permission to make API calls", r.ErrorMessage);
        Assert.NotNull(r.Header("X-RateLimit-Limit"));
        Assert.NotNull(r.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Other_cookies_do_not_affect_token_auth()
    {
        var r = await _s.Send(HttpMethod.Get, "/api/books", configure: m => m.Headers.TryAddWithoutValidation("Cookie", "bookstack_sessionx=1; theme=dark"));
        Assert.Equal(200, r.Status);
    }

    [Fact]
    public async Task Auth_failures_carry_rate_limit_headers_and_count_against_the_limit()
    {
        var first = await _s.Get("/api/books", auth: null);
        var second = await _s.Get("/api/books");
        Assert.Equal("180", first.Header("X-RateLimit-Limit"));
        Assert.Equal("179", first.Header("X-RateLimit-Remaining"));
        Assert.Equal("178", second.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_token_of_another_user_creates_pages_owned_by_that_user()
    {
        _s.Server.AddToken("bob", "pw", userId: 5);
        var r = await _s.Send(HttpMethod.Post, "/api/pages", StandIn.J(new { book_id = _s.BookId, name = "Bob's", html = "<p>x</p>" }), auth: "Token bob:pw");
        Assert.Equal(200, r.Status);
        Assert.Equal(5, r.Json.GetProperty("created_by").GetProperty("id").GetInt32());
        Assert.Equal("user-5", r.Json.GetProperty("owned_by").GetProperty("slug").GetString());
    }
}
