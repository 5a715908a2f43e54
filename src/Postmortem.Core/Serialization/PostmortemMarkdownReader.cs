using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Postmortems.Rules;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Postmortems.Rendering;

namespace Postmortems.Serialization
{
    /// <summary>
    /// Reads a postmortem from the Markdown the module renders, and from hand-edited versions of it (extra blank
    /// lines, other table alignment, rows moved, optional sections missing, other heading levels), through
    /// Markdig's syntax tree. The front matter, where present, restores what the page cannot show; where the page
    /// was edited so that the two disagree, the page wins.
    /// </summary>
    public static class PostmortemMarkdownReader
    {
        // Stand in for an escaped comma ("Doe\, Jane", as older files write it) and semicolon while a list of names is split.
        private const char EscapedComma = '\uE000';
        private const char EscapedSemicolon = '\uE001';

        private enum Part
        {
            None, ExecutiveSummary, Timeline, Impact, RootCause, Whys, ContributingFactors, WentWell, WentPoorly, ActionItems, LessonsLearned, Links,
        }

        public static ReadResult Read(string text, string source) => Read(text, source, null);

        /// <summary>
        /// Reads a postmortem, and also a wiki page's body, which may lack the title heading because the page's name
        /// carries the title: with no "# Postmortem: &lt;title&gt;" heading, <paramref name="fallbackTitle"/> is the title and
        /// everything before the first template section is the header.
        /// </summary>
        public static ReadResult Read(string text, string source, string? fallbackTitle)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            MarkdownDepth.Check(text, source);
            var state = new ReaderState(source);
            var (frontMatter, body, bodyLine) = SplitFrontMatter(text, source);
            state.Body = body;
            state.LineOffset = bodyLine - 1;
            var front = frontMatter is null ? null : FrontMatter.Read(frontMatter, source, state.Values);

            var document = Markdown.Parse(body, PostmortemHtml.Pipeline);
            var title = document.OfType<HeadingBlock>().FirstOrDefault(h => TitleOf(h) is not null);
            var titleText = title is null ? Text.SingleLine(fallbackTitle) : TitleOf(title)!.Value.Title;
            if (titleText is null)
            {
                throw new PostmortemFormatException(source, null,
                    "this Markdown file is not a postmortem: it has no '# Postmortem: <title>' heading. Write one at the top, or check the file is the one you meant.");
            }
            DateTime? headingDate = null;
            if (title is not null && TitleOf(title)!.Value.Date is string dateText)
            {
                if (!DateTime.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    throw state.Error(title, $"the date '{dateText}' in the heading is not a date; write it as YYYY-MM-DD, for example 2026-11-20");
                }
                headingDate = day;
            }
            var p = new Postmortem(titleText, front?.Id ?? Guid.NewGuid());
            if (front?.Context is IncidentContext context) p.Context = context;
            if (front is not null)
            {
                p.SignOffs.AddRange(front.SignOffs);
                p.Unlocks.AddRange(front.Unlocks);
                p.Publication = front.Publication;
                p.TrackingUrl = front.TrackingUrl;
                p.External.SignOffs.AddRange(front.External.External.SignOffs);
                p.External.Publication = front.External.External.Publication;
            }

            // Blocks by the section they stand under; what precedes the first section is the header. Without a title
            // heading the header starts at the top and runs to the first template section, over any heading of the
            // page's own: a wiki page often opens with one, and the header lines under it are still the header.
            var parts = new Dictionary<Part, List<Block>>();
            var header = new List<Block>();
            // A section heading the template does not have (Trigger, Where We Got Lucky, the team's own, one a reviewer
            // added) is an extra section, after the template section above it.
            var extras = new List<(string Name, PostmortemSection After, List<Block> Blocks, HeadingBlock Heading)>();
            // "### 5 Whys: Backups failed": a named why-chain, its list under it (at any level, wherever a reviewer put it).
            var chains = new List<(string Name, List<Block> Blocks, HeadingBlock Heading)>();
            var lastPart = PostmortemSection.Header;
            // The External Version: its parts by field (### Summary, ...), and what stands under its heading outside them.
            Dictionary<string, List<Block>>? external = null;
            var externalLoose = new List<Block>();
            List<Block>? target = title is null ? header : null;
            foreach (var block in document)
            {
                if (block == title)
                {
                    target = header;
                    continue;
                }
                if (block is HeadingBlock && (target is not null || parts.Count > 0))
                {
                    var heading = (HeadingBlock)block;
                    var headingText = PlainText(heading.Inline);
                    if (external is not null && heading.Level >= 3)
                    {
                        if (ExternalFieldOf(headingText) is not string field)
                        {
                            state.Values.Warnings.Add($"{source}, line {state.Line(block)}: the External Version's part '{headingText}' is none of "
                                + string.Join(", ", ExternalVersion.Fields.Select(f => f.Heading)) + "; it was not read.");
                            // Not read, but the headings after it still are: a null target would skip them too.
                            target = new List<Block>();
                            continue;
                        }
                        if (!external.TryGetValue(field, out target))
                        {
                            target = new List<Block>();
                            external[field] = target;
                        }
                        continue;
                    }
                    if (heading.Level <= 2 && ExternalFieldOf(headingText) == ExternalHeading)
                    {
                        external ??= new Dictionary<string, List<Block>>();
                        target = externalLoose;
                        continue;
                    }
                    if (heading.Level <= 2) external = null;
                    // A chain's name first: one without a letter ("5 Whys: ---") would read as the 5 Whys heading itself.
                    var chain = WhyChains.NameInHeading(headingText);
                    var part = chain is null ? PartOf(headingText) : Part.None;
                    if (part == Part.None && title is null && parts.Count == 0) continue;
                    if (chain is not null)
                    {
                        target = new List<Block>();
                        chains.Add((chain, target, heading));
                        lastPart = PostmortemSection.RootCause;
                        continue;
                    }
                    if (part == Part.None && heading.Level <= 2)
                    {
                        target = new List<Block>();
                        extras.Add((headingText, lastPart, target, heading));
                        continue;
                    }
                    if (part == Part.None)
                    {
                        state.Values.Warnings.Add($"{source}, line {state.Line(block)}: the section '{headingText}' is not part of the template and was ignored.");
                        target = new List<Block>();
                        continue;
                    }
                    lastPart = SectionOf(part);
                    if (!parts.TryGetValue(part, out target))
                    {
                        target = new List<Block>();
                        parts[part] = target;
                    }
                    continue;
                }
                target?.Add(block);
            }

            ReadHeader(state, p, header);
            // A BookStack page's name carries the date; the header's own Date, where there is one, wins. Set before
            // the timeline is read, so its times of day fall on that date.
            if (p.Date is null && headingDate is DateTime headingDay) p.Date = headingDay;
            p.ExecutiveSummary = Prose(state, Get(parts, Part.ExecutiveSummary));
            ReadTimeline(state, p, Get(parts, Part.Timeline), front);
            ReadImpact(state, p.Impact, Get(parts, Part.Impact), p.Date, front);
            p.RootCause = Prose(state, Get(parts, Part.RootCause));
            p.Whys.AddRange(ListItems(state, Get(parts, Part.Whys)));
            foreach (var (name, blocks, heading) in chains)
            {
                var whys = ListItems(state, blocks).ToList();
                foreach (var block in blocks.Where(b => b is not ListBlock && !IsNotYetWritten(b) && !IsHtml(b) && b is not ThematicBreakBlock))
                {
                    var outside = BlockText(block);
                    if (outside.Trim().Length > 0) state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the why-chain '{name}' holds {Quote(outside)} outside its numbered list, which was not read. Make it an item of the list to keep it.");
                }
                // A heading with no list under it holds no chain to keep.
                if (whys.Count == 0) continue;
                try
                {
                    p.WhyChains.AddAsWritten(name, whys);
                }
                catch (ArgumentException ex)
                {
                    throw state.Error(heading, Text.Problem(ex).TrimEnd('.'));
                }
            }
            p.ContributingFactors.AddRange(ListItems(state, Get(parts, Part.ContributingFactors)));
            p.WentWell.AddRange(ListItems(state, Get(parts, Part.WentWell)));
            p.WentPoorly.AddRange(ListItems(state, Get(parts, Part.WentPoorly)));
            ReadActionItems(state, p, Get(parts, Part.ActionItems), front);
            p.LessonsLearned = Prose(state, Get(parts, Part.LessonsLearned));
            ReadLinks(state, p, Get(parts, Part.Links));
            if (external is not null) ReadExternal(state, p, external, externalLoose);
            foreach (var (name, after, blocks, heading) in extras)
            {
                var written = Prose(state, blocks);
                // An empty section (or one holding only the template's placeholder, which Prose drops) holds nothing to keep.
                if (written is null) continue;
                try
                {
                    p.Sections.AddAsWritten(new ExtraSection(name, after, written));
                }
                catch (ArgumentException ex)
                {
                    throw state.Error(heading, Text.Problem(ex).TrimEnd('.'));
                }
            }
            ApplyDuration(state, p, front);
            // The state last: a final postmortem refuses changes, so it is filled first and locked after.
            if (front is not null) p.State = front.State;
            return new ReadResult(p, state.Values.Warnings, state.Columns);
        }

