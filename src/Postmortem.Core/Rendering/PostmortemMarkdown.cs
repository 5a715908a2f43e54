using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Postmortems.Rules;
using System.Text.RegularExpressions;

namespace Postmortems.Rendering
{
    /// <summary>
    /// Renders a postmortem as the guide's Document Template: the same sections, in the same order, with the
    /// same headings and bold header fields. Empty sections stay and say so, so a reviewer sees what is missing.
    /// </summary>
    public static class PostmortemMarkdown
    {
        /// <summary>What an empty section shows.</summary>
        public const string NotYetWritten = "_Not yet written._";

        /// <summary>Between "Yes"/"No" and the description of what was lost.</summary>
        public const string DataLossSeparator = " — ";

        /// <summary>What an empty field shows.</summary>
        public const string NotSet = "_not set_";

        /// <summary>The first line of the timeline chart's block in the page.</summary>
        public const string ChartStart = "<!-- Timeline chart, drawn from the table above by Publish-Postmortem: edits to it are replaced on the next publish -->";

        /// <summary>The first line of the block that holds the page's style alone, when there is no chart.</summary>
        public const string StyleStart = "<!-- Table style, written by Publish-Postmortem so dates do not wrap: edits to it are replaced on the next publish -->";

        /// <summary>The last line of the style's block without a chart.</summary>
        public const string StyleEnd = "<!-- End of table style -->";

        /// <summary>
        /// The wiki page's own style for the template's tables: a Time cell, a Due Date, a Priority and the Action Items'
        /// headings never wrap. BookStack's tables break words anywhere (word-break: break-word) and size columns by
        /// their longest line, so a long action or link squeezed "2026-12-04" to "2026-1/2-04"; white-space: nowrap
        /// gives those cells their full width, and the Tracking cell's short text (32 characters at most) the same. A
        /// Status cell may hold a reason ("Won't do: ..."), so it wraps, but only between words: "Done (2026-12-01)"
        /// breaks before its date (written with non-breaking hyphens), never inside it. The Markdown page's tables are
        /// found by the heading BookStack gives an id (bkmrk-timeline, bkmrk-action-items), the HTML page's by their
        /// class. BookStack keeps a style element (v24.02.3); it applies to the page it is on, and only to the module's
        /// two tables.
        /// </summary>
        public const string PageStyle =
            "<style>[id^=\"bkmrk-timeline\"]+table td:first-child,[id^=\"bkmrk-action-items\"]+table td:nth-child(n+3):nth-child(-n+4)," +
            "[id^=\"bkmrk-action-items\"]+table td:nth-child(6),[id^=\"bkmrk-action-items\"]+table th,table.pm-timeline td:first-child," +
            "table.pm-action-items td:nth-child(n+3):nth-child(-n+4),table.pm-action-items td:nth-child(6),table.pm-action-items th{white-space:nowrap}[id^=\"bkmrk-action-items\"]+table td:nth-child(5),table.pm-action-items td:nth-child(5)" +
            "{word-break:normal;overflow-wrap:break-word}</style>";

        /// <summary>The last line of the timeline chart's block in the page.</summary>
        public const string ChartEnd = "<!-- End of timeline chart -->";

        /// <summary>
        /// The template in Markdown. With <paramref name="frontMatter"/>, YAML front matter first carries what the page
        /// cannot show (id, context, exact times, the review record), so the file reloads losslessly.
        /// </summary>
        public static string Render(Postmortem postmortem, bool frontMatter = false) =>
            Render(postmortem, new MarkdownOptions { FrontMatter = frontMatter });

        /// <summary>The template in Markdown, with or without front matter, the title heading and the timeline chart.</summary>
        public static string Render(Postmortem postmortem, MarkdownOptions options)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            if (options is null) throw new ArgumentNullException(nameof(options));
            var md = new StringBuilder(4096);
            if (options.FrontMatter) md.Append(Serialization.MarkdownFrontMatter.Write(postmortem)).Append('\n');

            if (options.TitleHeading) md.Append("# Postmortem: ").Append(MarkdownText.Inline(postmortem.Title)).Append("\n\n");
            WriteHeader(md, postmortem);
            Extras(md, postmortem, PostmortemSection.Header);

