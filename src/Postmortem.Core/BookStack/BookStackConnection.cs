using System;
using Postmortems.Privacy;

namespace Postmortems.BookStack
{
    /// <summary>
    /// Where BookStack is and the API token to use. The secret never leaves this object except in the
    /// Authorization header: it is not in ToString, messages or exceptions. A user name and password given in the
    /// address are dropped: the address is kept and shown without them.
    /// </summary>
    public sealed class BookStackConnection
    {
        private readonly string _secret;

        public BookStackConnection(Uri baseUri, string tokenId, string tokenSecret, bool allowUnencryptedAuthentication = false)
        {
            if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
            if (!baseUri.IsAbsoluteUri)
            {
                throw new ArgumentException($"'{baseUri}' is not a web address. Give BookStack's base address, such as https://wiki.example.org.", nameof(baseUri));
            }
            if (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
            {
                // Only the scheme: in "admin:PASS@wiki" the scheme is "admin" and the rest may be a password.
                throw new ArgumentException($"A '{baseUri.Scheme}:' address is not a web address. Give BookStack's base address, such as https://wiki.example.org.", nameof(baseUri));
            }
            // A user name and password in the address (http://admin:PASS@wiki/) are never used, kept or shown: the API
            // token is the credential.
            baseUri = Addresses.WithoutUserInfo(baseUri);
            if (baseUri.Scheme == Uri.UriSchemeHttp && !allowUnencryptedAuthentication)
            {
                throw new ArgumentException(
                    $"'{baseUri}' is not HTTPS, so the API token would travel unencrypted. Use the https:// address, or add -AllowUnencryptedAuthentication if you accept that (a test server on this machine, say).",
                    nameof(baseUri));
            }
            if (string.IsNullOrWhiteSpace(tokenId)) throw new ArgumentException("The API token id is empty.", nameof(tokenId));
            if (string.IsNullOrEmpty(tokenSecret)) throw new ArgumentException("The API token secret is empty.", nameof(tokenSecret));
            if (tokenId.IndexOf(':') >= 0) throw new ArgumentException("The API token id cannot contain ':'. Give the token id as the user name and the secret as the password.", nameof(tokenId));
            var text = baseUri.AbsoluteUri;
            // The API lives under the wiki's base address; a given /api/ suffix is taken off.
            if (text.EndsWith("/api/", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - 4);
            else if (text.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - 3);
            BaseUri = new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
            TokenId = tokenId.Trim();
            _secret = tokenSecret;
            AllowUnencryptedAuthentication = allowUnencryptedAuthentication;
        }

        /// <summary>The wiki's base address, ending in '/'.</summary>
        public Uri BaseUri { get; }

        public string TokenId { get; }

        public bool AllowUnencryptedAuthentication { get; }

        /// <summary>How long a request may take, unless a command says otherwise (Connect-BookStack -TimeoutSec).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The Authorization header value: Token id:secret.</summary>
        internal string AuthorizationValue => "Token " + TokenId + ":" + _secret;

        /// <summary>Whether two connections would send the same credentials to the same place.</summary>
        internal bool SameAs(BookStackConnection other) =>
            BaseUri == other.BaseUri && TokenId == other.TokenId && _secret == other._secret && AllowUnencryptedAuthentication == other.AllowUnencryptedAuthentication;

        public override string ToString() => $"{BaseUri} (token {TokenId})";
    }
}