        /// <summary>
        /// Whether free text written into its place (<paramref name="written"/>, with what precedes it on its line) reads
        /// back as exactly <paramref name="expected"/>, and ends where it should: the next list item and the next section
        /// still follow it. The writer asks before it keeps a block of the text as Markdown.
        /// </summary>
        internal static bool ReadsBack(string written, FreeTextPlace place, string expected)
        {
            var document = place switch
            {
                FreeTextPlace.ListItem => written + "\n" + (written.Length > 0 && char.IsDigit(written[0]) ? "1. " : "- ") + "sentinel\n\n## Sentinel\n",
                FreeTextPlace.Field => written + "\n- **Sentinel:** x\n\n## Sentinel\n",
                _ => written + "\n\n## Sentinel\n",
            };
            var state = new ReaderState("check") { Body = document };
            var blocks = Markdown.Parse(document, PostmortemHtml.Pipeline).ToList();
            if (blocks.Count < 2 || blocks[blocks.Count - 1] is not HeadingBlock last || PlainText(last.Inline) != "Sentinel") return false;
            var content = blocks.Take(blocks.Count - 1).ToList();
            if (content.Any(b => b is HeadingBlock)) return false;
            switch (place)
            {
                case FreeTextPlace.ListItem:
                    if (content.Count != 1 || content[0] is not ListBlock) return false;
                    var items = ListItems(state, content).ToList();
                    return items.Count == 2 && items[0] == expected && items[1] == "sentinel";
                case FreeTextPlace.Field:
                    if (content.Count != 1 || content[0] is not ListBlock) return false;
                    var fields = ItemFields(state, content).ToList();
                    return fields.Count == 2 && fields[0].Value == expected && fields[1].Label == "Sentinel" && fields[1].Value == "x";
                default:
                    return Prose(state, content) == expected;
            }
        }

        private sealed class ReaderState
        {
            public ReaderState(string source)
            {
                Source = source;
                Values = new YamlValues(source);
            }

            public string Source { get; }

            public YamlValues Values { get; }

            public int LineOffset { get; set; }

            /// <summary>The columns the tables have by their headings: see <see cref="ReadResult.Columns"/>.</summary>
            public HashSet<string> Columns { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The Markdown after the front matter, which the blocks' spans and lines count in.</summary>
            public string Body { get; set; } = string.Empty;

            private string[]? _bodyLines;

            public string[] BodyLines => _bodyLines ??= Body.Split('\n');

            public string? VisibleDuration { get; set; }

            public int? VisibleDurationLine { get; set; }

            public int Line(Block block) => block.Line + 1 + LineOffset;

            public PostmortemFormatException Error(Block block, string problem) => new PostmortemFormatException(Source, Line(block), problem);
        }

        private static List<Block> Get(Dictionary<Part, List<Block>> parts, Part part) =>
            parts.TryGetValue(part, out var blocks) ? blocks : new List<Block>();

        private static (string? FrontMatter, string Body, int BodyLine) SplitFrontMatter(string text, string source)
        {
            var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
            if (normalized.Length > 0 && normalized[0] == '\uFEFF') normalized = normalized.Substring(1);
            if (!normalized.StartsWith("---\n", StringComparison.Ordinal)) return (null, normalized, 1);
            int line = 2;
            int position = 4;
            while (position <= normalized.Length)
            {
                int end = normalized.IndexOf('\n', position);
                var current = end < 0 ? normalized.Substring(position) : normalized.Substring(position, end - position);
                if (current.TrimEnd() == "---" || current.TrimEnd() == "...")
                {
                    var yaml = normalized.Substring(4, position - 4);
                    var body = end < 0 ? string.Empty : normalized.Substring(end + 1);
                    return (yaml, body, line + 1);
                }
                if (end < 0) break;
                position = end + 1;
                line++;
            }
            throw new PostmortemFormatException(source, 1, "the front matter that starts with '---' on line 1 never ends; close it with a line '---'");
        }

