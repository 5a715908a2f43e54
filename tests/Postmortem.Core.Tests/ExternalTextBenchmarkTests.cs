using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Postmortems.Privacy;
using Xunit;
using Xunit.Abstractions;

namespace Postmortems.Tests
{
    /// <summary>
    /// The internal-detail scanner on real text: customer-facing incident reports from public status pages and blogs
    /// (which must pass), and careless external versions of real and sample postmortems with their internal detail
    /// marked (which must be refused, every detail found). docs/benchmarks.md quotes the figures this prints.
    /// </summary>
    public class ExternalTextBenchmarkTests
    {
        private readonly ITestOutputHelper _output;

        public ExternalTextBenchmarkTests(ITestOutputHelper output) => _output = output;

        private static readonly IReadOnlyList<ExternalText> CustomerTexts = ExternalText.Load("customer");
        private static readonly IReadOnlyList<ExternalText> InternalTexts = ExternalText.Load("internal");

        [Fact]
        public void The_corpus_has_the_texts_the_benchmark_promises()
        {
            Assert.True(CustomerTexts.Count >= 15, $"{CustomerTexts.Count} customer texts");
            Assert.True(InternalTexts.Count >= 6, $"{InternalTexts.Count} internal texts");
            Assert.All(CustomerTexts, t => Assert.Empty(t.Planted));
            Assert.All(InternalTexts, t => Assert.True(t.Planted.Count >= 6, $"{t}: {t.Planted.Count} planted details"));
            // Every kind is planted somewhere, so recall is measured for each.
            var planted = InternalTexts.SelectMany(t => t.Planted).Select(p => p.Kind).Distinct().ToList();
            Assert.Equal(Enum.GetValues(typeof(InternalDetailKind)).Length, planted.Count);
        }

        [Fact]
        public void Customer_facing_reports_pass_with_their_company_s_public_domains()
        {
            var report = new StringBuilder();
            var mistakes = new List<string>();
            int characters = 0;
            foreach (var text in CustomerTexts)
            {
                characters += text.Text.Length;
                var found = InternalDetails.Find(text.Text, text.Source, text.Options);
                report.AppendLine($"{text.Name}: {found.Count} finding(s){(text.Source is null ? "" : " (with its internal postmortem)")}");
                mistakes.AddRange(found.Select(f => $"{text.Name}: {f}"));
            }
            report.AppendLine($"{CustomerTexts.Count} texts, {characters:N0} characters: {mistakes.Count} false positive(s)");
            // What a check costs once warm: each text with its options (and its postmortem, when it has one).
            var watch = System.Diagnostics.Stopwatch.StartNew();
            const int Rounds = 20;
            for (int i = 0; i < Rounds; i++)
            {
                foreach (var text in CustomerTexts) InternalDetails.Find(text.Text, text.Source, text.Options);
            }
            report.AppendLine($"{watch.Elapsed.TotalMilliseconds / (Rounds * CustomerTexts.Count):F2} ms a text, warm");
            _output.WriteLine(report.ToString());
            foreach (var m in mistakes) _output.WriteLine(m);
            Assert.True(mistakes.Count == 0, string.Join("\n", mistakes));
        }

        [Fact]
        public void Customer_facing_reports_without_any_options_raise_few_findings()
        {
            // No public domains given: only what names a machine by its shape (a numbered host, an address) may be found.
            var found = CustomerTexts.SelectMany(t => InternalDetails.Find(t.Text, null).Select(f => $"{t.Name}: {f}")).ToList();
            _output.WriteLine($"Without options: {found.Count} finding(s) in {CustomerTexts.Count} texts");
            foreach (var f in found) _output.WriteLine(f);
            Assert.True(found.Count <= 6, string.Join("\n", found));
        }

        [Fact]
        public void Every_planted_internal_detail_is_found_and_little_else()
        {
            int planted = 0, recalled = 0, kindRight = 0, findings = 0, extra = 0;
            var missed = new List<string>();
            var extras = new List<string>();
            var otherKind = new List<string>();
            var byKind = new Dictionary<InternalDetailKind, (int Planted, int Found)>();
            foreach (var text in InternalTexts)
            {
                var found = InternalDetails.Find(text.Text, text.Source, text.Options);
                findings += found.Count;
                foreach (var p in text.Planted)
                {
                    planted++;
                    var hit = found.FirstOrDefault(f => f.Start < p.Start + p.Length && p.Start < f.Start + f.Length);
                    byKind.TryGetValue(p.Kind, out var counts);
                    if (hit is null) missed.Add($"{text.Name}: {p}");
                    else
                    {
                        recalled++;
                        counts.Found++;
                        if (hit.Kind == p.Kind) kindRight++;
                        else otherKind.Add($"{text.Name}: {p} found as {hit.Kind} '{hit.Value}'");
                    }
                    counts.Planted++;
                    byKind[p.Kind] = counts;
                }
                foreach (var f in found.Where(f => !text.Planted.Any(p => f.Start < p.Start + p.Length && p.Start < f.Start + f.Length)))
                {
                    extra++;
                    extras.Add($"{text.Name}: {f}");
                }
            }
            double precision = findings == 0 ? 1 : (double)(findings - extra) / findings;
            _output.WriteLine($"{InternalTexts.Count} texts: {planted} planted, {recalled} found (recall {(double)recalled / planted:P1}), " +
                $"{kindRight} of them as the planted kind; {findings} findings, {extra} on nothing planted (precision {precision:P1})");
            foreach (var pair in byKind.OrderBy(p => p.Key)) _output.WriteLine($"  {pair.Key}: {pair.Value.Found} of {pair.Value.Planted}");
            foreach (var m in missed) _output.WriteLine("missed " + m);
            foreach (var e in extras) _output.WriteLine("extra " + e);
            foreach (var k in otherKind) _output.WriteLine("found as another kind: " + k);
            Assert.True(missed.Count == 0, "missed:\n" + string.Join("\n", missed));
            Assert.True(extra <= 1, "found where nothing was planted:\n" + string.Join("\n", extras));
        }
    }
}
