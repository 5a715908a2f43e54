using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>
/// Runs only where the shared contract folder exists: ../shared/bookstack-api next to the folder that
/// holds Postmortem.sln. A plain clone of the project does not have it, and then these tests are skipped.
/// </summary>
public sealed class SharedContractFactAttribute : FactAttribute
{
    public SharedContractFactAttribute()
    {
        if (SharedContract.Folder is null)
        {
            Skip = "../shared/bookstack-api is absent (it is absent in a plain clone of the project); the example-based contract checks need it.";
        }
    }
}

public static class SharedContract
{
    /// <summary>The shared contract folder, or null when it is absent.</summary>
    public static string? Folder { get; } = Locate();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Postmortem.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bookstack-api"));
                return Directory.Exists(shared) ? shared : null;
            }
        }
        return null;
    }

    public static JsonElement Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, relativePath))).RootElement.Clone();
}

/// <summary>
/// Compares the stand-in's responses with BookStack's example responses and the errors observed on a real
/// v24.02.3: same status, and the same JSON keys (recursively; arrays by their first element, or by "type"
/// when their elements carry one) with the same value kinds. Values are not compared.
/// </summary>
public sealed class SharedContractTests
{
    /// <summary>Fields BookStack may return as null or as a value (no cover image; no default template).</summary>
    private static readonly HashSet<string> Nullable = ["cover", "default_template_id"];