        // "Postmortem: <title>", as the module writes it, or "Postmortem YYYY-MM-DD: <title>", as a BookStack page is named.
        private static readonly Regex TitleHeading = new Regex(
            @"^Postmortem(?:\s+(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2}))?:(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>The title, and the date text if the heading has one; null for a heading that is not a title heading.</summary>
        private static (string Title, string? Date)? TitleOf(HeadingBlock heading)
        {
            var match = TitleHeading.Match(PlainText(heading.Inline));
            if (!match.Success || Text.SingleLine(match.Groups["title"].Value) is not string title) return null;
            return (title, match.Groups["date"].Success ? match.Groups["date"].Value : null);
        }

        private static PostmortemSection SectionOf(Part part) => part switch
        {
            Part.ExecutiveSummary => PostmortemSection.ExecutiveSummary,
            Part.Timeline => PostmortemSection.Timeline,
            Part.Impact => PostmortemSection.Impact,
            Part.RootCause or Part.Whys => PostmortemSection.RootCause,
            Part.ContributingFactors => PostmortemSection.ContributingFactors,
            Part.WentWell => PostmortemSection.WentWell,
            Part.WentPoorly => PostmortemSection.WentPoorly,
            Part.ActionItems => PostmortemSection.ActionItems,
            _ => PostmortemSection.LessonsLearned,
        };

        private static Part PartOf(string heading)
        {
            var key = new string(heading.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            switch (key)
            {
                case "executivesummary": case "summary": return Part.ExecutiveSummary;
                case "timeline": case "timelineutc": return Part.Timeline;
                case "impact": return Part.Impact;
                case "rootcause": return Part.RootCause;
                case "5whys": case "fivewhys": case "whys": return Part.Whys;
                case "contributingfactors": return Part.ContributingFactors;
                case "whatwentwell": case "wentwell": return Part.WentWell;
                case "whatwentpoorly": case "wentpoorly": case "whatwentwrong": return Part.WentPoorly;
                case "actionitems": case "actions": return Part.ActionItems;
                case "lessonslearned": case "lessons": return Part.LessonsLearned;
                case "links": return Part.Links;
                default: return Part.None;
            }
        }

        // ---- External Version: "## External Version", then "### Summary", "### Customer Impact", ... each with its text.

        private const string ExternalHeading = "(heading)";

        /// <summary>The external field a heading names (or <see cref="ExternalHeading"/> for "External Version"); null for none.</summary>
        private static string? ExternalFieldOf(string heading)
        {
            switch (new string(heading.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()))
            {
                case "externalversion": return ExternalHeading;
                case "title": return "Title";
                case "summary": return "Summary";
                case "customerimpact": case "impact": return "CustomerImpact";
                case "whathappened": return "WhatHappened";
                case "whatwearedoing": case "whatweredoing": case "nextsteps": return "WhatWeAreDoing";
                default: return null;
            }
        }

        private static void ReadExternal(ReaderState state, Postmortem p, Dictionary<string, List<Block>> parts, List<Block> loose)
        {
            foreach (var block in loose)
            {
                if (IsNotYetWritten(block) || IsHtml(block) || block is ThematicBreakBlock) continue;
                var text = BlockText(block);
                if (text.Trim().Length == 0) continue;
                state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the External Version holds {Quote(text)} outside its parts ("
                    + string.Join(", ", ExternalVersion.Fields.Select(f => "### " + f.Heading)) + "), which was not read. Move it under one of them to keep it.");
            }
            foreach (var field in ExternalVersion.Fields)
            {
                if (parts.TryGetValue(field.Name, out var blocks)) p.External.Set(field.Name, Prose(state, blocks));
            }
        }

        // ---- Header: "**Date:** 2026-11-20" lines, in paragraphs or list items before the first section.

        private static void ReadHeader(ReaderState state, Postmortem p, List<Block> blocks)
        {
            WarnOfHeaderText(state, blocks);
            foreach (var (paragraph, label, value, inlineLine) in Fields(blocks))
            {
                // Errors name the field's own line, not the first line of its paragraph.
                var block = new FieldLine(paragraph, inlineLine);
                var key = new string(label.ToLowerInvariant().Where(char.IsLetter).ToArray());
                switch (key)
                {
                    case "date":
                        if (value is null) break;
                        if (!DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            throw state.Error(block, $"the Date '{value}' is not a date; write it as YYYY-MM-DD, for example 2026-11-20");
                        }
                        p.Date = date;
                        break;
                    case "duration":
                        state.VisibleDuration = value?.Trim();
                        state.VisibleDurationLine = state.Line(block);
                        break;
                    case "severity":
                        p.Severity = EnumValue<Severity>(state, block, "Severity", value);
                        break;
                    case "status":
                        p.Status = EnumValue<IncidentStatus>(state, block, "Status", value);
                        break;
                    case "context":
                        p.Context = EnumValue<IncidentContext>(state, block, "Context", value);
                        break;
                    case "authors": case "author":
                        p.Authors.AddRange(SplitNames(value));
                        break;
                    case "reviewers": case "reviewer":
                        p.Reviewers.AddRange(SplitNames(value));
                        break;
                    case "signedoff": case "signoffs":
                        // Shown for the reader of the page; the sign-offs come from the front matter or the draft.
                        break;
                    default:
                        state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the header field '{label}' is not part of the template and was ignored.");
                        break;
                }
            }
        }

        /// <summary>
        /// Text in the header that is no "**Field:** value" line (a paragraph typed between the fields and the first
        /// section, a line added to the fields' paragraph) has no place in the model: each is warned of by its line.
        /// HTML (a comment) and a rule are not text and pass silently.
        /// </summary>
        private static void WarnOfHeaderText(ReaderState state, List<Block> blocks)
        {
            foreach (var block in blocks)
            {
                if (IsHtml(block) || block is ThematicBreakBlock) continue;
                if (block is LeafBlock leaf && block is not ParagraphBlock)
                {
                    var text = BlockText(leaf);
                    if (text.Trim().Length > 0) state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the header holds {Quote(text)}, which is not a header field; it was not read. Move it into a section, such as the Executive Summary, to keep it.");
                    continue;
                }
                foreach (var paragraph in Paragraphs(block))
                {
                    if (paragraph.Inline is null) continue;
                    foreach (var line in Lines(paragraph.Inline))
                    {
                        if (line.Count == 0 || line.All(IsBlank) || (line[0] is EmphasisInline strong && strong.DelimiterCount == 2)) continue;
                        var number = line[0].Line + 1 + state.LineOffset;
                        state.Values.Warnings.Add($"{state.Source}, line {number}: the header holds {Quote(Unescape(InlinesText(line))!)}, which is not a header field; it was not read. Move it into a section, such as the Executive Summary, to keep it.");
                    }
                }
            }
        }

        /// <summary>Text a warning quotes: on one line, cut short past 80 characters.</summary>
        private static string Quote(string text)
        {
            var line = Text.SingleLine(text) ?? string.Empty;
            return "'" + (line.Length > 80 ? line.Substring(0, 77) + "..." : line) + "'";
        }

        /// <summary>
        /// What a table section (the Timeline, the Action Items) holds besides its one table: a second table, a
        /// paragraph, a list. The model has no place for it, so each block is warned of by its line. The chart's HTML
        /// and "Not yet written" pass silently.
        /// </summary>
        private static void WarnOfOtherBlocks(ReaderState state, string section, List<Block> blocks, Table table)
        {
            foreach (var block in blocks)
            {
                if (block == table || IsNotYetWritten(block) || IsHtml(block) || block is ThematicBreakBlock) continue;
                if (block is Table other)
                {
                    int rows = other.OfType<TableRow>().Count(r => !r.IsHeader);
                    state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the {section} has a second table ({rows} {(rows == 1 ? "row" : "rows")}), which was not read; "
                        + $"only the first table is the {section}. Move its rows into the first table to keep them.");
                    continue;
                }
                var text = BlockText(block);
                if (text.Trim().Length == 0) continue;
                state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the {section} holds {Quote(text)} outside its table, which was not read. Move it into the table, or into a section of text, to keep it.");
            }
        }

        /// <summary>Cells past the table's header row have no column: the row's extra cells are warned of by its line.</summary>
        private static void WarnOfExtraCells(ReaderState state, Table table, TableRow row, string what)
        {
            // Markdig pads every row to the longest one, the header too: the delimiter row under the header says how
            // many columns the table was given.
            int columns = DelimiterColumns(state, table) ?? row.Count;
            var extra = row.Skip(columns).OfType<TableCell>().Select(BlockText).Where(t => t.Trim().Length > 0).ToList();
            if (extra.Count == 0) return;
            state.Values.Warnings.Add($"{state.Source}, line {state.Line(row)}: {what} has {(extra.Count == 1 ? "a cell" : extra.Count + " cells")} past the table's {columns} columns, "
                + $"{string.Join(", ", extra.Select(Quote))}, which {(extra.Count == 1 ? "was" : "were")} not read. Move {(extra.Count == 1 ? "it" : "them")} into a cell of the row to keep {(extra.Count == 1 ? "it" : "them")}.");
        }

        /// <summary>The number of columns in the table's delimiter row ("|---|:--:|"), the line under its header; null if there is none.</summary>
        private static int? DelimiterColumns(ReaderState state, Table table)
        {
            if (table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader) is not TableRow header) return null;
            var lines = state.BodyLines;
            int at = header.Line + 1;
            if (at >= lines.Length) return null;
            var line = lines[at].Trim();
            if (line.StartsWith("|", StringComparison.Ordinal)) line = line.Substring(1);
            if (line.EndsWith("|", StringComparison.Ordinal)) line = line.Substring(0, line.Length - 1);
            var cells = line.Split('|');
            return cells.All(c => c.Trim().Trim(':').Length > 0 && c.Trim().Trim(':').All(ch => ch == '-')) ? cells.Length : (int?)null;
        }

        private static T? EnumValue<T>(ReaderState state, Block block, string field, string? value) where T : struct
        {
            if (value is null) return null;
            var names = Enum.GetNames(typeof(T));
            var name = names.FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null) throw state.Error(block, $"the {field} '{value}' is not one of {string.Join(", ", names)}");
            return (T)Enum.Parse(typeof(T), name);
        }

        private static void ApplyDuration(ReaderState state, Postmortem p, FrontMatter? front)
        {
            var visible = state.VisibleDuration;
            var derived = p.Timeline.DerivedDuration;
            if (front?.Duration is TimeSpan hand && visible is not null && PostmortemMarkdown.Shows(visible, hand))
            {
                p.ExplicitDuration = hand;
                return;
            }
            if (visible is null) return;
            if (derived is TimeSpan fromTimeline && PostmortemMarkdown.Shows(visible, fromTimeline)) return;
            // The Duration the file was written with, derived from its timeline as it was then: a page whose times were
            // corrected since still shows it. That is stale output, not a hand edit, so the corrected timeline gives the
            // Duration. Only a Duration unlike both is a person's.
            if (front is not null && front.Duration is null && front.WrittenDuration is TimeSpan written && PostmortemMarkdown.Shows(visible, written)) return;
            var parsed = new YamlValues(state.Source).Duration(new YamlScalar(visible, true, state.VisibleDurationLine ?? 0), "Duration");
            p.ExplicitDuration = parsed;
        }

        // ---- Timeline

