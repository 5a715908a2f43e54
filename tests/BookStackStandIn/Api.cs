using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Postmortems.BookStackStandIn;

/// <summary>The /api/ pipeline, in BookStack's middleware order, and its controllers. Runs under the lock.</summary>
public sealed partial class BookStackServer
{
    private const string InstallPath = "/var/www/bookstack";
    private const string BookModel = "BookStack\\Entities\\Models\\Book";
    private const string ChapterModel = "BookStack\\Entities\\Models\\Chapter";

    private static readonly Validator.Field[] PageCreateRules =
    [
        new("book_id", "required_without:chapter_id", "integer"),
        new("chapter_id", "required_without:book_id", "integer"),
        new("name", "required", "string", "max:255"),
        new("html", "required_without:markdown", "string"),
        new("markdown", "required_without:html", "string"),
        new("tags", "array"),
        new("priority", "integer"),
    ];

    private static readonly Validator.Field[] PageUpdateRules =
    [
        new("book_id", "integer"),
        new("chapter_id", "integer"),
        new("name", "string", "min:1", "max:255"),
        new("html", "string"),
        new("markdown", "string"),
        new("tags", "array"),
        new("priority", "integer"),
    ];

    private static readonly Validator.Field[] BookCreateRules =
    [
        new("name", "required", "string", "max:255"),
        new("description", "string", "max:1900"),
        new("description_html", "string", "max:2000"),
        new("tags", "array"),
        new("default_template_id", "nullable", "integer"),
    ];

    private static readonly Validator.Field[] BookUpdateRules =
    [
        new("name", "string", "min:1", "max:255"),
        new("description", "string", "max:1900"),
        new("description_html", "string", "max:2000"),
        new("tags", "array"),
        new("default_template_id", "nullable", "integer"),
    ];

    private static readonly Validator.Field[] ChapterCreateRules =
    [
        new("book_id", "required", "integer"),
        new("name", "required", "string", "max:255"),
        new("description", "string", "max:1900"),
        new("description_html", "string", "max:2000"),
        new("tags", "array"),
        new("priority", "integer"),
        new("default_template_id", "nullable", "integer"),
    ];

    private static readonly Validator.Field[] ChapterUpdateRules =
    [
        new("book_id", "integer"),
        new("name", "string", "min:1", "max:255"),
        new("description", "string", "max:1900"),
        new("description_html", "string", "max:2000"),
        new("tags", "array"),
        new("priority", "integer"),
        new("default_template_id", "nullable", "integer"),
    ];

    private static readonly Validator.Field[] SearchRules =
    [
        new("query", "required"),
        new("page", "integer", "min:1"),
        new("count", "integer", "min:1", "max:100"),
    ];

    private static readonly string[] BookFields = ["id", "name", "slug", "description", "created_at", "updated_at", "created_by", "updated_by", "owned_by"];
    private static readonly string[] ChapterFields = ["id", "book_id", "name", "slug", "description", "priority", "created_at", "updated_at", "created_by", "updated_by", "owned_by"];
    private static readonly string[] PageFields = ["id", "book_id", "chapter_id", "name", "slug", "priority", "draft", "template", "created_at", "updated_at", "created_by", "updated_by", "owned_by"];

    /// <summary>What one API request carries once Laravel has parsed it.</summary>
    private sealed class ApiInput
    {
        public required PhpArray Query { get; init; }
        public required PhpArray Body { get; init; }
        public required PhpArray All { get; init; }
        public required int UserId { get; init; }

        /// <summary>$request->get(): the query string first, then the body.</summary>
        public object? Get(string key) => Query.TryGetValue(key, out var v) ? v : Body.GetOrNull(key);

        /// <summary>$request->has(): present in the merged input, even when null.</summary>
        public bool Has(string key) => All.ContainsKey(key);
    }

    private enum Collection { Books, Chapters, Pages, Search }

