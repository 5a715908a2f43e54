using System.Text.Json;
using Xunit;

namespace Postmortems.BookStackStandIn.Tests;

/// <summary>What BookStack does to an inline SVG when it stores a page (CONTRACT.md §11, observed on v24.02.3).</summary>
public sealed class InlineSvgTests : IDisposable
{
    private readonly StandIn _s = new();

    public void Dispose() => _s.Dispose();

    private async Task<(string Html, string RawHtml)> Store(string? html = null, string? markdown = null)
    {
        var page = await _s.CreatePage(markdown is null ? new { book_id = _s.BookId, name = "SVG", html } : new { book_id = _s.BookId, name = "SVG", markdown });
        var read = (await _s.Get($"/api/pages/{page.GetProperty("id").GetInt32()}")).Json;
        Assert.Equal(page.GetProperty("html").GetString(), read.GetProperty("html").GetString());
        return (read.GetProperty("html").GetString()!, read.GetProperty("raw_html").GetString()!);
    }

    private const string Chart =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\">" +
        "<defs><pattern id=\"pm-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0 6L6 0\"/></pattern>" +
        "<pattern id=\"bkmrk-pm-dots\" width=\"4\" height=\"4\"><circle cx=\"2\" cy=\"2\" r=\"1\"/></pattern>" +
        "<linearGradient id=\"pm-grad\"><stop offset=\"0\" stop-color=\"#39f\"/></linearGradient></defs>" +
        "<rect width=\"10\" height=\"10\" fill=\"url(#pm-hatch)\"/><rect width=\"10\" height=\"10\" fill=\"url(#bkmrk-pm-dots)\"/>" +
        "<g id=\"pm-events\"><circle cx=\"5\" cy=\"5\" r=\"2\"><title>14:02 Alert fired</title></circle></g>" +
        "</svg>";

    [Fact]
    public async Task Every_id_inside_an_svg_is_rewritten_from_the_elements_text_and_url_references_are_left_as_sent()
    {
        var (html, raw) = await Store(html: Chart);
        foreach (var stored in new[] { html, raw })
        {
            Assert.Contains("<pattern id=\"bkmrk-\" ", stored);                 // no text: just the prefix
            Assert.Contains("<pattern id=\"bkmrk-pm-dots\" ", stored);          // already a bookmark id: kept
            Assert.Contains("<lineargradient id=\"bkmrk--1\">", stored);        // unique on the page
            Assert.Contains("<g id=\"bkmrk-14%3A02-alert-fired-1\">", stored);  // its own text, urlencoded; the svg has it already
            Assert.Contains("fill=\"url(#pm-hatch)\"", stored);                 // now points at nothing
            Assert.Contains("fill=\"url(#bkmrk-pm-dots)\"", stored);            // still works
            Assert.DoesNotContain("id=\"pm-", stored);
            Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewbox=\"0 0 100 20\" id=\"bkmrk-14%3A02-alert-fired\"", stored);
        }
    }

    [Fact]
    public async Task Ids_are_rewritten_the_same_way_when_the_svg_comes_in_markdown()
    {
        var (html, _) = await Store(markdown: "Intro.\n\n<svg viewBox=\"0 0 10 10\">\n" + Chart[(Chart.IndexOf("<defs>", StringComparison.Ordinal))..] + "\n");
        Assert.Contains("<pattern id=\"bkmrk-\" ", html);
        Assert.Contains("<lineargradient id=\"bkmrk--1\">", html);
        Assert.Contains("fill=\"url(#pm-hatch)\"", html);
        Assert.Contains("<svg viewbox=\"0 0 10 10\" id=\"bkmrk-14%3A02-alert-fired\">", html);
    }

    [Fact]
    public async Task Ids_made_from_the_same_text_count_up_across_the_page()
    {
        var (html, _) = await Store(html: "<p>Same</p><div><span id=\"x\">Same</span><span id=\"y\">Same</span></div>");
        Assert.Equal("<p id=\"bkmrk-same\">Same</p><div id=\"bkmrk-samesame\"><span id=\"bkmrk-same-1\">Same</span><span id=\"bkmrk-same-2\">Same</span></div>", html);
    }

    [Fact]
    public async Task A_link_to_a_rewritten_id_follows_it_but_a_url_reference_does_not()
    {
        var (html, _) = await Store(html: "<svg><circle id=\"dot\" r=\"1\"></circle><use href=\"#dot\"></use><rect fill=\"url(#dot)\"></rect></svg>");
        Assert.Contains("<circle id=\"bkmrk--1\" r=\"1\"></circle><use href=\"#bkmrk--1\"></use><rect fill=\"url(#dot)\"></rect>", html);
    }

    [Fact]
    public async Task Element_and_attribute_names_are_stored_lower_cased_and_self_closed_svg_elements_get_end_tags()
    {
        var (html, raw) = await Store(html: Chart);
        foreach (var stored in new[] { html, raw })
        {
            Assert.Contains(" viewbox=\"0 0 100 20\"", stored);
            Assert.Contains(" patternunits=\"userSpaceOnUse\"", stored);   // values keep their case
            Assert.Contains("</lineargradient>", stored);
            Assert.Contains("<path d=\"M0 6L6 0\"></path>", stored);
            Assert.Contains("<stop offset=\"0\" stop-color=\"#39f\"></stop>", stored);
            Assert.DoesNotContain("/>", stored);
            Assert.DoesNotContain("viewBox", stored);
            Assert.DoesNotContain("linearGradient", stored);
        }
        var (upper, _) = await Store(html: "<DIV CLASS=\"x\"><P>Text</P></DIV>");
        Assert.Equal("<div class=\"x\" id=\"bkmrk-text\"><p>Text</p></div>", upper);
    }

    [Fact]
    public async Task Xlink_href_is_removed_from_what_is_shown_and_plain_href_is_kept()
    {
        var (html, raw) = await Store(html: "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#m\" href=\"#m\" x=\"1\"/></svg>");
        Assert.Contains("<use href=\"#m\" x=\"1\"></use>", html);
        Assert.Contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", html);
        Assert.Contains("<use xlink:href=\"#m\" href=\"#m\" x=\"1\"></use>", raw);   // stored as sent; only the shown html loses it
    }

    [Fact]
    public async Task A_javascript_link_is_removed_whole_with_its_content()
    {
        var (html, raw) = await Store(html: "<svg><a href=\"javascript:alert(1)\"><text x=\"1\">label</text></a><a href=\" JavaScript:x\">b</a><a href=\"https://example.org/\"><text>kept</text></a></svg>");
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(">label<", html);
        Assert.Contains("<a href=\"https://example.org/\"><text>kept</text></a>", html);
        Assert.Contains("<a href=\"javascript:alert(1)\"><text x=\"1\">label</text></a>", raw);
    }

    [Fact]
    public async Task Event_attributes_are_stripped_but_text_that_looks_like_one_is_kept()
    {
        var (html, raw) = await Store(html: "<svg onload=\"alert(1)\"><text x=\"1\" onClick='alert(2)' y=\"2\">onion=5</text></svg>");
        Assert.Contains("<svg id=\"bkmrk-onion%3D5\"><text x=\"1\" y=\"2\">onion=5</text></svg>", html);
        Assert.Contains("onclick='alert(2)'", raw);
    }

    [Fact]
    public async Task Title_tooltips_are_kept()
    {
        var (html, _) = await Store(html: "<svg><rect width=\"1\" height=\"1\"><title>Investigating: 09:15 to 09:52 UTC</title></rect></svg>");
        Assert.Contains("<rect width=\"1\" height=\"1\"><title>Investigating: 09:15 to 09:52 UTC</title></rect>", html);
    }

    [Fact]
    public async Task An_svg_whose_start_tag_is_alone_on_its_line_is_an_html_block_and_one_on_a_single_line_is_a_paragraph()
    {
        var (block, _) = await Store(markdown: "<svg viewBox=\"0 0 1 1\">\n<text>a_b_ *c*</text></svg>\n");
        Assert.Equal("<svg viewbox=\"0 0 1 1\" id=\"bkmrk-a_b_-%2Ac%2A\">\n<text>a_b_ *c*</text></svg>\n", block);

        var (inline, _) = await Store(markdown: "<svg viewBox=\"0 0 1 1\"><text>*c*</text></svg>\n");
        Assert.Equal("<p id=\"bkmrk-c\"><svg viewbox=\"0 0 1 1\"><text><em>c</em></text></svg></p>\n", inline);

        var (figure, _) = await Store(markdown: "<figure class=\"pm-chart\"><svg viewBox=\"0 0 1 1\"><text>*c*</text></svg></figure>\n");
        Assert.Equal("<figure class=\"pm-chart\" id=\"bkmrk-%2Ac%2A\"><svg viewbox=\"0 0 1 1\"><text>*c*</text></svg></figure>\n", figure);
    }
}