        private static void ReadTimeline(ReaderState state, Postmortem p, List<Block> blocks, FrontMatter? front)
        {
            var table = blocks.OfType<Table>().FirstOrDefault();
            if (table is null)
            {
                if (blocks.Any(b => !IsNotYetWritten(b) && !IsHtml(b))) state.Values.Warnings.Add($"{state.Source}: the Timeline has no table, so no events were read from it.");
                return;
            }
            int timeColumn = Column(state, table, "time", 0, PageColumns.TimelineTime), eventColumn = Column(state, table, "event", 1, PageColumns.TimelineEvent);
            int milestoneColumn = Column(state, table, "milestone", -1, PageColumns.TimelineMilestone);
            // A table with the Milestone column (the module's since it has one) shows each event's milestone, and its
            // source as a <sub> tag after the text: the page wins. Without it (an older file, a table written by hand)
            // milestones, and sources but for a tag added by hand, come from the front matter.
            bool pageShowsMilestones = milestoneColumn >= 0;
            WarnOfOtherBlocks(state, "Timeline", blocks, table);
            var rows = new List<(TableRow Row, string TimeText, DateTime Shown, bool WithSeconds, string Text, Milestone Milestone, string? Source, bool Approximate, bool Unknown)>();
            // A time of day falls on the day of the row above: the page shows the date once per day, where it changes.
            // Above the first row with a date it falls on the postmortem's Date.
            var day = p.Date;
            foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
            {
                // A page's dates may hold non-breaking hyphens and spaces, so they do not wrap.
                var timeText = CellText(row, timeColumn) is string shownTime ? PostmortemMarkdown.PlainDate(shownTime) : null;
                var (text, source) = EventCell(row, eventColumn);
                var milestoneText = pageShowsMilestones ? CellText(row, milestoneColumn) : null;
                if (timeText is null && text is null && milestoneText is null) continue;
                WarnOfExtraCells(state, table, row, $"the timeline row at {timeText ?? "(no time)"}");
                if (timeText is null) throw state.Error(row, $"the timeline row '{text}' has no time; write 'unknown' in its time cell for a step no source gives a time for");
                if (text is null) throw state.Error(row, $"the timeline row at {timeText} says nothing about what happened");
                if (!MilestoneGuide.TryParse(milestoneText, out var rowMilestone))
                {
                    throw state.Error(row, $"the milestone '{milestoneText}' of the timeline row at {timeText} is not one of "
                        + string.Join(", ", MilestoneGuide.Milestones.Select(MilestoneGuide.Words)) + "; leave the cell empty for an event that marks none");
                }
                // 'unknown': a step without a time, in its place among the rows; its place is settled below.
                if (TimelineTime.IsUnknown(timeText))
                {
                    if (rowMilestone != Milestone.None)
                    {
                        throw state.Error(row, $"the timeline row '{text}' has no known time, so it cannot mark the {MilestoneGuide.Words(rowMilestone)} milestone (the metrics are measured between milestones' times); give it a time, ~23:30 if only roughly known");
                    }
                    rows.Add((row, timeText, default, false, text, Milestone.None, source, false, true));
                    continue;
                }
                // ~23:30: the time is approximate; the rest is read as any other time.
                bool approximate = TimelineTime.TryRemoveApproximateMarker(timeText, out var exactText);
                if (approximate && exactText.Length == 0) throw state.Error(row, $"the timeline row '{text}' has '{timeText}' for its time, which gives no time after the ~");
                if (TimelineTime.TryParse(exactText, null, out var shown, out _)) day = shown.Date;
                else if (!TimelineTime.TryParse(exactText, day, out shown, out var problem)) throw state.Error(row, problem!);
                rows.Add((row, timeText, shown, exactText.Count(c => c == ':') >= 2, text, rowMilestone, source, approximate, false));
            }
            var rowPlaces = TimelineTime.Places(rows.Select(row => row.Unknown ? (DateTime?)null : row.Shown).ToList(), p.Date);
            // The front matter knows each row's exact time, milestone and source. A row takes, pass by pass: the entry
            // shown at its time with its own text's digest; else an entry with its text's digest at another time (the
            // time was corrected on the page, the everyday reviewer's edit), the nearest if the text is there twice;
            // else an entry left at its time whose text no row holds any more (the text was edited). The corrected
            // time goes before the edited text, so a row moved onto the time of a row whose text was edited takes its
            // own entry, not the other's. A row whose time and text were both edited is not guessed at: it takes none.
            var entries = front?.Events ?? new List<FrontMatter.EventInfo>();
            var taken = new bool[entries.Count];
            var matches = new FrontMatter.EventInfo?[rows.Count];
            var digests = rows.Select(row => Digest.Of(row.Text)).ToArray();
            var rowDigests = new HashSet<string>(digests, StringComparer.Ordinal);
            for (int pass = 0; pass < 3; pass++)
            {
                for (int r = 0; r < rows.Count; r++)
                {
                    if (matches[r] is not null) continue;
                    int found = -1;
                    for (int e = 0; e < entries.Count; e++)
                    {
                        if (taken[e]) continue;
                        bool sameTime = entries[e].TimeUnknown || rows[r].Unknown
                            ? entries[e].TimeUnknown && rows[r].Unknown
                            : Truncate(entries[e].Time, rows[r].WithSeconds) == rows[r].Shown;
                        bool sameText = entries[e].Digest == digests[r];
                        if (pass == 0 && !(sameTime && sameText)) continue;
                        if (pass == 1 && !sameText) continue;
                        if (pass == 2 && !sameTime) continue;
                        // Kept for the row that still has its text, wherever that row now stands.
                        if (pass == 2 && entries[e].Digest is string kept && rowDigests.Contains(kept)) continue;
                        if (pass == 1)
                        {
                            if (found < 0 || Distance(entries[e].Time, rowPlaces[r]) < Distance(entries[found].Time, rowPlaces[r])) found = e;
                            continue;
                        }
                        found = e;
                        break;
                    }
                    if (found < 0) continue;
                    taken[found] = true;
                    matches[r] = entries[found];
                }
            }
            // Each timed row's time first (an entry's exact time while the row still shows it; a corrected time is the
            // page's); a row of unknown time then stands at the time of the row before it, exact, so it stays after it.
            var times = new DateTime?[rows.Count];
            for (int r = 0; r < rows.Count; r++)
            {
                if (rows[r].Unknown) continue;
                var match = matches[r];
                times[r] = match is not null && !match.TimeUnknown && Truncate(match.Time, rows[r].WithSeconds) == rows[r].Shown ? match.Time : rows[r].Shown;
            }
            var places = TimelineTime.Places(times, p.Date);
            for (int r = 0; r < rows.Count; r++)
            {
                var match = matches[r];
                var milestone = pageShowsMilestones ? rows[r].Milestone : match?.Milestone ?? Milestone.None;
                // A tag is the source wherever it is; without one, the page says manual, and an older table says nothing.
                var source = rows[r].Source ?? (pageShowsMilestones ? null : match?.Source);
                // A row whose time is unknown marks no milestone, whatever its entry marked when it had a time.
                if (rows[r].Unknown) milestone = Milestone.None;
                p.Timeline.AddAsWritten(new TimelineEvent(places[r], rows[r].Text, milestone, source, rows[r].Approximate, rows[r].Unknown));
            }
            if (!pageShowsMilestones) WarnOfUnmatchedEvents(state, p, rows.Select(row => (row.Row, row.TimeText, row.Text)).ToList(), matches, entries, taken);
        }

        private static TimeSpan Distance(DateTime a, DateTime b) => a > b ? a - b : b - a;

        // What no pairing could keep is said, line by line: an entry left over had a milestone or a gathered source
        // the page no longer carries, and an unpaired row may be that event with its time and text both edited. A row
        // added by hand, or a plain event typed by hand and deleted, loses nothing and is not warned of.
        private static void WarnOfUnmatchedEvents(ReaderState state, Postmortem p, List<(TableRow Row, string TimeText, string Text)> rows,
            FrontMatter.EventInfo?[] matches, List<FrontMatter.EventInfo> entries, bool[] taken)
        {
            var lost = Enumerable.Range(0, entries.Count).Where(e => !taken[e] && (entries[e].Milestone != Milestone.None || !IsManual(entries[e].Source))).ToList();
            if (lost.Count == 0) return;
            // The front matter comes first in the file, so its lines are warned of first.
            foreach (var e in lost)
            {
                var entry = entries[e];
                bool milestone = entry.Milestone != Milestone.None, source = !IsManual(entry.Source);
                var what = string.Join(", ", new[] { milestone ? entry.Milestone.ToString() : null, source ? "from " + entry.Source : null }.Where(s => s is not null));
                var dropped = milestone && source ? "its milestone and source were dropped" : milestone ? "its milestone was dropped" : "its source was dropped";
                state.Values.Warnings.Add($"{state.Source}, line {entry.Line}: the front matter's event at {Shown(entry.Time, p.Date)} ({what}) matches no row any more; {dropped}.");
            }
            for (int r = 0; r < rows.Count; r++)
            {
                if (matches[r] is not null) continue;
                state.Values.Warnings.Add($"{state.Source}, line {state.Line(rows[r].Row)}: the timeline row '{rows[r].TimeText} {Text.SingleLine(rows[r].Text)}' matches no event in the front matter, so it has no milestone or source; "
                    + "if it is an event whose time and text were both edited, mark its milestone again.");
            }
        }

        private static bool IsManual(string? source) => source is null || source == TimelineEvent.ManualSource;

        // An entry's time as the page would show it: the day only off the incident's date, seconds only when there are any.
        private static string Shown(DateTime time, DateTime? date)
        {
            var format = (date?.Date == time.Date ? "" : "yyyy-MM-dd ") + (time.Ticks % TimeSpan.TicksPerMinute == 0 ? "HH:mm" : "HH:mm:ss");
            return time.ToString(format, CultureInfo.InvariantCulture);
        }

        private static DateTime Truncate(DateTime time, bool keepSeconds) =>
            new DateTime(time.Ticks - time.Ticks % (keepSeconds ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMinute), DateTimeKind.Utc);

        // ---- Impact: "- **Services affected:** ..." lines

