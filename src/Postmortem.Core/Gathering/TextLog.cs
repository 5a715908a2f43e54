using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.Gathering
{
    /// <summary>A regular expression that reads one line of a plain-text log: named groups time and message, and source optionally.</summary>
    public sealed class LinePattern
    {
        /// <summary>The longest one line may take to match; a pattern that backtracks longer fails that line, not the import.</summary>
        public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

        /// <summary>A pattern for lines such as '2026-11-20 14:02:11 ERROR connection refused', shown in help and errors.</summary>
        public const string Example = @"^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s+(?<level>\w+)\s+(?<message>.*)$";

        private LinePattern(Regex regex, string text)
        {
            Regex = regex;
            Text = text;
            HasSource = regex.GetGroupNames().Contains("source");
        }

        public Regex Regex { get; }

        public string Text { get; }

        public bool HasSource { get; }

        /// <summary>The pattern, or an ArgumentException that says what is wrong with it and how to write it.</summary>
        public static LinePattern Parse(string pattern)
        {
            if (string.IsNullOrWhiteSpace(pattern)) throw new ArgumentException($"-Pattern is empty. Give a regular expression with the named groups time and message, for example '{Example}'.");
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"-Pattern '{pattern}' is not a valid regular expression: {ex.Message}", ex);
            }
            var names = regex.GetGroupNames();
            var missing = new[] { "time", "message" }.Where(n => !names.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"-Pattern '{pattern}' has no named group {string.Join(" or ", missing.Select(n => $"(?<{n}>...)"))}. " +
                    $"Name the part that holds the time (?<time>...) and the part that holds the text (?<message>...), for example '{Example}'.");
            }
            return new LinePattern(regex, pattern);
        }
    }

    /// <summary>Reads a plain-text log a line at a time with a LinePattern: a line that does not match is skipped and counted, a time that cannot be read is that line's error.</summary>
    internal static class TextLog
    {
        private const string TooLong = "this line is longer than " + TimelineGatherer.LimitText + " (the most one record may hold), so it was skipped.";

        public static IEnumerable<(GatheredItem, bool)> Read(Stream stream, string source, GatherOptions options, GatherReport report)
        {
            var pattern = options.Pattern!;
            var reader = new LineReader(stream, TimelineGatherer.MaxRecordBytes);
            long number = 0;
            while (reader.Next(out var bytes, out bool tooLong))
            {
                long line = reader.LineNumber;
                if (tooLong)
                {
                    number++;
                    report.Read++;
                    yield return (GatheredItem.Failed($"{TimelineGatherer.Where(source, line, number)}: {TooLong}", line, number), false);
                    continue;
                }
                var text = (MemoryMarshal.TryGetArray(bytes, out var segment) ? Encoding.UTF8.GetString(segment.Array!, segment.Offset, segment.Count) : Encoding.UTF8.GetString(bytes.ToArray())).TrimEnd('\r');
                if (text.Trim().Length == 0) continue;
                number++;
                report.Read++;
                Match? match;
                try
                {
                    match = pattern.Regex.Match(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    match = null;
                }
                if (match is null)
                {
                    yield return (GatheredItem.Failed($"{TimelineGatherer.Where(source, line, number)}: -Pattern took longer than {LinePattern.MatchTimeout.TotalSeconds:0} s on this line, so it was skipped. Anchor the pattern (^...$) and avoid nested repeats such as (.*)*.", line, number), false);
                    continue;
                }
                if (!match.Success)
                {
                    report.Skipped++;
                    continue;
                }
                var time = match.Groups["time"];
                var message = match.Groups["message"];
                if (!SourceTime.TryParse(time.Success ? time.Value : null, options.Date, options.Time, out var utc, out var problem, out bool ambiguous))
                {
                    if (ambiguous && !report.IsFirstAmbiguous(line, number)) continue;
                    yield return (GatheredItem.Failed($"{TimelineGatherer.Where(source, line, number)}: {problem!.TrimEnd('.')}; the line was skipped.", line, number), false);
                    continue;
                }
                if (!message.Success || message.Value.Trim().Length == 0)
                {
                    yield return (GatheredItem.Failed($"{TimelineGatherer.Where(source, line, number)}: the (?<message>...) group matched no text, so the line was skipped.", line, number), false);
                    continue;
                }
                var from = pattern.HasSource && match.Groups["source"].Success && match.Groups["source"].Value.Trim().Length > 0 ? match.Groups["source"].Value.Trim() : "log";
                yield return (GatheredItem.Of(new TimelineEvent(utc, message.Value.Trim(), Milestone.None, from), line, number), true);
            }
        }
    }
}
