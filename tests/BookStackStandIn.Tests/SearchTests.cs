using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §5 (search) and §10: finding pages by identity tag through /api/search.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    private static int[] Ids(ApiResult r) => [.. r.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt32())];

    private Task<ApiResult> SearchFor(string query) => _s.Get("/api/search?query=" + Uri.EscapeDataString(query));

    [Fact]
    public async Task A_page_is_found_by_its_identity_tag_in_the_very_next_request()
    {
        var guid = Guid.NewGuid().ToString();
        var page = await _s.CreatePage(new { book_id = _s.BookId, name = "DB outage", html = "<p>x</p>", tags = new[] { new { name = "postmortem-id", value = guid } } });
        await _s.CreatePage(new { book_id = _s.BookId, name = "Other", html = "<p>y</p>", tags = new[] { new { name = "postmortem-id", value = "something-else" } } });

        var r = await SearchFor($"[postmortem-id={guid}] {{type:page}}");
        Assert.Equal(200, r.Status);
        Assert.Equal([page.GetProperty("id").GetInt32()], Ids(r));
        Assert.Equal(1, r.Json.GetProperty("total").GetInt32());
        var hit = r.Json.GetProperty("data")[0];
        string[] keys = ["id", "name", "slug", "book_id", "chapter_id", "draft", "template", "created_at", "updated_at", "url", "type", "tags", "preview_html"];
        Assert.Equal(keys, hit.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("page", hit.GetProperty("type").GetString());
        Assert.Equal($"{_s.Server.BaseUri}books/ops/page/db-outage", hit.GetProperty("url").GetString());
        Assert.Equal(guid, hit.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_tag_value_change_and_a_deletion_show_in_search_at_once()
    {
        var id = (await _s.CreatePage(new { book_id = _s.BookId, name = "P", html = "<p>x</p>", tags = new[] { new { name = "postmortem-id", value = "v1" } } }))
            .GetProperty("id").GetInt32();
        await _s.Put($"/api/pages/{id}", new { tags = new[] { new { name = "postmortem-id", value = "v2" } } });
        Assert.Empty(Ids(await SearchFor("[postmortem-id=v1]")));
        Assert.Equal([id], Ids(await SearchFor("[postmortem-id=v2]")));
        await _s.Delete($"/api/pages/{id}");
        Assert.Empty(Ids(await SearchFor("[postmortem-id=v2]")));
    }

    [Fact]
    public async Task A_tag_name_alone_matches_any_value_and_tag_values_compare_without_case()
    {
        var a = _s.Server.AddPage(_s.BookId, 0, "A", "x", [("severity", "SEV1")]);
        var b = _s.Server.AddPage(_s.BookId, 0, "B", "x", [("severity", "sev2")]);
        _s.Server.AddPage(_s.BookId, 0, "C", "x", [("team", "db")]);
        Assert.Equal([a, b], Ids(await SearchFor("[severity]")));
        Assert.Equal([a], Ids(await SearchFor("[severity=sev1]")));
        Assert.Equal([b], Ids(await SearchFor("[severity!=SEV1]")));
        // BookStack's tag operators sit between name and value with no spaces: [name like value] would keep the spaces.
        Assert.Equal([a, b], Ids(await SearchFor("[severitylikesev%]")));
    }

    [Fact]
    public async Task Type_filters_restrict_the_entity_types()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Outage chapter");
        var page = _s.Server.AddPage(_s.BookId, 0, "Outage page", "x", []);
        var both = await SearchFor("outage");
        Assert.Equal(["chapter", "page"], both.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).Order().ToArray());
        Assert.Equal([page], Ids(await SearchFor("outage {type:page}")));
        Assert.Equal([chapter], Ids(await SearchFor("outage {type:chapter}")));
    }

    [Fact]
    public async Task In_name_matches_part_of_the_name_and_plain_words_match_the_body_by_prefix()
    {
        var named = _s.Server.AddPage(_s.BookId, 0, "Hello Page", "nothing here", []);
        var body = _s.Server.AddPage(_s.BookId, 0, "Other", "The resolver crashed", []);
        Assert.Equal([named], Ids(await SearchFor("{in_name:ello} {type:page}")));
        Assert.Equal([body], Ids(await SearchFor("resolv")));
        var hit = (await SearchFor("resolv")).Json.GetProperty("data")[0];
        Assert.Contains("<strong>resolv</strong>", hit.GetProperty("preview_html").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Name_matches_outrank_body_matches()
    {
        var bodyOnly = _s.Server.AddPage(_s.BookId, 0, "Notes", "dns dns dns", []);
        var named = _s.Server.AddPage(_s.BookId, 0, "DNS failure", "x", []);
        Assert.Equal([named, bodyOnly], Ids(await SearchFor("dns {type:page}")));
    }

    [Fact]
    public async Task Drafts_are_not_found_by_words()
    {
        _s.Server.AddPage(_s.BookId, 0, "Secret draft", "draft words", [], draft: true);
        Assert.Empty(Ids(await SearchFor("secret")));
    }

    [Fact]
    public async Task A_search_without_query_gives_422()
    {
        var r = await _s.Get("/api/search");
        Assert.Equal(422, r.Status);
        Assert.Equal(["The query field is required."], r.Validation("query"));
        var tooMany = await _s.Get("/api/search?query=x&count=101");
        Assert.Equal(["The count may not be greater than 100."], tooMany.Validation("count"));
    }

    [Fact]
    public async Task Count_and_page_page_through_results_per_type()
    {
        for (int i = 0; i < 5; i++) _s.Server.AddPage(_s.BookId, 0, $"Alpha {i}", "x", [("kind", "alpha")]);
        var first = await SearchFor("[kind=alpha]");
        Assert.Equal(5, first.Json.GetProperty("total").GetInt32());
        var paged = await _s.Get("/api/search?query=" + Uri.EscapeDataString("[kind=alpha]") + "&count=2&page=2");
        Assert.Equal(2, paged.Json.GetProperty("data").GetArrayLength());
        Assert.Equal(5, paged.Json.GetProperty("total").GetInt32());
    }
}
