using System.Collections.Generic;

namespace Postmortems.Serialization
{
    /// <summary>
    /// A cheap scan, before Markdig parses a Markdown file, for nesting no postmortem has and Markdig spends seconds on
    /// (then refuses with its own exception): block quotes and lists nested more than <see cref="MaxBlockDepth"/> deep,
    /// or brackets or emphasis markers nested (or left open) more than <see cref="MaxInlineDepth"/> deep in one
    /// paragraph, list item or table row. One pass over the text, line by line; fenced code is not looked into. It errs towards counting more
    /// than Markdig would (an indented line that looks like a list item counts as one), never fewer, and the limits are
    /// far above what a written page holds.
    /// </summary>
    public static class MarkdownDepth
    {
        /// <summary>Block quotes and lists, one inside the other. Markdig gives up at 128 levels of blocks, and a list takes two (the list and its item).</summary>
        public const int MaxBlockDepth = 32;

        /// <summary>Brackets ([) and emphasis markers (*, _) open at once in one paragraph, list item or table row.</summary>
        public const int MaxInlineDepth = 64;

        /// <summary>Throws <see cref="PostmortemFormatException"/> naming the line where the nesting passes a limit.</summary>
        public static void Check(string text, string source)
        {
            if (text is null) return;
            var items = new List<(int Quotes, int Content)>();   // open list items: the quotes they sit in and their content column
            int brackets = 0, opened = 0, unopened = 0;
            char fence = '\0';
            int fenceLength = 0;
            long line = 0;
            int start = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                line++;
                int i = start, column = 0, quotes = 0;
                // The line's block quote markers, then its indentation inside them.
                int indent = Spaces(text, ref i, end, ref column);
                while (i < end && text[i] == '>')
                {
                    quotes++;
                    i++;
                    column++;
                    indent = Spaces(text, ref i, end, ref column);
                    if (indent > 0) indent--;   // the space after '>' belongs to the marker
                }
                if (i >= end || (text[i] == '\r' && i + 1 >= end))
                {
                    brackets = opened = unopened = 0;   // a blank line ends a paragraph
                    start = end + 1;
                    continue;
                }
                if (fence != '\0')
                {
                    if (IsFence(text, i, end, fence, fenceLength)) fence = '\0';
                    start = end + 1;
                    continue;
                }
                while (items.Count > 0 && (items[items.Count - 1].Quotes > quotes || (items[items.Count - 1].Quotes == quotes && indent < items[items.Count - 1].Content)))
                {
                    items.RemoveAt(items.Count - 1);
                }
                int depth = quotes + items.Count;
                // Further containers opened on this line: list markers, and quotes inside list items.
                while (i < end && !IsThematicBreak(text, i, end))
                {
                    int width = ListMarker(text, i, end);
                    if (width > 0)
                    {
                        brackets = opened = unopened = 0;   // a list item starts a paragraph of its own
                        i += width;
                        column += width;
                        int spaces = Spaces(text, ref i, end, ref column);
                        items.Add((quotes, column - (spaces > 4 ? spaces - 1 : 0)));
                        depth++;
                    }
                    else if (text[i] == '>')
                    {
                        i++;
                        column++;
                        Spaces(text, ref i, end, ref column);
                        depth++;
                    }
                    else
                    {
                        break;
                    }
                    if (depth > MaxBlockDepth) break;
                }
                if (depth > MaxBlockDepth)
                {
                    throw new PostmortemFormatException(source, line,
                        $"block quotes and lists are nested more than {MaxBlockDepth} deep here; a postmortem nests them a few deep at most. Check this is the file you meant");
                }
                if (StartsFence(text, i, end, out fence, out fenceLength))
                {
                    start = end + 1;
                    continue;
                }
                // A table row or a heading is a paragraph of its own.
                if (text[i] == '#' || text.IndexOf('|', i, end - i) >= 0) brackets = opened = unopened = 0;
                Inline(text, i, end, ref brackets, ref opened, ref unopened);
                if (brackets > MaxInlineDepth || opened > MaxInlineDepth || unopened > MaxInlineDepth)
                {
                    throw new PostmortemFormatException(source, line,
                        $"brackets or emphasis markers (* or _) are nested or left open more than {MaxInlineDepth} deep in this paragraph; a postmortem has a few at most. Check this is the file you meant");
                }
                if (text[i] == '#' || text.IndexOf('|', i, end - i) >= 0) brackets = opened = unopened = 0;
                start = end + 1;
            }
        }

