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

        internal static BookStackPage From(JsonElement e) => new BookStackPage
        {
            Id = Json.Int(e, "id") ?? 0,
            BookId = Json.Int(e, "book_id") ?? 0,
            ChapterId = Json.Int(e, "chapter_id") ?? 0,
            Name = Json.Text(e, "name") ?? string.Empty,
            RevisionCount = Json.Int(e, "revision_count") ?? 0,
            Draft = e.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.True,
            Tags = BookStackTag.ListFrom(e),
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

    internal static class Json
    {
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
