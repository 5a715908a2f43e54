using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §8: books and chapters.</summary>
public sealed class BooksAndChaptersTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Creating_a_chapter_returns_it_with_book_slug_tags_and_a_description_html()
    {
        var r = await _s.Post("/api/chapters", new { book_id = _s.BookId, name = "Probe Chapter", description = "chap desc", tags = new[] { new { name = "k", value = "v" } }, priority = 3 });
        Assert.Equal(200, r.Status);
        string[] keys =
        [
            "id", "book_id", "slug", "name", "description", "priority", "created_at", "updated_at", "created_by", "updated_by",
            "owned_by", "description_html", "default_template_id", "book_slug", "tags",
        ];
        Assert.Equal(keys, r.Json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("probe-chapter", r.Json.GetProperty("slug").GetString());
        Assert.Equal("ops", r.Json.GetProperty("book_slug").GetString());
        Assert.Equal("<p>chap desc</p>", r.Json.GetProperty("description_html").GetString());
        Assert.Equal(3, r.Json.GetProperty("priority").GetInt32());
        Assert.Equal("Probe Chapter", Assert.Single(_s.Server.Chapters).Name);
    }

    [Fact]
    public async Task Creating_a_chapter_without_book_id_gives_422_book_id_required()
    {
        var r = await _s.Post("/api/chapters", new { name = "x" });
        Assert.Equal(422, r.Status);
        Assert.Equal(["book_id"], r.ValidationFields());
        Assert.Equal(["The book id field is required."], r.Validation("book_id"));
    }

    [Fact]
    public async Task Creating_a_chapter_in_an_unknown_book_gives_404()
    {
        var r = await _s.Post("/api/chapters", new { book_id = 999999, name = "x" });
        Assert.Equal(404, r.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Book] 999999", r.ErrorMessage);
    }

    [Fact]
    public async Task Reading_a_chapter_lists_its_pages_with_revision_count_and_editor()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Incidents");
        _s.Server.AddPage(_s.BookId, chapter, "Second", "b", []);
        _s.Server.AddPage(_s.BookId, chapter, "First", "a", []);
        _s.Server.AddPage(_s.BookId, 0, "Elsewhere", "c", []);
        var r = await _s.Get($"/api/chapters/{chapter}");
        Assert.Equal(200, r.Status);
        Assert.Equal("ops", r.Json.GetProperty("book_slug").GetString());
        Assert.Equal("Admin", r.Json.GetProperty("created_by").GetProperty("name").GetString());
        var pages = r.Json.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal(["Second", "First"], pages.Select(p => p.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(1, pages[0].GetProperty("revision_count").GetInt32());
        Assert.Equal("markdown", pages[0].GetProperty("editor").GetString());
    }

    [Fact]
    public async Task Reading_an_unknown_chapter_gives_404()
    {
        var r = await _s.Get("/api/chapters/77");
        Assert.Equal(404, r.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Chapter] 77", r.ErrorMessage);
    }

    [Fact]
    public async Task Creating_a_book_returns_description_html_tags_and_a_null_cover()
    {
        var r = await _s.Post("/api/books", new { name = "Probe Book", description = "desc", tags = new[] { new { name = "source", value = "probe" } } });
        Assert.Equal(200, r.Status);
        string[] keys =
        [
            "id", "name", "slug", "description", "created_at", "updated_at", "created_by", "updated_by", "owned_by",
            "default_template_id", "description_html", "tags", "cover",
        ];
        Assert.Equal(keys, r.Json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("<p>desc</p>", r.Json.GetProperty("description_html").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Json.GetProperty("cover").ValueKind);
    }

    [Fact]
    public async Task A_book_description_html_gives_a_plain_description()
    {
        var r = await _s.Post("/api/books", new { name = "HTML", description_html = "<p>This is <strong>my</strong> book</p>" });
        Assert.Equal("This is my book", r.Json.GetProperty("description").GetString());
        Assert.Equal("<p>This is <strong>my</strong> book</p>", r.Json.GetProperty("description_html").GetString());
    }

    [Fact]
    public async Task Creating_a_book_without_book_create_permission_gives_403_before_validation()
    {
        _s.Server.DenyPermission("book-create-all");
        var r = await _s.Post("/api/books", "{}");
        Assert.Equal(403, r.Status);
    }

    [Fact]
    public async Task Reading_a_book_lists_top_level_chapters_and_pages_in_priority_order_with_urls()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Incidents");
        var inChapter = _s.Server.AddPage(_s.BookId, chapter, "In chapter", "x", []);
        var top = _s.Server.AddPage(_s.BookId, 0, "Top level", "y", []);
        var r = await _s.Get($"/api/books/{_s.BookId}");
        Assert.Equal(200, r.Status);
        var contents = r.Json.GetProperty("contents").EnumerateArray().ToArray();
        Assert.Equal(["chapter", "page"], contents.Select(c => c.GetProperty("type").GetString()!).ToArray());
        Assert.Equal($"{_s.Server.BaseUri}books/ops/chapter/incidents", contents[0].GetProperty("url").GetString());
        var nested = Assert.Single(contents[0].GetProperty("pages").EnumerateArray());
        Assert.Equal(inChapter, nested.GetProperty("id").GetInt32());
        Assert.False(nested.TryGetProperty("type", out _));
        Assert.Equal(top, contents[1].GetProperty("id").GetInt32());
        Assert.Equal($"{_s.Server.BaseUri}books/ops/page/top-level", contents[1].GetProperty("url").GetString());
        Assert.Equal(0, contents[1].GetProperty("chapter_id").GetInt32());
    }

    [Fact]
    public async Task Urls_use_the_configured_app_url()
    {
        _s.Server.AppUrl = "https://wiki.example.com/";
        _s.Server.AddPage(_s.BookId, 0, "Top level", "y", []);
        var r = await _s.Get($"/api/books/{_s.BookId}");
        Assert.Equal("https://wiki.example.com/books/ops/page/top-level", r.Json.GetProperty("contents")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Deleting_a_chapter_deletes_its_pages()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Doomed");
        var page = _s.Server.AddPage(_s.BookId, chapter, "Inside", "x", []);
        Assert.Equal(204, (await _s.Delete($"/api/chapters/{chapter}")).Status);
        Assert.Empty(_s.Server.Chapters);
        Assert.Equal(404, (await _s.Get($"/api/pages/{page}")).Status);
    }

    [Fact]
    public async Task Updating_a_chapter_renames_it_and_moving_to_an_unknown_book_gives_the_json_error_500()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Old");
        var renamed = await _s.Put($"/api/chapters/{chapter}", new { name = "New name" });
        Assert.Equal("new-name", renamed.Json.GetProperty("slug").GetString());
        var bad = await _s.Put($"/api/chapters/{chapter}", new { book_id = 999 });
        Assert.Equal(500, bad.Status);
        Assert.Equal("{\"message\":\"The selected book was not found\",\"status\":\"error\"}", bad.Body);
    }
}
