using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Postmortems.Serialization
{
    internal abstract class YamlNode
    {
        protected YamlNode(long line) => Line = line;

        public long Line { get; }
    }

    internal sealed class YamlScalar : YamlNode
    {
        public YamlScalar(string value, bool plain, long line) : base(line)
        {
            Value = value;
            Plain = plain;
        }

        public string Value { get; }

        /// <summary>Written without quotes, so "", "~" and "null" mean no value.</summary>
        public bool Plain { get; }

        public bool IsNull => Plain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");
    }

    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(long line) : base(line)
        {
        }

        public List<YamlNode> Items { get; } = new List<YamlNode>();
    }

    internal sealed class YamlMapping : YamlNode
    {
        public YamlMapping(long line) : base(line)
        {
        }

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new List<KeyValuePair<YamlScalar, YamlNode>>();
    }

    /// <summary>
    /// Reads YAML into plain nodes, refusing what a postmortem draft never needs and an attacker could use:
    /// anchors and aliases (no alias-expansion bombs), type tags (nothing is ever instantiated from a tag),
    /// more than one document, and deep nesting.
    /// </summary>
    internal static class YamlTree
    {
        private const int MaxDepth = 32;

        public static YamlNode? Parse(string text, string source)
        {
            var parser = new Parser(new StringReader(text));
            try
            {
                parser.MoveNext();   // StreamStart
                parser.MoveNext();
                if (parser.Current is StreamEnd) return null;
                if (parser.Current is not DocumentStart) throw Error(source, parser.Current, "expected a YAML document");
                parser.MoveNext();
                var root = ReadNode(parser, source, depth: 0);
                if (parser.Current is not DocumentEnd) throw Error(source, parser.Current, "expected the end of the document");
                parser.MoveNext();
                if (parser.Current is not StreamEnd)
                {
                    throw Error(source, parser.Current, "the file holds more than one YAML document; a postmortem draft is one");
                }
                return root;
            }
            catch (YamlException ex) when (ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // The parser reports a tab where the token it was reading started (a line or more before), or at 1:1.
                throw new PostmortemFormatException(source, TabLine(text, ex.Start.Line, ex.End.Line),
                    "this is not valid YAML: " + Simplify(ex.Message).TrimEnd('.') + ". YAML lines indent with spaces, not tabs: replace the tab on this line with spaces", ex);
            }
            catch (YamlException ex)
            {
                throw new PostmortemFormatException(source, ex.Start.Line, "this is not valid YAML: " + Simplify(ex.Message), ex);
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's parser can stop in a state it has no message for (an unclosed [ list, say).
                long? line = parser.Current?.Start.Line;
                throw new PostmortemFormatException(source, line,
                    "this is not valid YAML: a list, a set of keys or a quoted text is not closed (look for a missing ], } or quote at or before this line)", ex);
            }
        }

        private static YamlNode ReadNode(Parser parser, string source, int depth)
        {
            var current = parser.Current;
            if (current is AnchorAlias)
            {
                throw Error(source, current, "aliases (*name) are not allowed in a postmortem draft; write the value out");
            }
            if (current is NodeEvent node)
            {
                if (!node.Anchor.IsEmpty) throw Error(source, current, "anchors (&name) are not allowed in a postmortem draft");
                if (!node.Tag.IsEmpty) throw Error(source, current, $"type tags ({node.Tag}) are not allowed in a postmortem draft; remove the tag");
            }
            if (depth > MaxDepth) throw Error(source, current, "the YAML is nested too deeply for a postmortem draft");
            long line = current?.Start.Line ?? 0;
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line);
                case SequenceStart:
                    parser.MoveNext();
                    var sequence = new YamlSequence(line);
                    while (parser.Current is not SequenceEnd) sequence.Items.Add(ReadNode(parser, source, depth + 1));
                    parser.MoveNext();
                    return sequence;
                case MappingStart:
                    parser.MoveNext();
                    var mapping = new YamlMapping(line);
                    while (parser.Current is not MappingEnd)
                    {
                        if (ReadNode(parser, source, depth + 1) is not YamlScalar key)
                        {
                            throw Error(source, parser.Current, "a key must be plain text");
                        }
                        mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, ReadNode(parser, source, depth + 1)));
                    }
                    parser.MoveNext();
                    return mapping;
                default:
                    throw Error(source, current, "unexpected YAML");
            }
        }

        /// <summary>The first line from <paramref name="from"/> on with a tab in its indentation; else the parser's end line.</summary>
        internal static long TabLine(string text, long from, long end)
        {
            long line = 1;
            int start = 0;
            while (start <= text.Length)
            {
                int next = text.IndexOf('\n', start);
                int stop = next < 0 ? text.Length : next;
                if (line >= from)
                {
                    for (int i = start; i < stop && (text[i] == ' ' || text[i] == '\t'); i++)
                    {
                        if (text[i] == '\t') return line;
                    }
                }
                if (next < 0) break;
                start = next + 1;
                line++;
            }
            return Math.Max(from, end);
        }

        private static PostmortemFormatException Error(string source, ParsingEvent? at, string problem) =>
            new PostmortemFormatException(source, at?.Start.Line, problem);

        // YamlDotNet's messages start with the position, which our message gives already.
        private static string Simplify(string message)
        {
            int close = message.IndexOf("): ", System.StringComparison.Ordinal);
            return message.StartsWith("(", System.StringComparison.Ordinal) && close > 0 ? message.Substring(close + 3) : message;
        }
    }
}
