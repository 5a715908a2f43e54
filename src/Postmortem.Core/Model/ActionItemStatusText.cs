using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Postmortems
{
    /// <summary>
    /// An action item's status in words, as the page's Status column shows it and a reviewer types it: Open,
    /// In progress, Done (2026-12-01), Won't do: reason. Read back leniently (InProgress, won’t do, Done 2026-12-01),
    /// so a hand edit on the wiki counts; written one way only, so a page reads back as it was written.
    /// </summary>
    public static class ActionItemStatusText
    {
        private static readonly Regex WontDo = new Regex(
            @"^won(?:['’‘`´]?t|\s+not)\s*do(?![a-z])\s*(?:[:\-–—]\s*)?(?<reason>.*)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private static readonly Regex Done = new Regex(
            @"^done(?![a-z])\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        // After "Done": (2026-12-01), 2026-12-01, on 2026-12-01, : 2026-12-01.
        private static readonly Regex DoneDate = new Regex(
            @"^(?:[:\-–—]\s*)?(?:\(\s*(?:on\s+)?(?<date>[^()]*?)\s*\)|(?:on\s+)?(?<date>\S+))$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex InProgress = new Regex(@"^in[\s\-_]*progress$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>What comes before the reason of an item that won't be done.</summary>
        public const string WontDoPrefix = "Won't do: ";

        /// <summary>What the Status column says a value can be.</summary>
        public const string Forms = "Open, In progress, Done, Done (YYYY-MM-DD) or Won't do: the reason";

        /// <summary>The status alone in words: Open, In progress, Done, Won't do.</summary>
        public static string Label(ActionItemStatus status) => status switch
        {
            ActionItemStatus.Open => "Open",
            ActionItemStatus.InProgress => "In progress",
            ActionItemStatus.Done => "Done",
            ActionItemStatus.WontDo => "Won't do",
            _ => status.ToString(),
        };

        /// <summary>The status with what goes with it: Done (2026-12-01), Won't do: the reason.</summary>
        public static string Format(ActionItemStatus status, string? reason, DateTime? doneDate) => status switch
        {
            ActionItemStatus.Done when doneDate.HasValue => "Done (" + doneDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")",
            ActionItemStatus.WontDo when reason is not null => WontDoPrefix + reason,
            _ => Label(status),
        };

        /// <summary>
        /// A status by its name (WontDo) or its words (Won't do), with nothing after it: what a draft's status: key holds.
        /// </summary>
        public static bool TryParseName(string text, out ActionItemStatus status)
        {
            var words = (Text.SingleLine(text) ?? string.Empty).Trim();
            foreach (ActionItemStatus value in Enum.GetValues(typeof(ActionItemStatus)))
            {
                if (words.Equals(value.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    status = value;
                    return true;
                }
            }
            if (InProgress.IsMatch(words))
            {
                status = ActionItemStatus.InProgress;
                return true;
            }
            var wontDo = WontDo.Match(words);
            if (wontDo.Success && wontDo.Groups["reason"].Length == 0)
            {
                status = ActionItemStatus.WontDo;
                return true;
            }
            status = default;
            return false;
        }

        /// <summary>
        /// Reads a Status cell: the status, the reason of a WontDo, the date of a Done (null when the cell gives none).
        /// False, with <paramref name="problem"/> saying what is wrong and how to write it, for anything else, and for a
        /// Won't do without its reason. <paramref name="action"/>, when given, names the item in the problem.
        /// </summary>
        public static bool TryParse(string text, out ActionItemStatus status, out string? reason, out DateTime? doneDate, out string? problem, string? action = null)
        {
            var of = action is null ? "" : $" of '{action}'";
            status = ActionItemStatus.Open;
            reason = null;
            doneDate = null;
            problem = null;
            var words = (Text.SingleLine(text) ?? string.Empty).Trim();
            if (words.Equals("open", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (InProgress.IsMatch(words))
            {
                status = ActionItemStatus.InProgress;
                return true;
            }
            var wontDo = WontDo.Match(words);
            if (wontDo.Success)
            {
                reason = Text.SingleLine(wontDo.Groups["reason"].Value);
                if (reason is null)
                {
                    problem = $"the status '{words}'{of} says the item won't be done but not why; write it as Won't do: the reason";
                    return false;
                }
                status = ActionItemStatus.WontDo;
                return true;
            }
            var done = Done.Match(words);
            if (done.Success)
            {
                var rest = done.Groups["rest"].Value.Trim();
                status = ActionItemStatus.Done;
                if (rest.Length == 0) return true;
                // A page published by an earlier version wrote its dates with non-breaking hyphens.
                var dated = DoneDate.Match(rest.Replace('\u2011', '-'));
                if (dated.Success && DateTime.TryParseExact(dated.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    doneDate = date;
                    return true;
                }
                problem = $"the status '{words}'{of} has no date Done can take; write it as Done (YYYY-MM-DD), for example Done (2026-12-01), or Done alone";
                return false;
            }
            problem = $"the status '{words}'{of} is not one of {Forms}";
            return false;
        }
    }
}
