using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Postmortems.Trackers
{
    /// <summary>
    /// Jira Cloud's description format, the Atlassian Document Format (ADF), as far as an issue made for an action item
    /// needs it: the Markdown body written as ADF (paragraphs, headings, lists, quotes and code as their ADF nodes; bold,
    /// italic, code and links as marks), and the plain text of a description read back, to find the marker in it.
    /// </summary>
    internal static class AtlassianDocument
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

        /// <summary>Writes <paramref name="markdown"/> as an ADF document: {"type": "doc", "version": 1, "content": [...]}.</summary>
        public static void Write(Utf8JsonWriter w, string markdown)
        {
            w.WriteStartObject();
            w.WriteString("type", "doc");
            w.WriteNumber("version", 1);
            w.WriteStartArray("content");
            foreach (var block in Markdown.Parse(markdown, Pipeline)) Block(w, block);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void Block(Utf8JsonWriter w, Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    w.WriteStartObject();
                    w.WriteString("type", "heading");
                    w.WriteStartObject("attrs");
                    w.WriteNumber("level", heading.Level < 1 ? 1 : heading.Level > 6 ? 6 : heading.Level);
                    w.WriteEndObject();
                    Inlines(w, heading.Inline);
                    w.WriteEndObject();
                    break;
                case ParagraphBlock paragraph:
                    w.WriteStartObject();
                    w.WriteString("type", "paragraph");
                    Inlines(w, paragraph.Inline);
                    w.WriteEndObject();
                    break;
                case ListBlock list:
                    w.WriteStartObject();
                    w.WriteString("type", list.IsOrdered ? "orderedList" : "bulletList");
                    w.WriteStartArray("content");
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        w.WriteStartObject();
                        w.WriteString("type", "listItem");
                        w.WriteStartArray("content");
                        // A list item holds paragraphs and lists; anything else in it is kept as a paragraph of its text.
                        foreach (var inner in item)
                        {
                            if (inner is ParagraphBlock || inner is ListBlock) Block(w, inner);
                            else TextParagraph(w, Source(inner));
                        }
                        if (item.Count == 0) TextParagraph(w, string.Empty);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    break;
                case QuoteBlock quote:
                    w.WriteStartObject();
                    w.WriteString("type", "blockquote");
                    w.WriteStartArray("content");
                    foreach (var inner in quote)
                    {
                        if (inner is ParagraphBlock || inner is ListBlock) Block(w, inner);
                        else TextParagraph(w, Source(inner));
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    break;
                case CodeBlock code:
                    w.WriteStartObject();
                    w.WriteString("type", "codeBlock");
                    var text = Source(code);
                    if (text.Length > 0)
                    {
                        w.WriteStartArray("content");
                        TextNode(w, text, new List<Mark>());
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                    break;
                case ThematicBreakBlock:
                    w.WriteStartObject();
                    w.WriteString("type", "rule");
                    w.WriteEndObject();
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                case ContainerBlock container:
                    foreach (var inner in container) Block(w, inner);
                    break;
                default:
                    TextParagraph(w, Source(block));
                    break;
            }
        }

        private static string Source(Block block) =>
            block is LeafBlock leaf ? leaf.Lines.ToString().TrimEnd('\n') : string.Empty;

        private static void TextParagraph(Utf8JsonWriter w, string text)
        {
            w.WriteStartObject();
            w.WriteString("type", "paragraph");
            w.WriteStartArray("content");
            if (text.Length > 0) TextNode(w, text, new List<Mark>());
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private sealed class Mark
        {
            public Mark(string type, string? href = null)
            {
                Type = type;
                Href = href;
            }

            public string Type { get; }

            public string? Href { get; }
        }

        private static void Inlines(Utf8JsonWriter w, ContainerInline? inlines)
        {
            w.WriteStartArray("content");
            if (inlines is not null) Inline(w, inlines, new List<Mark>());
            w.WriteEndArray();
        }

        private static void Inline(Utf8JsonWriter w, ContainerInline container, List<Mark> marks)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        TextNode(w, literal.Content.ToString(), marks);
                        break;
                    case CodeInline code:
                        // ADF lets a code mark go with a link only.
                        TextNode(w, code.Content, marks.Where(m => m.Type == "link").Append(new Mark("code")).ToList());
                        break;
                    case LineBreakInline lineBreak:
                        if (lineBreak.IsHard)
                        {
                            w.WriteStartObject();
                            w.WriteString("type", "hardBreak");
                            w.WriteEndObject();
                        }
                        else
                        {
                            TextNode(w, " ", marks);
                        }
                        break;
                    case AutolinkInline autolink:
                        TextNode(w, autolink.Url, With(marks, new Mark("link", autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url)));
                        break;
                    case LinkInline link when link.IsImage:
                        TextNode(w, link.Url ?? string.Empty, marks);
                        break;
                    case LinkInline link:
                        Inline(w, link, string.IsNullOrEmpty(link.Url) ? marks : With(marks, new Mark("link", link.Url)));
                        break;
                    case EmphasisInline emphasis:
                        var type = emphasis.DelimiterChar == '~' ? "strike" : emphasis.DelimiterCount >= 2 ? "strong" : "em";
                        Inline(w, emphasis, With(marks, new Mark(type)));
                        break;
                    case HtmlEntityInline entity:
                        TextNode(w, entity.Transcoded.ToString(), marks);
                        break;
                    case HtmlInline html:
                        TextNode(w, html.Tag, marks);
                        break;
                    case ContainerInline inner:
                        Inline(w, inner, marks);
                        break;
                }
            }
        }

        private static List<Mark> With(List<Mark> marks, Mark mark) =>
            marks.Any(m => m.Type == mark.Type) || marks.Any(m => m.Type == "code") ? marks : marks.Append(mark).ToList();

        // ADF refuses an empty text node.
        private static void TextNode(Utf8JsonWriter w, string text, List<Mark> marks)
        {
            if (text.Length == 0) return;
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text);
            if (marks.Count > 0)
            {
                w.WriteStartArray("marks");
                foreach (var mark in marks)
                {
                    w.WriteStartObject();
                    w.WriteString("type", mark.Type);
                    if (mark.Href is not null)
                    {
                        w.WriteStartObject("attrs");
                        w.WriteString("href", mark.Href);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        /// <summary>
        /// The text of an ADF document (or null): its text nodes in order, each block on a line of its own. Text split
        /// over nodes by marks (a bold word, a link) reads as one run, as a person sees it.
        /// </summary>
        public static string PlainText(JsonElement document)
        {
            var text = new StringBuilder();
            Append(document, text, 0);
            return text.ToString().Trim('\n');
        }

        private static void Append(JsonElement node, StringBuilder text, int depth)
        {
            // Documents nest a few levels; a bound keeps a hostile one from running the stack out.
            if (node.ValueKind != JsonValueKind.Object || depth > 64) return;
            var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type == "text" && node.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String) text.Append(value.GetString());
            else if (type == "hardBreak") text.Append('\n');
            else if (type is "mention" or "emoji" or "inlineCard" or "date" or "status") AppendAttribute(node, text);
            if (node.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in content.EnumerateArray()) Append(child, text, depth + 1);
            }
            bool inline = type is "text" or "hardBreak" or "mention" or "emoji" or "inlineCard" or "date" or "status";
            if (!inline && text.Length > 0 && text[text.Length - 1] != '\n') text.Append('\n');
        }

        private static void AppendAttribute(JsonElement node, StringBuilder text)
        {
            if (!node.TryGetProperty("attrs", out var attrs) || attrs.ValueKind != JsonValueKind.Object) return;
            foreach (var name in new[] { "text", "url", "shortName" })
            {
                if (attrs.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    text.Append(v.GetString());
                    return;
                }
            }
        }
    }
}
