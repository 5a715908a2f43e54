using System.Text;
using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §1 and §3: the error body, its exceptions (HTML 404, 405, 500s, 413) and unparseable bodies.</summary>
public sealed class ErrorShapeTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_validation_error_has_message_validation_and_code_in_that_order()
    {
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, html = "<p>x</p>" });
        Assert.Equal(422, r.Status);
        Assert.Equal("application/json", r.ContentType);
        Assert.StartsWith("{\"error\":{\"message\":\"The given data was invalid.\",\"validation\":{\"name\":[\"The name field is required.\"]},\"code\":422}}", r.Body);
    }

    [Fact]
    public async Task A_plain_error_has_only_message_and_code()
    {
        var r = await _s.Get("/api/pages/999999");
        Assert.Equal(404, r.Status);
        Assert.Equal("{\"error\":{\"message\":\"Page not found\",\"code\":404}}", r.Body);
    }

    [Fact]
    public async Task Json_is_written_as_php_does_with_escaped_slashes_and_unicode()
    {
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "Überblick", html = "<p>ä</p>" });
        Assert.Equal(200, r.Status);
        Assert.Contains("\"name\":\"\\u00dcberblick\"", r.Body);
        Assert.Contains("<\\/p>", r.Body);
        Assert.Equal("Überblick", r.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_path_under_api_gives_an_html_404_without_rate_limit_headers()
    {
        var r = await _s.Get("/api/pagez");
        Assert.Equal(404, r.Status);
        Assert.StartsWith("text/html", r.ContentType);
        Assert.Contains("<!DOCTYPE html>", r.Body);
        Assert.Null(r.Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task An_unimplemented_export_path_is_an_html_404()
    {
        var r = await _s.Get("/api/pages/1/export/markdown");
        Assert.Equal(404, r.Status);
        Assert.StartsWith("text/html", r.ContentType);
    }

    [Fact]
    public async Task Patch_on_a_page_gives_405_listing_the_supported_methods()
    {
        var r = await _s.Send(HttpMethod.Patch, "/api/pages/1", "{\"name\":\"x\"}");
        Assert.Equal(405, r.Status);
        Assert.Equal("The PATCH method is not supported for route api/pages/1. Supported methods: GET, HEAD, PUT, DELETE.", r.ErrorMessage);
        Assert.Equal(405, r.ErrorCode);
    }

    [Fact]
    public async Task Put_on_the_page_collection_gives_405_with_get_head_post()
    {
        var r = await _s.Put("/api/pages", new { name = "x" });
        Assert.Equal(405, r.Status);
        Assert.Equal("The PUT method is not supported for route api/pages. Supported methods: GET, HEAD, POST.", r.ErrorMessage);
    }

    [Fact]
    public async Task A_non_numeric_page_id_gives_500_with_the_php_type_error()
    {
        var r = await _s.Get("/api/pages/abc");
        Assert.Equal(500, r.Status);
        Assert.StartsWith("BookStack\\Entities\\Queries\\PageQueries::findVisibleByIdOrFail(): Argument #1 ($id) must be of type int, string given", r.ErrorMessage);
        Assert.EndsWith("PageApiController.php on line 102", r.ErrorMessage);
    }

    [Fact]
    public async Task A_non_numeric_book_or_chapter_id_gives_404_because_they_use_intval()
    {
        var book = await _s.Get("/api/books/abc");
        var chapter = await _s.Get("/api/chapters/abc");
        Assert.Equal(404, book.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Book] 0", book.ErrorMessage);
        Assert.Equal(404, chapter.Status);
        Assert.Equal("No query results for model [BookStack\\Entities\\Models\\Chapter] 0", chapter.ErrorMessage);
    }

    [Fact]
    public async Task A_tag_without_a_name_gives_500_yet_the_page_is_created_without_tags()
    {
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "Half saved", html = "<p>x</p>", tags = new object[] { new { value = "v" } } });
        Assert.Equal(500, r.Status);
        Assert.Equal("Undefined array key \"name\"", r.ErrorMessage);
        var page = Assert.Single(_s.Server.Pages);
        Assert.Equal("Half saved", page.Name);
        Assert.Empty(page.Tags);
    }

    [Fact]
    public async Task A_json_body_without_content_type_gives_422_field_required_messages()
    {
        var r = await _s.Send(HttpMethod.Post, "/api/pages", StandIn.J(new { book_id = _s.BookId, name = "x", html = "<p>x</p>" }), contentType: null);
        Assert.Equal(422, r.Status);
        Assert.Equal(["book_id", "chapter_id", "name", "html", "markdown"], r.ValidationFields());
        Assert.Equal(["The name field is required."], r.Validation("name"));
        Assert.Empty(_s.Server.Pages);
    }

    [Fact]
    public async Task A_json_body_sent_as_text_plain_gives_422()
    {
        var r = await _s.Send(HttpMethod.Post, "/api/pages", StandIn.J(new { book_id = _s.BookId, name = "x", html = "<p>x</p>" }), contentType: "text/plain");
        Assert.Equal(422, r.Status);
        Assert.Equal(["The book id field is required when chapter id is not present."], r.Validation("book_id"));
    }

    [Fact]
    public async Task A_utf8_bom_before_the_json_gives_422()
    {
        var r = await _s.Send(HttpMethod.Post, "/api/pages", "\uFEFF" + StandIn.J(new { book_id = _s.BookId, name = "x", html = "<p>x</p>" }));
        Assert.Equal(422, r.Status);
        Assert.Equal(["The name field is required."], r.Validation("name"));
    }

    [Fact]
    public async Task A_cp1251_encoded_body_gives_422_while_utf8_cyrillic_works()
    {
        var raw = "{\"book_id\":" + _s.BookId + ",\"name\":\"Инструкция по сборке\",\"html\":\"<p>x</p>\"}";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pages")
        {
            Content = new ByteArrayContent(Encoding.GetEncoding(1251).GetBytes(raw)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", StandIn.Auth);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var cp1251 = await _s.Http.SendAsync(request);
        Assert.Equal(422, (int)cp1251.StatusCode);

        var utf8 = await _s.Send(HttpMethod.Post, "/api/pages", raw);
        Assert.Equal(200, utf8.Status);
        Assert.Equal("Инструкция по сборке", utf8.Json.GetProperty("name").GetString());
        Assert.Equal("instrukciia-po-sborke", utf8.Json.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_body_over_8_mib_gives_phps_json_413_and_nothing_is_written()
    {
        var big = new string('x', 9 * 1024 * 1024);
        var r = await _s.Post("/api/pages", new { book_id = _s.BookId, name = "Big", html = "<p>" + big + "</p>" });
        Assert.Equal(413, r.Status);
        Assert.Equal("application/json", r.ContentType);
        Assert.Equal("The server cannot receive the provided amount of data. Try again with less data or a smaller file.", r.ErrorMessage);
        Assert.Empty(_s.Server.Pages);
    }

    [Fact]
    public async Task A_form_encoded_post_with_bracketed_tags_creates_a_page()
    {
        var form = $"book_id={_s.BookId}&name=Form+page&html=%3Cp%3Ex%3C%2Fp%3E&tags[0][name]=k&tags[0][value]=v";
        var r = await _s.Send(HttpMethod.Post, "/api/pages", form, contentType: "application/x-www-form-urlencoded");
        Assert.Equal(200, r.Status);
        Assert.Equal("Form page", r.Json.GetProperty("name").GetString());
        Assert.Equal("k", r.Json.GetProperty("tags")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_form_post_with_method_put_updates_a_page()
    {
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "Before", html = "<p>x</p>" });
        var id = page.GetProperty("id").GetInt32();
        var r = await _s.Send(HttpMethod.Post, $"/api/pages/{id}", "_method=PUT&name=After", contentType: "application/x-www-form-urlencoded");
        Assert.Equal(200, r.Status);
        Assert.Equal("After", _s.Server.GetPage(id)!.Name);
    }
}
