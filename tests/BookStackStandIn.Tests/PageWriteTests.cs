using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §6, §7 and §9: creating, reading, updating and deleting pages, with the validation rules.</summary>
public sealed class PageWriteTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Creating_from_html_returns_the_full_page_object_like_a_read()
    {
        var page = await _s.CreatePage(new
        {
            book_id = _s.BookId,
            name = "DB outage",
            html = "<h1>Title</h1><p>Para <b>bold</b></p><script>alert(1)</script>",
            tags = new[] { new { name = "postmortem-id", value = "abc" } },
        });
        string[] keys =
        [
            "id", "book_id", "chapter_id", "name", "slug", "html", "raw_html", "priority", "created_at", "updated_at",
            "created_by", "updated_by", "owned_by", "draft", "markdown", "revision_count", "template", "editor", "tags",
        ];
        Assert.Equal(keys, page.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(0, page.GetProperty("chapter_id").GetInt32());
        Assert.Equal("db-outage", page.GetProperty("slug").GetString());
        Assert.Equal("<h1 id=\"bkmrk-title\">Title</h1><p id=\"bkmrk-para-bold\">Para <b>bold</b></p>", page.GetProperty("html").GetString());
        Assert.Contains("<script id=\"bkmrk-alert%281%29\">alert(1)</script>", page.GetProperty("raw_html").GetString());
        Assert.Equal("", page.GetProperty("markdown").GetString());
        Assert.Equal("wysiwyg", page.GetProperty("editor").GetString());
        Assert.Equal(1, page.GetProperty("revision_count").GetInt32());
        Assert.False(page.GetProperty("draft").GetBoolean());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", page.GetProperty("created_at").GetString()!);
        Assert.Equal("2026-03-01T09:30:00.000000Z", page.GetProperty("updated_at").GetString());
        Assert.Equal("Admin", page.GetProperty("created_by").GetProperty("name").GetString());
        Assert.Equal(["name", "value", "order"], page.GetProperty("tags")[0].EnumerateObject().Select(p => p.Name).ToArray());

        var read = await _s.Get($"/api/pages/{page.GetProperty("id").GetInt32()}");
        Assert.Equal(page.GetRawText(), read.Json.GetRawText());
        Assert.False(read.Json.TryGetProperty("url", out _));
        Assert.False(read.Json.TryGetProperty("book_slug", out _));
    }

    [Fact]
    public async Task Markdown_links_angle_bracket_autolinks_but_not_bare_addresses_as_v24_02_3_does()
    {
        // Seen on a real BookStack v24.02.3 (2026-12-02): a bare address in markdown sent through the API stays text.
        var page = await _s.CreatePage(new
        {
            book_id = _s.BookId,
            name = "links",
            markdown = "See https://grafana.example.com/d/abc?x=1 for it.\n\nAngle: <https://runbooks.example.com/tls>",
        });
        var html = page.GetProperty("html").GetString()!;
        Assert.Contains("See https://grafana.example.com/d/abc?x=1 for it.", html);
        Assert.DoesNotContain("<a href=\"https://grafana", html);
        Assert.Contains("<a href=\"https://runbooks.example.com/tls\">https://runbooks.example.com/tls</a>", html);
    }

    [Fact]
    public async Task Creating_from_markdown_renders_html_and_sets_the_markdown_editor()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "MD", markdown = "# Summary\n\nThe **database** failed.\n\n- one\n- two" });
        Assert.Equal("markdown", page.GetProperty("editor").GetString());
        Assert.Equal("# Summary\n\nThe **database** failed.\n\n- one\n- two", page.GetProperty("markdown").GetString());
        var html = page.GetProperty("html").GetString()!;
        Assert.Contains("<h1 id=\"bkmrk-summary\">Summary</h1>", html);
        Assert.Contains("<p id=\"bkmrk-the-database-failed.\">The <strong>database</strong> failed.</p>", html);
        Assert.Contains("<li>one</li>", html);
    }

    [Fact]
    public async Task When_both_are_sent_markdown_wins_and_html_is_ignored()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "Both", markdown = "# from md", html = "<p>from html</p>" });
        Assert.Equal("<h1 id=\"bkmrk-from-md\">from md</h1>\n", page.GetProperty("html").GetString());
        Assert.Equal("markdown", page.GetProperty("editor").GetString());
    }

    [Fact]
    public async Task Chapter_id_wins_over_book_id_and_the_book_comes_from_the_chapter()
    {
        var otherBook = _s.Server.AddBook("Elsewhere");
        var chapter = _s.Server.AddChapter(otherBook, "Incidents");
        var page = await _s.CreatePage(new { book_id = _s.BookId, chapter_id = chapter, name = "P", html = "<p>x</p>" });
        Assert.Equal(chapter, page.GetProperty("chapter_id").GetInt32());
        Assert.Equal(otherBook, page.GetProperty("book_id").GetInt32());
    }

    [Fact]
    public async Task A_string_book_id_is_accepted()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId.ToString(), name = "String id", html = "<p>x</p>" });
        Assert.Equal(_s.BookId, page.GetProperty("book_id").GetInt32());
    }

    public static TheoryData<string, string, string> InvalidCreates => new()
    {
        { "{\"book_id\":1,\"html\":\"<p>x</p>\"}", "name", "The name field is required." },
        { "{\"book_id\":1,\"name\":\"   \",\"html\":\"<p>x</p>\"}", "name", "The name field is required." },
        { "{\"book_id\":1,\"name\":\"" + new string('x', 256) + "\",\"html\":\"<p>x</p>\"}", "name", "The name may not be greater than 255 characters." },
        { "{\"book_id\":1,\"name\":5,\"html\":\"<p>x</p>\"}", "name", "The name must be a string." },
        { "{\"name\":\"x\",\"html\":\"<p>x</p>\"}", "book_id", "The book id field is required when chapter id is not present." },
        { "{\"name\":\"x\",\"html\":\"<p>x</p>\"}", "chapter_id", "The chapter id field is required when book id is not present." },
        { "{\"book_id\":1,\"name\":\"x\"}", "html", "The html field is required when markdown is not present." },
        { "{\"book_id\":1,\"name\":\"x\"}", "markdown", "The markdown field is required when html is not present." },
        { "{\"book_id\":1,\"name\":\"x\",\"html\":\"\"}", "html", "The html field is required when markdown is not present." },
        { "{\"book_id\":1,\"name\":\"x\",\"markdown\":\"  \"}", "markdown", "The markdown field is required when html is not present." },
        { "{\"book_id\":1,\"name\":\"x\",\"html\":\"<p>x</p>\",\"tags\":\"a\"}", "tags", "The tags must be an array." },
        { "{\"book_id\":\"one\",\"name\":\"x\",\"html\":\"<p>x</p>\"}", "book_id", "The book id must be an integer." },
        { "{\"book_id\":1.5,\"name\":\"x\",\"html\":\"<p>x</p>\"}", "book_id", "The book id must be an integer." },
        { "{\"book_id\":1,\"chapter_id\":null,\"name\":\"x\",\"html\":\"<p>x</p>\"}", "chapter_id", "The chapter id must be an integer." },
        { "{\"book_id\":1,\"name\":\"x\",\"html\":\"<p>x</p>\",\"priority\":\"high\"}", "priority", "The priority must be an integer." },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task An_invalid_create_gives_422_with_the_observed_message(string body, string field, string message)
    {
        var r = await _s.Post("/api/pages", body);
        Assert.Equal(422, r.Status);
        Assert.Equal("The given data was invalid.", r.ErrorMessage);
        Assert.Equal([message], r.Validation(field));
        Assert.Empty(_s.Server.Pages);
    }

    [Fact]
    public async Task An_unknown_book_gives_404_no_query_results_for_book()
    {
        var r = await _s.Post("/api/pages", new { book_id = 999999, name = "x", html = "<p>x</p>" });
        Assert.Equal(404, r.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Book] 999999", r.ErrorMessage);
    }

    [Fact]
    public async Task An_unknown_chapter_gives_404_no_query_results_for_chapter()
    {
        var r = await _s.Post("/api/pages", new { chapter_id = 424242, name = "x", html = "<p>x</p>" });
        Assert.Equal(404, r.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Chapter] 424242", r.ErrorMessage);
    }

    [Fact]
    public async Task Without_page_create_permission_a_create_gives_403()
    {
        _s.Server.DenyPermission("page-create");
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "x", html = "<p>x</p>" });
        Assert.Equal(403, r.Status);
        Assert.Equal("You do not have permission to perform the requested action.", r.ErrorMessage);
    }

    [Fact]
    public async Task Names_are_stored_cut_to_191_characters()
    {
        var name = new string('n', 250);
        var page = await _s.CreatePage(new { book_id = _s.BookId, name, html = "<p>x</p>" });
        Assert.Equal(new string('n', 191), page.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Tags_are_trimmed_cut_to_191_and_empty_names_dropped_and_a_missing_value_becomes_empty()
    {
        var page = await _s.CreatePage(new
        {
            book_id = _s.BookId,
            name = "Tags",
            html = "<p>x</p>",
            tags = new object[]
            {
                new { name = "  severity ", value = "  SEV1  " },
                new { name = "   ", value = "dropped" },
                new { name = "long", value = new string('v', 300) },
                new { name = "novalue" },
            },
        });
        var tags = page.GetProperty("tags").EnumerateArray().ToArray();
        Assert.Equal(3, tags.Length);
        Assert.Equal("severity", tags[0].GetProperty("name").GetString());
        Assert.Equal("SEV1", tags[0].GetProperty("value").GetString());
        Assert.Equal(191, tags[1].GetProperty("value").GetString()!.Length);
        Assert.Equal("", tags[2].GetProperty("value").GetString());
        Assert.All(tags, t => Assert.Equal(0, t.GetProperty("order").GetInt32()));
    }

    [Fact]
    public async Task A_second_page_with_the_same_name_in_the_book_gets_a_random_slug_suffix()
    {
        var first = await _s.CreatePage(new { book_id = _s.BookId, name = "Hello Page", html = "<p>x</p>" });
        var second = await _s.CreatePage(new { book_id = _s.BookId, name = "Hello Page", html = "<p>y</p>" });
        var otherBook = _s.Server.AddBook("Other");
        var third = await _s.CreatePage(new { book_id = otherBook, name = "Hello Page", html = "<p>z</p>" });
        Assert.Equal("hello-page", first.GetProperty("slug").GetString());
        Assert.Matches("^hello-page-[A-Za-z0-9]{3}$", second.GetProperty("slug").GetString()!);
        Assert.Equal("hello-page", third.GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("Drawings via draw.io", "drawings-via-drawio")]
    [InlineData("INC-42: DNS (resolver) failure!", "inc-42-dns-resolver-failure")]
    [InlineData("snake_case @ work", "snake-case-at-work")]
    [InlineData("Ünïcödé déjà vu", "unicode-deja-vu")]
    public async Task Slugs_follow_laravel_str_slug(string name, string slug)
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name, html = "<p>x</p>" });
        Assert.Equal(slug, page.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_name_with_no_latin_letters_gets_five_random_hex_characters_as_slug()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "日本語のページ", html = "<p>x</p>" });
        Assert.Matches("^[0-9a-f]{5}$", page.GetProperty("slug").GetString()!);
    }

    [Fact]
    public async Task Pages_go_after_the_last_item_of_their_parent_unless_a_priority_is_given()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Chapter");
        var inChapter = await _s.CreatePage(new { chapter_id = chapter, name = "A", html = "<p>x</p>" });
        var top = await _s.CreatePage(new { book_id = _s.BookId, name = "B", html = "<p>x</p>" });
        var chosen = await _s.CreatePage(new { book_id = _s.BookId, name = "C", html = "<p>x</p>", priority = 15 });
        Assert.Equal(1, inChapter.GetProperty("priority").GetInt32());
        Assert.Equal(3, top.GetProperty("priority").GetInt32());
        Assert.Equal(15, chosen.GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task A_partial_update_keeps_the_content_and_bumps_revision_count_and_updated_at()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "Before", markdown = "Body text" });
        var id = page.GetProperty("id").GetInt32();
        _s.Clock.Advance(TimeSpan.FromMinutes(5));
        var r = await _s.Put($"/api/pages/{id}", new { name = "After" });
        Assert.Equal(200, r.Status);
        Assert.Equal("After", r.Json.GetProperty("name").GetString());
        Assert.Equal("after", r.Json.GetProperty("slug").GetString());
        Assert.Equal("Body text", r.Json.GetProperty("markdown").GetString());
        Assert.Equal(2, r.Json.GetProperty("revision_count").GetInt32());
        Assert.Equal("2026-03-01T09:35:00.000000Z", r.Json.GetProperty("updated_at").GetString());
        Assert.Equal("2026-03-01T09:30:00.000000Z", r.Json.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Every_update_bumps_revision_count_even_tags_only_or_empty()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "P", html = "<p>x</p>" })).GetProperty("id").GetInt32();
        await _s.Put($"/api/pages/{id}", new { tags = new[] { new { name = "a", value = "1" } } });
        await _s.Put($"/api/pages/{id}", "{}");
        Assert.Equal(3, _s.Server.GetPage(id)!.RevisionCount);
    }

    [Fact]
    public async Task Tags_on_update_replace_the_whole_set_an_empty_list_clears_and_omitting_keeps()
    {
        var id = (await _s.CreatePage(new
        {
            book_id = _s.BookId,
            name = "P",
            html = "<p>x</p>",
            tags = new[] { new { name = "a", value = "1" }, new { name = "b", value = "2" } },
        })).GetProperty("id").GetInt32();

        await _s.Put($"/api/pages/{id}", new { tags = new[] { new { name = "only", value = "this" } } });
        Assert.Equal([("only", "this")], _s.Server.GetPage(id)!.Tags);

        await _s.Put($"/api/pages/{id}", new { name = "Renamed" });
        Assert.Equal([("only", "this")], _s.Server.GetPage(id)!.Tags);

        var cleared = await _s.Put($"/api/pages/{id}", new { tags = Array.Empty<object>() });
        Assert.Equal(0, cleared.Json.GetProperty("tags").GetArrayLength());
        Assert.Empty(_s.Server.GetPage(id)!.Tags);
    }

    [Fact]
    public async Task An_empty_name_on_update_is_accepted_and_blanks_the_name_with_a_random_hex_slug()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "Named", html = "<p>x</p>" })).GetProperty("id").GetInt32();
        var r = await _s.Put($"/api/pages/{id}", new { name = "" });
        Assert.Equal(200, r.Status);
        Assert.Equal("", r.Json.GetProperty("name").GetString());
        Assert.Matches("^[0-9a-f]{5}$", r.Json.GetProperty("slug").GetString()!);
    }

    [Fact]
    public async Task Html_only_on_update_clears_the_markdown_and_switches_to_wysiwyg()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "P", markdown = "## now markdown" })).GetProperty("id").GetInt32();
        var r = await _s.Put($"/api/pages/{id}", new { html = "<p>back to html</p>" });
        Assert.Equal("", r.Json.GetProperty("markdown").GetString());
        Assert.Equal("wysiwyg", r.Json.GetProperty("editor").GetString());
        Assert.Equal("<p id=\"bkmrk-back-to-html\">back to html</p>", r.Json.GetProperty("html").GetString());
    }

    [Fact]
    public async Task An_update_with_invalid_data_gives_422_before_the_page_is_looked_up()
    {
        var r = await _s.Put("/api/pages/999999", new { name = 12, tags = "x" });
        Assert.Equal(422, r.Status);
        Assert.Equal(["name", "tags"], r.ValidationFields());
        Assert.Equal(["The name must be a string."], r.Validation("name"));
    }

    [Fact]
    public async Task Updating_a_missing_page_gives_404_page_not_found()
    {
        var r = await _s.Put("/api/pages/999999", new { name = "x" });
        Assert.Equal(404, r.Status);
        Assert.Equal("Page not found", r.ErrorMessage);
    }

    [Fact]
    public async Task Sending_chapter_id_on_update_moves_the_page_and_book_id_moves_it_back_to_the_top_level()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Incidents");
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "Mover", html = "<p>x</p>" })).GetProperty("id").GetInt32();
        var moved = await _s.Put($"/api/pages/{id}", new { chapter_id = chapter });
        Assert.Equal(chapter, moved.Json.GetProperty("chapter_id").GetInt32());
        var back = await _s.Put($"/api/pages/{id}", new { book_id = _s.BookId });
        Assert.Equal(0, back.Json.GetProperty("chapter_id").GetInt32());
        Assert.Equal(3, back.Json.GetProperty("revision_count").GetInt32());
    }

    [Fact]
    public async Task Moving_to_an_unknown_chapter_gives_404_and_changes_nothing()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "Stay", html = "<p>x</p>" })).GetProperty("id").GetInt32();
        var r = await _s.Put($"/api/pages/{id}", new { chapter_id = 999999, name = "Changed" });
        Assert.Equal(404, r.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Chapter] 999999", r.ErrorMessage);
        Assert.Equal("Stay", _s.Server.GetPage(id)!.Name);
    }

    [Fact]
    public async Task A_tag_without_name_on_update_saves_the_rest_clears_the_tags_and_gives_500()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "P", html = "<p>x</p>", tags = new[] { new { name = "a", value = "1" } } }))
            .GetProperty("id").GetInt32();
        var r = await _s.Put($"/api/pages/{id}", new { name = "Renamed", tags = new object[] { new { value = "v" } } });
        Assert.Equal(500, r.Status);
        var page = _s.Server.GetPage(id)!;
        Assert.Equal("Renamed", page.Name);
        Assert.Empty(page.Tags);
        Assert.Equal(1, page.RevisionCount);
    }

    [Fact]
    public async Task Delete_gives_204_with_an_empty_body_then_reads_give_404()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "Doomed", html = "<p>x</p>" })).GetProperty("id").GetInt32();
        var r = await _s.Delete($"/api/pages/{id}");
        Assert.Equal(204, r.Status);
        Assert.Equal("", r.Body);
        var read = await _s.Get($"/api/pages/{id}");
        Assert.Equal(404, read.Status);
        Assert.Equal("Page not found", read.ErrorMessage);
        Assert.Null(_s.Server.GetPage(id));
        Assert.Equal(404, (await _s.Delete($"/api/pages/{id}")).Status);
    }

    [Fact]
    public async Task Reading_renders_html_without_scripts_while_raw_html_keeps_them()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "S", html = "<p>ok</p><script>x()</script>" })).GetProperty("id").GetInt32();
        var read = (await _s.Get($"/api/pages/{id}")).Json;
        Assert.DoesNotContain("<script", read.GetProperty("html").GetString());
        Assert.Contains("<script", read.GetProperty("raw_html").GetString());
    }

    [Fact]
    public async Task Bookmark_ids_are_unique_within_a_page()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "Dup", html = "<p>same</p><p>same</p><p id=\"bkmrk-keep\">kept</p>" });
        var html = page.GetProperty("html").GetString()!;
        Assert.Equal(["bkmrk-same", "bkmrk-same-1", "bkmrk-keep"], Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray());
    }

    [Fact]
    public async Task Markdown_tables_task_lists_and_strikethrough_render_like_the_observed_server()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "MD", markdown = "# MD Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~strike~~" });
        const string expected = "<h1 id=\"bkmrk-md-title\">MD Title</h1>\n<table id=\"bkmrk-a-b-1-2\">\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n<ul id=\"bkmrk-done\">\n<li class=\"task-list-item\"><input checked disabled type=\"checkbox\"> done</li>\n</ul>\n<p id=\"bkmrk-strike\"><s>strike</s></p>\n";
        Assert.Equal(expected, page.GetProperty("html").GetString());
    }

    [Fact]
    public async Task The_v24_02_editor_option_leaves_html_pages_with_an_empty_editor()
    {
        _s.Server.EmptyEditorForHtmlPages = true;
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "Old", html = "<p>x</p>" });
        Assert.Equal("", page.GetProperty("editor").GetString());
        Assert.Equal(JsonValueKind.String, page.GetProperty("editor").ValueKind);
    }
}
