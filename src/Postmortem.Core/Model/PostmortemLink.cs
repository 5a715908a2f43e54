using System;

namespace Postmortems
{
    /// <summary>What a link points to.</summary>
    public enum LinkKind
    {
        Dashboard,
        Runbook,
        Ticket,
        Related,
        Other,
    }

    /// <summary>
    /// A link of the postmortem's Links section: a dashboard, a runbook, the incident ticket, a related postmortem, or
    /// anything else worth opening from it. An http or https address with a title.
    /// </summary>
    public sealed class PostmortemLink : IEquatable<PostmortemLink>
    {
        public PostmortemLink(string title, string uri, LinkKind kind = LinkKind.Other)
        {
            Title = Text.SingleLine(title) ?? throw new ArgumentException("A link needs a title that says what it opens, such as 'Checkout latency dashboard'.", nameof(title));
            var address = Text.SingleLine(uri);
            if (address is null || !System.Uri.TryCreate(address, UriKind.Absolute, out var parsed) || (parsed.Scheme != System.Uri.UriSchemeHttps && parsed.Scheme != System.Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"'{uri}' is not a web address; give an absolute http or https address, such as https://grafana.example.com/d/checkout.", nameof(uri));
            }
            if (address.IndexOfAny(new[] { ' ', '<', '>', '"', '`', '|', '\\' }) >= 0)
            {
                throw new ArgumentException($"'{address}' has a character a link cannot hold (a space, <, >, \", `, | or \\); percent-encode it (%20 for a space).", nameof(uri));
            }
            Uri = address;
            Kind = kind;
        }

        public string Title { get; }

        /// <summary>The address, as given.</summary>
        public string Uri { get; }

        public LinkKind Kind { get; }

        public bool Equals(PostmortemLink? other) => other is not null && Title == other.Title && Uri == other.Uri && Kind == other.Kind;

        public override bool Equals(object? obj) => Equals(obj as PostmortemLink);

        public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Title) * 31 + StringComparer.Ordinal.GetHashCode(Uri)) * 31 + (int)Kind;

        public override string ToString() => $"{Kind}: {Title} <{Uri}>";
    }
}