            Section(md, "Executive Summary");
            Paragraph(md, postmortem.ExecutiveSummary);
            Extras(md, postmortem, PostmortemSection.ExecutiveSummary);

            Section(md, "Timeline");
            WriteTimeline(md, postmortem);
            if (options.TimelineChart || options.UnbreakableDates) md.Append(ChartBlock(postmortem, options.TimelineChart, options.UnbreakableDates));
            Extras(md, postmortem, PostmortemSection.Timeline);

            Section(md, "Impact");
            WriteImpact(md, postmortem.Impact);
            Extras(md, postmortem, PostmortemSection.Impact);

            Section(md, "Root Cause");
            Paragraph(md, postmortem.RootCause);
            if (postmortem.Whys.Count > 0)
            {
                md.Append("### 5 Whys\n\n");
                NumberedList(md, postmortem.Whys);
            }
            // The named chains after the root cause's own, each numbered from 1 under its own heading.
            foreach (var chain in postmortem.WhyChains)
            {
                md.Append("### ").Append(MarkdownText.Inline(WhyChains.HeadingPrefix + chain.Name)).Append("\n\n");
                NumberedList(md, chain.Whys);
            }
            Extras(md, postmortem, PostmortemSection.RootCause);

            Section(md, "Contributing Factors");
            BulletList(md, postmortem.ContributingFactors);
            Extras(md, postmortem, PostmortemSection.ContributingFactors);

            Section(md, "What Went Well");
            BulletList(md, postmortem.WentWell);
            Extras(md, postmortem, PostmortemSection.WentWell);

            Section(md, "What Went Poorly");
            BulletList(md, postmortem.WentPoorly);
            Extras(md, postmortem, PostmortemSection.WentPoorly);

            Section(md, "Action Items");
            WriteActionItems(md, postmortem.ActionItems, postmortem.TrackingUrl);
            Extras(md, postmortem, PostmortemSection.ActionItems);

            Section(md, "Lessons Learned");
            Paragraph(md, postmortem.LessonsLearned);
            Extras(md, postmortem, PostmortemSection.LessonsLearned);

            // Links only when there are any, so a postmortem without renders as the template alone.
            if (postmortem.Links.Count > 0)
            {
                Section(md, "Links");
                foreach (var link in postmortem.Links) md.Append("- **").Append(link.Kind).Append(":** ").Append(Link(link.Title, link.Uri)).Append('\n');
                md.Append('\n');
            }

            // The external version only when it has text, so a postmortem without one renders as before.
            if (!postmortem.External.IsEmpty) WriteExternal(md, postmortem.External);

            // One newline at the end, not two.
            md.Length--;
            return md.ToString();
        }

        /// <summary>
        /// The Markdown with the timeline chart at the end of the Timeline section, as <see cref="MarkdownOptions.TimelineChart"/>
        /// writes it, for a renderer that keeps inline SVG (BookStack's does). The module's own HTML rendering inserts
        /// the chart itself instead.
        /// </summary>
        public static string WithTimelineChart(string markdown, Postmortem postmortem)
        {
            var block = ChartBlock(postmortem, chart: true, style: false);
            // User text is escaped, so the only line that reads "## Timeline" is the template's own heading, and the
            // next line starting "## " is the next section's.
            int at = markdown.StartsWith("## Timeline\n", StringComparison.Ordinal) ? 0 : markdown.IndexOf("\n## Timeline\n", StringComparison.Ordinal);
            if (block.Length == 0 || at < 0) return markdown;
            int next = markdown.IndexOf("\n## ", at + 1, StringComparison.Ordinal);
            if (next < 0) return markdown.TrimEnd('\n') + "\n\n" + block.TrimEnd('\n') + "\n";
            return markdown.Insert(next + 1, block);
        }

