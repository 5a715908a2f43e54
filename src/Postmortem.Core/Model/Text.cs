using System.Text;

namespace Postmortems
{
    /// <summary>
    /// How user text is normalised when it enters the model, so that what is stored is what renders and
    /// reloads: line endings become LF, trailing white space on each line goes, blank lines around the text go
    /// and a run of blank lines inside it becomes one (a paragraph break). Indentation stays. Half of a surrogate
    /// pair (an emoji cut in two by a truncated log line) becomes U+FFFD, the replacement character, as it enters:
    /// no file can hold it, and every format then writes and reads back the same text.
    /// </summary>
    public static class Text
    {
        /// <summary>What stands for half of a character.</summary>
        public const char Replacement = '\uFFFD';

        public static string? Normalize(string? value)
        {
            if (value is null) return null;
            value = WholeCharacters(value);
            // One line, the usual case: only trailing white space goes, and a blank line is no text.
            if (value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0 && !HasOtherBreaks(value))
            {
                var trimmed = value.TrimEnd();
                return trimmed.Length == 0 ? null : trimmed;
            }
            // Every line break is a line feed: CR LF and CR, and the Unicode breaks (NEL, line and paragraph separators)
            // that YAML and Markdown would each read their own way.
            var unified = value.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');
            var lines = unified.Split('\n');
            var builder = new StringBuilder(unified.Length);
            int first = 0, last = lines.Length - 1;
            while (first <= last && lines[first].Trim().Length == 0) first++;
            while (last >= first && lines[last].Trim().Length == 0) last--;
            for (int i = first; i <= last; i++)
            {
                var line = lines[i].TrimEnd();
                if (line.Length == 0 && lines[i - 1].Trim().Length == 0) continue;
                if (i > first) builder.Append('\n');
                builder.Append(line);
            }
            return builder.Length == 0 ? null : builder.ToString();
        }

        /// <summary>The text with each half of a surrogate pair that stands alone replaced by <see cref="Replacement"/>.</summary>
        public static string WholeCharacters(string value)
        {
            char[]? chars = null;
            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                if (!char.IsSurrogate(value[i])) continue;
                chars ??= value.ToCharArray();
                chars[i] = Replacement;
            }
            return chars is null ? value : new string(chars);
        }

        private static bool HasOtherBreaks(string value) =>
            value.IndexOf('\u0085') >= 0 || value.IndexOf('\u2028') >= 0 || value.IndexOf('\u2029') >= 0;

        /// <summary>Normalises text that must stay on one line (a title, a name): all white space runs become one space.</summary>
        public static string? SingleLine(string? value)
        {
            if (value is null) return null;
            value = WholeCharacters(value);
            if (IsSingleLine(value)) return value;
            var builder = new StringBuilder(value.Length);
            bool pendingSpace = false;
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }
                if (pendingSpace) builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
            return builder.Length == 0 ? null : builder.ToString();
        }

        // Already what SingleLine makes of it: no white space but single spaces between other characters.
        private static bool IsSingleLine(string value)
        {
            if (value.Length == 0 || value[0] == ' ' || value[value.Length - 1] == ' ') return false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == ' ') { if (value[i + 1] == ' ') return false; }
                else if (char.IsWhiteSpace(c)) return false;
            }
            return true;
        }

        /// <summary>
        /// An argument's problem as a sentence for a person: the message without the " (Parameter 'name')" that .NET
        /// adds to it, which names a C# parameter the reader never saw.
        /// </summary>
        public static string Problem(System.ArgumentException ex) =>
            ex.ParamName is string name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty) : ex.Message;
    }
}