        // Skips spaces and tabs (a tab to the next multiple of 4), returning the columns skipped.
        private static int Spaces(string text, ref int i, int end, ref int column)
        {
            int from = column;
            for (; i < end; i++)
            {
                if (text[i] == ' ') column++;
                else if (text[i] == '\t') column += 4 - (column % 4);
                else break;
            }
            return column - from;
        }

        // The width of a list marker at i (-, +, * or up to 9 digits and . or ), then a space or the line's end); 0 for none.
        private static int ListMarker(string text, int i, int end)
        {
            int at = i;
            char c = text[at];
            if (c == '-' || c == '+' || c == '*')
            {
                at++;
            }
            else
            {
                while (at < end && at - i < 9 && text[at] >= '0' && text[at] <= '9') at++;
                if (at == i || at >= end || (text[at] != '.' && text[at] != ')')) return 0;
                at++;
            }
            return at >= end || text[at] == ' ' || text[at] == '\t' || text[at] == '\r' ? at - i : 0;
        }

        // Three or more of the same -, * or _ and nothing else but spaces: a rule, not a list.
        private static bool IsThematicBreak(string text, int i, int end)
        {
            char c = text[i];
            if (c != '-' && c != '*' && c != '_') return false;
            int count = 0;
            for (int at = i; at < end; at++)
            {
                if (text[at] == c) count++;
                else if (text[at] != ' ' && text[at] != '\t' && text[at] != '\r') return false;
            }
            return count >= 3;
        }

        private static bool StartsFence(string text, int i, int end, out char fence, out int length)
        {
            fence = '\0';
            length = 0;
            char c = text[i];
            if (c != '`' && c != '~') return false;
            int at = i;
            while (at < end && text[at] == c) at++;
            if (at - i < 3) return false;
            // A backtick fence's info string has no backtick.
            if (c == '`' && text.IndexOf('`', at, end - at) >= 0) return false;
            fence = c;
            length = at - i;
            return true;
        }

        private static bool IsFence(string text, int i, int end, char fence, int length)
        {
            int at = i;
            while (at < end && text[at] == fence) at++;
            if (at - i < length) return false;
            for (; at < end; at++)
            {
                if (text[at] != ' ' && text[at] != '\t' && text[at] != '\r') return false;
            }
            return true;
        }

        // Counts the brackets open, and the emphasis runs open and closed without an opener, as CommonMark's flanking
        // rules tell openers from closers.
        private static void Inline(string text, int i, int end, ref int brackets, ref int opened, ref int unopened)
        {
            for (; i < end; i++)
            {
                char c = text[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '[')
                {
                    if (++brackets > MaxInlineDepth) return;
                }
                else if (c == ']')
                {
                    if (brackets > 0) brackets--;
                }
                else if (c == '*' || c == '_')
                {
                    int run = i;
                    while (i + 1 < end && text[i + 1] == c) i++;
                    char before = run > 0 ? text[run - 1] : ' ';
                    char after = i + 1 < end ? text[i + 1] : ' ';
                    bool left = !IsSpace(after) && (!IsPunctuation(after) || IsSpace(before) || IsPunctuation(before));
                    bool right = !IsSpace(before) && (!IsPunctuation(before) || IsSpace(after) || IsPunctuation(after));
                    bool opens = left && (c == '*' || !right || IsPunctuation(before));
                    bool closes = right && (c == '*' || !left || IsPunctuation(after));
                    if (closes && opened > 0) opened--;
                    else if (opens) opened++;
                    else if (closes) unopened++;
                    if (opened > MaxInlineDepth || unopened > MaxInlineDepth) return;
                }
            }
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || char.IsWhiteSpace(c);

        private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);
    }
}
