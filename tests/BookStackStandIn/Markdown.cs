using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// A small Markdown to HTML renderer standing in for league/commonmark with the table, task-list and
/// strikethrough extensions: ATX headings, paragraphs, fenced code, block quotes, flat lists (with
/// task items), pipe tables, thematic breaks, raw HTML blocks; inline code, emphasis, strong,
/// ~~strike~~ (as &lt;s&gt;, like BookStack), links, images and inline HTML. Blocks end with "\n".
/// </summary>
internal static partial class Markdown
{
    public static string ToHtml(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = new List<string>();
        RenderBlocks(lines, 0, lines.Length, blocks);
        return blocks.Count == 0 ? "" : string.Join("\n", blocks) + "\n";
    }

    private static void RenderBlocks(string[] lines, int start, int end, List<string> blocks)
    {
        int i = start;
        while (i < end)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) { i++; continue; }

            var fence = FenceOpen().Match(line);
            if (fence.Success)
            {
                var marker = fence.Groups[1].Value;
                var info = fence.Groups[2].Value.Trim();
                var code = new StringBuilder();
                i++;
                while (i < end && !lines[i].TrimStart().StartsWith(marker, StringComparison.Ordinal))
                {
                    code.Append(lines[i]).Append('\n');
                    i++;
                }
                i++;
                var lang = info.Length > 0 ? $" class=\"language-{Escape(info.Split(' ')[0])}\"" : "";
                blocks.Add($"<pre><code{lang}>{Escape(code.ToString())}</code></pre>");
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                int level = heading.Groups[1].Value.Length;
                var text = ClosingHashes().Replace(heading.Groups[2].Value.Trim(), "");
                blocks.Add($"<h{level}>{Inline(text)}</h{level}>");
                i++;
                continue;
            }

            if (ThematicBreak().IsMatch(line))
            {
                blocks.Add("<hr />");
                i++;
                continue;
            }

            if (line.TrimStart().StartsWith('>'))
            {
                var inner = new List<string>();
                while (i < end && lines[i].TrimStart().StartsWith('>'))
                {
                    var l = lines[i].TrimStart()[1..];
                    inner.Add(l.StartsWith(' ') ? l[1..] : l);
                    i++;
                }
                var innerBlocks = new List<string>();
                var arr = inner.ToArray();
                RenderBlocks(arr, 0, arr.Length, innerBlocks);
                blocks.Add("<blockquote>\n" + string.Join("\n", innerBlocks) + "\n</blockquote>");
                continue;
            }

            if (i + 1 < end && line.Contains('|') && TableDelimiter().IsMatch(lines[i + 1]))
            {
                var header = SplitRow(line);
                var aligns = SplitRow(lines[i + 1]).Select(Alignment).ToList();
                var sb = new StringBuilder("<table>\n<thead>\n<tr>\n");
                for (int c = 0; c < header.Count; c++) sb.Append($"<th{AlignAttr(aligns, c)}>{Inline(header[c])}</th>\n");
                sb.Append("</tr>\n</thead>\n");
                i += 2;
                var body = new StringBuilder();
                while (i < end && !string.IsNullOrWhiteSpace(lines[i]) && lines[i].Contains('|'))
                {
                    var cells = SplitRow(lines[i]);
                    body.Append("<tr>\n");
                    for (int c = 0; c < header.Count; c++)
                    {
                        body.Append($"<td{AlignAttr(aligns, c)}>{(c < cells.Count ? Inline(cells[c]) : "")}</td>\n");
                    }
                    body.Append("</tr>\n");
                    i++;
                }
                if (body.Length > 0) sb.Append("<tbody>\n").Append(body).Append("</tbody>\n");
                sb.Append("</table>");
                blocks.Add(sb.ToString());
                continue;
            }

