using System.Net;
using System.Text;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// formatHtml below the top level, and the start-tag attributes it and removeScripts work on. What a real
/// v24.02.3 did to an inline SVG is in CONTRACT.md §11: <c>&lt;pattern id="pm-hatch"&gt;</c> stored as
/// <c>id="bkmrk-"</c>, a second empty one as <c>id="bkmrk--1"</c>, <c>fill="url(#pm-hatch)"</c> left pointing at
/// nothing, <c>viewBox</c> stored as <c>viewbox</c>, <c>&lt;path/&gt;</c> as <c>&lt;path&gt;&lt;/path&gt;</c>.
/// </summary>
internal static partial class HtmlTools
{
    /// <summary>One attribute of a start tag as written: from its name to the end of its value.</summary>
    private readonly record struct TagAttribute(int Start, int End, string Name, string? Value, string Text);

    // The nested pass: //body//*//*[@id] gets setUniqueId in document order, sharing the top-level pass's ids;
    // then every link below the top level follows each change in turn, as updateLinks did after each one.
    private static string FormatBelowTopLevel(string html, HashSet<string> used, List<(string Old, string New)> renames)
    {
        var parts = new List<string>();
        var links = new List<int>();
        var open = new List<string>();
        int i = 0, copied = 0;
        while (i < html.Length)
        {
            if (html[i] != '<') { i++; continue; }
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                int endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            bool closing = i + 2 < html.Length && html[i + 1] == '/' && char.IsAsciiLetter(html[i + 2]);
            if (!closing && !IsElementStart(html, i)) { i++; continue; }
            parts.Add(html[copied..i]);
            int tagStart = i, tagEnd = FindTagClose(html, i);
            var tag = html[tagStart..tagEnd];
            var name = ReadTagName(html, tagStart + (closing ? 2 : 1));
            i = copied = tagEnd;
            if (closing)
            {
                parts.Add("</" + name.ToLowerInvariant() + tag[(2 + name.Length)..]);
                int at = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0) open.RemoveRange(at, open.Count - at);
                continue;
            }

            bool nested = open.Count > 0;
            bool inSvg = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || open.Contains("svg", StringComparer.OrdinalIgnoreCase);
            bool selfClosing = tag.EndsWith("/>", StringComparison.Ordinal);
            var attributes = Attributes(tag);
            string? newId = null;
            if (nested && attributes.FirstOrDefault(a => a.Name.Equals("id", StringComparison.OrdinalIgnoreCase)) is { Value: { } raw })
            {
                var existing = WebUtility.HtmlDecode(raw);
                if (existing.StartsWith("bkmrk", StringComparison.Ordinal) && used.Add(existing))
                {
                    newId = existing;
                }
                else
                {
                    int end = FindElementEnd(html, tagStart, out int startTagEnd, out _);
                    newId = UniqueId(TextOf(html[startTagEnd..end], name), used);
                    renames.Add((existing, newId));
                }
            }
            var stored = "<" + name.ToLowerInvariant() + Rewrite(tag, attributes, a =>
                a.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && newId is not null
                    ? "id=\"" + newId + "\""
                    : a.Name.ToLowerInvariant() + a.Text[a.Name.Length..])[(1 + name.Length)..];
            // libxml writes a self-closed SVG element out with an end tag: <path/> is stored as <path></path>.
            if (inSvg && selfClosing && !VoidElements.Contains(name))
            {
                stored = stored[..^2].TrimEnd() + "></" + name.ToLowerInvariant() + ">";
            }
            parts.Add(stored);
            if (nested && attributes.Any(a => a.Name.Equals("href", StringComparison.OrdinalIgnoreCase))) links.Add(parts.Count - 1);
            if (!selfClosing && !VoidElements.Contains(name)) open.Add(name);
            if (RawTextElements.Contains(name) && !selfClosing)
            {
                int close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
        parts.Add(html[copied..]);

        foreach (var k in links)
        {
            parts[k] = Rewrite(parts[k], Attributes(parts[k]), a =>
            {
                if (!a.Name.Equals("href", StringComparison.OrdinalIgnoreCase) || a.Value is null) return a.Text;
                var href = WebUtility.HtmlDecode(a.Value);
                foreach (var (old, changed) in renames)
                {
                    if (href == "#" + old) href = "#" + changed;
                }
                return href == WebUtility.HtmlDecode(a.Value) ? a.Text : "href=\"" + href + "\"";
            });
        }
        return string.Concat(parts);
    }

    /// <summary>The attributes of a start tag such as <c>&lt;rect x="1" hidden fill='red'/&gt;</c>, values as written (still encoded).</summary>
    private static List<TagAttribute> Attributes(string startTag)
    {
        var list = new List<TagAttribute>();
        int i = 1;
        while (i < startTag.Length && !IsTagNameEnd(startTag[i])) i++;
        while (i < startTag.Length)
        {
            char c = startTag[i];
            if (char.IsWhiteSpace(c) || c == '/') { i++; continue; }
            if (c == '>') break;
            int start = i;
            while (i < startTag.Length && !char.IsWhiteSpace(startTag[i]) && startTag[i] is not ('=' or '>') && !(startTag[i] == '/' && i + 1 < startTag.Length && startTag[i + 1] == '>')) i++;
            if (i == start) { i++; continue; }
            var name = startTag[start..i];
            int afterName = i;
            while (i < startTag.Length && char.IsWhiteSpace(startTag[i])) i++;
            if (i >= startTag.Length || startTag[i] != '=')
            {
                list.Add(new TagAttribute(start, afterName, name, null, startTag[start..afterName]));
                i = afterName;
                continue;
            }
            i++;
            while (i < startTag.Length && char.IsWhiteSpace(startTag[i])) i++;
            string value;
            if (i < startTag.Length && startTag[i] is '"' or '\'')
            {
                char quote = startTag[i];
                int close = startTag.IndexOf(quote, i + 1);
                if (close < 0) close = startTag.Length - 1;
                value = startTag[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                int valueStart = i;
                while (i < startTag.Length && !char.IsWhiteSpace(startTag[i]) && startTag[i] != '>') i++;
                value = startTag[valueStart..i];
            }
            list.Add(new TagAttribute(start, i, name, value, startTag[start..i]));
        }
        return list;
    }

    private static bool IsTagNameEnd(char c) => char.IsWhiteSpace(c) || c is '>' or '/';

    /// <summary>The start tag with each attribute replaced by what <paramref name="replace"/> gives (null: removed, with the space before it).</summary>
    private static string Rewrite(string startTag, List<TagAttribute> attributes, Func<TagAttribute, string?> replace)
    {
        var output = new StringBuilder(startTag.Length);
        int copied = 0;
        foreach (var a in attributes)
        {
            output.Append(startTag, copied, a.Start - copied);
            var text = replace(a);
            if (text is null)
            {
                while (output.Length > 0 && char.IsWhiteSpace(output[^1])) output.Length--;
            }
            else
            {
                output.Append(text);
            }
            copied = a.End;
        }
        return output.Append(startTag, copied, startTag.Length - copied).ToString();
    }
}
