using System.Globalization;
using System.Text;

namespace Postmortems.IO
{
    /// <summary>
    /// Text from a file made safe to show in a message: control characters (which a terminal acts on: a bell, a cursor
    /// move, a color) and the characters that reorder text on screen are written as escapes (\u0007, \n), never as
    /// they are.
    /// </summary>
    public static class Printable
    {
        public static string Escape(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            int i = 0;
            while (i < text!.Length && !NeedsEscape(text[i])) i++;
            if (i == text.Length) return text;
            var escaped = new StringBuilder(text.Length + 16).Append(text, 0, i);
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (!NeedsEscape(c))
                {
                    escaped.Append(c);
                    continue;
                }
                switch (c)
                {
                    case '\n': escaped.Append("\\n"); break;
                    case '\r': escaped.Append("\\r"); break;
                    case '\t': escaped.Append("\\t"); break;
                    default: escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                }
            }
            return escaped.ToString();
        }

        private static bool NeedsEscape(char c) =>
            c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