            var item = ListItem().Match(line);
            if (item.Success)
            {
                bool ordered = char.IsAsciiDigit(item.Groups[2].Value[0]);
                var startNumber = ordered ? int.Parse(item.Groups[2].Value.TrimEnd('.', ')'), System.Globalization.CultureInfo.InvariantCulture) : 1;
                var items = new List<string>();
                while (i < end)
                {
                    var m = ListItem().Match(lines[i]);
                    if (!m.Success || char.IsAsciiDigit(m.Groups[2].Value[0]) != ordered) break;
                    var text = new StringBuilder(m.Groups[3].Value);
                    i++;
                    while (i < end && !string.IsNullOrWhiteSpace(lines[i]) && !ListItem().IsMatch(lines[i])
                           && (lines[i].StartsWith("  ", StringComparison.Ordinal) || !IsBlockStart(lines[i])))
                    {
                        text.Append('\n').Append(lines[i].Trim());
                        i++;
                    }
                    items.Add(ListItemHtml(text.ToString()));
                    if (i < end && string.IsNullOrWhiteSpace(lines[i]) && i + 1 < end && ListItem().IsMatch(lines[i + 1])) i++;
                }
                var tag = ordered ? "ol" : "ul";
                var startAttr = ordered && startNumber != 1 ? $" start=\"{startNumber}\"" : "";
                blocks.Add($"<{tag}{startAttr}>\n" + string.Join("\n", items) + $"\n</{tag}>");
                continue;
            }

            // CommonMark's HTML blocks: one of the block tags starts one whatever follows it on the line; any other
            // tag (svg is one) only when it is the whole line, so "<svg ...>...</svg>" on one line is a paragraph.
            if (HtmlBlockStart().IsMatch(line) || HtmlBlockTagAlone().IsMatch(line))
            {
                var html = new StringBuilder();
                while (i < end && !string.IsNullOrWhiteSpace(lines[i]))
                {
                    if (html.Length > 0) html.Append('\n');
                    html.Append(lines[i]);
                    i++;
                }
                blocks.Add(html.ToString());
                continue;
            }