        /// <summary>
        /// The chart as one block between two HTML comments, each on a line of its own, and a blank line after: the SVG
        /// on one line inside a div, whose line opens an HTML block that CommonMark keeps as it is up to the next blank
        /// line. A line that starts with &lt;svg does not open one unless the tag stands alone on it, and the chart's
        /// text would be read as Markdown. Empty when there is no chart (no events).
        /// </summary>
        /// With <paramref name="style"/>, the page's <see cref="PageStyle"/> is the block's first line after the comment,
        /// chart or no chart.
        private static string ChartBlock(Postmortem postmortem, bool chart, bool style)
        {
            var oneLine = chart ? TimelineChart.RenderOneLine(postmortem) : null;
            if (oneLine is null && !style) return string.Empty;
            var block = new StringBuilder(oneLine is null ? StyleStart : ChartStart).Append('\n');
            if (style) block.Append(PageStyle).Append('\n');
            if (oneLine is not null) block.Append("<div class=\"pm-chart\">").Append(oneLine).Append("</div>\n");
            return block.Append(oneLine is null ? StyleEnd : ChartEnd).Append("\n\n").ToString();
        }

        private static readonly Regex DurationPattern = new Regex(
            @"^(?<h>\d{1,6}):(?<m>[0-5]\d)(?::(?<s>[0-5]\d(?:\.\d{1,7})?))?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Reads a duration as <see cref="FormatDuration"/> writes it: HH:MM, hours running past 24 (72:05), with
        /// optional seconds (01:47:30).
        /// </summary>
        public static bool TryParseDuration(string text, out TimeSpan duration)
        {
            duration = default;
            var match = DurationPattern.Match(text.Trim());
            if (!match.Success) return false;
            duration = TimeSpan.FromHours(int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture))
                       + TimeSpan.FromMinutes(int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture));
            if (match.Groups["s"].Success) duration += TimeSpan.FromTicks((long)Math.Round(decimal.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
            return true;
        }

        /// <summary>The template's Duration: HH:MM, hours running past 24 for a long incident.</summary>
        /// <summary>
        /// A duration as a person reads it, HH:MM, rounded to the nearest minute (00:47:31 is 00:47, 00:47:30 is
        /// 00:48), as every table and view shows one.
        /// </summary>
        public static string FormatDuration(TimeSpan duration) =>
            Minutes((long)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero));

        /// <summary>A duration cut down to the minute, as pages written before the module rounded showed it.</summary>
        internal static string FloorDuration(TimeSpan duration) => Minutes((long)Math.Floor(duration.TotalMinutes));

        /// <summary>Whether a page's Duration text shows this duration, as the module writes it now or wrote it before.</summary>
        internal static bool Shows(string text, TimeSpan duration) => text == FormatDuration(duration) || text == FloorDuration(duration);

        private static string Minutes(long minutes) => string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", minutes / 60, minutes % 60);

