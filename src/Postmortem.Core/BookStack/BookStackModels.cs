using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Postmortems.BookStack
{
    public sealed class BookStackTag
    {
        public BookStackTag(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public string Value { get; }

        public override string ToString() => Value.Length == 0 ? Name : $"{Name}={Value}";

        /// <summary>A tag as written on the command line and in the draft: name=value, or name alone.</summary>
        public static BookStackTag Parse(string text)
        {
            int equals = text.IndexOf('=');
            return equals < 0 ? new BookStackTag(text.Trim(), string.Empty) : new BookStackTag(text.Substring(0, equals).Trim(), text.Substring(equals + 1).Trim());
        }

        internal static List<BookStackTag> ListFrom(JsonElement element)
        {
            var tags = new List<BookStackTag>();
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("tags", out var array) || array.ValueKind != JsonValueKind.Array) return tags;
            foreach (var tag in array.EnumerateArray())
            {
                tags.Add(new BookStackTag(Json.Text(tag, "name") ?? string.Empty, Json.Text(tag, "value") ?? string.Empty));
            }
            return tags;
        }
    }

    public sealed class BookStackBook
    {
        public int Id { get; internal set; }

        public string Name { get; internal set; } = string.Empty;

        public string Slug { get; internal set; } = string.Empty;

        internal static BookStackBook From(JsonElement e) => new BookStackBook
        {
            Id = Json.Int(e, "id") ?? 0,
            Name = Json.Text(e, "name") ?? string.Empty,
            Slug = Json.Text(e, "slug") ?? string.Empty,
        };
    }

    public sealed class BookStackChapter
    {
        public int Id { get; internal set; }

        public int BookId { get; internal set; }

        public string Name { get; internal set; } = string.Empty;

        internal static BookStackChapter From(JsonElement e) => new BookStackChapter
        {
            Id = Json.Int(e, "id") ?? 0,
            BookId = Json.Int(e, "book_id") ?? 0,
            Name = Json.Text(e, "name") ?? string.Empty,
        };
    }

    public sealed class BookStackPage
    {
        public int Id { get; internal set; }

        public int BookId { get; internal set; }

        /// <summary>0 for a page directly in a book, as BookStack answers.</summary>
        public int ChapterId { get; internal set; }

        public string Name { get; internal set; } = string.Empty;

        public int RevisionCount { get; internal set; }

        public bool Draft { get; internal set; }

        public IReadOnlyList<BookStackTag> Tags { get; internal set; } = new List<BookStackTag>();

        /// <summary>When the page last changed (any write, tags too); null where the answer does not say.</summary>
        public DateTimeOffset? UpdatedAt { get; internal set; }

        public int UpdatedById { get; internal set; }

        /// <summary>The name of whoever last changed the page; reads and writes say it, lists only give the id.</summary>
        public string? UpdatedByName { get; internal set; }

        public int CreatedById { get; internal set; }

        /// <summary>The page's markdown: empty for a page last saved as HTML, and in lists.</summary>
        public string Markdown { get; internal set; } = string.Empty;

        /// <summary>The HTML as BookStack stored it (its ids added); empty in lists.</summary>
        public string RawHtml { get; internal set; } = string.Empty;

        /// <summary>The SHA-256 of the page's name and content as stored: what tells whether anyone changed it.</summary>
        public string ContentDigest => PageDigest.Of(Name, Markdown.Length > 0 ? Markdown : RawHtml);

        internal static BookStackPage From(JsonElement e) => new BookStackPage
        {
            Id = Json.Int(e, "id") ?? 0,
            BookId = Json.Int(e, "book_id") ?? 0,
            ChapterId = Json.Int(e, "chapter_id") ?? 0,
            Name = Json.Text(e, "name") ?? string.Empty,
            RevisionCount = Json.Int(e, "revision_count") ?? 0,
            Draft = e.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.True,
            Tags = BookStackTag.ListFrom(e),
            UpdatedAt = Json.Time(e, "updated_at"),
            UpdatedById = Json.UserId(e, "updated_by") ?? 0,
            UpdatedByName = Json.UserName(e, "updated_by"),
            CreatedById = Json.UserId(e, "created_by") ?? 0,
            Markdown = Json.Text(e, "markdown") ?? string.Empty,
            RawHtml = Json.Text(e, "raw_html") ?? string.Empty,
        };
    }

    /// <summary>A search result: the page lookup that sees tags.</summary>
    public sealed class BookStackSearchHit
    {
        public string Type { get; internal set; } = string.Empty;

        public int Id { get; internal set; }

        public int BookId { get; internal set; }

        public int ChapterId { get; internal set; }

        public string Name { get; internal set; } = string.Empty;

        public IReadOnlyList<BookStackTag> Tags { get; internal set; } = new List<BookStackTag>();

        internal static BookStackSearchHit From(JsonElement e) => new BookStackSearchHit
        {
            Type = Json.Text(e, "type") ?? string.Empty,
            Id = Json.Int(e, "id") ?? 0,
            BookId = Json.Int(e, "book_id") ?? 0,
            ChapterId = Json.Int(e, "chapter_id") ?? 0,
            Name = Json.Text(e, "name") ?? string.Empty,
            Tags = BookStackTag.ListFrom(e),
        };

        public bool HasTag(string name, string value) => Tags.Any(t => t.Name == name && t.Value == value);
    }

    /// <summary>What a page create or update sends. Null fields are left out, so an update keeps what it does not name.</summary>
    public sealed class PagePayload
    {
        public int? BookId { get; set; }

        public int? ChapterId { get; set; }

        public string? Name { get; set; }

        public string? Markdown { get; set; }

        public string? Html { get; set; }

        /// <summary>The whole tag set: BookStack replaces every tag on update.</summary>
        public List<BookStackTag>? Tags { get; set; }
    }

    /// <summary>A page's fingerprint: SHA-256 over its name and content, line ends and outer white space as BookStack keeps them.</summary>
    public static class PageDigest
    {
        public static string Of(string name, string content)
        {
            // BookStack trims every string it is sent (Laravel's TrimStrings); CR LF and LF are the same text to a reader.
            var text = name.Trim() + "\n\n" + content.Replace("\r\n", "\n").Trim();
            using var sha = System.Security.Cryptography.SHA256.Create();
            var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text));
            var hex = new System.Text.StringBuilder(hash.Length * 2);
            foreach (var b in hash) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }
    }

    internal static class Json
    {
        public static DateTimeOffset? Time(JsonElement e, string name) =>
            Text(e, name) is string text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : (DateTimeOffset?)null;

        /// <summary>A user field: an object {id, name, slug} in reads and writes, a bare id in lists.</summary>
        public static int? UserId(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var user) && user.ValueKind == JsonValueKind.Object ? Int(user, "id") : Int(e, name);

        public static string? UserName(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var user) && user.ValueKind == JsonValueKind.Object ? Text(user, "name") : null;

        public static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            } : null;

        public static int? Int(JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) return n;
            if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), out n)) return n;
            return null;
        }
    }
}