    private Response HandleApi(Incoming incoming)
    {
        var path = incoming.Path;
        if (path != "/api" && !path.StartsWith("/api/", StringComparison.Ordinal)) return HtmlNotFound();

        // ValidatePostSize (global middleware) runs before routing and the api middleware group.
        long declared = incoming.Headers.TryGetValue("Content-Length", out var cl) && long.TryParse(cl, out var n) ? n : incoming.Body.Length;
        if (Math.Max(declared, incoming.Body.Length) > _maxBodyBytes)
        {
            return ErrorJson(413, "The server cannot receive the provided amount of data. Try again with less data or a smaller file.");
        }

        var query = Php.ParseQueryString(incoming.QueryString);
        incoming.Headers.TryGetValue("Content-Type", out var contentType);
        contentType ??= "";
        bool isJson = contentType.Contains("/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
        PhpArray body;
        if (isJson)
        {
            body = Php.ParseJsonBody(incoming.Body);
        }
        else if (incoming.Method == "POST" && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            body = Php.ParseQueryString(Encoding.UTF8.GetString(incoming.Body));
        }
        else
        {
            body = new PhpArray();
        }

        // Symfony's method override: the X-HTTP-Method-Override header, else _method in the body or query of a POST.
        var method = incoming.Method;
        if (method == "POST")
        {
            incoming.Headers.TryGetValue("X-HTTP-Method-Override", out var overrideHeader);
            var candidate = overrideHeader ?? (body.GetOrNull("_method") as string) ?? (query.GetOrNull("_method") as string);
            if (candidate is not null && candidate.ToUpperInvariant() is "PUT" or "DELETE" or "PATCH") method = candidate.ToUpperInvariant();
        }

        // Routing: an unknown path falls to the web fallback route (HTML 404); a wrong verb is a JSON 405.
        var segments = path.TrimEnd('/').Split('/');
        Collection collection;
        string? id = null;
        if (segments.Length is 3 or 4 && segments[1] == "api")
        {
            switch (segments[2])
            {
                case "books": collection = Collection.Books; break;
                case "chapters": collection = Collection.Chapters; break;
                case "pages": collection = Collection.Pages; break;
                case "search" when segments.Length == 3: collection = Collection.Search; break;
                default: return HtmlNotFound();
            }
            if (segments.Length == 4) id = Uri.UnescapeDataString(segments[3]);
        }
        else
        {
            return HtmlNotFound();
        }
        string[] allowed = collection == Collection.Search ? ["GET", "HEAD"]
            : id is null ? ["GET", "HEAD", "POST"]
            : ["GET", "HEAD", "PUT", "DELETE"];
        if (method == "OPTIONS")
        {
            return new Response(200, [], null, [new("Allow", string.Join(",", allowed))]);
        }
        if (!allowed.Contains(method))
        {
            var routePath = path.Trim('/');
            return ErrorJson(405, $"The {method} method is not supported for route {routePath}. Supported methods: {string.Join(", ", allowed)}.");
        }

        // The api middleware group: throttle, session cookie, token guard.
        var now = _time.GetUtcNow();
        int limit = _requestsPerMinute ?? DefaultRateLimit;
        if (_windowStart is null || now >= _windowStart.Value.AddMinutes(1))
        {
            _windowStart = now;
            _windowHits = 0;
        }
        if (_requestsPerMinute is not null && _windowHits >= limit)
        {
            var retryAfter = (int)Math.Max(1, Math.Ceiling((_windowStart.Value.AddMinutes(1) - now).TotalSeconds));
            return ErrorJson(429, "Too Many Attempts.")
                .WithHeader("X-RateLimit-Limit", Invariant(limit))
                .WithHeader("X-RateLimit-Remaining", "0")
                .WithHeader("Retry-After", Invariant(retryAfter))
                .WithHeader("X-RateLimit-Reset", Invariant(now.ToUnixTimeSeconds() + retryAfter));
        }
        _windowHits++;
        var remaining = Math.Max(0, limit - _windowHits);
        Response WithRateHeaders(Response r) => r
            .WithHeader("X-RateLimit-Limit", Invariant(limit))
            .WithHeader("X-RateLimit-Remaining", Invariant(remaining));

        if (HasSessionCookie(incoming.Headers))
        {
            return WithRateHeaders(ErrorJson(403, "The owner of the used API token does not have permission to make API calls"));
        }
        var authError = Authenticate(incoming.Headers, out var userId);
        if (authError is not null) return WithRateHeaders(authError);

        var all = new PhpArray();
        foreach (var (k, v) in body) all[k] = v;
        foreach (var (k, v) in query) if (!all.ContainsKey(k)) all[k] = v;
        var input = new ApiInput { Query = query, Body = body, All = all, UserId = userId };

        Response response;
        try
        {
            response = (collection, id, method) switch
            {
                (Collection.Search, _, _) => SearchAll(input),
                (Collection.Pages, null, "POST") => CreatePage(input),
                (Collection.Pages, null, _) => ListPages(input),
                (Collection.Pages, _, "PUT") => UpdatePage(input, id),
                (Collection.Pages, _, "DELETE") => DeletePage(input, id),
                (Collection.Pages, _, _) => ReadPage(input, id),
                (Collection.Books, null, "POST") => CreateBook(input),
                (Collection.Books, null, _) => ListBooks(input),
                (Collection.Books, _, "PUT") => UpdateBook(input, id),
                (Collection.Books, _, "DELETE") => DeleteBook(input, id),
                (Collection.Books, _, _) => ReadBook(input, id),
                (Collection.Chapters, null, "POST") => CreateChapter(input),
                (Collection.Chapters, null, _) => ListChapters(input),
                (Collection.Chapters, _, "PUT") => UpdateChapter(input, id),
                (Collection.Chapters, _, "DELETE") => DeleteChapter(input, id),
                (Collection.Chapters, _, _) => ReadChapter(input, id),
                _ => throw new InvalidOperationException("Unrouted API request."),
            };
        }
        catch (ApiException ex)
        {
            response = ex.Response;
        }
        catch (PhpErrorException ex)
        {
            response = ErrorJson(500, ex.Message);
        }
        return WithRateHeaders(response);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class ApiException(Response response) : Exception
    {
        public Response Response { get; } = response;
    }

    private static bool HasSessionCookie(Dictionary<string, string> headers)
    {
        if (!headers.TryGetValue("Cookie", out var cookie)) return false;
        foreach (var part in cookie.Split(';'))
        {
            var eq = part.IndexOf('=');
            var name = (eq >= 0 ? part[..eq] : part).Trim();
            if (name == "bookstack_session") return true;
        }
        return false;
    }

    /// <summary>ApiTokenGuard, in its order of checks.</summary>
    private Response? Authenticate(Dictionary<string, string> headers, out int userId)
    {
        userId = 0;
        headers.TryGetValue("Authorization", out var header);
        var auth = Php.Trim(header ?? "");
        if (auth.Length == 0) return ErrorJson(401, "No authorization token found on the request");
        if (!auth.Contains(':') || !auth.StartsWith("Token ", StringComparison.Ordinal))
        {
            return ErrorJson(401, "An authorization token was found on the request but the format appeared incorrect");
        }
        var parts = auth.Replace("Token ", "", StringComparison.Ordinal).Split(':');
        var tokenId = parts[0];
        var secret = parts.Length > 1 ? parts[1] : "";
        var token = _tokens.FirstOrDefault(t => Collation.Equal(t.Id, tokenId));
        if (token is null) return ErrorJson(401, "No matching API token was found for the provided authorization token");
        if (!string.Equals(token.Secret, secret, StringComparison.Ordinal)) return ErrorJson(401, "The secret provided for the given used API token is incorrect");
        if (token.Expired) return ErrorJson(403, "The authorization token used has expired");
        if (!token.CanAccessApi) return ErrorJson(403, "The owner of the used API token does not have permission to make API calls");
        userId = token.UserId;
        return null;
    }

    // ---------------------------------------------------------------- responses

    private static Response Json(JsonNode node, int status = 200) =>
        new(status, PhpJson.SerializeToUtf8(node), "application/json", []);

    private static Response ErrorJson(int status, string message) => Json(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["code"] = status },
    }, status);

