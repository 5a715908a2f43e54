using System;
using System.Text.RegularExpressions;

namespace Postmortems
{
    /// <summary>
    /// Ticket keys (PAY-1423) and the addresses they are tracked at: a postmortem's <see cref="Postmortem.TrackingUrl"/>
    /// pattern turns a key into its address, and an address that ends in a key shows that key.
    /// </summary>
    public static class TrackingLinks
    {
        /// <summary>Where the key goes in a tracking URL pattern.</summary>
        public const string KeyPlaceholder = "{0}";

        public const string ExamplePattern = "https://jira.example.com/browse/{0}";

        private static readonly Regex Key = new Regex(@"^[A-Z][A-Z0-9_]*-[0-9]+$", RegexOptions.CultureInvariant);

        // &amp; &#35; &#x23;: read as a character in a link's address, whatever escapes it.
        private static readonly Regex CharacterReference = new Regex(@"&#?[A-Za-z0-9]+;", RegexOptions.CultureInvariant);

        private static readonly Regex KeyAtEnd = new Regex(@"/(?<key>[A-Z][A-Z0-9_]*-[0-9]+)/?$", RegexOptions.CultureInvariant);

        /// <summary>A ticket key as issue trackers write them: PAY-1423, OPS_2-7.</summary>
        public static bool IsKey(string text) => Key.IsMatch(text);

        /// <summary>
        /// An absolute http or https address that can stand as a link in a Markdown table cell and read back exactly: no
        /// white space, no angle brackets, pipes or backslashes, nothing that reads as a character reference.
        /// </summary>
        public static bool IsLinkable(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '<' || c == '>' || c == '|' || c == '\\') return false;
            }
            return !CharacterReference.IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        }

        /// <summary>The key a tracking address ends in (https://jira.example.com/browse/PAY-1423), or null.</summary>
        public static string? KeyOf(string url)
        {
            var match = KeyAtEnd.Match(url);
            return match.Success ? match.Groups["key"].Value : null;
        }

        /// <summary>The longest <see cref="ShortText"/> before it is cut with an ellipsis.</summary>
        public const int ShortTextLength = 32;

        // Where an address shows it all, without its scheme.
        private const int WholeAddressLength = 32;

        /// <summary>
        /// What a link to a tracking address shows, so a table column stays narrow beside the action: the key it ends in
        /// (PAY-1423); an issue or pull request as its project and number, payments#42 (a merge request payments!7,
        /// the host and group are in the link, which a reader sees on hovering); a short address whole,
        /// without its scheme; else the host and the last part of the path (wiki.example.com/…/page-name), or that part
        /// alone where both are too long, cut to
        /// <see cref="ShortTextLength"/> characters. The link itself keeps the whole address.
        /// </summary>
        public static string ShortText(string url)
        {
            if (KeyOf(url) is string key) return key;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return url;
            var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host.Substring(4) : uri.Host;
            if (!uri.IsDefaultPort) host += ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var query = uri.Query;
            if (segments.Length >= 4 && query.Length == 0 && IsNumber(segments[segments.Length - 1]))
            {
                var kind = segments[segments.Length - 2];
                var mark = kind is "issues" or "pull" or "pulls" ? "#" : kind == "merge_requests" ? "!" : null;
                // GitLab puts a "-" between the project and its issues.
                int project = segments.Length - 2 - (segments[segments.Length - 3] == "-" ? 1 : 0);
                if (mark is not null && project >= 2)
                {
                    var name = segments[project - 1] + mark + segments[segments.Length - 1];
                    return name.Length <= ShortTextLength ? name : name.Substring(0, ShortTextLength - 1 - (segments[segments.Length - 1].Length + 1)) + "…" + mark + segments[segments.Length - 1];
                }
            }
            var whole = host + uri.AbsolutePath.TrimEnd('/') + query + uri.Fragment;
            if (whole.Length <= WholeAddressLength) return whole;
            var text = segments.Length == 0 ? host + query : host + (segments.Length > 1 ? "/…/" : "/") + segments[segments.Length - 1];
            // Too long with its host: the page's own name says more than where it lives ("rebuilding-a-ledger-replica-…").
            if (text.Length > ShortTextLength && segments.Length > 0) text = segments[segments.Length - 1];
            return text.Length <= ShortTextLength ? text : text.Substring(0, ShortTextLength - 1) + "…";
        }

        private static bool IsNumber(string text)
        {
            if (text.Length == 0) return false;
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        /// <summary>The key's address by the pattern; null without a pattern.</summary>
        public static string? UrlOf(string key, string? pattern) => pattern?.Replace(KeyPlaceholder, key);

        /// <summary>What a tracking value points at: a key's address by the pattern, anything else as it is.</summary>
        public static string Resolve(string tracking, string? pattern) =>
            pattern is not null && IsKey(tracking) ? UrlOf(tracking, pattern)! : tracking;

        /// <summary>A tracking URL pattern as given, trimmed; null for nothing; an exception that says what is wrong.</summary>
        public static string? CheckPattern(string? pattern)
        {
            var text = pattern?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (text!.IndexOf(KeyPlaceholder, StringComparison.Ordinal) < 0 || !IsLinkable(text.Replace(KeyPlaceholder, "PAY-1")))
            {
                // The sentence alone, without a parameter name: it is shown as it is, by the cmdlets and for a draft's line.
                throw new ArgumentException(
                    $"The tracking URL '{text}' is not an http or https address with {KeyPlaceholder} where the ticket key goes; write it as, for example, {ExamplePattern}.");
            }
            return text;
        }
    }
}