    private static void AssertSameShape(JsonElement expected, JsonElement actual, string what)
    {
        var problems = new List<string>();
        Compare(expected, actual, "$", problems);
        Assert.True(problems.Count == 0, $"{what} differs from the example:\n  {string.Join("\n  ", problems)}\nactual: {actual.GetRawText()}");
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var k => k.ToString().ToLowerInvariant(),
    };

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> problems)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        if ((expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null) && Nullable.Contains(key)) return;
        if (Kind(expected) != Kind(actual))
        {
            problems.Add($"{path}: expected a {Kind(expected)}, got a {Kind(actual)}");
            return;
        }
        if (expected.ValueKind == JsonValueKind.Object)
        {
            var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
            var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (var missing in expectedKeys.Except(actualKeys)) problems.Add($"{path}: missing key '{missing}'");
            foreach (var extra in actualKeys.Except(expectedKeys)) problems.Add($"{path}: unexpected key '{extra}'");
            foreach (var name in expectedKeys.Intersect(actualKeys)) Compare(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}", problems);
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0)
        {
            if (actual.GetArrayLength() == 0)
            {
                problems.Add($"{path}: expected elements, got an empty array");
                return;
            }
            var typed = expected[0].ValueKind == JsonValueKind.Object && expected[0].TryGetProperty("type", out _);
            if (!typed)
            {
                Compare(expected[0], actual[0], path + "[0]", problems);
                return;
            }
            foreach (var type in expected.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Distinct())
            {
                var e = expected.EnumerateArray().First(x => x.GetProperty("type").GetString() == type);
                var a = actual.EnumerateArray().FirstOrDefault(x => x.TryGetProperty("type", out var t) && t.GetString() == type);
                if (a.ValueKind == JsonValueKind.Undefined) problems.Add($"{path}: no element of type '{type}'");
                else Compare(e, a, $"{path}[type={type}]", problems);
            }
        }
    }

    /// <summary>An example request with its parent ids pointed at the stand-in's content.</summary>
    private static string Request(string name, Action<JsonObject> adjust)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedContract.Folder!, "examples", "requests", name)))!.AsObject();
        adjust(node);
        return node.ToJsonString();
    }

    [SharedContractFact]
    public async Task Page_create_read_update_and_list_match_the_examples()
    {
        using var s = new StandIn();
        var chapter = s.Server.AddChapter(s.BookId, "Chapter");

        var created = await s.Post("/api/pages", Request("pages-create.json", r => r["book_id"] = s.BookId));
        Assert.Equal(200, created.Status);
        AssertSameShape(SharedContract.Load("examples/responses/pages-create.json"), created.Json, "pages-create");
        var id = created.Json.GetProperty("id").GetInt32();

        s.Server.AddPage(s.BookId, 0, "Markdown page", "# How this is built\n\nText.", [("Category", "Top Content")]);
        var read = await s.Get($"/api/pages/{id}");
        Assert.Equal(200, read.Status);
        AssertSameShape(SharedContract.Load("examples/responses/pages-read.json"), read.Json, "pages-read");

        var updated = await s.Put($"/api/pages/{id}", Request("pages-update.json", r => r["chapter_id"] = chapter));
        Assert.Equal(200, updated.Status);
        Assert.Equal(chapter, updated.Json.GetProperty("chapter_id").GetInt32());
        AssertSameShape(SharedContract.Load("examples/responses/pages-update.json"), updated.Json, "pages-update");

        var list = await s.Get("/api/pages");
        Assert.Equal(200, list.Status);
        AssertSameShape(SharedContract.Load("examples/responses/pages-list.json"), list.Json, "pages-list");
    }

    [SharedContractFact]
    public async Task Book_create_read_and_list_match_the_examples()
    {
        using var s = new StandIn();
        var created = await s.Post("/api/books", Request("books-create.json", _ => { }));
        Assert.Equal(200, created.Status);
        AssertSameShape(SharedContract.Load("examples/responses/books-create.json"), created.Json, "books-create");

        var bookId = created.Json.GetProperty("id").GetInt32();
        var chapter = s.Server.AddChapter(bookId, "Bridge Structures");
        s.Server.AddPage(bookId, chapter, "Building Bridges", "Text", []);
        s.Server.AddPage(bookId, 0, "Cool Animals", "Text", []);
        var read = await s.Get($"/api/books/{bookId}");
        Assert.Equal(200, read.Status);
        AssertSameShape(SharedContract.Load("examples/responses/books-read.json"), read.Json, "books-read");

        var list = await s.Get("/api/books");
        Assert.Equal(200, list.Status);
        AssertSameShape(SharedContract.Load("examples/responses/books-list.json"), list.Json, "books-list");
    }

    [SharedContractFact]
    public async Task Chapter_create_read_and_list_match_the_examples()
    {
        using var s = new StandIn();
        var created = await s.Post("/api/chapters", Request("chapters-create.json", r => r["book_id"] = s.BookId));
        Assert.Equal(200, created.Status);
        AssertSameShape(SharedContract.Load("examples/responses/chapters-create.json"), created.Json, "chapters-create");

        var chapterId = created.Json.GetProperty("id").GetInt32();
        s.Server.AddPage(s.BookId, chapterId, "How to create page content", "Text", []);
        var read = await s.Get($"/api/chapters/{chapterId}");
        Assert.Equal(200, read.Status);
        AssertSameShape(SharedContract.Load("examples/responses/chapters-read.json"), read.Json, "chapters-read");

        var list = await s.Get("/api/chapters");
        Assert.Equal(200, list.Status);
        AssertSameShape(SharedContract.Load("examples/responses/chapters-list.json"), list.Json, "chapters-list");
    }

    [SharedContractFact]
    public async Task Search_results_match_the_example_for_chapters_and_pages()
    {
        using var s = new StandIn();
        var chapter = s.Server.AddChapter(s.BookId, "A chapter for cats");
        s.Server.AddPage(s.BookId, chapter, "The hows and whys of cats", "People ask why cats?", [("Animal", "Cat")]);
        var r = await s.Get("/api/search?query=cats");
        Assert.Equal(200, r.Status);
        AssertSameShape(SharedContract.Load("examples/responses/search-all.json"), r.Json, "search-all");
    }

    [SharedContractFact]
    public async Task Every_observed_error_is_reproduced_with_its_status_shape_and_headers()
    {
        var observed = SharedContract.Load("examples/errors-observed.json");
        var failures = new List<string>();
        foreach (var entry in observed.EnumerateObject())
        {
            var name = entry.Name.Split(" (")[0];
            using var s = new StandIn();
            var result = await Reproduce(s, name);
            if (result is null)
            {
                failures.Add($"{entry.Name}: no scenario reproduces this entry; add one to SharedContractTests.Reproduce");
                continue;
            }
            var expectedStatus = entry.Value.GetProperty("status").GetInt32();
            if (result.Status != expectedStatus)
            {
                failures.Add($"{entry.Name}: status {result.Status}, expected {expectedStatus}: {result.Body}");
                continue;
            }
            var problems = new List<string>();
            JsonElement actual;
            try
            {
                actual = result.Json;
            }
            catch (JsonException)
            {
                failures.Add($"{entry.Name}: the body is not JSON: {result.Body}");
                continue;
            }
            Compare(entry.Value.GetProperty("body"), actual, "$", problems);
            if (entry.Value.TryGetProperty("headers", out var headers))
            {
                foreach (var header in headers.EnumerateObject())
                {
                    if (result.Header(header.Name) is null) problems.Add($"header {header.Name} is missing");
                }
            }
            failures.AddRange(problems.Select(p => $"{entry.Name}: {p}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<ApiResult?> Reproduce(StandIn s, string entry)
    {
        var page = new { book_id = s.BookId, name = "Page", html = "<p>x</p>" };
        switch (entry)
        {
            case "auth-missing": return await s.Get("/api/books", auth: null);
            case "auth-bad-format": return await s.Get("/api/books", auth: "Token abcdef");
            case "auth-unknown-id": return await s.Get("/api/books", auth: "Token unknown:sec");
            case "auth-bad-secret": return await s.Get("/api/books", auth: "Token tok:wrong");
            case "pages-create-no-parent": return await s.Post("/api/pages", new { name = "Orphan", html = "<p>x</p>" });
            case "pages-create-no-content": return await s.Post("/api/pages", new { book_id = s.BookId, name = "Empty" });
            case "pages-create-name-too-long": return await s.Post("/api/pages", new { book_id = s.BookId, name = new string('x', 256), html = "<p>x</p>" });
            case "pages-create-tags-not-array": return await s.Post("/api/pages", new { book_id = s.BookId, name = "Bad tags", html = "<p>x</p>", tags = "a" });
            case "pages-read-404": return await s.Get("/api/pages/999999");
            case "pages-create-unknown-book": return await s.Post("/api/pages", new { book_id = 999999, name = "x", html = "<p>x</p>" });
            case "method-not-allowed": return await s.Send(HttpMethod.Patch, "/api/pages/1", "{\"name\":\"x\"}");
            case "pages-read-nonnumeric": return await s.Get("/api/pages/abc");
            case "session-cookie-with-token":
                return await s.Send(HttpMethod.Get, "/api/books", configure: m => m.Headers.TryAddWithoutValidation("Cookie", "bookstack_session=abc123"));
            case "pages-create-9MB":
                return await s.Post("/api/pages", new { book_id = s.BookId, name = "Big", html = "<p>" + new string('x', 9_000_000) + "</p>" });
            case "rate-limit-429":
                s.Server.RateLimitNext(5);
                return await s.Get("/api/books");
            case "permission-denied":
                s.Server.DenyPermission("page-create");
                return await s.Post("/api/pages", page);
            case "token-expired":
                s.Server.AddToken("old", "sec", expired: true);
                return await s.Get("/api/books", auth: "Token old:sec");
            default:
                return null;
        }
    }
}
