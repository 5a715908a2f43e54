using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Metrics;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>A postmortem found twice (its draft and its Markdown, the same id) is counted once: the file written last wins.</summary>
    public class DistinctPostmortemsTests
    {
        private static readonly Guid Id = new Guid("3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b");

        private static Postmortem Copy(string title, string? path, Severity severity)
        {
            var p = new Postmortem(title, Id) { Severity = severity, SourcePath = path };
            p.ActionItems.Add(new ActionItem($"Fix from {path ?? "memory"}"));
            return p;
        }

        private static readonly Dictionary<string, DateTime> Written = new Dictionary<string, DateTime>
        {
            ["/pm/a.yaml"] = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc),
            ["/pm/a.md"] = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc),
            ["/pm/b.yaml"] = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc),
        };

        [Fact]
        public void The_newer_file_wins_with_a_warning_naming_both()
        {
            var other = new Postmortem("other");
            var kept = DistinctPostmortems.Of(new[] { Copy("Cache outage", "/pm/a.yaml", Severity.P1), other, Copy("Cache outage", "/pm/a.md", Severity.P2) }, p => Written[p], out var warnings);
            Assert.Equal(2, kept.Count);
            Assert.Equal("/pm/a.md", kept[0].SourcePath);   // in the place the id first came
            Assert.Equal(Severity.P2, kept[0].Severity);
            Assert.Same(other, kept[1]);
            var warning = Assert.Single(warnings);
            Assert.Contains("'Cache outage' (3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b) came 2 times", warning);
            Assert.Contains("'/pm/a.md' (last written 2026-11-22 09:00:00 UTC)", warning);
            Assert.Contains("'/pm/a.yaml' (last written 2026-11-21 09:00:00 UTC)", warning);
            Assert.EndsWith("counted once, as '/pm/a.md', the file written last.", warning);
        }

        [Fact]
        public void Of_files_written_at_the_same_time_the_first_read_wins()
        {
            var kept = DistinctPostmortems.Of(new[] { Copy("x", "/pm/b.yaml", Severity.P3), Copy("x", "/pm/a.md", Severity.P2) }, p => Written[p], out var warnings);
            Assert.Equal("/pm/b.yaml", Assert.Single(kept).SourcePath);
            Assert.Single(warnings);
        }

        [Fact]
        public void A_copy_not_read_from_a_file_wins_over_files()
        {
            var kept = DistinctPostmortems.Of(new[] { Copy("x", "/pm/a.md", Severity.P2), Copy("x", null, Severity.P4) }, p => Written[p], out var warnings);
            Assert.Null(Assert.Single(kept).SourcePath);
            Assert.Contains("counted once, as the one not read from a file", Assert.Single(warnings));
        }

        [Fact]
        public void The_same_object_or_the_same_file_twice_is_one_copy_without_a_warning()
        {
            var p = Copy("x", "/pm/a.md", Severity.P2);
            var kept = DistinctPostmortems.Of(new[] { p, p, Copy("x", "/pm/a.md", Severity.P2) }, q => Written[q], out var warnings);
            Assert.Same(p, Assert.Single(kept));
            Assert.Empty(warnings);
        }

        [Fact]
        public void Of_many_copies_ten_are_named_and_the_rest_counted()
        {
            var files = Enumerable.Range(1, 2000).Select(i => Copy("x", $"/pm/copy-{i}.yaml", Severity.P2)).ToList();
            var kept = DistinctPostmortems.Of(files, p => new DateTime(2026, 11, 20).AddSeconds(int.Parse(p.Substring(9, p.Length - 14))), out var warnings);
            Assert.Equal("/pm/copy-2000.yaml", Assert.Single(kept).SourcePath);
            var warning = Assert.Single(warnings);
            Assert.Contains("came 2000 times", warning);
            Assert.Contains("and 1989 more", warning);
            Assert.True(warning.Length < 2000, warning);
        }

        [Fact]
        public void Measure_counts_the_postmortem_once()
        {
            var kept = DistinctPostmortems.Of(new[] { Copy("x", "/pm/a.yaml", Severity.P1), Copy("x", "/pm/a.md", Severity.P2) }, p => Written[p], out _);
            var measure = PostmortemMeasurer.Measure(kept.ToList(), new DateTime(2026, 12, 1));
            Assert.Equal(1, measure.Count);
            Assert.Equal("P2", Assert.Single(measure.Severity).Severity);
            Assert.Equal(1, Assert.Single(measure.ActionItems).Total);
        }
    }
}