        private static void ReadImpact(ReaderState state, Impact impact, List<Block> blocks, DateTime? date, FrontMatter? front)
        {
            foreach (var (block, label, value) in ItemFields(state, blocks))
            {
                var key = label.ToLowerInvariant();
                // The windows first: "Data-loss window" is no "Data loss" line. A window of another name (a maintenance
                // window) is no field of the template and is warned of below.
                bool dataLoss = key.Contains("data") || key.Contains("loss");
                if (key.Contains("window") && (dataLoss || key.Contains("impact")))
                {
                    ReadWindow(state, block, impact, label, Unescape(value), dataLoss ? ImpactTime.DataLossStart : ImpactTime.ImpactStart,
                        dataLoss ? ImpactTime.DataLossEnd : ImpactTime.ImpactEnd, date, front);
                }
                else if (key.Contains("degradation"))
                {
                    var shown = WithoutLength(Unescape(value));
                    var time = IsNotSetText(shown) ? null : ReadImpactTime(state, block, label, shown!, date);
                    SetImpactTime(impact, ImpactTime.DegradationStart, time, front);
                }
                else if (key.Contains("service"))
                {
                    impact.ServicesAffected.AddRange(SplitNames(value));
                }
                else if (key.Contains("user"))
                {
                    impact.UsersAffected = Unescape(value);
                }
                else if (key.Contains("data loss"))
                {
                    ReadDataLoss(impact, Unescape(value));
                }
                else if (key.Contains("revenue") || key.Contains("sla"))
                {
                    impact.RevenueImpact = Unescape(value);
                }
                else
                {
                    state.Values.Warnings.Add($"{state.Source}, line {state.Line(block)}: the impact field '{label}' is not part of the template and was ignored.");
                }
            }
        }

        // "2017-01-31 17:20 UTC – 23:27 UTC (6 h 7 min)": a start and an end, either of them _not set_, the end's date the
        // start's when it shows none. The length in brackets is the writer's arithmetic, not read.
        private static void ReadWindow(ReaderState state, Block block, Impact impact, string label, string? value, ImpactTime startTime, ImpactTime endTime,
            DateTime? date, FrontMatter? front)
        {
            var shown = WithoutLength(value);
            if (IsNotSetText(shown))
            {
                SetImpactTime(impact, startTime, null, front);
                SetImpactTime(impact, endTime, null, front);
                return;
            }
            var split = WindowSeparator.Match(shown!);
            if (!split.Success)
            {
                throw state.Error(block, $"the {label} '{shown}' has no start and end; write them as '2017-01-31 17:20 UTC – 23:27 UTC', with _not set_ for a side not yet known");
            }
            var startText = shown!.Substring(0, split.Index).Trim();
            var endText = shown.Substring(split.Index + split.Length).Trim();
            var start = IsNotSetText(startText) ? null : ReadImpactTime(state, block, label, startText, date);
            // An end written without its date is on the start's day.
            var end = IsNotSetText(endText) ? null : ReadImpactTime(state, block, label, endText, start?.Date ?? date);
            SetImpactTime(impact, startTime, start, front);
            SetImpactTime(impact, endTime, end, front);
        }

