using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Postmortems.Serialization;

namespace Postmortems.BookStack
{
    /// <summary>A postmortem read back from its BookStack page, and what could not be mapped onto the template.</summary>
    public sealed class PulledPage
    {
        internal PulledPage(BookStackPage page, Postmortem postmortem, IReadOnlyList<string> warnings, IReadOnlyCollection<string> columns)
        {
            Page = page;
            Postmortem = postmortem;
            Warnings = warnings;
            Columns = columns;
        }

        public BookStackPage Page { get; }

        public Postmortem Postmortem { get; }

        public IReadOnlyList<string> Warnings { get; }

        /// <summary>The columns the page's tables have (<see cref="ReadResult.Columns"/>), for the merge to tell an emptied cell from a column the page lacks.</summary>
        public IReadOnlyCollection<string> Columns { get; }
    }

    /// <summary>
    /// Reads a published postmortem back from BookStack: finds its page by id, address or identity, and parses the
    /// page's markdown with the module's Markdown reader, so whatever a person can write in the template comes back.
    /// </summary>
    public sealed class PostmortemPuller
    {
        private readonly BookStackClient _client;

        public PostmortemPuller(BookStackClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

        /// <summary>
        /// The page a reference names: a page id (42), its address (https://wiki/link/42 or
        /// https://wiki/books/ops/page/postmortem-2026-11-20-x) or the postmortem's id (its postmortem-id tag).
        /// </summary>
        public BookStackPage FindPage(string reference)
        {
            var text = (reference ?? string.Empty).Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return _client.GetPage(id);
            if (Guid.TryParse(text, out var postmortemId))
            {
                var hit = _client.SearchPagesByTag(PostmortemPublisher.IdentityTag, postmortemId.ToString("D")).OrderBy(h => h.Id).FirstOrDefault()
                          ?? throw new BookStackException(BookStackErrorKind.NotFound, 404,
                              $"BookStack has no page tagged {PostmortemPublisher.IdentityTag}={postmortemId:D} that this token can see. Check the postmortem was published to this server, or give the page's id or address.");
                return _client.GetPage(hit.Id);
            }
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
                int link = Array.LastIndexOf(segments, "link");
                if (link >= 0 && link + 1 < segments.Length && int.TryParse(segments[link + 1], NumberStyles.None, CultureInfo.InvariantCulture, out id)) return _client.GetPage(id);
                int page = Array.LastIndexOf(segments, "page");
                if (page >= 2 && page + 1 < segments.Length && segments[page - 2] == "books")
                {
                    var book = segments[page - 1];
                    var slug = segments[page + 1];
                    var match = _client.FindPagesBySlug(slug).Where(p => p.BookSlug == book).Select(p => p.Page).OrderBy(p => p.Id).FirstOrDefault()
                                ?? throw new BookStackException(BookStackErrorKind.NotFound, 404,
                                    $"BookStack has no page '{slug}' in the book '{book}' that this token can see. A renamed page keeps its old address only in the browser; give its id or its /link/ address instead.");
                    return _client.GetPage(match.Id);
                }
            }
            throw new ArgumentException(
                $"'{reference}' names no BookStack page. Give the page's id (42), its address (https://wiki.example.org/link/42 or .../books/<book>/page/<page>), or the postmortem's id.");
        }

        /// <summary>
        /// The page as a postmortem. With <paramref name="known"/> (the local postmortem, which knows the page as it
        /// was published), each row finds its event's exact time, milestone and source again, as a Markdown file's
        /// front matter does for a hand-edited file.
        /// </summary>
        public PulledPage Read(BookStackPage page, Postmortem? known = null)
        {
            if (page.Markdown.Length == 0)
            {
                throw new BookStackException(BookStackErrorKind.Failed, null,
                    $"The page '{page.Name}' (page {page.Id}) was last saved in BookStack's WYSIWYG editor, so it has no markdown to read back. Open it in the markdown editor (Edit, then switch editors) and save, or publish over it with Publish-Postmortem -Force.");
            }
            if (page.Tags.Any(t => t.Name == PostmortemPublisher.ExternalIdentityTag))
            {
                // Read as a postmortem, it would come back as one of four sections: the customers' account is no draft to merge.
                throw new BookStackException(BookStackErrorKind.Failed, null,
                    $"The page '{page.Name}' (page {page.Id}) is the external version of a postmortem, the incident report for customers, not the postmortem itself. Read the postmortem's own page (Postmortem YYYY-MM-DD: ...); the external version's text is changed with Set-Postmortem -External* and published again.");
            }
            var source = $"BookStack page {page.Id}";
            var published = known?.Publication?.Base is string @base ? PostmortemYaml.Read(@base, source + " (as published)").Postmortem : null;
            var idTag = page.Tags.FirstOrDefault(t => t.Name == PostmortemPublisher.IdentityTag)?.Value;
            string text;
            if (published is not null)
            {
                text = MarkdownFrontMatter.Write(published) + "\n" + page.Markdown;
            }
            else if (Guid.TryParse(idTag, out var id))
            {
                text = "---\nid: " + id.ToString("D") + "\n---\n" + page.Markdown;
            }
            else
            {
                text = page.Markdown;
            }
            // The page's name carries the title, cut to what BookStack stores: while the name is the one published, the
            // title is the published one, whole; a name someone changed is their new title.
            var title = published is not null && PostmortemPublisher.PageName(published) == page.Name ? published.Title : TitleOf(page.Name);
            var result = PostmortemMarkdownReader.Read(text, source, title);
            var postmortem = result.Postmortem;
            if (postmortem.Date is null && DateOf(page.Name) is DateTime date) postmortem.Date = date;
            var record = PostmortemPublisher.RecordOf(page, _client.Connection.BaseUri);
            record.Digest = known?.Publication?.Digest ?? string.Empty;
            record.Base = PostmortemYaml.Write(postmortem, withPublication: false);
            record.Tags.AddRange(known?.Publication?.Tags ?? new List<string>());
            postmortem.Publication = record;
            return new PulledPage(page, postmortem, result.Warnings, result.Columns);
        }

        /// <summary>The title in a page name "Postmortem YYYY-MM-DD: title"; the whole name otherwise.</summary>
        internal static string TitleOf(string pageName)
        {
            const string prefix = "Postmortem ";
            if (pageName.StartsWith(prefix, StringComparison.Ordinal) && DateOf(pageName) is not null && pageName.Length > prefix.Length + 11 && pageName[prefix.Length + 10] == ':')
            {
                var title = pageName.Substring(prefix.Length + 11).Trim();
                if (title.Length > 0) return title;
            }
            return pageName;
        }

        internal static DateTime? DateOf(string pageName) =>
            pageName.Length >= 21 && pageName.StartsWith("Postmortem ", StringComparison.Ordinal)
            && DateTime.TryParseExact(pageName.Substring(11, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : (DateTime?)null;
    }
}