            var para = new StringBuilder();
            while (i < end && !string.IsNullOrWhiteSpace(lines[i]) && (para.Length == 0 || !IsBlockStart(lines[i])))
            {
                if (para.Length > 0) para.Append('\n');
                para.Append(lines[i].TrimStart());
                i++;
            }
            blocks.Add($"<p>{Inline(para.ToString().TrimEnd())}</p>");
        }
    }

    private static bool IsBlockStart(string line) =>
        FenceOpen().IsMatch(line) || Heading().IsMatch(line) || ThematicBreak().IsMatch(line)
        || line.TrimStart().StartsWith('>') || ListItem().IsMatch(line);

    private static string ListItemHtml(string text)
    {
        var task = TaskMarker().Match(text);
        if (task.Success)
        {
            bool done = task.Groups[1].Value is "x" or "X";
            var check = done ? "<input checked disabled type=\"checkbox\">" : "<input disabled type=\"checkbox\">";
            return $"<li class=\"task-list-item\">{check} {Inline(text[task.Length..])}</li>";
        }
        return $"<li>{Inline(text)}</li>";
    }

    private static List<string> SplitRow(string line)
    {
        var t = line.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|", StringComparison.Ordinal)) t = t[..^1];
        return [.. UnescapedPipe().Split(t).Select(c => c.Trim().Replace("\\|", "|"))];
    }

    private static string? Alignment(string cell)
    {
        var c = cell.Trim();
        bool left = c.StartsWith(':'), right = c.EndsWith(':');
        return left && right ? "center" : right ? "right" : left ? "left" : null;
    }

    private static string AlignAttr(List<string?> aligns, int c) =>
        c < aligns.Count && aligns[c] is { } a ? $" align=\"{a}\"" : "";

    /// <summary>Inline markup: code spans first, then HTML tags kept, text escaped, emphasis and links.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) == false && text[i + 1] != '\n')
            {
                sb.Append(Escape(text[i + 1].ToString()));
                i += 2;
                continue;
            }
            if (c == '`')
            {
                int ticks = 0;
                while (i + ticks < text.Length && text[i + ticks] == '`') ticks++;
                var fence = new string('`', ticks);
                int close = text.IndexOf(fence, i + ticks, StringComparison.Ordinal);
                if (close > 0)
                {
                    var code = text[(i + ticks)..close];
                    if (code.Length > 2 && code.StartsWith(' ') && code.EndsWith(' ')) code = code[1..^1];
                    sb.Append("<code>").Append(Escape(code.Replace('\n', ' '))).Append("</code>");
                    i = close + ticks;
                    continue;
                }
                sb.Append(fence);
                i += ticks;
                continue;
            }
            if (c == '<')
            {
                var tag = InlineTag().Match(text, i);
                if (tag.Success && tag.Index == i)
                {
                    sb.Append(tag.Value);
                    i += tag.Length;
                    continue;
                }
                var auto = AutoLink().Match(text, i);
                if (auto.Success && auto.Index == i)
                {
                    var url = auto.Groups[1].Value;
                    sb.Append($"<a href=\"{EscapeAttr(url)}\">{Escape(url)}</a>");
                    i += auto.Length;
                    continue;
                }
            }
            if (c == '!' || c == '[')
            {
                var link = Link().Match(text, i);
                if (link.Success && link.Index == i)
                {
                    bool image = link.Groups[1].Value == "!";
                    var label = link.Groups[2].Value;
                    var url = link.Groups[3].Value.Trim('<', '>');
                    var title = link.Groups[4].Success ? $" title=\"{EscapeAttr(link.Groups[4].Value)}\"" : "";
                    sb.Append(image
                        ? $"<img src=\"{EscapeAttr(url)}\" alt=\"{EscapeAttr(StripMarkup(label))}\"{title} />"
                        : $"<a href=\"{EscapeAttr(url)}\"{title}>{Inline(label)}</a>");
                    i += link.Length;
                    continue;
                }
            }
            if (c == '\n')
            {
                // Two trailing spaces or a backslash make a hard break; otherwise a soft break.
                if (sb.Length >= 2 && sb[^1] == ' ' && sb[^2] == ' ')
                {
                    while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                    sb.Append("<br />\n");
                }
                else
                {
                    while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                    sb.Append('\n');
                }
                i++;
                continue;
            }
            sb.Append(Escape(c.ToString()));
            i++;
        }
        // Emphasis is matched with every tag masked, so attribute values (URLs with '_') stay intact.
        var tags = new List<string>();
        var masked = AnyTag().Replace(sb.ToString(), m => { tags.Add(m.Value); return "\u0001" + (tags.Count - 1) + "\u0002"; });
        masked = Strong().Replace(masked, "<strong>$2</strong>");
        masked = Emphasis().Replace(masked, "<em>$2</em>");
        masked = Strike().Replace(masked, "<s>$1</s>");
        return Placeholder().Replace(masked, m => tags[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private static string StripMarkup(string s) => s.Replace("*", "").Replace("_", "").Replace("`", "");

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string EscapeAttr(string s) => Escape(WebUtility.HtmlDecode(s));

    [GeneratedRegex(@"^\s{0,3}(```+|~~~+)(.*)$")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+#+\s*$|^#+\s*$")]
    private static partial Regex ClosingHashes();

    [GeneratedRegex(@"^\s{0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"^(\s{0,3})([-*+]|\d{1,9}[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\[([ xX])\]\s+")]
    private static partial Regex TaskMarker();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^\s{0,3}<(/?)(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|main|nav|ol|p|pre|section|summary|table|ul|script|style|!--)(\s|/?>|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockStart();

    [GeneratedRegex(@"^\s{0,3}(?:<(?!(?:pre|script|style|textarea)[\s/>])[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'=<>`]+))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockTagAlone();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(\s+[A-Za-z_:][-A-Za-z0-9_:.]*(\s*=\s*(""[^""]*""|'[^']*'|[^\s""'=<>`]+))?)*\s*/?>")]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"<((?:https?|mailto|ftp):[^\s<>]*)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"(!?)\[([^\]]*)\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+""([^""]*)"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"<code>.*?</code>|<[^<>]+>", RegexOptions.Singleline)]
    private static partial Regex AnyTag();

    [GeneratedRegex("\u0001(\\d+)\u0002")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();
}
