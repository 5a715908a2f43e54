using System;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>Web addresses without the user name and password some carry (http://admin:PASS@host/).</summary>
    internal static class Addresses
    {
        // scheme://user:password@ up to the last '@' before the path: what a text-only strip takes out.
        private static readonly Regex UserInfo = new Regex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]{0,30}://)[^/?#]*@",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, SecretScanner.MatchTimeout);

        /// <summary>Whether the address names a user (and perhaps a password) before its host.</summary>
        public static bool HasUserInfo(Uri uri) => uri.IsAbsoluteUri && uri.UserInfo.Length > 0;

        /// <summary>The address without user name and password; the same address when it has none.</summary>
        public static Uri WithoutUserInfo(Uri uri) =>
            HasUserInfo(uri) ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri : uri;

        /// <summary>
        /// What an error may show of an address: a web address without user name and password, a relative one as it
        /// is, and nothing of any other ("admin:PASS@wiki" reads as the scheme "admin" and a password).
        /// </summary>
        public static Uri? ForDisplay(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return uri;
            return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? WithoutUserInfo(uri) : null;
        }

        /// <summary>
        /// The text of an address without user name and password, whether or not it parses (http://a:p@ss@host/ does
        /// not); the same text when it has none.
        /// </summary>
        public static string WithoutUserInfo(string address)
        {
            var match = UserInfo.Match(address);
            return match.Success ? match.Groups["scheme"].Value + address.Substring(match.Length) : address;
        }

        /// <summary>
        /// Reads an address a user typed, '@' and ':' in the password included (http://admin:p@ss@host/, which
        /// System.Uri refuses as it is). Null when it is no absolute address even so.
        /// </summary>
        public static Uri? Parse(string text)
        {
            text = text.Trim();
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri)) return uri;
            var match = UserInfo.Match(text);
            if (!match.Success) return null;
            // Escape the user name and the password, so the host is what follows the last '@'.
            var userInfo = text.Substring(match.Groups["scheme"].Length, match.Length - match.Groups["scheme"].Length - 1);
            int colon = userInfo.IndexOf(':');
            var escaped = colon < 0
                ? Uri.EscapeDataString(userInfo)
                : Uri.EscapeDataString(userInfo.Substring(0, colon)) + ":" + Uri.EscapeDataString(userInfo.Substring(colon + 1));
            return Uri.TryCreate(match.Groups["scheme"].Value + escaped + "@" + text.Substring(match.Length), UriKind.Absolute, out uri) ? uri : null;
        }
    }
}
