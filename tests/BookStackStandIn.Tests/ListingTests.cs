using System.Text.Json;
using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>CONTRACT §5: {data,total}, count, offset, sort, filters, the field lists and drafts.</summary>
public sealed class ListingTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    private int Page(string name, int chapterId = 0, bool draft = false, int createdBy = 1) =>
        _s.Server.AddPage(_s.BookId, chapterId, name, "Body of " + name, [], draft, createdBy);

    private static int[] Ids(ApiResult r) => [.. r.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt32())];

    [Fact]
    public async Task A_listing_has_data_and_the_filtered_total_and_defaults_to_100_rows()
    {
        for (int i = 0; i < 120; i++) Page($"Page {i:000}");
        var r = await _s.Get("/api/pages");
        Assert.Equal(200, r.Status);
        Assert.Equal(["data", "total"], r.Json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(120, r.Json.GetProperty("total").GetInt32());
        Assert.Equal(100, r.Json.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData("7", 7)]
    [InlineData("1000", 500)]
    [InlineData("abc", 500)]
    [InlineData("", 1)]
    public async Task Count_is_clamped_between_1_and_500_as_php_compares(string count, int expected)
    {
        for (int i = 0; i < 510; i++) Page($"P{i}");
        var r = await _s.Get($"/api/pages?count={count}");
        Assert.Equal(expected, r.Json.GetProperty("data").GetArrayLength());
        Assert.Equal(510, r.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Offset_skips_rows_and_a_negative_offset_counts_as_zero()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Page($"P{i}")).ToArray();
        Assert.Equal(ids[2..4], Ids(await _s.Get("/api/pages?count=2&offset=2")));
        Assert.Equal(ids[..2], Ids(await _s.Get("/api/pages?count=2&offset=-3")));
    }

    [Fact]
    public async Task Sort_with_a_minus_is_descending_and_with_a_plus_or_nothing_ascending()
    {
        var b = Page("Bravo");
        var a = Page("alpha");
        var c = Page("Charlie");
        Assert.Equal([c, b, a], Ids(await _s.Get("/api/pages?sort=-name")));
        Assert.Equal([a, b, c], Ids(await _s.Get("/api/pages?sort=%2Bname")));
        Assert.Equal([a, b, c], Ids(await _s.Get("/api/pages?sort=name")));
    }

    [Fact]
    public async Task An_unknown_sort_field_falls_back_to_id_and_keeps_the_direction_of_its_prefix()
    {
        // ListingResponseBuilder::sortQuery sets the direction from the '-' before it checks the field name.
        var ids = new[] { Page("Zed"), Page("Amy") };
        Assert.Equal(ids, Ids(await _s.Get("/api/pages?sort=book_slug")));
        Assert.Equal(ids.Reverse().ToArray(), Ids(await _s.Get("/api/pages?sort=-book_slug")));
    }

    [Fact]
    public async Task A_name_filter_ignores_case_and_trailing_spaces_like_mariadb()
    {
        var hello = Page("Hello Page");
        Page("Hello Pages");
        var r = await _s.Get("/api/pages?filter[name]=hello%20page%20%20");
        Assert.Equal([hello], Ids(r));
        Assert.Equal(1, r.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_name_filter_ignores_accents_like_unicode_ci()
    {
        var id = Page("Resume");
        Assert.Equal([id], Ids(await _s.Get("/api/pages?filter[name]=R%C3%A9sum%C3%A9")));
    }

    [Fact]
    public async Task Encoded_brackets_in_filter_keys_are_accepted()
    {
        var id = Page("Release notes");
        Page("Other");
        Assert.Equal([id], Ids(await _s.Get("/api/pages?filter%5Bname%5D=Release%20notes")));
    }

    [Fact]
    public async Task Like_filters_use_percent_for_any_run_and_underscore_for_one_character()
    {
        var a = Page("INC-101 db outage");
        var b = Page("INC-102 dns");
        Page("Retro INC-103");
        Assert.Equal([a, b], Ids(await _s.Get("/api/pages?filter[name:like]=inc-10%25")));
        Assert.Equal([b], Ids(await _s.Get("/api/pages?filter[name:like]=INC-1_2%25")));
    }

    [Fact]
    public async Task Numeric_operators_compare_ids_as_numbers()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Page($"P{i}")).ToArray();
        Assert.Equal(ids[3..], Ids(await _s.Get($"/api/pages?filter[id:gt]={ids[2]}")));
        Assert.Equal(ids[2..], Ids(await _s.Get($"/api/pages?filter[id:gte]={ids[2]}")));
        Assert.Equal(ids[..2], Ids(await _s.Get($"/api/pages?filter[id:lt]={ids[2]}")));
        Assert.Equal(ids[..3], Ids(await _s.Get($"/api/pages?filter[id:lte]={ids[2]}")));
        Assert.Equal(ids.Where(i => i != ids[2]).ToArray(), Ids(await _s.Get($"/api/pages?filter[id:ne]={ids[2]}")));
    }

    [Fact]
    public async Task Several_filters_are_combined_with_and_and_an_unknown_operator_is_eq()
    {
        var chapter = _s.Server.AddChapter(_s.BookId, "Incidents");
        var inChapter = Page("Same", chapter);
        Page("Same");
        Assert.Equal([inChapter], Ids(await _s.Get($"/api/pages?filter[name]=Same&filter[chapter_id]={chapter}")));
        Assert.Equal([inChapter], Ids(await _s.Get($"/api/pages?filter[chapter_id:bogus]={chapter}")));
    }

    [Fact]
    public async Task A_filter_on_a_field_outside_the_list_is_silently_ignored()
    {
        var ids = new[] { Page("One"), Page("Two") };
        var r = await _s.Get("/api/pages?filter[book_slug]=nothing-like-this&filter[revision_count]=99");
        Assert.Equal(200, r.Status);
        Assert.Equal(ids, Ids(r));
    }

    [Fact]
    public async Task Page_rows_carry_revision_count_editor_and_book_slug_but_no_tags()
    {
        _s.Server.AddPage(_s.BookId, 0, "Tagged", "text", [("k", "v")]);
        var row = (await _s.Get("/api/pages")).Json.GetProperty("data")[0];
        string[] expected =
        [
            "id", "book_id", "chapter_id", "name", "slug", "priority", "draft", "revision_count", "template",
            "created_at", "updated_at", "created_by", "updated_by", "owned_by", "editor", "book_slug",
        ];
        Assert.Equal(expected, row.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, row.GetProperty("revision_count").GetInt32());
        Assert.Equal("markdown", row.GetProperty("editor").GetString());
        Assert.Equal("ops", row.GetProperty("book_slug").GetString());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("created_by").ValueKind);
    }

    [Fact]
    public async Task The_token_users_own_drafts_are_listed_but_not_other_users_drafts()
    {
        var live = Page("Live");
        var mine = Page("My draft", draft: true);
        Page("Their draft", draft: true, createdBy: 9);
        var all = await _s.Get("/api/pages");
        Assert.Equal([live, mine], Ids(all));
        Assert.True(all.Json.GetProperty("data")[1].GetProperty("draft").GetBoolean());
        Assert.Equal([live], Ids(await _s.Get("/api/pages?filter[draft]=0")));
        Assert.Equal([live], Ids(await _s.Get("/api/pages?filter[draft]=false")));
    }

    [Fact]
    public async Task Dates_filter_as_dates()
    {
        var early = Page("Early");
        _s.Clock.Advance(TimeSpan.FromDays(2));
        var late = Page("Late");
        Assert.Equal([late], Ids(await _s.Get("/api/pages?filter[created_at:gt]=2026-03-02")));
        Assert.Equal([early], Ids(await _s.Get("/api/pages?filter[updated_at:lt]=2026-03-02%2000:00:00")));
    }

    [Fact]
    public async Task Books_list_with_their_fields_and_filter_by_name()
    {
        var other = _s.Server.AddBook("Platform Runbooks");
        var r = await _s.Get("/api/books?filter[name]=platform%20runbooks");
        Assert.Equal([other], Ids(r));
        string[] expected = ["id", "name", "slug", "description", "created_at", "updated_at", "created_by", "updated_by", "owned_by"];
        Assert.Equal(expected, r.Json.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Chapters_list_with_book_slug_and_filter_by_book_and_name()
    {
        var otherBook = _s.Server.AddBook("Other");
        var wanted = _s.Server.AddChapter(_s.BookId, "Incidents");
        _s.Server.AddChapter(otherBook, "Incidents");
        var r = await _s.Get($"/api/chapters?filter[book_id]={_s.BookId}&filter[name]=Incidents");
        Assert.Equal([wanted], Ids(r));
        Assert.Equal("ops", r.Json.GetProperty("data")[0].GetProperty("book_slug").GetString());
        Assert.Equal(2, (await _s.Get("/api/chapters")).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Deleted_pages_leave_the_listing()
    {
        var gone = Page("Gone");
        var kept = Page("Kept");
        Assert.Equal(204, (await _s.Delete($"/api/pages/{gone}")).Status);
        Assert.Equal([kept], Ids(await _s.Get("/api/pages")));
    }
}