        private static void WriteHeader(StringBuilder md, Postmortem p)
        {
            var fields = new List<string>
            {
                "**Date:** " + (p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NotSet),
                "**Duration:** " + (p.Duration is TimeSpan d ? FormatDuration(d) : NotSet),
                "**Severity:** " + (p.Severity?.ToString() ?? NotSet),
                "**Status:** " + (p.Status?.ToString() ?? NotSet),
                "**Author(s):** " + Names(p.Authors),
                "**Reviewers:** " + Names(p.Reviewers),
            };
            // Who approved it, and when: shown only, the sign-offs themselves are kept in the front matter and the draft.
            if (p.SignOffs.Count > 0)
            {
                fields.Add("**Signed off:** " + Names(p.SignOffs.Select(s => s.Reviewer).ToList(),
                    i => " (" + p.SignOffs[i].Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC)"));
            }
            // Consecutive lines as in the template; the trailing backslash keeps each on its own line when rendered.
            md.Append(string.Join("\\\n", fields)).Append("\n\n");
        }

        /// <summary>
        /// A list of names, joined with commas, or with semicolons when a name holds a comma ("Doe, Jane; Ann Lee"), so
        /// the page reads as the list it is. A semicolon inside a name is escaped, so the reader splits only between
        /// names; so is a comma in a list of one name, which has no semicolon to split at (the page shows no escape).
        /// </summary>
        private static string Names(IReadOnlyList<string> names, Func<int, string>? after = null)
        {
            if (names.Count == 0) return NotSet;
            var separator = names.Any(n => n.IndexOf(',') >= 0) ? "; " : ", ";
            return string.Join(separator, names.Select((name, i) =>
            {
                var text = MarkdownText.Name(name, names.Count == 1 ? ";," : ";");
                return text + (after?.Invoke(i) ?? "");
            }));
        }

        private static void Section(StringBuilder md, string heading) => md.Append("## ").Append(heading).Append("\n\n");

        // The extra sections that stand after a template section: a heading of their own and their text.
        private static void Extras(StringBuilder md, Postmortem postmortem, PostmortemSection after)
        {
            foreach (var section in postmortem.Sections.After(after))
            {
                md.Append("## ").Append(MarkdownText.Inline(section.Name)).Append("\n\n");
                Paragraph(md, section.Text);
            }
        }

        /// <summary>
        /// The External Version, last: each of its parts under a heading of its own, an empty required part showing
        /// that it is not yet written, the title only when one is set, What Happened only when written.
        /// </summary>
        private static void WriteExternal(StringBuilder md, ExternalVersion external)
        {
            Section(md, "External Version");
            foreach (var field in ExternalVersion.Fields)
            {
                var text = external[field.Name];
                if (text is null && !field.Required) continue;
                md.Append("### ").Append(field.Heading).Append("\n\n");
                Paragraph(md, text);
            }
        }

        private static void Paragraph(StringBuilder md, string? text) =>
            md.Append(text is null ? NotYetWritten : MarkdownFreeText.Write(text, FreeTextPlace.Prose, "", "")).Append("\n\n");

        private static void NumberedList(StringBuilder md, IReadOnlyList<string> items)
        {
            for (int i = 0; i < items.Count; i++)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture) + ". ";
                md.Append(number).Append(MarkdownFreeText.Write(items[i], FreeTextPlace.ListItem, number, new string(' ', number.Length))).Append('\n');
            }
            md.Append('\n');
        }

        private static void BulletList(StringBuilder md, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
            {
                md.Append(NotYetWritten).Append("\n\n");
                return;
            }
            foreach (var item in items)
            {
                md.Append("- ").Append(MarkdownFreeText.Write(item, FreeTextPlace.ListItem, "- ", "  ")).Append('\n');
            }
            md.Append('\n');
        }

        /// <summary>A non-breaking hyphen, which pages published by an earlier version wrote in their dates.</summary>
        public const char NonBreakingHyphen = '\u2011';

        /// <summary>Between a date and its time in a Time cell of a page published by an earlier version.</summary>
        public const char NonBreakingSpace = '\u00a0';

        /// <summary>A table cell's date or time as the reader takes it: non-breaking hyphens and spaces as plain ones.</summary>
        public static string PlainDate(string text) => text.Replace(NonBreakingHyphen, '-').Replace(NonBreakingSpace, ' ');

        private static void WriteTimeline(StringBuilder md, Postmortem p)
        {
            var timeline = p.Timeline;
            if (timeline.Count == 0)
            {
                md.Append(NotYetWritten).Append("\n\n");
                return;
            }
            // A timeline on the incident's Date shows times alone. One that crosses midnight (or lies off the incident's
            // date, or has no date to lie on) shows the date once per day: on the first row and where the UTC day changes.
            // Events whose time is unknown show none and set no day; their places are only places.
            var timed = timeline.Where(e => !e.TimeUnknown).ToList();
            var firstDay = timed.Count > 0 ? timed[0].UtcTime.Date : timeline[0].UtcTime.Date;
            bool onDate = p.Date.HasValue && p.Date.Value.Date == firstDay && (timed.Count == 0 || timed[timed.Count - 1].UtcTime.Date == firstDay);
            bool showSeconds = timed.Any(e => e.UtcTime.Second != 0 || e.UtcTime.Millisecond != 0);
            var timeFormat = showSeconds ? "HH:mm:ss" : "HH:mm";
            DateTime? day = onDate ? firstDay : (DateTime?)null;

            md.Append("| Time (UTC) | Event | Milestone |\n|------------|-------|-----------|\n");
            foreach (var e in timeline)
            {
                md.Append("| ");
                if (e.TimeUnknown)
                {
                    md.Append(TimelineTime.UnknownText);
                }
                else
                {
                    var format = e.UtcTime.Date == day ? timeFormat : "yyyy-MM-dd " + timeFormat;
                    day = e.UtcTime.Date;
                    // An approximate time reads ~23:30 (or ~2026-11-20 23:30), here and wherever the page is read back.
                    md.Append(e.Approximate ? "~" : "").Append(e.UtcTime.ToString(format, CultureInfo.InvariantCulture));
                }
                md.Append(" | ").Append(MarkdownText.Cell(e.Event))
                  .Append(e.Source == TimelineEvent.ManualSource ? "" : " " + MarkdownText.SourceTag(e.Source))
                  .Append(" |").Append(e.Milestone == Milestone.None ? "" : " " + MilestoneGuide.Words(e.Milestone)).Append(" |\n");
            }
            md.Append('\n');
        }

        private static void WriteImpact(StringBuilder md, Impact impact)
        {
            string services = Names(impact.ServicesAffected);
            string dataLoss = impact.DataLoss switch
            {
                true => "Yes",
                false => "No",
                null => NotSet,
            };
            if (impact.DataLossDescription is not null)
            {
                var prefix = dataLoss + DataLossSeparator;
                dataLoss = prefix + MarkdownFreeText.Write(impact.DataLossDescription, FreeTextPlace.Field, "- **Data loss:** " + prefix, "  ", prefix);
            }
            md.Append("- **Services affected:** ").Append(services).Append('\n');
            md.Append("- **Users affected:** ").Append(Field("Users affected", impact.UsersAffected)).Append('\n');
            // The impact's times only when set, so a postmortem without them renders as the template alone.
            if (impact.DegradationStart is DateTime degraded) md.Append("- **").Append(DegradationLabel).Append(":** ").Append(WindowTime(degraded, null)).Append('\n');
            if (impact.ImpactStart.HasValue || impact.ImpactEnd.HasValue) md.Append("- **").Append(ImpactWindowLabel).Append(":** ").Append(Window(impact.ImpactStart, impact.ImpactEnd)).Append('\n');
            md.Append("- **Data loss:** ").Append(dataLoss).Append('\n');
            if (impact.DataLossStart.HasValue || impact.DataLossEnd.HasValue) md.Append("- **").Append(DataLossWindowLabel).Append(":** ").Append(Window(impact.DataLossStart, impact.DataLossEnd)).Append('\n');
            md.Append("- **Revenue/SLA impact:** ").Append(Field("Revenue/SLA impact", impact.RevenueImpact)).Append("\n\n");
        }

        /// <summary>The Impact line of <see cref="Impact.DegradationStart"/>.</summary>
        public const string DegradationLabel = "Degradation began";

        /// <summary>The Impact line of <see cref="Impact.ImpactStart"/> and <see cref="Impact.ImpactEnd"/>.</summary>
        public const string ImpactWindowLabel = "Impact window";

        /// <summary>The Impact line of <see cref="Impact.DataLossStart"/> and <see cref="Impact.DataLossEnd"/>.</summary>
        public const string DataLossWindowLabel = "Data-loss window";

        /// <summary>Between a window's start and its end.</summary>
        public const string WindowSeparator = " \u2013 ";

        /// <summary>
        /// A window as the Impact section shows it: "2017-01-31 17:20 UTC – 23:27 UTC (6 h 7 min)", the end's date only
        /// when it falls on another day (UTC) than the start, and a side not yet known as _not set_. A start after its end
        /// shows no length (the rule ImpactWindowOrder reports it).
        /// </summary>
        internal static string Window(DateTime? start, DateTime? end)
        {
            var text = (start is DateTime from ? WindowTime(from, null) : NotSet) + WindowSeparator + (end is DateTime to ? WindowTime(to, start) : NotSet);
            if (start is DateTime a && end is DateTime b && b >= a) text += " (" + WindowLength(b - a) + ")";
            return text;
        }

        /// <summary>
        /// An impact time as the page shows it, by <see cref="ReadableTime"/>: yyyy-MM-dd HH:mm UTC, with seconds when it
        /// has any (as the timeline's Time column shows them), and without the date when it is the day of <paramref name="sameDayAs"/>.
        /// What is finer than a second is kept in the front matter.
        /// </summary>
        internal static string WindowTime(DateTime time, DateTime? sameDayAs)
        {
            var shown = time.Second != 0 ? ReadableTime.UtcSeconds(time)! : ReadableTime.Utc(time)!;
            return sameDayAs is DateTime day && day.Date == time.Date ? shown.Substring("yyyy-MM-dd ".Length) : shown;
        }

        /// <summary>A window's length in words, to the nearest minute: 45 min, 6 h 7 min, 21 h, 50 h 5 min.</summary>
        internal static string WindowLength(TimeSpan length)
        {
            long minutes = (long)Math.Round(length.TotalMinutes, MidpointRounding.AwayFromZero);
            long hours = minutes / 60, rest = minutes % 60;
            if (hours == 0) return rest.ToString(CultureInfo.InvariantCulture) + " min";
            return hours.ToString(CultureInfo.InvariantCulture) + " h" + (rest == 0 ? "" : " " + rest.ToString(CultureInfo.InvariantCulture) + " min");
        }

        private static string Field(string label, string? text) =>
            text is null ? NotSet : MarkdownFreeText.Write(text, FreeTextPlace.Field, "- **" + label + ":** ", "  ");

        private static void WriteActionItems(StringBuilder md, IReadOnlyList<ActionItem> items, string? trackingUrl)
        {
            if (items.Count == 0)
            {
                md.Append(NotYetWritten).Append("\n\n");
                return;
            }
            md.Append("| Action | Owner | Due Date | Priority | Status | Tracking |\n|--------|-------|----------|----------|--------|----------|\n");
            foreach (var item in items)
            {
                var tracking = TrackingCell(item.Tracking, trackingUrl);
                md.Append("| ").Append(MarkdownText.Cell(item.Action))
                  .Append(" | ").Append(item.Owner is null ? NotSet : MarkdownText.Cell(item.Owner))
                  .Append(" | ").Append(item.DueDate is DateTime due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : NotSet)
                  .Append(" | ").Append(item.Priority?.ToString() ?? NotSet)
                  .Append(" | ").Append(StatusCell(item))
                  .Append(" |").Append(tracking.Length == 0 ? "" : " " + tracking)
                  .Append(" |\n");
            }
            md.Append('\n');
        }

        /// <summary>
        /// The Status cell in words, as <see cref="ActionItemStatusText"/> reads it back: Open, In progress,
        /// Done (2026-12-01) (Done alone when the day is not known), Won't do: and the reason, escaped as any cell text.
        /// The done date's hyphens do not break: the cell may wrap (for a reason) between words only, and a hyphen is a
        /// place to break, which split "Done (2026-11-" from "28)" on a real BookStack. The reader takes them as hyphens.
        /// </summary>
        private static string StatusCell(ActionItem item) =>
            item.StatusReason is string reason
                ? ActionItemStatusText.WontDoPrefix + MarkdownText.Cell(reason)
                : item.Status == ActionItemStatus.Done ? item.StatusText.Replace('-', NonBreakingHyphen) : item.StatusText;

        /// <summary>
        /// An action item's tracking as a link where it can be one, showing short text so the column stays narrow: an
        /// address ending in a ticket key shows the key ([PAY-1423](https://jira.example.com/browse/PAY-1423)), another
        /// address a short form of itself (<see cref="TrackingLinks.ShortText"/>); a key is a link by the postmortem's
        /// tracking URL pattern if it has one. Anything else is text; no tracking, an empty cell. The reader takes the
        /// link's address, so the whole address comes back.
        /// </summary>
        internal static string TrackingCell(string? tracking, string? trackingUrl)
        {
            if (tracking is null) return string.Empty;
            if (TrackingLinks.IsLinkable(tracking)) return Link(TrackingLinks.ShortText(tracking), tracking);
            if (TrackingLinks.IsKey(tracking) && TrackingLinks.UrlOf(tracking, trackingUrl) is string url) return Link(tracking, url);
            return MarkdownText.Cell(tracking, links: false);
        }

        // A link's text holds no link of its own: an address there stays text.
        internal static string Link(string text, string url) => "[" + MarkdownText.Cell(text, links: false) + "](" + MarkdownText.LinkDestination(url) + ")";
    }
}