    private static Response ValidationFailed(OrderedDictionary<string, List<string>> errors)
    {
        var validation = new JsonObject();
        foreach (var (field, messages) in errors) validation[field] = new JsonArray([.. messages.Select(m => (JsonNode?)m)]);
        return Json(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = "The given data was invalid.",
                ["validation"] = validation,
                ["code"] = 422,
            },
        }, 422);
    }

    private static void Validate(PhpArray input, Validator.Field[] rules)
    {
        var errors = Validator.Validate(input, rules);
        if (errors.Count > 0) throw new ApiException(ValidationFailed(errors));
    }

    private static Response NoContent() => new(204, [], null, []);

    private static ApiException NotFound(string message) => new(ErrorJson(404, message));

    private static ApiException ModelNotFound(string model, long id) => NotFound($"No query results for model [{model}] {id}");

    private void CheckPermission(string permission)
    {
        if (_denied.Contains(permission)) throw new ApiException(ErrorJson(403, "You do not have permission to perform the requested action."));
    }

    private static Response HtmlNotFound()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en-GB" dir="ltr">
            <head>
                <title>Not Found | BookStack</title>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width">
            </head>
            <body class="errors not-found">
                <div id="content" class="block">
                    <main class="container small">
                        <h1 class="list-heading">Page Not Found</h1>
                        <p>Sorry, The page you were looking for could not be found.</p>
                    </main>
                </div>
            </body>
            </html>
            """;
        return new Response(404, Encoding.UTF8.GetBytes(html), "text/html; charset=UTF-8", []);
    }

    // ---------------------------------------------------------------- shared entity logic

    private DateTime NowUtc()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
    }

    private static string Timestamp(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss'.000000Z'", CultureInfo.InvariantCulture);

    private User EnsureUser(int id)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            user = new User(id, $"User {id}", $"user-{id}");
            _users[id] = user;
        }
        return user;
    }

    private Book? FindBook(long id) => _books.FirstOrDefault(b => b.Id == id && !b.Deleted);

    private Chapter? FindChapter(long id) => _chapters.FirstOrDefault(c => c.Id == id && !c.Deleted);

    private bool PageVisible(Page p, int userId) => !p.Deleted && (!p.Draft || p.CreatedBy == userId);

    private string BookSlug(int bookId) => _books.FirstOrDefault(b => b.Id == bookId)?.Slug ?? "";

    /// <summary>BookStack's SlugGenerator: Str::slug, 5 random hex when empty, a random 3-character suffix while taken.</summary>
    private void RefreshSlug(Entity entity, string sourceName)
    {
        var slug = Slugs.Slug(sourceName);
        if (slug.Length == 0) slug = Slugs.RandomHex5(_random);
        slug = Php.TruncateCodePoints(slug, 191);
        while (SlugInUse(entity, slug)) slug += "-" + Slugs.Random3(_random);
        entity.Slug = slug;
    }

    private bool SlugInUse(Entity entity, string slug) => entity switch
    {
        Page p => _pages.Any(o => o.Id != p.Id && o.BookId == p.BookId && Collation.Equal(o.Slug, slug)),
        Chapter c => _chapters.Any(o => o.Id != c.Id && o.BookId == c.BookId && Collation.Equal(o.Slug, slug)),
        Book b => _books.Any(o => o.Id != b.Id && Collation.Equal(o.Slug, slug)),
        _ => false,
    };

    /// <summary>BookContents::getLastPriority: max(chapter priorities, non-draft top-level page priorities, 1).</summary>
    private int BookLastPriority(int bookId)
    {
        int max = 1;
        foreach (var c in _chapters) if (c.BookId == bookId && !c.Deleted) max = Math.Max(max, c.Priority);
        foreach (var p in _pages) if (p.BookId == bookId && p.ChapterId == 0 && !p.Draft && !p.Deleted) max = Math.Max(max, p.Priority);
        return max;
    }

    /// <summary>PageRepo::getNewPriority: after the last page of the chapter (the new draft counts, at 0), or after the book's last item.</summary>
    private int NewPagePriority(Page page)
    {
        if (page.ChapterId != 0)
        {
            int max = 0;
            foreach (var p in _pages) if (p.Id != page.Id && p.ChapterId == page.ChapterId && !p.Deleted) max = Math.Max(max, p.Priority);
            return max + 1;
        }
        return BookLastPriority(page.BookId) + 1;
    }

    private static void SetHtml(Page page, string html)
    {
        page.RawHtml = HtmlTools.FormatHtml(html);
        page.Text = HtmlTools.PlainText(page.RenderedHtml);
        page.Markdown = "";
    }

    private static void SetMarkdown(Page page, string markdown)
    {
        page.RawHtml = HtmlTools.FormatHtml(Markdown.ToHtml(markdown));
        page.Text = HtmlTools.PlainText(page.RenderedHtml);
        page.Markdown = markdown;
    }

    /// <summary>PageRepo::updateTemplateStatusAndContentFromInput: non-empty markdown wins; html alone clears markdown.</summary>
    private static void ApplyContent(Page page, PhpArray input)
    {
        var currentEditor = page.Editor.Length > 0 ? page.Editor : "wysiwyg";
        var newEditor = currentEditor;
        input.TryGetValue("markdown", out var markdown);
        input.TryGetValue("html", out var html);
        bool haveInput = markdown is not null || html is not null;
        bool inputEmpty = Php.Empty(markdown) && Php.Empty(html);
        if (haveInput && inputEmpty)
        {
            SetHtml(page, "");
        }
        else if (!Php.Empty(markdown) && markdown is string md)
        {
            newEditor = "markdown";
            SetMarkdown(page, md);
        }
        else if (html is not null)
        {
            newEditor = "wysiwyg";
            SetHtml(page, Php.ToStringForStringParameter(html, "setNewHTML"));
        }
        if (newEditor != currentEditor) page.Editor = newEditor;
    }

    /// <summary>BaseRepo::create/update: fill, description, slug, save, then tags (which may fail after the save), then index.</summary>
    private void SaveEntity(Entity entity, PhpArray input, int userId, bool creating)
    {
        var oldName = entity.Name;
        bool nameDirty = false;
        if (input.TryGetValue("name", out var nameValue))
        {
            var name = Php.ToStringForStringParameter(nameValue, "fill");
            nameDirty = name != oldName;
            entity.Name = entity is Chapter ? name : Php.TruncateCodePoints(name, 191);
            if (creating || nameDirty || entity.Slug.Length == 0) RefreshSlug(entity, name);
        }
        else if (creating || entity.Slug.Length == 0)
        {
            RefreshSlug(entity, entity.Name);
        }
        if (input.TryGetValue("priority", out var priority) && priority is not null)
        {
            switch (entity)
            {
                case Page p: p.Priority = (int)Php.IntVal(priority); break;
                case Chapter c: c.Priority = (int)Php.IntVal(priority); break;
            }
        }
        if (entity is Book or Chapter)
        {
            if (input.GetOrNull("description_html") is { } descriptionHtml)
            {
                var html = Php.ToStringForStringParameter(descriptionHtml, "filterFromString");
                SetDescription(entity, WebUtility.HtmlDecode(HtmlTools.StripTags(html)), HtmlTools.RemoveScripts(html));
            }
            else if (input.GetOrNull("description") is { } description)
            {
                var text = Php.ToStringForStringParameter(description, "fill");
                SetDescription(entity, text, "<p>" + NlToBr(LaravelE(text)) + "</p>");
            }
        }
        entity.UpdatedBy = userId;
        if (creating)
        {
            entity.CreatedBy = userId;
            entity.OwnedBy = userId;
        }
        entity.UpdatedAt = NowUtc();

        if (input.GetOrNull("tags") is PhpArray tags)
        {
            SaveTags(entity, tags);
            entity.UpdatedAt = NowUtc();
        }
        if (entity is not Page { Draft: true }) entity.Terms = Search.Index(entity);
    }

    private static void SetDescription(Entity entity, string description, string html)
    {
        switch (entity)
        {
            case Book b: b.Description = description; b.DescriptionHtml = html; break;
            case Chapter c: c.Description = description; c.DescriptionHtml = html; break;
        }
    }

    private static string LaravelE(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#039;");

    private static string NlToBr(string s) => s.Replace("\r\n", "<br />\r\n").Replace("\n", "<br />\n");

    /// <summary>TagRepo::saveTagsToEntity: deletes every tag, then reads each tag's name (a missing name is a PHP error).</summary>
    private static void SaveTags(Entity entity, PhpArray tags)
    {
        entity.Tags = [];
        var kept = new List<PhpArray>();
        foreach (var tag in tags.Values)
        {
            var tagArray = TagAsArray(tag);
            if (!tagArray.TryGetValue("name", out var name)) throw new PhpErrorException("Undefined array key \"name\"");
            var trimmed = Php.Trim(Php.ToStringForStringParameter(name, "trim"));
            if (trimmed.Length > 0 && trimmed != "0") kept.Add(tagArray);
        }
        var result = new List<Tag>();
        foreach (var tag in kept)
        {
            var name = Php.Trim(Php.ToStringForStringParameter(tag.GetOrNull("name"), "trim"));
            var value = Php.Trim(Php.ToStringForStringParameter(tag.GetOrNull("value"), "trim"));
            result.Add(new Tag(Php.TruncateCodePoints(name, 191), Php.TruncateCodePoints(value, 191)));
        }
        entity.Tags = result;
    }

    private static PhpArray TagAsArray(object? tag) => tag switch
    {
        PhpArray a => a,
        string => throw new PhpErrorException("Cannot access offset of type string on string"),
        _ => throw new PhpErrorException($"Trying to access array offset on value of type {Php.TypeName(tag)}"),
    };

    private static PhpArray Only(PhpArray all, Validator.Field[] rules)
    {
        var result = new PhpArray();
        foreach (var field in rules) if (all.TryGetValue(field.Name, out var v)) result[field.Name] = v;
        return result;
    }

    // ---------------------------------------------------------------- pages

    /// <summary>PageQueries::findVisibleByIdOrFail(int $id) called with the route's string id.</summary>
    private Page FindPageOrFail(string id, int userId, int line)
    {
        long pageId;
        var prefix = Php.NumericPrefix(id);
        if (Php.IsNumericString(id))
        {
            pageId = Php.IntValOfString(id);
        }
        else if (prefix.Length > 0)
        {
            throw new PhpErrorException("A non-numeric value encountered");
        }
        else
        {
            throw new PhpErrorException(
                "BookStack\\Entities\\Queries\\PageQueries::findVisibleByIdOrFail(): Argument #1 ($id) must be of type int, string given, " +
                $"called in {InstallPath}/app/Entities/Controllers/PageApiController.php on line {line}");
        }
        return _pages.FirstOrDefault(p => p.Id == pageId && PageVisible(p, userId)) ?? throw NotFound("Page not found");
    }

    private Response ListPages(ApiInput input)
    {
        var rows = _pages.Where(p => PageVisible(p, input.UserId));
        var (page, total) = Listing.Apply(rows, input.Query, PageFields, PageColumn, p => p.Id);
        return Json(new JsonObject
        {
            ["data"] = new JsonArray([.. page.Select(p => (JsonNode?)PageListRow(p))]),
            ["total"] = total,
        });
    }

    private static Column PageColumn(Page p, string field) => field switch
    {
        "id" => new Column.Int(p.Id),
        "book_id" => new Column.Int(p.BookId),
        "chapter_id" => new Column.Int(p.ChapterId),
        "name" => new Column.Text(p.Name),
        "slug" => new Column.Text(p.Slug),
        "priority" => new Column.Int(p.Priority),
        "draft" => new Column.Int(p.Draft ? 1 : 0),
        "template" => new Column.Int(p.Template ? 1 : 0),
        "created_at" => new Column.Date(p.CreatedAt),
        "updated_at" => new Column.Date(p.UpdatedAt),
        "created_by" => new Column.Int(p.CreatedBy),
        "updated_by" => new Column.Int(p.UpdatedBy),
        "owned_by" => new Column.Int(p.OwnedBy),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private JsonObject PageListRow(Page p) => new()
    {
        ["id"] = p.Id,
        ["book_id"] = p.BookId,
        ["chapter_id"] = p.ChapterId,
        ["name"] = p.Name,
        ["slug"] = p.Slug,
        ["priority"] = p.Priority,
        ["draft"] = p.Draft,
        ["revision_count"] = p.RevisionCount,
        ["template"] = p.Template,
        ["created_at"] = Timestamp(p.CreatedAt),
        ["updated_at"] = Timestamp(p.UpdatedAt),
        ["created_by"] = p.CreatedBy,
        ["updated_by"] = p.UpdatedBy,
        ["owned_by"] = p.OwnedBy,
        ["editor"] = p.Editor,
        ["book_slug"] = BookSlug(p.BookId),
    };

    private JsonObject UserJson(int id)
    {
        var user = EnsureUser(id);
        return new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["slug"] = user.Slug };
    }

    private static JsonArray TagsJson(Entity entity) =>
        new([.. entity.Tags.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["value"] = t.Value, ["order"] = 0 })]);

    private JsonObject PageRead(Page p) => new()
    {
        ["id"] = p.Id,
        ["book_id"] = p.BookId,
        ["chapter_id"] = p.ChapterId,
        ["name"] = p.Name,
        ["slug"] = p.Slug,
        ["html"] = p.RenderedHtml,
        ["raw_html"] = p.RawHtml,
        ["priority"] = p.Priority,
        ["created_at"] = Timestamp(p.CreatedAt),
        ["updated_at"] = Timestamp(p.UpdatedAt),
        ["created_by"] = UserJson(p.CreatedBy),
        ["updated_by"] = UserJson(p.UpdatedBy),
        ["owned_by"] = UserJson(p.OwnedBy),
        ["draft"] = p.Draft,
        ["markdown"] = p.Markdown,
        ["revision_count"] = p.RevisionCount,
        ["template"] = p.Template,
        ["editor"] = p.Editor,
        ["tags"] = TagsJson(p),
    };

    private Response ReadPage(ApiInput input, string id) => Json(PageRead(FindPageOrFail(id, input.UserId, 102)));

    private Response CreatePage(ApiInput input)
    {
        Validate(input.All, PageCreateRules);
        Chapter? chapter = null;
        Book book;
        if (input.Has("chapter_id"))
        {
            var chapterId = Php.IntVal(input.Get("chapter_id"));
            chapter = FindChapter(chapterId) ?? throw ModelNotFound(ChapterModel, chapterId);
            book = FindBook(chapter.BookId) ?? throw ModelNotFound(BookModel, chapter.BookId);
        }
        else
        {
            var bookId = Php.IntVal(input.Get("book_id"));
            book = FindBook(bookId) ?? throw ModelNotFound(BookModel, bookId);
        }
        CheckPermission("page-create");

        // getNewDraftPage, then publishDraft.
        var now = NowUtc();
        var page = new Page
        {
            Id = _nextPageId++,
            BookId = book.Id,
            ChapterId = chapter?.Id ?? 0,
            Name = "New Page",
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = input.UserId,
            UpdatedBy = input.UserId,
            OwnedBy = input.UserId,
            Draft = true,
            Editor = _emptyEditorForHtmlPages ? "" : "wysiwyg",
        };
        _pages.Add(page);
        page.Draft = false;
        page.RevisionCount = 1;
        page.Priority = NewPagePriority(page);
        var data = Only(input.All, PageCreateRules);
        ApplyContent(page, data);
        SaveEntity(page, data, input.UserId, creating: true);
        return Json(PageRead(page));
    }

    private Response UpdatePage(ApiInput input, string id)
    {
        Validate(input.All, PageUpdateRules);
        var page = FindPageOrFail(id, input.UserId, 118);
        CheckPermission("page-update");

        Entity? parent = null;
        if (input.Has("chapter_id"))
        {
            var chapterId = Php.IntVal(input.Get("chapter_id"));
            parent = FindChapter(chapterId) ?? throw ModelNotFound(ChapterModel, chapterId);
        }
        else if (input.Has("book_id"))
        {
            var bookId = Php.IntVal(input.Get("book_id"));
            parent = FindBook(bookId) ?? throw ModelNotFound(BookModel, bookId);
        }
        bool sameParent = parent switch
        {
            Chapter c => page.ChapterId == c.Id,
            Book b => page.ChapterId == 0 && page.BookId == b.Id,
            _ => true,
        };
        if (!sameParent)
        {
            CheckPermission("page-delete");
            CheckPermission("page-create");
            page.ChapterId = parent is Chapter c ? c.Id : 0;
            page.BookId = parent is Chapter c2 ? c2.BookId : parent!.Id;
            RefreshSlug(page, page.Name);
            page.UpdatedAt = NowUtc();
        }

        var data = Validator.Validated(input.All, PageUpdateRules);
        ApplyContent(page, data);
        SaveEntity(page, data, input.UserId, creating: false);
        page.RevisionCount++;
        page.UpdatedAt = NowUtc();
        return Json(PageRead(page));
    }

    private Response DeletePage(ApiInput input, string id)
    {
        var page = FindPageOrFail(id, input.UserId, 153);
        CheckPermission("page-delete");
        page.Deleted = true;
        return NoContent();
    }

    // ---------------------------------------------------------------- books

    private Book FindBookOrFail(string id)
    {
        var bookId = Php.IntValOfString(id);
        return FindBook(bookId) ?? throw ModelNotFound(BookModel, bookId);
    }

    private static Column BookColumn(Book b, string field) => field switch
    {
        "id" => new Column.Int(b.Id),
        "name" => new Column.Text(b.Name),
        "slug" => new Column.Text(b.Slug),
        "description" => new Column.Text(b.Description),
        "created_at" => new Column.Date(b.CreatedAt),
        "updated_at" => new Column.Date(b.UpdatedAt),
        "created_by" => new Column.Int(b.CreatedBy),
        "updated_by" => new Column.Int(b.UpdatedBy),
        "owned_by" => new Column.Int(b.OwnedBy),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private Response ListBooks(ApiInput input)
    {
        var (page, total) = Listing.Apply(_books.Where(b => !b.Deleted), input.Query, BookFields, BookColumn, b => b.Id);
        return Json(new JsonObject
        {
            ["data"] = new JsonArray([.. page.Select(b => (JsonNode?)new JsonObject
            {
                ["id"] = b.Id,
                ["name"] = b.Name,
                ["slug"] = b.Slug,
                ["description"] = b.Description,
                ["created_at"] = Timestamp(b.CreatedAt),
                ["updated_at"] = Timestamp(b.UpdatedAt),
                ["created_by"] = b.CreatedBy,
                ["updated_by"] = b.UpdatedBy,
                ["owned_by"] = b.OwnedBy,
            })]),
            ["total"] = total,
        });
    }

    private static string DescriptionHtml(string description, string descriptionHtml) =>
        descriptionHtml.Length > 0 ? descriptionHtml : "<p>" + NlToBr(LaravelE(description)) + "</p>";

    private JsonObject BookJson(Book b) => new()
    {
        ["id"] = b.Id,
        ["name"] = b.Name,
        ["slug"] = b.Slug,
        ["description"] = b.Description,
        ["created_at"] = Timestamp(b.CreatedAt),
        ["updated_at"] = Timestamp(b.UpdatedAt),
        ["created_by"] = b.CreatedBy,
        ["updated_by"] = b.UpdatedBy,
        ["owned_by"] = b.OwnedBy,
        ["default_template_id"] = null,
        ["description_html"] = DescriptionHtml(b.Description, b.DescriptionHtml),
        ["tags"] = TagsJson(b),
        ["cover"] = null,
    };

    private Response CreateBook(ApiInput input)
    {
        CheckPermission("book-create-all");
        Validate(input.All, BookCreateRules);
        var now = NowUtc();
        var book = new Book { Id = _nextBookId++, CreatedAt = now, UpdatedAt = now };
        _books.Add(book);
        SaveEntity(book, Validator.Validated(input.All, BookCreateRules), input.UserId, creating: true);
        return Json(BookJson(book));
    }

    private Response ReadBook(ApiInput input, string id)
    {
        var book = FindBookOrFail(id);
        var contents = new List<(int Priority, int Order, int Id, JsonObject Json)>();
        foreach (var c in _chapters.Where(c => c.BookId == book.Id && !c.Deleted))
        {
            var pages = _pages.Where(p => p.ChapterId == c.Id && PageVisible(p, input.UserId))
                .OrderBy(p => p.Priority).ThenBy(p => p.Id)
                .Select(p => (JsonNode?)ContentsPage(p, withType: false));
            var json = new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["slug"] = c.Slug,
                ["book_id"] = c.BookId,
                ["created_at"] = Timestamp(c.CreatedAt),
                ["updated_at"] = Timestamp(c.UpdatedAt),
                ["url"] = $"{AppUrlUnlocked()}/books/{book.Slug}/chapter/{c.Slug}",
                ["type"] = "chapter",
                ["pages"] = new JsonArray([.. pages]),
            };
            contents.Add((c.Priority, 0, c.Id, json));
        }
        foreach (var p in _pages.Where(p => p.BookId == book.Id && p.ChapterId == 0 && PageVisible(p, input.UserId)))
        {
            contents.Add((p.Priority, 1, p.Id, ContentsPage(p, withType: true)));
        }
        var result = new JsonObject
        {
            ["id"] = book.Id,
            ["name"] = book.Name,
            ["slug"] = book.Slug,
            ["description"] = book.Description,
            ["description_html"] = DescriptionHtml(book.Description, book.DescriptionHtml),
            ["created_at"] = Timestamp(book.CreatedAt),
            ["updated_at"] = Timestamp(book.UpdatedAt),
            ["created_by"] = UserJson(book.CreatedBy),
            ["updated_by"] = UserJson(book.UpdatedBy),
            ["owned_by"] = UserJson(book.OwnedBy),
            ["default_template_id"] = null,
            ["contents"] = new JsonArray([.. contents.OrderBy(c => c.Priority).ThenBy(c => c.Order).ThenBy(c => c.Id).Select(c => (JsonNode?)c.Json)]),
            ["tags"] = TagsJson(book),
            ["cover"] = null,
        };
        return Json(result);
    }

    private string AppUrlUnlocked() => _appUrl ?? BaseUri.ToString().TrimEnd('/');

    private string PageUrl(Page p) => p.Draft
        ? $"{AppUrlUnlocked()}/books/{BookSlug(p.BookId)}/draft/{p.Id}"
        : $"{AppUrlUnlocked()}/books/{BookSlug(p.BookId)}/page/{p.Slug}";

    private JsonObject ContentsPage(Page p, bool withType)
    {
        var json = new JsonObject
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["slug"] = p.Slug,
            ["book_id"] = p.BookId,
            ["chapter_id"] = p.ChapterId,
            ["draft"] = p.Draft,
            ["template"] = p.Template,
            ["created_at"] = Timestamp(p.CreatedAt),
            ["updated_at"] = Timestamp(p.UpdatedAt),
            ["url"] = PageUrl(p),
        };
        if (withType) json["type"] = "page";
        return json;
    }

    private Response UpdateBook(ApiInput input, string id)
    {
        var book = FindBookOrFail(id);
        CheckPermission("book-update");
        Validate(input.All, BookUpdateRules);
        SaveEntity(book, Validator.Validated(input.All, BookUpdateRules), input.UserId, creating: false);
        return Json(BookJson(book));
    }

    private Response DeleteBook(ApiInput input, string id)
    {
        var book = FindBookOrFail(id);
        CheckPermission("book-delete");
        book.Deleted = true;
        foreach (var c in _chapters.Where(c => c.BookId == book.Id)) c.Deleted = true;
        foreach (var p in _pages.Where(p => p.BookId == book.Id)) p.Deleted = true;
        return NoContent();
    }

    // ---------------------------------------------------------------- chapters

    private Chapter FindChapterOrFail(string id)
    {
        var chapterId = Php.IntValOfString(id);
        return FindChapter(chapterId) ?? throw ModelNotFound(ChapterModel, chapterId);
    }

    private static Column ChapterColumn(Chapter c, string field) => field switch
    {
        "id" => new Column.Int(c.Id),
        "book_id" => new Column.Int(c.BookId),
        "name" => new Column.Text(c.Name),
        "slug" => new Column.Text(c.Slug),
        "description" => new Column.Text(c.Description),
        "priority" => new Column.Int(c.Priority),
        "created_at" => new Column.Date(c.CreatedAt),
        "updated_at" => new Column.Date(c.UpdatedAt),
        "created_by" => new Column.Int(c.CreatedBy),
        "updated_by" => new Column.Int(c.UpdatedBy),
        "owned_by" => new Column.Int(c.OwnedBy),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private Response ListChapters(ApiInput input)
    {
        var (page, total) = Listing.Apply(_chapters.Where(c => !c.Deleted), input.Query, ChapterFields, ChapterColumn, c => c.Id);
        return Json(new JsonObject
        {
            ["data"] = new JsonArray([.. page.Select(c => (JsonNode?)new JsonObject
            {
                ["id"] = c.Id,
                ["book_id"] = c.BookId,
                ["name"] = c.Name,
                ["slug"] = c.Slug,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
                ["created_at"] = Timestamp(c.CreatedAt),
                ["updated_at"] = Timestamp(c.UpdatedAt),
                ["created_by"] = c.CreatedBy,
                ["updated_by"] = c.UpdatedBy,
                ["owned_by"] = c.OwnedBy,
                ["book_slug"] = BookSlug(c.BookId),
            })]),
            ["total"] = total,
        });
    }

    private JsonObject ChapterJson(Chapter c) => new()
    {
        ["id"] = c.Id,
        ["book_id"] = c.BookId,
        ["slug"] = c.Slug,
        ["name"] = c.Name,
        ["description"] = c.Description,
        ["priority"] = c.Priority,
        ["created_at"] = Timestamp(c.CreatedAt),
        ["updated_at"] = Timestamp(c.UpdatedAt),
        ["created_by"] = c.CreatedBy,
        ["updated_by"] = c.UpdatedBy,
        ["owned_by"] = c.OwnedBy,
        ["description_html"] = DescriptionHtml(c.Description, c.DescriptionHtml),
        ["default_template_id"] = null,
        ["book_slug"] = BookSlug(c.BookId),
        ["tags"] = TagsJson(c),
    };

    private Response CreateChapter(ApiInput input)
    {
        Validate(input.All, ChapterCreateRules);
        var bookId = Php.IntVal(input.Get("book_id"));
        var book = FindBook(bookId) ?? throw ModelNotFound(BookModel, bookId);
        CheckPermission("chapter-create");
        var now = NowUtc();
        var chapter = new Chapter { Id = _nextChapterId++, BookId = book.Id, CreatedAt = now, UpdatedAt = now };
        chapter.Priority = BookLastPriority(book.Id) + 1;
        _chapters.Add(chapter);
        SaveEntity(chapter, Validator.Validated(input.All, ChapterCreateRules), input.UserId, creating: true);
        return Json(ChapterJson(chapter));
    }

    private Response ReadChapter(ApiInput input, string id)
    {
        var c = FindChapterOrFail(id);
        var pages = _pages.Where(p => p.ChapterId == c.Id && PageVisible(p, input.UserId))
            .OrderBy(p => p.Priority).ThenBy(p => p.Id)
            .Select(p => (JsonNode?)PageListRow(p));
        return Json(new JsonObject
        {
            ["id"] = c.Id,
            ["book_id"] = c.BookId,
            ["slug"] = c.Slug,
            ["name"] = c.Name,
            ["description"] = c.Description,
            ["description_html"] = DescriptionHtml(c.Description, c.DescriptionHtml),
            ["default_template_id"] = null,
            ["priority"] = c.Priority,
            ["created_at"] = Timestamp(c.CreatedAt),
            ["updated_at"] = Timestamp(c.UpdatedAt),
            ["created_by"] = UserJson(c.CreatedBy),
            ["updated_by"] = UserJson(c.UpdatedBy),
            ["owned_by"] = UserJson(c.OwnedBy),
            ["book_slug"] = BookSlug(c.BookId),
            ["tags"] = TagsJson(c),
            ["pages"] = new JsonArray([.. pages]),
        });
    }

    private Response UpdateChapter(ApiInput input, string id)
    {
        Validate(input.All, ChapterUpdateRules);
        var chapter = FindChapterOrFail(id);
        CheckPermission("chapter-update");
        var data = Validator.Validated(input.All, ChapterUpdateRules);
        if (input.Has("book_id") && chapter.BookId != Php.IntVal(data.GetOrNull("book_id")))
        {
            CheckPermission("chapter-delete");
            var target = FindBook(Php.IntVal(data.GetOrNull("book_id")));
            if (target is null)
            {
                return Json(new JsonObject { ["message"] = "The selected book was not found", ["status"] = "error" }, 500);
            }
            CheckPermission("chapter-create");
            chapter.BookId = target.Id;
            RefreshSlug(chapter, chapter.Name);
            foreach (var p in _pages.Where(p => p.ChapterId == chapter.Id))
            {
                p.BookId = target.Id;
                RefreshSlug(p, p.Name);
            }
        }
        SaveEntity(chapter, data, input.UserId, creating: false);
        return Json(ChapterJson(chapter));
    }

    private Response DeleteChapter(ApiInput input, string id)
    {
        var chapter = FindChapterOrFail(id);
        CheckPermission("chapter-delete");
        chapter.Deleted = true;
        foreach (var p in _pages.Where(p => p.ChapterId == chapter.Id)) p.Deleted = true;
        return NoContent();
    }

    // ---------------------------------------------------------------- search

    private Response SearchAll(ApiInput input)
    {
        Validate(input.All, SearchRules);
        var options = Search.Parse(Php.ToStringForStringParameter(input.Get("query") is PhpArray ? "" : input.Get("query"), "fromString"));
        long pageNumber = Php.IntVal(input.Get("page") ?? "0");
        if (pageNumber == 0) pageNumber = 1;
        long count = Php.IntVal(input.Get("count") ?? "0");
        if (count == 0) count = 20;
        count = Math.Min(count, 100);

        var typeFilter = options.Filters.LastOrDefault(f => f.Key == "type" && !f.Negated);
        var types = typeFilter.Key is not null ? typeFilter.Value.Split('|') : ["bookshelf", "book", "chapter", "page"];
        var found = new List<(double Score, Entity Entity)>();
        long total = 0;
        foreach (var type in new[] { "bookshelf", "book", "chapter", "page" })
        {
            if (!types.Contains(type)) continue;
            IEnumerable<Entity> candidates = type switch
            {
                "book" => _books.Where(b => !b.Deleted),
                "chapter" => _chapters.Where(c => !c.Deleted),
                "page" => _pages.Where(p => PageVisible(p, input.UserId)),
                _ => [],
            };
            var matches = new List<(double Score, Entity Entity)>();
            foreach (var entity in candidates.OrderBy(e => e.Id))
            {
                if (Search.Score(entity, options) is not { } score) continue;
                if (!Search.MatchesFilters(entity, options, SearchText(entity))) continue;
                matches.Add((score, entity));
            }
            if (options.Terms.Count > 0) matches = [.. matches.OrderByDescending(m => m.Score)];
            total += matches.Count;
            found.AddRange(matches.Skip((int)Math.Min(int.MaxValue, (pageNumber - 1) * count)).Take((int)count));
        }
        var ordered = found.OrderByDescending(f => f.Score).Select(f => f.Entity);
        var previewTerms = options.Exacts.Select(e => e.Value).Concat(options.Terms).ToList();
        var data = new JsonArray();
        foreach (var entity in ordered)
        {
            var json = new JsonObject
            {
                ["id"] = entity.Id,
                ["name"] = entity.Name,
                ["slug"] = entity.Slug,
            };
            switch (entity)
            {
                case Page p:
                    json["book_id"] = p.BookId;
                    json["chapter_id"] = p.ChapterId;
                    json["draft"] = p.Draft;
                    json["template"] = p.Template;
                    break;
                case Chapter c:
                    json["book_id"] = c.BookId;
                    break;
            }
            json["created_at"] = Timestamp(entity.CreatedAt);
            json["updated_at"] = Timestamp(entity.UpdatedAt);
            json["url"] = entity switch
            {
                Page p => PageUrl(p),
                Chapter c => $"{AppUrlUnlocked()}/books/{BookSlug(c.BookId)}/chapter/{c.Slug}",
                _ => $"{AppUrlUnlocked()}/books/{entity.Slug}",
            };
            json["type"] = entity.Type;
            json["tags"] = TagsJson(entity);
            json["preview_html"] = new JsonObject
            {
                ["name"] = Search.Preview(entity.Name, previewTerms, 0),
                ["content"] = Search.Preview(SearchText(entity), previewTerms, 260),
            };
            data.Add(json);
        }
        return Json(new JsonObject { ["data"] = data, ["total"] = total });
    }

    private static string SearchText(Entity entity) => entity switch
    {
        Page p => p.Text,
        Chapter c => c.Description,
        Book b => b.Description,
        _ => "",
    };
}
