using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Postmortems.Rendering;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// BookStack rewrites every id inside an inline SVG and leaves <c>url(#...)</c> as it was (CONTRACT §11), so a
    /// chart that draws anything through an id shows empty boxes there. These fail if the chart depends on an id again.
    /// </summary>
    public sealed class ChartOnBookStackTests : IDisposable
    {
        private const string TokenId = "tkn1d";
        private const string Secret = "s3cr3t-never-shown-0123456789";
        private static readonly Regex PlainColour = new Regex("^(#[0-9a-f]{3}|#[0-9a-f]{6}|none)$");

        // SVG attributes in camel case that an HTML parser restores after BookStack stored them lower-cased.
        private static readonly HashSet<string> RestoredCamelCase = new HashSet<string> { "viewBox", "preserveAspectRatio" };

        private readonly BookStackServer _server = new BookStackServer();

        public ChartOnBookStackTests()
        {
            _server.Start();
            _server.AddToken(TokenId, Secret);
            _server.AddBook(79, "Ansiblestack");
        }

        public void Dispose() => _server.Dispose();

        private static IEnumerable<Postmortem> Samples()
        {
            yield return SamplePostmortems.CheckoutOutage();
            yield return SamplePostmortems.JustStarted();
            yield return TimelineChartTests.Short();
            yield return TimelineChartTests.MultiDay();
            var generator = new PostmortemGenerator(20261202);
            for (int i = 0; i < 300; i++) yield return generator.Next();
        }

        [Fact]
        public void No_chart_refers_to_an_id_and_every_fill_and_stroke_is_a_plain_colour()
        {
            int charts = 0;
            foreach (var p in Samples())
            {
                var chart = TimelineChart.Render(p);
                if (chart is null) continue;
                charts++;
                Assert.DoesNotContain("url(", chart);
                Assert.DoesNotContain("href", chart);
                Assert.DoesNotContain("<defs", chart);
                Assert.DoesNotContain("<use", chart);
                var svg = XDocument.Parse(chart);
                var elements = svg.Root!.DescendantsAndSelf().ToList();
                Assert.DoesNotContain(elements, e => e.Attribute("id") is not null);
                foreach (var attribute in elements.SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "fill" or "stroke"))
                {
                    Assert.Matches(PlainColour, attribute.Value);
                }
                var bands = elements.Where(e => (string?)e.Attribute("class") is "pm-phase" or "pm-swatch").ToList();
                Assert.All(bands, b => Assert.StartsWith("#", (string?)b.Attribute("fill")));
                Assert.All(elements.SelectMany(e => e.Attributes()), a => Assert.True(
                    a.Name.LocalName == a.Name.LocalName.ToLowerInvariant() || RestoredCamelCase.Contains(a.Name.LocalName),
                    $"'{a.Name.LocalName}' is stored lower-cased by BookStack, and no HTML parser restores its case"));
                Assert.All(elements, e => Assert.Equal(e.Name.LocalName.ToLowerInvariant(), e.Name.LocalName));
            }
            Assert.True(charts > 200, $"only {charts} of the samples have a chart");
        }

        private PublishedPage Publish(Postmortem p, PageFormat format)
        {
            var client = new BookStackClient(new BookStackConnection(_server.BaseUri, TokenId, Secret, allowUnencryptedAuthentication: true),
                retry: new BookStackRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(1) });
            var publisher = new PostmortemPublisher(client);
            return publisher.Execute(publisher.Plan(p, PublishTarget.Book(79), format));
        }

        [Theory]
        [InlineData(PageFormat.Markdown)]
        [InlineData(PageFormat.Html)]
        public void The_page_bookstack_stores_still_has_filled_phase_bands_and_tooltips(PageFormat format)
        {
            var p = SamplePostmortems.CheckoutOutage();
            var published = Publish(p, format);
            var stored = Assert.Single(_server.Pages);
            Assert.Equal(published.Id, stored.Id);

            foreach (var html in new[] { stored.Html, stored.RawHtml })
            {
                // The chart is an HTML block in a figure (HTML) or a div (markdown), which got the page's bookmark id, not
                // text in a paragraph.
                var figure = Regex.Match(html, "<(figure|div) class=\"pm-chart\" id=\"bkmrk-[^\"]*\">\\s*(<svg .*?</svg>)\\s*</\\1>", RegexOptions.Singleline);
                Assert.True(figure.Success, "the chart is not stored as a figure holding the svg");
                var svg = figure.Groups[2].Value;
                Assert.DoesNotContain("url(#", svg);
                Assert.DoesNotContain("href=\"#", svg);
                Assert.DoesNotContain(" id=", svg);   // nothing was there for the server to rewrite
                Assert.Contains(" viewbox=\"0 0 720 ", svg);   // stored lower-cased, as BookStack does

                var bands = Regex.Matches(svg, "<rect class=\"pm-phase\"[^>]*>").Cast<Match>().Select(m => m.Value).ToList();
                Assert.Equal(5, bands.Count);   // Undetected, Investigating, Recovering, Mitigated, Restored
                Assert.All(bands, band => Assert.Matches("fill=\"#[0-9a-f]{6}\" fill-opacity=\"[.0-9]+\"", band));
                var swatches = Regex.Matches(svg, "<rect class=\"pm-swatch\"[^>]*>").Cast<Match>().Select(m => m.Value).ToList();
                Assert.Equal(5, swatches.Count);
                Assert.All(swatches, swatch => Assert.Matches("fill=\"#[0-9a-f]{6}\"", swatch));

                Assert.Equal(p.Timeline.Count + 5 + 1, Regex.Matches(svg, "<title>").Count);   // events, bands and the chart's own
            }
        }
    }
}