/// <summary>The SVG exchange a real v24.02.3 had (observed-v24.02.3/svg-and-revisions.json), replayed against the stand-in.</summary>
public sealed class ObservedSvgTests
{
    [SharedContractFact]
    public async Task The_observed_markdown_with_an_inline_svg_is_stored_and_shown_as_the_real_server_did()
    {
        var observed = SharedContract.Load("observed-v24.02.3/svg-and-revisions.json");
        using var s = new StandIn();
        var page = await s.CreatePage(new { book_id = s.BookId, name = "SVG probe", markdown = observed.GetProperty("sent_markdown").GetString() });

        var html = page.GetProperty("html").GetString()!;
        var raw = page.GetProperty("raw_html").GetString()!;
        var expectedHtml = observed.GetProperty("stored_html").GetString()!;
        var expectedRaw = observed.GetProperty("raw_html").GetString()!;

        // The parts §11 is about, one by one, so a difference in the approximate markdown rendering does not hide them.
        foreach (var fragment in new[]
        {
            "<pattern id=\"bkmrk-\" ", "<pattern id=\"bkmrk-pm-dots\" ", "<lineargradient id=\"bkmrk--1\">", "id=\"bkmrk-14%3A02-alert-fired-la\"",
            "fill=\"url(#pm-hatch)\"", "fill=\"url(#bkmrk-pm-dots)\"", "fill=\"url(#pm-grad)\"", " viewbox=\"0 0 600 120\"", " patternunits=\"userSpaceOnUse\"",
            "<use href=\"#pm-mark\" x=\"450\" y=\"20\"></use>", "<title>14:02 Alert fired</title>",
        })
        {
            Assert.Contains(fragment, expectedHtml);
            Assert.Contains(fragment, html);
        }
        Assert.DoesNotContain("xlink:href", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("onclick", html);
        Assert.Contains("xlink:href", raw);

        // And whole, which the stand-in's markdown rendering manages for this page.
        Assert.Equal(expectedHtml, html);
        Assert.Equal(expectedRaw, raw);
    }
}
