using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>
    /// E-mail and IP addresses in free text, as Protect-Postmortem replaces them and the internal-detail scanner reports
    /// them: one matcher for both, so a text the one cleans is a text the other passes.
    /// </summary>
    internal static class ContactAddresses
    {
        public static readonly Regex Email = new Regex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant);

        public static readonly Regex IPv4 = new Regex(@"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b", RegexOptions.CultureInvariant);

        // A candidate only: IsIPv6 decides.
        public static readonly Regex IPv6Candidate = new Regex(@"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.CultureInvariant);

        /// <summary>Whether an IPv6 candidate is an address: 14:02:33 is a time, so it needs a hex letter, '::' or many groups, and must parse.</summary>
        public static bool IsIPv6(string candidate)
        {
            bool looksV6 = candidate.Contains("::") || candidate.Count(c => c == ':') >= 4 || candidate.Any(c => char.IsLetter(c));
            return looksV6 && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        /// <summary>The e-mail addresses in a text, in order.</summary>
        public static IEnumerable<Match> Emails(string text) =>
            text.IndexOf('@') < 0 ? Enumerable.Empty<Match>() : Email.Matches(text).Cast<Match>();

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
