namespace Postmortems.BookStackStandIn;

/// <summary>One request the stand-in received outside its control surface (/_standin/).</summary>
/// <param name="Method">The HTTP method as sent (before any _method override).</param>
/// <param name="PathAndQuery">The raw request target, e.g. "/api/pages?filter[name]=x".</param>
/// <param name="Headers">Every request header; repeated headers joined with ", ". Case-insensitive keys.</param>
/// <param name="Body">The body decoded as UTF-8 (invalid bytes replaced).</param>
/// <param name="Status">The status sent, or the status the server would have sent when it dropped the connection after processing; 0 when it dropped the connection before processing.</param>
/// <param name="Dropped">True when the connection was closed without a response.</param>
/// <param name="ReceivedAt">When the request arrived, from the server's clock.</param>
public sealed record LoggedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    bool Dropped,
    DateTimeOffset ReceivedAt);

/// <summary>A page as stored (live pages only; deleted pages are gone from <see cref="BookStackServer.Pages"/>).</summary>
/// <param name="ChapterId">0 for a page directly in a book.</param>
/// <param name="Html">The rendered HTML (scripts, javascript: links, on* and xlink:href attributes removed), what the API's "html" field returns.</param>
/// <param name="RawHtml">The stored HTML with bookmark ids, what the API's "raw_html" field returns.</param>
/// <param name="Markdown">"" unless the page was last saved from markdown.</param>
/// <param name="Editor">"markdown", "wysiwyg", or "" (see <see cref="BookStackServer.EmptyEditorForHtmlPages"/>).</param>
public sealed record PageState(
    int Id,
    int BookId,
    int ChapterId,
    string Name,
    string Slug,
    string Markdown,
    string Html,
    string RawHtml,
    int RevisionCount,
    IReadOnlyList<(string Name, string Value)> Tags,
    bool Draft,
    int Priority,
    string Editor,
    int CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A chapter as stored (live chapters only).</summary>
public sealed record ChapterState(
    int Id,
    int BookId,
    string Name,
    string Slug,
    string Description,
    int Priority,
    IReadOnlyList<(string Name, string Value)> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A book as stored (live books only).</summary>
public sealed record BookState(
    int Id,
    string Name,
    string Slug,
    string Description,
    IReadOnlyList<(string Name, string Value)> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record User(int Id, string Name, string Slug);

internal sealed record Token(string Id, string Secret, bool CanAccessApi, bool Expired, int UserId);

internal sealed record Tag(string Name, string Value);

internal abstract class Entity
{
    public int Id { get; init; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int CreatedBy { get; set; } = 1;
    public int UpdatedBy { get; set; } = 1;
    public int OwnedBy { get; set; } = 1;
    public List<Tag> Tags { get; set; } = [];
    public bool Deleted { get; set; }

    /// <summary>The search index terms and scores as of the entity's last indexing (BookStack indexes on save).</summary>
    public Dictionary<string, double> Terms { get; set; } = new(StringComparer.Ordinal);

    public abstract string Type { get; }

    public IReadOnlyList<(string Name, string Value)> TagTuples() => [.. Tags.Select(t => (t.Name, t.Value))];
}

internal sealed class Book : Entity
{
    public override string Type => "book";
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
}

internal sealed class Chapter : Entity
{
    public override string Type => "chapter";
    public int BookId { get; set; }
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    public int Priority { get; set; }
}

internal sealed class Page : Entity
{
    public override string Type => "page";
    public int BookId { get; set; }
    public int ChapterId { get; set; }
    public string RawHtml { get; set; } = "";
    public string Markdown { get; set; } = "";
    public string Text { get; set; } = "";
    public int Priority { get; set; }
    public bool Draft { get; set; }
    public bool Template { get; set; }
    public int RevisionCount { get; set; }
    public string Editor { get; set; } = "";

    public string RenderedHtml => HtmlTools.RemoveScripts(RawHtml);
}
