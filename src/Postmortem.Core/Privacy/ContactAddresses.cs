using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>
    /// E-mail and IP addresses in free text, as Protect-Postmortem replaces them and the internal-detail scanner reports
    /// them: one matcher for both, so a text the one cleans is a text the other passes.
    /// </summary>
    internal static class ContactAddresses
    {
        // What an address looks like, anchored where the scan below says one may start: each '@' is tried once, from
        // the one place its local part can begin, so no text makes the search quadratic (the unanchored pattern tried
        // every start of a long run of letters and dots, and took minutes on a megabyte of them).
        private static readonly Regex Email = new Regex(@"\G[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant);

        public static readonly Regex IPv4 = new Regex(@"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b", RegexOptions.CultureInvariant);

        // A candidate only: IsIPv6 decides.
        public static readonly Regex IPv6Candidate = new Regex(@"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.CultureInvariant);

        /// <summary>Whether an IPv6 candidate is an address: 14:02:33 is a time, so it needs a hex letter, '::' or many groups, and must parse.</summary>
        public static bool IsIPv6(string candidate)
        {
            bool looksV6 = candidate.Contains("::") || candidate.Count(c => c == ':') >= 4 || candidate.Any(c => char.IsLetter(c));
            return looksV6 && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        /// <summary>
        /// The e-mail addresses in a text, in order: the matches of
        /// \b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b, found in time linear in the text.
        /// </summary>
        public static IEnumerable<Match> Emails(string text)
        {
            int end = 0;
            for (int at = text.IndexOf('@'); at >= 0; at = at + 1 < text.Length ? text.IndexOf('@', at + 1) : -1)
            {
                if (at < end) continue;
                // The local part is the run of its characters before the '@'; it starts at the first word boundary in it.
                int start = at;
                while (start > end && IsLocal(text[start - 1])) start--;
                while (start < at && !IsWordBoundary(text, start)) start++;
                if (start == at) continue;
                var match = Email.Match(text, start);
                if (!match.Success) continue;
                end = match.Index + match.Length;
                yield return match;
            }
        }

        /// <summary>The text with each e-mail address replaced.</summary>
        public static string ReplaceEmails(string text, Func<Match, string> replace)
        {
            StringBuilder? builder = null;
            int from = 0;
            foreach (var m in Emails(text))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, from, m.Index - from).Append(replace(m));
                from = m.Index + m.Length;
            }
            return builder is null ? text : builder.Append(text, from, text.Length - from).ToString();
        }

        private static bool IsLocal(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';

        // \b as .NET reads it: a word character on one side only.
        private static bool IsWordBoundary(string text, int at) =>
            IsWordChar(text[at]) != (at > 0 && IsWordChar(text[at - 1]));

        private static bool IsWordChar(char c)
        {
            if (char.IsLetterOrDigit(c) || c == '_') return true;
            var category = char.GetUnicodeCategory(c);
            return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark ||
                category == UnicodeCategory.ConnectorPunctuation || category == UnicodeCategory.LetterNumber;
        }

        /// <summary>The IPv4 and IPv6 addresses in a text (each list in order).</summary>
        public static IEnumerable<Match> IPAddresses(string text)
        {
            if (text.IndexOf('.') >= 0)
            {
                foreach (Match m in IPv4.Matches(text)) yield return m;
            }
            if (text.IndexOf(':') >= 0)
            {
                foreach (Match m in IPv6Candidate.Matches(text))
                {
                    if (IsIPv6(m.Value)) yield return m;
                }
            }
        }
    }
}
