using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// Small stand-ins for BookStack's PageContent::formatHtml (bookmark ids, names lower-cased as libxml stores them)
/// and HtmlContentFilter::removeScripts (what the API's "html" field leaves out). A light tokenizer, not a DOM parser.
/// </summary>
internal static partial class HtmlTools
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title",
    };

    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "ins", "kbd", "mark", "q", "s", "small",
        "span", "strong", "sub", "sup", "u", "var",
    };

    public static string Escape(string s) => WebUtility.HtmlEncode(s);

    /// <summary>
    /// PageContent::formatHtml, what is stored: every top-level element, and every element below it that has an id,
    /// gets an id "bkmrk-" + its first 20 characters of text (whitespace runs to '-', lower-cased, urlencoded), unique
    /// within the page; an existing unused "bkmrk" id is kept. Links (<c>href="#old"</c>) below the top level follow a
    /// changed id; nothing else does (<c>url(#old)</c> keeps pointing at the old id). Bare top-level text is wrapped in
    /// a paragraph, element and attribute names are lower-cased, and inside an SVG a self-closed element gets an end
    /// tag, as libxml's HTML parser stores them.
    /// </summary>
    public static string FormatHtml(string html)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var renames = new List<(string Old, string New)>();
        return FormatBelowTopLevel(AddTopLevelIds(html, used, renames), used, renames);
    }

    // The top-level pass: each id given is recorded with the id it replaced, in order, for the links. An element that
    // had none replaced "", so (as in updateLinks) a nested href="#" ends up pointing at the first one.
    private static string AddTopLevelIds(string html, HashSet<string> used, List<(string Old, string New)> renames)
    {
        var output = new StringBuilder();
        int i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<' || !IsElementStart(html, i))
            {
                if (html.AsSpan(i).StartsWith("<!--"))
                {
                    int endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    int stop = endComment < 0 ? html.Length : endComment + 3;
                    output.Append(html, i, stop - i);
                    i = stop;
                    continue;
                }
                // A run of bare text (and inline elements) at the top level.
                int runEnd = FindTextRunEnd(html, i);
                var run = html[i..runEnd];
                if (string.IsNullOrWhiteSpace(StripTags(run)) && !run.Contains('<'))
                {
                    output.Append(run);
                }
                else
                {
                    var leading = run.Length - run.TrimStart().Length;
                    output.Append(run, 0, leading);
                    var inner = run.Trim();
                    var id = UniqueId(TextOf(inner), used);
                    renames.Add(("", id));
                    output.Append("<p id=\"").Append(id).Append("\">").Append(inner).Append("</p>");
                    output.Append(run, leading + inner.Length, run.Length - leading - inner.Length);
                }
                i = runEnd;
                continue;
            }

            int elementEnd = FindElementEnd(html, i, out int startTagEnd, out string tagName);
            var startTag = html[i..startTagEnd];
            var rest = html[startTagEnd..elementEnd];
            var existing = GetAttribute(startTag, "id");
            string newId;
            if (existing is not null && existing.StartsWith("bkmrk", StringComparison.Ordinal) && !used.Contains(existing))
            {
                used.Add(existing);
                newId = existing;
            }
            else
            {
                newId = UniqueId(TextOf(rest, tagName), used);
            }
            if (newId != (existing ?? "")) renames.Add((existing ?? "", newId));
            output.Append(SetId(startTag, newId)).Append(rest);
            i = elementEnd;
        }
        return output.ToString();
    }

    private static bool IsElementStart(string html, int i) =>
        i + 1 < html.Length && char.IsAsciiLetter(html[i + 1]);

    private static int FindTextRunEnd(string html, int i)
    {
        int j = i;
        while (j < html.Length)
        {
            if (html[j] == '<' && IsElementStart(html, j))
            {
                var name = ReadTagName(html, j + 1);
                if (!InlineElements.Contains(name)) break;
                j = FindElementEnd(html, j, out _, out _);
                continue;
            }
            if (html.AsSpan(j).StartsWith("<!--")) break;
            j++;
        }
        return j == i ? Math.Min(i + 1, html.Length) : j;
    }

    private static string ReadTagName(string html, int start)
    {
        int j = start;
        while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '-' || html[j] == ':')) j++;
        return html[start..j];
    }

    /// <summary>The index just past the element that starts at <paramref name="start"/>.</summary>
    private static int FindElementEnd(string html, int start, out int startTagEnd, out string tagName)
    {
        tagName = ReadTagName(html, start + 1);
        startTagEnd = FindTagClose(html, start);
        bool selfClosing = startTagEnd >= 2 && html[startTagEnd - 2] == '/';
        if (VoidElements.Contains(tagName) || selfClosing) return startTagEnd;
        if (RawTextElements.Contains(tagName))
        {
            int close = html.IndexOf("</" + tagName, startTagEnd, StringComparison.OrdinalIgnoreCase);
            if (close < 0) return html.Length;
            return FindTagClose(html, close);
        }
        int depth = 1;
        int i = startTagEnd;
        while (i < html.Length)
        {
            if (html[i] != '<') { i++; continue; }
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                int endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            if (i + 1 < html.Length && html[i + 1] == '/')
            {
                int close = FindTagClose(html, i);
                depth--;
                i = close;
                if (depth == 0) return close;
                continue;
            }
            if (IsElementStart(html, i))
            {
                var name = ReadTagName(html, i + 1);
                int end = FindTagClose(html, i);
                bool selfClose = end >= 2 && html[end - 2] == '/';
                if (RawTextElements.Contains(name))
                {
                    int close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                    i = close < 0 ? html.Length : FindTagClose(html, close);
                    continue;
                }
                if (!VoidElements.Contains(name) && !selfClose) depth++;
                i = end;
                continue;
            }
            i++;
        }
        return html.Length;
    }

    /// <summary>The index just past the '>' of the tag starting at <paramref name="start"/>, minding quotes.</summary>
    private static int FindTagClose(string html, int start)
    {
        char quote = '\0';
        for (int i = start + 1; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c == '"' || c == '\'') { quote = c; continue; }
            if (c == '>') return i + 1;
        }
        return html.Length;
    }

    private static string? GetAttribute(string startTag, string name)
    {
        var m = Regex.Match(startTag, @"\s" + name + @"\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+))", RegexOptions.IgnoreCase);
        if (!m.Success) return null;
        return WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
    }

    private static string SetId(string startTag, string id)
    {
        var re = new Regex(@"(\sid\s*=\s*)(?:""[^""]*""|'[^']*'|[^\s>]+)", RegexOptions.IgnoreCase);
        if (re.IsMatch(startTag)) return re.Replace(startTag, m => m.Groups[1].Value + "\"" + id + "\"", 1);
        int insertAt = startTag.EndsWith("/>", StringComparison.Ordinal) ? startTag.Length - 2 : startTag.Length - 1;
        if (insertAt < 0) insertAt = startTag.Length;
        while (insertAt > 0 && startTag[insertAt - 1] == ' ') insertAt--;
        return startTag[..insertAt] + " id=\"" + id + "\"" + startTag[insertAt..];
    }

    private static string TextOf(string inner, string? tagName = null)
    {
        // The element's text: its content without the closing tag, tags stripped, entities decoded.
        if (tagName is not null)
        {
            int close = inner.LastIndexOf("</", StringComparison.Ordinal);
            if (close >= 0 && inner.AsSpan(close + 2).StartsWith(tagName, StringComparison.OrdinalIgnoreCase)) inner = inner[..close];
        }
        return WebUtility.HtmlDecode(StripTagsKeepingRawText(inner));
    }

    private static string UniqueId(string text, HashSet<string> used)
    {
        var slugged = WhitespaceRun().Replace(Php.Trim(text), "-");
        var contentId = "bkmrk-" + Php.SubstrCodePoints(AsciiLower(slugged), 20);
        var id = Php.UrlEncode(contentId);
        int loop = 1;
        while (used.Contains(id))
        {
            id = Php.UrlEncode(contentId + "-" + loop);
            loop++;
        }
        used.Add(id);
        return id;
    }

    private static string AsciiLower(string s) => string.Create(s.Length, s, (span, src) =>
    {
        for (int i = 0; i < src.Length; i++) span[i] = src[i] is >= 'A' and <= 'Z' ? (char)(src[i] + 32) : src[i];
    });

    /// <summary>
    /// HtmlContentFilter::removeScripts, what the API's "html" field (and a description) shows: script elements and
    /// elements whose href, action or formaction holds "javascript:" removed with their content; on* and xlink:href
    /// attributes removed.
    /// </summary>
    public static string RemoveScripts(string html)
    {
        var output = new StringBuilder(html.Length);
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
            if (!IsElementStart(html, i)) { i++; continue; }
            var name = ReadTagName(html, i + 1);
            int tagEnd = FindTagClose(html, i);
            var tag = html[i..tagEnd];
            output.Append(html, copied, i - copied);
            var attributes = Attributes(tag);
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || attributes.Any(IsJavaScriptLink))
            {
                i = copied = FindElementEnd(html, i, out _, out _);
                continue;
            }
            output.Append(Rewrite(tag, attributes, a =>
                a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.Contains("xlink:href", StringComparison.OrdinalIgnoreCase) ? null : a.Text));
            i = copied = tagEnd;
            if (RawTextElements.Contains(name) && !tag.EndsWith("/>", StringComparison.Ordinal))
            {
                int close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
        return output.Append(html, copied, html.Length - copied).ToString();
    }

    private static bool IsJavaScriptLink(TagAttribute a) =>
        a.Name.ToLowerInvariant() is "href" or "action" or "formaction"
        && WebUtility.HtmlDecode(a.Value ?? "").Contains("javascript:", StringComparison.OrdinalIgnoreCase);

    /// <summary>strip_tags: removes tags and comments but keeps the text of every element.</summary>
    public static string StripTags(string html) => StripTagsKeepingRawText(html);

    private static string StripTagsKeepingRawText(string html)
    {
        var noComments = Comment().Replace(html, "");
        return AnyTag().Replace(noComments, "");
    }

    /// <summary>The plain text BookStack stores in a page's text column: the rendered HTML without tags, entities decoded.</summary>
    public static string PlainText(string renderedHtml) => WebUtility.HtmlDecode(StripTags(renderedHtml));

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>|<![^<>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