        private static readonly Regex WindowSeparator = new Regex(@"\s+(?:\u2013|\u2014|-{1,2}|to|until)\s+|\s*[\u2013\u2014]\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex TrailingLength = new Regex(@"\s*\([^()]*\)\s*$", RegexOptions.CultureInvariant);

        private static string? WithoutLength(string? value) => value is null ? null : TrailingLength.Replace(value, string.Empty).Trim();

        private static bool IsNotSetText(string? text) =>
            text is null || text.Length == 0 || text.Equals("not set", StringComparison.OrdinalIgnoreCase) || text.Equals(PostmortemMarkdown.NotSet, StringComparison.OrdinalIgnoreCase);

        private static DateTime? ReadImpactTime(ReaderState state, Block block, string label, string text, DateTime? day)
        {
            if (!TimelineTime.TryParse(text, day, null, out var utc, out var problem))
            {
                // A year out of range says so; anything else is a time the page never writes.
                throw state.Error(block, problem!.Contains("1900 to 2100") ? $"the {label}: {problem!.TrimEnd('.')}"
                    : $"the {label} has '{text}', which is not a time; write it as the page does, such as 2017-01-31 17:20 UTC (a time of day alone falls on {(day is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the postmortem's Date")})");
            }
            return utc;
        }

        // The front matter's exact time while the page still shows it (to the minute, or the second where it shows seconds);
        // a time corrected on the page is the page's.
        private static void SetImpactTime(Impact impact, ImpactTime which, DateTime? shown, FrontMatter? front)
        {
            var exact = front?.ImpactTimes[(int)which];
            if (shown is DateTime page && exact is DateTime known && Truncate(known, page.Second != 0) == page) shown = known;
            impact.SetTime(which, shown);
        }

        // "Yes", "No" or "not set", then " — " and what was lost; a hand-written value without either is the description.
        private static void ReadDataLoss(Impact impact, string? value)
        {
            if (value is null) return;
            foreach (var (word, answer) in new (string, bool?)[] { ("Yes", true), ("No", false), ("not set", null), (PostmortemMarkdown.NotSet, null) })
            {
                if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    impact.DataLoss = answer;
                    return;
                }
                foreach (var separator in new[] { PostmortemMarkdown.DataLossSeparator, " - ", ": ", ", " })
                {
                    if (value.StartsWith(word + separator, StringComparison.OrdinalIgnoreCase))
                    {
                        impact.DataLoss = answer;
                        impact.DataLossDescription = value.Substring(word.Length + separator.Length);
                        return;
                    }
                }
            }
            impact.DataLossDescription = value;
        }

        // ---- Action items

        private static void ReadActionItems(ReaderState state, Postmortem p, List<Block> blocks, FrontMatter? front)
        {
            var table = blocks.OfType<Table>().FirstOrDefault();
            if (table is null)
            {
                if (blocks.Any(b => !IsNotYetWritten(b))) state.Values.Warnings.Add($"{state.Source}: the Action Items have no table, so none were read.");
                return;
            }
            int actionColumn = Column(state, table, "action", 0, PageColumns.ActionItemAction), ownerColumn = Column(state, table, "owner", 1, PageColumns.ActionItemOwner);
            int dueColumn = Column(state, table, "due", 2, PageColumns.ActionItemDueDate), priorityColumn = Column(state, table, "priority", 3, PageColumns.ActionItemPriority);
            // The module's table shows Status and Tracking; a table with the template's four columns (an older file, a
            // table written by hand) leaves them to the front matter.
            int statusColumn = Column(state, table, "status", -1, PageColumns.ActionItemStatus), trackingColumn = Column(state, table, "tracking", -1, PageColumns.ActionItemTracking);
            bool statusShown = statusColumn >= 0, trackingShown = trackingColumn >= 0;
            WarnOfOtherBlocks(state, "Action Items", blocks, table);
            var rows = table.OfType<TableRow>().Where(r => !r.IsHeader).ToList();
            for (int i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var action = CellText(row, actionColumn);
                if (action is null) continue;
                WarnOfExtraCells(state, table, row, $"the action item {Quote(action)}");
                var item = new ActionItem(action) { Owner = CellText(row, ownerColumn) };
                var due = CellText(row, dueColumn) is string shownDue ? PostmortemMarkdown.PlainDate(shownDue) : null;
                if (due is not null)
                {
                    if (!DateTime.TryParseExact(due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueDate))
                    {
                        throw state.Error(row, $"the due date '{due}' of '{action}' is not a date; write it as YYYY-MM-DD");
                    }
                    item.DueDate = dueDate;
                }
                item.Priority = EnumValue<ActionPriority>(state, row, "Priority", CellText(row, priorityColumn));
                if (statusShown && CellText(row, statusColumn) is string shownStatus)
                {
                    if (!ActionItemStatusText.TryParse(shownStatus, out var status, out var reason, out var doneDate, out var problem, action))
                    {
                        throw state.Error(row, problem!);
                    }
                    item.SetStatus(status, reason, doneDate, stampToday: false);
                }
                if (trackingShown) item.Tracking = TrackingCell(row, trackingColumn, p.TrackingUrl);
                p.ActionItems.Add(item);
            }
            // Status and tracking the table does not show live in the front matter: each row takes the entry with its
            // text's digest, and a row whose text was edited takes the entry left at its position.
            void Apply(ActionItem item, FrontMatter.ActionInfo info)
            {
                if (!statusShown) item.SetStatus(info.Status, info.StatusReason, info.DoneDate, stampToday: false);
                if (!trackingShown) item.Tracking = info.Tracking;
                // A link shows an address as its key, and a key as its address: the front matter knows which it was.
                else if (item.Tracking is string shown && info.Tracking is string kept
                         && TrackingLinks.Resolve(shown, p.TrackingUrl) == TrackingLinks.Resolve(kept, p.TrackingUrl)) item.Tracking = kept;
            }
            var entries = front?.Actions ?? new List<FrontMatter.ActionInfo>();
            var taken = new bool[entries.Count];
            var matched = new bool[p.ActionItems.Count];
            var digests = p.ActionItems.Select(a => Digest.Of(a.Action)).ToArray();
            var actionDigests = new HashSet<string>(digests, StringComparer.Ordinal);
            for (int i = 0; i < p.ActionItems.Count; i++)
            {
                int e = 0;
                while (e < entries.Count && (taken[e] || entries[e].Digest != digests[i])) e++;
                if (e == entries.Count) continue;
                taken[e] = matched[i] = true;
                Apply(p.ActionItems[i], entries[e]);
            }
            for (int i = 0; i < p.ActionItems.Count && i < entries.Count; i++)
            {
                if (matched[i] || taken[i]) continue;
                if (entries[i].Digest is string kept && actionDigests.Contains(kept)) continue;
                taken[i] = true;
                Apply(p.ActionItems[i], entries[i]);
            }
            // An entry left over is a row deleted, or one whose text was edited and moved: a Done or a tracking id the
            // page does not show is lost with it, so it is said. An open item with no tracking loses nothing.
            for (int e = 0; e < entries.Count; e++)
            {
                var entry = entries[e];
                bool done = !statusShown && entry.Status != ActionItemStatus.Open, tracked = !trackingShown && entry.Tracking is not null;
                if (taken[e] || !(done || tracked)) continue;
                var what = string.Join(", ", new[] { done ? ActionItemStatusText.Format(entry.Status, entry.StatusReason, entry.DoneDate) : null, tracked ? $"tracking '{entry.Tracking}'" : null }.Where(w => w is not null));
                var dropped = done && tracked ? "its status and tracking were dropped" : done ? "its status was dropped" : "its tracking was dropped";
                state.Values.Warnings.Add($"{state.Source}, line {entry.Line}: the front matter's action item {e + 1} ({what}) matches no row any more; {dropped}.");
            }
        }

        /// <summary>
        /// The Tracking cell: a link's address, or the ticket key it shows when the address is the postmortem's tracking
        /// URL pattern applied to that key; text as it is; null when empty.
        /// </summary>
        private static string? TrackingCell(TableRow row, int column, string? trackingUrl)
        {
            if (column >= row.Count || row[column] is not TableCell cell) return null;
            foreach (var paragraph in cell.OfType<ParagraphBlock>())
            {
                switch (FirstLink(paragraph.Inline))
                {
                    case AutolinkInline autolink:
                        return Text.SingleLine(autolink.Url);
                    case LinkInline link when link.Url is not null:
                        var key = Text.SingleLine(PlainText(link));
                        if (key is not null && TrackingLinks.IsKey(key) && TrackingLinks.UrlOf(key, trackingUrl) == link.Url) return key;
                        return Text.SingleLine(link.Url);
                }
            }
            return Text.SingleLine(CellText(row, column));
        }

        private static Inline? FirstLink(ContainerInline? container)
        {
            if (container is null) return null;
            foreach (var inline in container)
            {
                if (inline is AutolinkInline || (inline is LinkInline link && !link.IsImage)) return inline;
                if (inline is ContainerInline inner && FirstLink(inner) is Inline found) return found;
            }
            return null;
        }

        // ---- Shared block and inline reading

        /// <summary>
        /// Raw HTML: the timeline chart's block, a comment or a note in a tag. Raw HTML is off in the reader's pipeline,
        /// so it is a paragraph that starts with an unescaped &lt; (escaped user text starts with \&lt;).
        /// </summary>
        private static bool IsHtml(Block block) =>
            block is HtmlBlock || (block is ParagraphBlock paragraph && paragraph.Inline?.FirstChild is Inline first
                && (first is HtmlInline || (first is LiteralInline literal && !literal.IsFirstCharacterEscaped && literal.Content.Length > 0 && literal.Content[literal.Content.Start] == '<')));

        private static bool IsNotYetWritten(Block block) =>
            block is ParagraphBlock paragraph && paragraph.Inline?.FirstChild is EmphasisInline && PlainText(paragraph.Inline).Trim() == "Not yet written.";

        /// <summary>
        /// The text of a prose section: paragraphs joined by blank lines, hard breaks kept; null when it says "Not yet
        /// written". Links, images, lists, quotes and code fences are kept as the Markdown they are (see <see cref="FreeText"/>).
        /// </summary>
        private static string? Prose(ReaderState state, List<Block> blocks) =>
            Text.Normalize(FreeText(state, blocks.Where(b => !IsNotYetWritten(b)).ToList(), 0));

        private static IEnumerable<string> ListItems(ReaderState state, List<Block> blocks)
        {
            foreach (var list in blocks.OfType<ListBlock>())
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var text = Text.Normalize(FreeText(state, item.ToList(), ContentIndent(item)));
                    if (text is not null) yield return text;
                }
            }
        }

        /// <summary>
        /// Free text from its blocks. A block the plain text cannot hold (a paragraph with a link or an image, a list, a
        /// quote, a code fence: <see cref="MarkdownFreeText.IsMarkdown"/>) is kept as its Markdown source, the
        /// indentation of the list item it stands in taken off; any other block is the text it shows. Blocks are
        /// joined by a blank line, or by a line break where a block of Markdown follows another block directly.
        /// The writer gives such text back as the same Markdown (<see cref="MarkdownText.FreeText"/>).
        /// </summary>
        private static string FreeText(ReaderState state, IList<Block> blocks, int indent, int firstStart = -1)
        {
            var text = new StringBuilder();
            Block? previous = null;
            bool previousMarkdown = false;
            foreach (var block in blocks)
            {
                bool markdown = MarkdownFreeText.IsMarkdown(block);
                string part;
                if (block == blocks[0] && firstStart >= 0)
                {
                    // The value after a "**Label:**": its source from there, less the one space after the label.
                    part = markdown ? Source(state, block, firstStart, indent) : string.Empty;
                    if (part.StartsWith(" ", StringComparison.Ordinal)) part = part.Substring(1);
                }
                else
                {
                    part = markdown ? Source(state, block, block.Span.Start, indent) : BlockText(block);
                }
                if (part.Trim().Length == 0) continue;
                if (previous is not null)
                {
                    bool adjacent = block.Line == EndLine(state, previous) + 1;
                    text.Append((markdown || previousMarkdown) && adjacent ? "\n" : "\n\n");
                }
                text.Append(part);
                previous = block;
                previousMarkdown = markdown;
            }
            return text.ToString();
        }

        /// <summary>A block's Markdown from <paramref name="start"/> to its end, each further line less up to <paramref name="indent"/> spaces.</summary>
        private static string Source(ReaderState state, Block block, int start, int indent)
        {
            var body = state.Body;
            int end = Math.Min(block.Span.End, body.Length - 1);
            if (start < 0 || start > end) return string.Empty;
            var lines = body.Substring(start, end - start + 1).Split('\n');
            for (int i = 1; i < lines.Length; i++)
            {
                int strip = 0;
                while (strip < indent && strip < lines[i].Length && lines[i][strip] == ' ') strip++;
                lines[i] = lines[i].Substring(strip);
            }
            return string.Join("\n", lines).TrimEnd();
        }

        private static int EndLine(ReaderState state, Block block)
        {
            var body = state.Body;
            int end = Math.Min(block.Span.End, body.Length - 1), line = block.Line;
            for (int i = Math.Max(block.Span.Start, 0); i <= end; i++) if (body[i] == '\n') line++;
            return line;
        }

        // The column a list item's text starts at: its continuation lines are indented so far.
        private static int ContentIndent(ListItemBlock item) =>
            item.FirstOrDefault() is Block first && first.Line == item.Line ? first.Column - item.Column : item.ColumnWidth;

        private static string BlockText(Block block) => block switch
        {
            ParagraphBlock paragraph => Unescape(InlineText(paragraph.Inline)) ?? string.Empty,
            HeadingBlock heading => Unescape(InlineText(heading.Inline)) ?? string.Empty,
            LeafBlock leaf => leaf.Lines.ToString(),
            ContainerBlock container => string.Join("\n\n", container.Select(BlockText).Where(t => t.Length > 0)),
            _ => string.Empty,
        };

        /// <summary>Stands for one line of a paragraph when an error names it.</summary>
        private sealed class FieldLine : ParagraphBlock
        {
            public FieldLine(ParagraphBlock paragraph, int line)
            {
                Line = line;
                Column = paragraph.Column;
            }
        }

        /// <summary>Each "**Label:** value" line in the blocks, with its value (null for "not set") and its line.</summary>
        private static IEnumerable<(ParagraphBlock Block, string Label, string? Value, int Line)> Fields(List<Block> blocks)
        {
            foreach (var paragraph in blocks.SelectMany(Paragraphs))
            {
                if (paragraph.Inline is null) continue;
                foreach (var line in Lines(paragraph.Inline))
                {
                    if (line.Count == 0 || line[0] is not EmphasisInline strong || strong.DelimiterCount != 2) continue;
                    var label = PlainText(strong).Trim().TrimEnd(':').Trim();
                    var rest = line.Skip(1).ToList();
                    var meaningful = rest.Where(i => !IsBlank(i)).ToList();
                    var value = meaningful.Count == 0 || IsNotSet(meaningful) ? null : Text.Normalize(AfterLabel(rest));
                    yield return (paragraph, label, value, strong.Line);
                }
            }
        }

        /// <summary>
        /// Each "- **Label:** value" list item, its value running over line breaks and paragraphs to the item's end
        /// (null for "not set" alone).
        /// </summary>
        private static IEnumerable<(Block Block, string Label, string? Value)> ItemFields(ReaderState state, List<Block> blocks)
        {
            foreach (var item in blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()))
            {
                if (item.FirstOrDefault() is not ParagraphBlock first || first.Inline?.FirstChild is not EmphasisInline strong || strong.DelimiterCount != 2) continue;
                var label = PlainText(strong).Trim().TrimEnd(':').Trim();
                var rest = first.Inline.Skip(1).ToList();
                var meaningful = rest.Where(i => !IsBlank(i)).ToList();
                var parts = new List<string>();
                int indent = ContentIndent(item);
                if (meaningful.Count > 0 && !IsNotSet(meaningful))
                {
                    parts.Add(MarkdownFreeText.IsMarkdown(first) ? FreeText(state, new Block[] { first }, indent, strong.Span.End + 1) : AfterLabel(rest));
                }
                var others = item.Skip(1).ToList();
                if (others.Count > 0)
                {
                    var after = FreeText(state, others, indent);
                    if (after.Length > 0)
                    {
                        // A block of Markdown right under the label's line joins it by a line break, as everywhere else.
                        bool adjacent = others[0].Line == EndLine(state, first) + 1 && (MarkdownFreeText.IsMarkdown(first) || MarkdownFreeText.IsMarkdown(others[0]));
                        if (parts.Count > 0 && adjacent) parts[0] += "\n" + after;
                        else parts.Add(after);
                    }
                }
                yield return (item, label, parts.Count == 0 ? null : Text.Normalize(string.Join("\n\n", parts)));
            }
        }

        // "- **Dashboard:** [Checkout latency](https://...)": the kind, the title and the address. An item with no address
        // holds no link to keep: it is warned of.
        private static void ReadLinks(ReaderState state, Postmortem p, List<Block> blocks)
        {
            foreach (var item in blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()))
            {
                if (item.FirstOrDefault() is not ParagraphBlock first || first.Inline is null) continue;
                var kind = LinkKind.Other;
                if (first.Inline.FirstChild is EmphasisInline strong && strong.DelimiterCount == 2
                    && Enum.TryParse<LinkKind>(PlainText(strong).Trim().TrimEnd(':').Trim(), ignoreCase: true, out var named) && Enum.IsDefined(typeof(LinkKind), named))
                {
                    kind = named;
                }
                var link = first.Inline.Descendants<LinkInline>().FirstOrDefault(l => !l.IsImage && l.Url is not null);
                var auto = first.Inline.Descendants<AutolinkInline>().FirstOrDefault(a => !a.IsEmail);
                var url = link?.Url ?? auto?.Url;
                var title = link is not null ? Text.SingleLine(InlinesText(link)) : url;
                if (url is null || title is null)
                {
                    state.Values.Warnings.Add($"{state.Source}, line {state.Line(item)}: the Links item '{Text.SingleLine(PlainText(first.Inline)) ?? ""}' has no web address, so it was not kept; write it as - **Dashboard:** [title](https://...).");
                    continue;
                }
                try
                {
                    p.Links.Add(new PostmortemLink(title, url, kind));
                }
                catch (ArgumentException ex)
                {
                    state.Values.Warnings.Add($"{state.Source}, line {state.Line(item)}: {Text.Problem(ex)} The link was not kept.");
                }
            }
        }

        private static IEnumerable<ParagraphBlock> Paragraphs(Block block) => block switch
        {
            ParagraphBlock paragraph => new[] { paragraph },
            ContainerBlock container => container.SelectMany(Paragraphs),
            _ => Enumerable.Empty<ParagraphBlock>(),
        };

        // A paragraph's inlines split at its line breaks.
        private static List<List<Inline>> Lines(ContainerInline container)
        {
            var lines = new List<List<Inline>> { new List<Inline>() };
            foreach (var inline in container)
            {
                if (inline is LineBreakInline) lines.Add(new List<Inline>());
                else lines[lines.Count - 1].Add(inline);
            }
            return lines;
        }

        /// <summary>The column whose heading names <paramref name="name"/>; <paramref name="fallback"/> (-1: none) without one.</summary>
        /// <summary>The column whose heading holds <paramref name="name"/>, noted as one the page has; else <paramref name="fallback"/>.</summary>
        private static int Column(ReaderState state, Table table, string name, int fallback, string column)
        {
            int found = Column(table, name, -1);
            if (found < 0) return fallback;
            state.Columns.Add(column);
            return found;
        }

        private static int Column(Table table, string name, int fallback)
        {
            var header = table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader);
            if (header is null) return fallback;
            for (int i = 0; i < header.Count; i++)
            {
                if (header[i] is TableCell cell && BlockText(cell).ToLowerInvariant().Contains(name)) return i;
            }
            return fallback;
        }

        /// <summary>A cell's text; null when it is empty or says "not set".</summary>
        private static string? CellText(TableRow row, int column)
        {
            if (column >= row.Count || row[column] is not TableCell cell) return null;
            var paragraph = cell.OfType<ParagraphBlock>().FirstOrDefault();
            if (paragraph?.Inline is null) return null;
            if (IsNotSet(paragraph.Inline.Where(i => !IsBlank(i)).ToList())) return null;
            return Text.Normalize(Unescape(string.Join("\n", cell.OfType<ParagraphBlock>().Select(b => InlineText(b.Inline)))));
        }

        // The value after "**Label:**" starts after the one space the writer puts there; indentation the user typed is
        // written as entities and stays.
        private static string AfterLabel(List<Inline> rest)
        {
            var text = InlinesText(rest);
            return rest.FirstOrDefault() is LiteralInline first && first.Content.Length > 0 && first.Content[first.Content.Start] == ' ' && text.Length > 0
                ? text.Substring(1)
                : text;
        }

        private static bool IsBlank(Inline inline) => inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace();

        /// <summary>
        /// The Event cell's text, and the source its trailing &lt;sub&gt; tag shows (null without one). A tag anywhere
        /// else is text, as is text that reads "&lt;sub&gt;" (the writer escapes it, so it is no tag).
        /// </summary>
        private static (string? Text, string? Source) EventCell(TableRow row, int column)
        {
            if (column >= row.Count || row[column] is not TableCell cell) return (null, null);
            var paragraphs = cell.OfType<ParagraphBlock>().Where(b => b.Inline is not null).ToList();
            if (paragraphs.Count == 0) return (null, null);
            var last = paragraphs[paragraphs.Count - 1].Inline!.ToList();
            int end = last.Count;
            while (end > 0 && IsBlank(last[end - 1])) end--;
            string? source = null;
            if (end > 0 && last[end - 1] is SourceTagInline tag)
            {
                source = Text.SingleLine(tag.Source);
                last.RemoveRange(end - 1, last.Count - end + 1);
            }
            if (paragraphs.Count == 1 && IsNotSet(last.Where(i => !IsBlank(i)).ToList())) return (null, source);
            var lines = paragraphs.Take(paragraphs.Count - 1).Select(b => InlineText(b.Inline)).Concat(new[] { InlinesText(last) });
            return (Text.Normalize(Unescape(string.Join("\n", lines))), source);
        }

        // The writer's "_not set_": emphasis, so text that merely reads "not set" stays text.
        private static bool IsNotSet(List<Inline> inlines) =>
            inlines.Count == 1 && inlines[0] is EmphasisInline marker && marker.DelimiterCount == 1 && PlainText(marker).Trim() == "not set";

        private static string PlainText(ContainerInline? container) => Unescape(InlineText(container)) ?? string.Empty;

        private static string InlineText(ContainerInline? container) => container is null ? string.Empty : InlinesText(container);

        /// <summary>The text a reader sees, with escaped commas marked so lists of names split only where the writer meant.</summary>
        private static string InlinesText(IEnumerable<Inline> inlines)
        {
            var text = new StringBuilder();
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        var content = literal.Content.ToString();
                        if (literal.IsFirstCharacterEscaped && content.Length > 0 && content[0] == ',') content = EscapedComma + content.Substring(1);
                        if (literal.IsFirstCharacterEscaped && content.Length > 0 && content[0] == ';') content = EscapedSemicolon + content.Substring(1);
                        text.Append(content);
                        break;
                    case HtmlEntityInline entity:
                        text.Append(MarkdownText.IsNulReference(entity.Original.ToString()) ? "\0" : entity.Transcoded.ToString());
                        break;
                    case CellLineBreakInline:
                        text.Append('\n');
                        break;
                    case SourceTagInline tag:
                        text.Append(SourceTagExtension.Open).Append(tag.Source).Append(SourceTagExtension.Close);
                        break;
                    case LineBreakInline lineBreak:
                        text.Append(lineBreak.IsHard ? '\n' : ' ');
                        break;
                    case CodeInline code:
                        text.Append('`').Append(code.Content).Append('`');
                        break;
                    case AutolinkInline link:
                        text.Append(link.Url);
                        break;
                    case ContainerInline container:
                        text.Append(InlinesText(container));
                        break;
                    case LeafInline leaf:
                        text.Append(leaf.ToString());
                        break;
                }
            }
            return text.ToString();
        }

        private static string? Unescape(string? text) => text?.Replace(EscapedComma, ',').Replace(EscapedSemicolon, ';');

        /// <summary>A list of names: split at semicolons when it has any ("Doe, Jane; Ann Lee"), else at commas.</summary>
        private static IEnumerable<string> SplitNames(string? value)
        {
            if (value is null) yield break;
            foreach (var part in value.Split(value.IndexOf(';') >= 0 ? ';' : ','))
            {
                var name = Text.SingleLine(Unescape(part));
                if (name is not null) yield return name;
            }
        }

        /// <summary>The front matter's contents.</summary>
        private sealed class FrontMatter
        {
            public Guid? Id { get; private set; }

            public IncidentContext? Context { get; private set; }

            public TimeSpan? Duration { get; private set; }

            public DocumentState State { get; private set; }

            public List<SignOff> SignOffs { get; } = new List<SignOff>();

            public List<Unlock> Unlocks { get; } = new List<Unlock>();

            public Publication? Publication { get; private set; }

            /// <summary>The external version's sign-offs and publication record, on a holder of its own.</summary>
            public Postmortem External { get; } = new Postmortem("front matter");

            public string? TrackingUrl { get; private set; }

            public List<EventInfo> Events { get; } = new List<EventInfo>();

            public List<ActionInfo> Actions { get; } = new List<ActionInfo>();

            /// <summary>The impact's exact times, by <see cref="ImpactTime"/>.</summary>
            public DateTime?[] ImpactTimes { get; } = new DateTime?[PostmortemYaml.ImpactTimes.Length];

            /// <summary>
            /// The Duration derived from the events as the file was written (their exact times and milestones), by the
            /// timeline's own rule, so it is the one the page showed then.
            /// </summary>
            public TimeSpan? WrittenDuration
            {
                get
                {
                    var timeline = new Timeline();
                    for (int i = 0; i < Events.Count; i++)
                    {
                        // Only the times and milestones count; the text, which the front matter does not hold, just keeps the entries apart.
                        if (Events[i].Milestone != Milestone.None) timeline.Add(new TimelineEvent(Events[i].Time, "entry " + i, Events[i].Milestone));
                    }
                    return timeline.DerivedDuration;
                }
            }

            public sealed class EventInfo
            {
                /// <summary>The exact time; for an entry whose time is unknown, its place (the time of the entry before it).</summary>
                public DateTime Time { get; set; }

                public bool TimeUnknown { get; set; }

                public Milestone Milestone { get; set; }

                public string? Source { get; set; }

                public string? Digest { get; set; }

                /// <summary>The entry's line in the file, for a warning that names it.</summary>
                public long Line { get; set; }
            }

            public sealed class ActionInfo
            {
                public ActionItemStatus Status { get; set; } = ActionItemStatus.Open;

                public string? StatusReason { get; set; }

                public DateTime? DoneDate { get; set; }

                public string? Tracking { get; set; }

                public string? Digest { get; set; }

                /// <summary>The entry's line in the file, for a warning that names it.</summary>
                public long Line { get; set; }
            }

            public static FrontMatter Read(string yaml, string source, YamlValues values)
            {
                var front = new FrontMatter();
                // The front matter starts on line 2 of the file; a leading line break keeps the YAML's line numbers the file's.
                var root = YamlTree.Parse("\n" + yaml, source);
                if (root is null) return front;
                var mapping = values.Mapping(root, "the front matter");
                values.ForEach(mapping, " in the front matter", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["id"] = n => front.Id = values.Id(n, "id"),
                    ["context"] = n => front.Context = values.Enum<IncidentContext>(n, "context"),
                    ["duration"] = n => front.Duration = values.Duration(n, "duration"),
                    ["state"] = n => front.State = values.Enum<DocumentState>(n, "state") ?? DocumentState.Draft,
                    ["trackingUrl"] = n => front.TrackingUrl = values.TrackingUrl(n, "trackingUrl"),
                    ["signOffs"] = n =>
                    {
                        var holder = new Postmortem("front matter");
                        values.ReadSignOffs(holder, n);
                        front.SignOffs.AddRange(holder.SignOffs);
                    },
                    ["publication"] = n =>
                    {
                        var holder = new Postmortem("front matter");
                        values.ReadPublication(holder, n);
                        front.Publication = holder.Publication;
                    },
                    ["unlocks"] = n =>
                    {
                        var holder = new Postmortem("front matter");
                        values.ReadUnlocks(holder, n);
                        front.Unlocks.AddRange(holder.Unlocks);
                    },
                    ["external"] = n => values.ReadExternal(front.External, n, withText: false),
                    ["timeline"] = n =>
                    {
                        if (n is not YamlSequence events) throw values.Error(n, "'timeline' in the front matter must be a list");
                        foreach (var e in events.Items)
                        {
                            var info = new EventInfo { Line = e.Line };
                            YamlNode? time = null;
                            values.ForEach(values.Mapping(e, "a timeline entry"), " in a front-matter timeline entry", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                            {
                                ["time"] = t => time = t,
                                ["milestone"] = m => info.Milestone = values.Enum<Milestone>(m, "milestone") ?? Milestone.None,
                                ["source"] = s => info.Source = values.Text(s, "source"),
                                ["digest"] = d => info.Digest = values.Text(d, "digest"),
                            });
                            if (time is null) throw values.Error(e, "a front-matter timeline entry has no 'time'");
                            info.TimeUnknown = TimelineTime.IsUnknown(values.Text(time, "time"));
                            if (!info.TimeUnknown) info.Time = values.Time(time, "time", null);
                            front.Events.Add(info);
                        }
                        var places = TimelineTime.Places(front.Events.Select(i => i.TimeUnknown ? (DateTime?)null : i.Time).ToList(), null);
                        for (int i = 0; i < front.Events.Count; i++) front.Events[i].Time = places[i];
                    },
                    ["impact"] = n =>
                    {
                        var handlers = new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase);
                        foreach (var which in PostmortemYaml.ImpactTimes)
                        {
                            var key = PostmortemYaml.ImpactTimeKey(which);
                            handlers[key] = t => front.ImpactTimes[(int)which] = values.ImpactTime(t, key, null);
                        }
                        if (n is YamlScalar none && none.IsNull) return;
                        values.ForEach(values.Mapping(n, "'impact' in the front matter"), " in the front matter's impact", handlers);
                    },
                    ["actionItems"] = n =>
                    {
                        if (n is not YamlSequence items) throw values.Error(n, "'actionItems' in the front matter must be a list");
                        foreach (var item in items.Items)
                        {
                            var info = new ActionInfo { Line = item.Line };
                            var status = new ItemStatusEntry(item);
                            values.ForEach(values.Mapping(item, "an action item entry"), " in a front-matter action item", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                            {
                                ["status"] = s => status.Read(values, s),
                                ["statusReason"] = r => status.ReadReason(values, r),
                                ["doneDate"] = d => status.ReadDoneDate(values, d),
                                ["tracking"] = t => info.Tracking = values.Text(t, "tracking"),
                                ["digest"] = d => info.Digest = values.Text(d, "digest"),
                            });
                            status.Check(values);
                            (info.Status, info.StatusReason, info.DoneDate) = (status.Status, status.Reason, status.DoneDate);
                            front.Actions.Add(info);
                        }
                    },
                });
                return front;
            }
        }
    }
}
