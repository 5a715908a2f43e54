using System.Text;

namespace Postmortems.Rules
{
    /// <summary>
    /// Words nobody may rewrite: text in quotation marks or in a code span, and events taken verbatim from chat,
    /// alerts or logs. The tone rules (tense, vague quantities, hedging, approximate times) do not ask to change them;
    /// the blame and secret rules still read them whole.
    /// </summary>
    internal static class Quotes
    {
        /// <summary>
        /// Whether the event's text is a quote: its source is one of the word list QuotedSources ("slack",
        /// "alertmanager", "journald", ...), as the timeline readers set it.
        /// </summary>
        public static bool IsVerbatim(RuleContext context, TimelineEvent e) =>
            context.Phrases("QuotedSources").Contains(e.Source.Trim().ToLowerInvariant());

        /// <summary>
        /// The text with every quoted span and code span blanked to spaces (so positions and word boundaries stay),
        /// for the tone rules to read. Quotes: "...", “...”, ‘...’, '...' (an apostrophe inside a word such as "didn't"
        /// or "users'" is not a quote), `...`. An opening mark with no close quotes nothing.
        /// </summary>
        public static string WithoutQuoted(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var source = text!;
            StringBuilder? result = null;
            int i = 0;
            while (i < source.Length)
            {
                char open = source[i];
                char close = CloseFor(source, i);
                if (close != '\0')
                {
                    int end = FindClose(source, i + 1, close);
                    if (end > i + 1)
                    {
                        result ??= new StringBuilder(source);
                        for (int j = i; j <= end; j++) result[j] = ' ';
                        i = end + 1;
                        continue;
                    }
                }
                i++;
            }
            return result?.ToString() ?? source;
        }

        // The closing mark for a quote that opens at i, or '\0' when the character there opens none.
        private static char CloseFor(string text, int i)
        {
            switch (text[i])
            {
                case '"': return '"';
                case '\u201C': return '\u201D';
                case '\u2018': return '\u2019';
                case '`': return '`';
                case '\'':
                    // An apostrophe opens a quote only at the start of a word: after nothing, white space or an opening bracket.
                    bool atStart = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or ':';
                    return atStart && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) ? '\'' : '\0';
                default: return '\0';
            }
        }

        private static int FindClose(string text, int from, char close)
        {
            for (int j = from; j < text.Length; j++)
            {
                if (text[j] != close) continue;
                if (close == '\'' || close == '\u2019')
                {
                    // "didn't" inside a quote: a closing apostrophe ends a word and is not followed by a letter.
                    bool endsWord = j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1]);
                    if (!endsWord || j == from || char.IsWhiteSpace(text[j - 1])) continue;
                }
                return j;
            }
            return -1;
        }
    }
}
