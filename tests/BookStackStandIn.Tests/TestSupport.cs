using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>One HTTP exchange with the stand-in, read whole.</summary>
public sealed class ApiResult(int status, string body, HttpResponseHeaders headers, HttpContentHeaders contentHeaders)
{
    public int Status { get; } = status;
    public string Body { get; } = body;
    public HttpResponseHeaders Headers { get; } = headers;
    public HttpContentHeaders ContentHeaders { get; } = contentHeaders;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ContentType => ContentHeaders.ContentType?.ToString();

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : ContentHeaders.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    public string ErrorMessage => Json.GetProperty("error").GetProperty("message").GetString()!;

    public int ErrorCode => Json.GetProperty("error").GetProperty("code").GetInt32();

    /// <summary>The messages of one field of a 422's "validation" object.</summary>
    public string[] Validation(string field) =>
        [.. Json.GetProperty("error").GetProperty("validation").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    public string[] ValidationFields() =>
        [.. Json.GetProperty("error").GetProperty("validation").EnumerateObject().Select(p => p.Name)];
}

/// <summary>A started stand-in with a token "tok:sec", a book "Ops" (id 1) and a client that sends no cookies.</summary>
public sealed class StandIn : IDisposable
{
    public const string Auth = "Token tok:sec";

    public StandIn(ManualClock? clock = null, bool seed = true)
    {
        Clock = clock ?? new ManualClock(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        Server = new BookStackServer(Clock, randomSeed: 7);
        Server.Start();
        if (seed)
        {
            Server.AddToken("tok", "sec");
            BookId = Server.AddBook("Ops");
        }
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = Server.BaseUri,
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    public BookStackServer Server { get; }
    public HttpClient Http { get; }
    public ManualClock Clock { get; }
    public int BookId { get; }

    public static string J(object value) => JsonSerializer.Serialize(value);

    public async Task<ApiResult> Send(
        HttpMethod method,
        string path,
        string? body = null,
        string? auth = Auth,
        string? contentType = "application/json",
        Action<HttpRequestMessage>? configure = null,
        HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (auth is not null) request.Headers.TryAddWithoutValidation("Authorization", auth);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        configure?.Invoke(request);
        using var response = await (client ?? Http).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResult((int)response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    public Task<ApiResult> Get(string path, string? auth = Auth) => Send(HttpMethod.Get, path, auth: auth);

    public Task<ApiResult> Post(string path, object body) => Send(HttpMethod.Post, path, body as string ?? J(body));

    public Task<ApiResult> Put(string path, object body) => Send(HttpMethod.Put, path, body as string ?? J(body));

    public Task<ApiResult> Delete(string path) => Send(HttpMethod.Delete, path);

    /// <summary>POST /api/pages that must succeed; returns the page JSON.</summary>
    public async Task<JsonElement> CreatePage(object body)
    {
        var result = await Post("/api/pages", body);
        Xunit.Assert.True(result.Status == 200, $"Creating a page failed: {result.Status} {result.Body}");
        return result.Json;
    }

    public void Dispose()
    {
        Http.Dispose();
        Server.Dispose();
    }
}
