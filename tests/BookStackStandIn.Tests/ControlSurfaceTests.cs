using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>The /_standin/ control endpoints (for tests in another process) and the command line.</summary>
public sealed class ControlSurfaceTests : IDisposable
{
    private readonly StandIn _s = new(seed: false);

    public void Dispose() => _s.Dispose();

    private Task<ApiResult> Control(HttpMethod method, string path, object? body = null) =>
        _s.Send(method, path, body is null ? null : body as string ?? StandIn.J(body), auth: null);

    [Fact]
    public async Task Seeding_through_the_control_surface_makes_a_working_api()
    {
        Assert.Equal(200, (await Control(HttpMethod.Post, "/_standin/tokens", new { id = "t", secret = "s" })).Status);
        var book = await Control(HttpMethod.Post, "/_standin/books", new { name = "Ops" });
        var bookId = book.Json.GetProperty("id").GetInt32();
        var chapter = await Control(HttpMethod.Post, "/_standin/chapters", new { bookId, name = "Incidents" });
        var page = await Control(HttpMethod.Post, "/_standin/pages", new
        {
            bookId,
            chapterId = chapter.Json.GetProperty("id").GetInt32(),
            name = "Seeded",
            markdown = "# Hi",
            tags = new[] { new { name = "postmortem-id", value = "p1" } },
        });
        Assert.Equal(200, page.Status);

        var api = await _s.Get("/api/pages", auth: "Token t:s");
        Assert.Equal(200, api.Status);
        Assert.Equal("Seeded", api.Json.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task State_lists_books_chapters_and_pages_with_tags_and_content()
    {
        var bookId = _s.Server.AddBook("Ops");
        _s.Server.AddPage(bookId, 0, "P", "Body", [("k", "v")]);
        var state = (await Control(HttpMethod.Get, "/_standin/state")).Json;
        Assert.Equal("Ops", state.GetProperty("books")[0].GetProperty("name").GetString());
        Assert.Equal(0, state.GetProperty("chapters").GetArrayLength());
        var page = state.GetProperty("pages")[0];
        Assert.Equal("Body", page.GetProperty("markdown").GetString());
        Assert.Equal("<p id=\"bkmrk-body\">Body</p>\n", page.GetProperty("html").GetString());
        Assert.Equal(1, page.GetProperty("revision_count").GetInt32());
        Assert.Equal("v", page.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Faults_and_settings_can_be_set_over_http()
    {
        _s.Server.AddToken("t", "s");
        Assert.Equal(200, (await Control(HttpMethod.Post, "/_standin/faults", new { kind = "fail", status = 503, pathPrefix = "/api/books" })).Status);
        Assert.Equal(503, (await _s.Get("/api/books", auth: "Token t:s")).Status);
        Assert.Equal(200, (await Control(HttpMethod.Post, "/_standin/faults", new { kind = "rateLimit", retryAfterSeconds = 9 })).Status);
        Assert.Equal("9", (await _s.Get("/api/books", auth: "Token t:s")).Header("Retry-After"));
        var settings = await Control(HttpMethod.Post, "/_standin/settings", new { requestsPerMinute = 50, deniedPermissions = new[] { "page-create" } });
        Assert.Equal(50, settings.Json.GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal("50", (await _s.Get("/api/books", auth: "Token t:s")).Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Requests_are_listed_and_cleared_and_reset_forgets_everything()
    {
        _s.Server.AddToken("t", "s");
        await _s.Get("/api/books", auth: "Token t:s");
        var log = (await Control(HttpMethod.Get, "/_standin/requests")).Json;
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal("/api/books", entry.GetProperty("pathAndQuery").GetString());
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.Equal(200, (await Control(HttpMethod.Delete, "/_standin/requests")).Status);
        Assert.Empty(_s.Server.Requests);

        _s.Server.AddBook("Gone soon");
        Assert.Equal(200, (await Control(HttpMethod.Post, "/_standin/reset")).Status);
        Assert.Empty(_s.Server.Books);
        Assert.Equal(401, (await _s.Get("/api/books", auth: "Token t:s")).Status);
    }

    [Fact]
    public async Task Reset_runs_the_seeder_again()
    {
        _s.Server.Seeder = s => s.AddBook(10, "Seeded book");
        _s.Server.Reset();
        _s.Server.AddBook("Extra");
        Assert.Equal(200, (await Control(HttpMethod.Post, "/_standin/reset")).Status);
        var book = Assert.Single(_s.Server.Books);
        Assert.Equal(10, book.Id);
    }

    [Fact]
    public async Task Bad_control_requests_get_a_400_or_404_with_a_reason()
    {
        var missing = await Control(HttpMethod.Post, "/_standin/books", new { nom = "x" });
        Assert.Equal(400, missing.Status);
        Assert.Contains("name", missing.Json.GetProperty("error").GetString());
        Assert.Equal(404, (await Control(HttpMethod.Get, "/_standin/nothing")).Status);
    }

    [Fact]
    public async Task The_executable_prints_one_listening_line_serves_its_seeds_and_exits_when_stdin_closes()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "BookStackStandIn.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--token", "cli:secret", "--book", "3:Ops Book", "--book", "4:Other" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.NotNull(line);
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+/$", line);
            var baseUri = new Uri(line!["Listening on ".Length..]);

            using var http = new HttpClient { BaseAddress = baseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/books?sort=id");
            request.Headers.TryAddWithoutValidation("Authorization", "Token cli:secret");
            using var response = await http.SendAsync(request);
            var books = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
            Assert.Equal([3, 4], books.EnumerateArray().Select(b => b.GetProperty("id").GetInt32()).ToArray());
            Assert.Equal("Ops Book", books[0].GetProperty("name").GetString());

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
