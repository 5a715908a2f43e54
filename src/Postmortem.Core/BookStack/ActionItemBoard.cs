using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Postmortems.Rendering;

namespace Postmortems.BookStack
{
    /// <summary>One open action item on the board, with the postmortem page it comes from.</summary>
    public sealed class BoardItem
    {
        internal BoardItem(ActionItem item, Postmortem postmortem, BookStackPage page, Uri pageUrl, DateTime asOf, ActionItemDuePolicy policy)
        {
            Action = item.Action;
            Owner = item.Owner;
            (DueDate, DueDateFrom) = policy.DueDateOf(item, postmortem.Date);
            Priority = item.Priority;
            Status = item.Status;
            Tracking = item.Tracking is string tracking ? TrackingLinks.Resolve(tracking, postmortem.TrackingUrl) : null;
            PostmortemTitle = postmortem.Title;
            PostmortemDate = postmortem.Date;
            PageId = page.Id;
            PageName = page.Name;
            PageUrl = pageUrl;
            DaysOverdue = DueDate is DateTime due && due.Date < asOf.Date ? (asOf.Date - due.Date).Days : 0;
        }

        public string Action { get; }

        public string? Owner { get; }

        /// <summary>The item's due date; without one, the day the team's policy gives its priority (DueDateFrom says which).</summary>
        public DateTime? DueDate { get; }

        public DueDateSource? DueDateFrom { get; }

        public ActionPriority? Priority { get; }

        public ActionItemStatus Status { get; }

        /// <summary>The ticket, resolved to an address where the postmortem's tracking URL pattern makes one.</summary>
        public string? Tracking { get; }

        public string PostmortemTitle { get; }

        public DateTime? PostmortemDate { get; }

        public int PageId { get; }

        public string PageName { get; }

        public Uri PageUrl { get; }

        /// <summary>Days past its due date as of the board's day; 0 when not overdue.</summary>
        public int DaysOverdue { get; }

        public bool Overdue => DaysOverdue > 0;
    }

    /// <summary>What the postmortems of a book hold: their open action items, and the pages that could not be read.</summary>
    public sealed class BoardContent
    {
        internal BoardContent(int bookId, string bookName, DateTime asOf, IReadOnlyList<BoardItem> items, int postmortems, IReadOnlyList<string> warnings)
        {
            BookId = bookId;
            BookName = bookName;
            AsOf = asOf;
            Items = items;
            Postmortems = postmortems;
            Warnings = warnings;
        }

        public int BookId { get; }

        public string BookName { get; }

        public DateTime AsOf { get; }

        /// <summary>The open items, by owner (no owner last), then due date (none last), then postmortem.</summary>
        public IReadOnlyList<BoardItem> Items { get; }

        /// <summary>How many postmortem pages were read.</summary>
        public int Postmortems { get; }

        /// <summary>Pages that look like postmortems but could not be read, each with why.</summary>
        public IReadOnlyList<string> Warnings { get; }
    }

    /// <summary>What publishing the board will do, worked out with reads only.</summary>
    public sealed class BoardPlan
    {
        internal BoardPlan(BoardContent content, string name, string markdown, BookStackPage? existing, bool unchanged, bool changedByOthers)
        {
            Content = content;
            Name = name;
            Markdown = markdown;
            Existing = existing;
            Unchanged = unchanged;
            ChangedByOthers = changedByOthers;
        }

        public BoardContent Content { get; }

        public string Name { get; }

        public string Markdown { get; }

        /// <summary>The board page as it is now; null when there is none yet.</summary>
        public BookStackPage? Existing { get; }

        public bool Unchanged { get; }

        /// <summary>Whether the page holds something else than the board last written: a person edited it.</summary>
        public bool ChangedByOthers { get; }

        public string Describe() =>
            Existing is null ? $"Create the page '{Name}' in book {Content.BookId} with {Content.Items.Count} open action items of {Content.Postmortems} postmortems"
            : Unchanged ? $"Leave page {Existing.Id} '{Name}' as it is: the board has not changed"
            : $"Update page {Existing.Id} '{Name}' with {Content.Items.Count} open action items of {Content.Postmortems} postmortems";
    }

    /// <summary>The board as written: the page, and what it lists.</summary>
    public sealed class PublishedBoard
    {
        internal PublishedBoard(PublishAction action, BookStackPage page, Uri url, BoardContent content)
        {
            Action = action;
            Id = page.Id;
            Name = page.Name;
            Url = url;
            BookId = content.BookId;
            Postmortems = content.Postmortems;
            Open = content.Items.Count;
            Overdue = content.Items.Count(i => i.Overdue);
            Owners = content.Items.Select(i => i.Owner ?? string.Empty).Distinct(StringComparer.Ordinal).Count();
        }

        public PublishAction Action { get; }

        public int Id { get; }

        public string Name { get; }

        public Uri Url { get; }

        public int BookId { get; }

        public int Postmortems { get; }

        public int Open { get; }

        public int Overdue { get; }

        public int Owners { get; }

        public override string ToString() => $"{Action} {Name} ({Url}): {Open} open, {Overdue} overdue, from {Postmortems} postmortems";
    }

    /// <summary>
    /// The follow-up board: one BookStack page listing every open action item of the postmortems published in a book,
    /// grouped by owner, each linked to its postmortem's page and its ticket. The postmortems are found in BookStack
    /// (the pages of the book that carry the postmortem-id tag), not in local files, and their pages are only read.
    /// The board page is found by its own tag and rewritten each run; one a person edited is not overwritten unless
    /// asked to.
    /// </summary>
    public sealed class ActionItemBoard
    {
        /// <summary>The tag that marks the board page, with the book's id as its value.</summary>
        public const string BoardTag = "postmortem-board";

        /// <summary>The tag that holds the digest of the board as last written, to tell a person's edit from ours.</summary>
        public const string DigestTag = "postmortem-board-digest";

        public const string DefaultName = "Action item follow-up";

        /// <summary>
        /// Keeps the short columns of the board's tables (each follows an owner's heading) on one line: BookStack's own
        /// style lets any character break in a narrow cell ("Prior ity", "Ope n"), as a real server showed. The status
        /// may break between words; the overdue note is a line of its own.
        /// </summary>
        public const string PageStyle =
            "<style>h2[id^=\"bkmrk-\"]+table th,h2[id^=\"bkmrk-\"]+table td:nth-child(n+3):nth-child(-n+4),h2[id^=\"bkmrk-\"]+table td:nth-child(6)" +
            "{white-space:nowrap}h2[id^=\"bkmrk-\"]+table td:nth-child(5){word-break:normal;overflow-wrap:break-word}</style>";

        private readonly BookStackClient _client;

        public ActionItemBoard(BookStackClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

        /// <summary>Reads the postmortem pages of the book and gathers their open action items.</summary>
        public BoardContent Collect(int bookId, DateTime asOf, ActionItemDuePolicy? policy = null)
        {
            policy ??= ActionItemDuePolicy.Default;
            var book = _client.GetBook(bookId);
            var puller = new PostmortemPuller(_client);
            var items = new List<BoardItem>();
            var warnings = new List<string>();
            int postmortems = 0;
            foreach (var listed in _client.ListPagesInBook(bookId))
            {
                // The listing carries no tags: each page is read whole, and only the module's postmortems are taken.
                var page = _client.GetPage(listed.Id);
                if (!page.Tags.Any(t => t.Name == PostmortemPublisher.IdentityTag)) continue;
                Postmortem postmortem;
                try
                {
                    postmortem = puller.Read(page).Postmortem;
                }
                catch (Exception ex) when (ex is BookStackException || ex is Serialization.PostmortemFormatException)
                {
                    warnings.Add($"Page {page.Id} '{page.Name}' was left off the board: {ex.Message}");
                    continue;
                }
                postmortems++;
                var url = PageUrl(page.Id);
                foreach (var item in postmortem.ActionItems)
                {
                    if (item.IsOpen) items.Add(new BoardItem(item, postmortem, page, url, asOf, policy));
                }
            }
            var ordered = items
                .OrderBy(i => i.Owner is null ? 1 : 0).ThenBy(i => i.Owner, StringComparer.OrdinalIgnoreCase)
                .ThenBy(i => i.DueDate ?? DateTime.MaxValue).ThenBy(i => i.Priority ?? (ActionPriority)99)
                .ThenBy(i => i.PostmortemDate ?? DateTime.MaxValue).ThenBy(i => i.PageId)
                .ToList();
            return new BoardContent(bookId, book.Name, asOf.Date, ordered, postmortems, warnings);
        }

        private Uri PageUrl(int pageId) => PostmortemPublisher.PageLink(_client.Connection.BaseUri, pageId);

        /// <summary>The board as the page's markdown: a note on where it comes from, the counts, and one table per owner.</summary>
        public static string Render(BoardContent content)
        {
            var c = CultureInfo.InvariantCulture;
            var md = new StringBuilder(PageStyle).Append("\n\n");
            var asOf = content.AsOf.ToString("yyyy-MM-dd", c);
            md.Append("> Made by Publish-ActionItemReport from the postmortems in this book, as of ").Append(asOf)
              .Append(". It is written anew on each run: change an action item in its postmortem, and the board follows.\n\n");
            int overdue = content.Items.Count(i => i.Overdue);
            md.Append("**Open:** ").Append(content.Items.Count.ToString(c))
              .Append(" · **Overdue:** ").Append(overdue.ToString(c))
              .Append(" · **Postmortems:** ").Append(content.Postmortems.ToString(c)).Append("\n\n");
            if (content.Items.Count == 0)
            {
                md.Append("No postmortem in this book has an open action item.\n");
                return md.ToString();
            }
            foreach (var group in content.Items.GroupBy(i => i.Owner))
            {
                var list = group.ToList();
                int late = list.Count(i => i.Overdue);
                md.Append("## ").Append(group.Key is null ? "No owner" : MarkdownText.Inline(group.Key))
                  .Append(" (").Append(list.Count.ToString(c)).Append(" open").Append(late > 0 ? ", " + late.ToString(c) + " overdue" : "").Append(")\n\n");
                md.Append("| Action | Postmortem | Due Date | Priority | Status | Tracking |\n|--------|------------|----------|----------|--------|----------|\n");
                foreach (var item in list)
                {
                    var due = item.DueDate is DateTime date ? date.ToString("yyyy-MM-dd", c) + (item.DueDateFrom == DueDateSource.Policy ? " (policy)" : "") : PostmortemMarkdown.NotSet;
                    if (item.Overdue) due += "<br>**overdue " + item.DaysOverdue.ToString(c) + (item.DaysOverdue == 1 ? " day**" : " days**");
                    md.Append("| ").Append(MarkdownText.Cell(item.Action))
                      .Append(" | ").Append(PostmortemMarkdown.Link(item.PageName, item.PageUrl.AbsoluteUri))
                      .Append(" | ").Append(due)
                      .Append(" | ").Append(item.Priority?.ToString() ?? PostmortemMarkdown.NotSet)
                      .Append(" | ").Append(ActionItemStatusText.Label(item.Status))
                      .Append(" |");
                    var tracking = PostmortemMarkdown.TrackingCell(item.Tracking, null);
                    md.Append(tracking.Length == 0 ? "" : " " + tracking).Append(" |\n");
                }
                md.Append('\n');
            }
            return md.ToString().TrimEnd('\n') + "\n";
        }

        /// <summary>Reads the book's postmortems and the board page, and works out what to write.</summary>
        public BoardPlan Plan(int bookId, DateTime asOf, string? name = null, ActionItemDuePolicy? policy = null)
        {
            var pageName = PostmortemPublisher.Shorten(string.IsNullOrWhiteSpace(name) ? DefaultName : name!.Trim(), PostmortemPublisher.MaxStoredLength);
            var content = Collect(bookId, asOf, policy);
            var markdown = Render(content);
            var existing = FindBoard(bookId);
            bool changedByOthers = false, unchanged = false;
            if (existing is not null)
            {
                var written = existing.Tags.FirstOrDefault(t => t.Name == DigestTag)?.Value;
                var now = PageDigest.Of(existing.Name, existing.Markdown.Length > 0 ? existing.Markdown : existing.RawHtml);
                changedByOthers = written is null || !string.Equals(written, now, StringComparison.Ordinal);
                unchanged = !changedByOthers && string.Equals(now, PageDigest.Of(pageName, markdown), StringComparison.Ordinal);
            }
            return new BoardPlan(content, pageName, markdown, existing, unchanged, changedByOthers);
        }

        /// <summary>Writes the board page: creates it, or updates the one found; leaves it when nothing changed.</summary>
        public PublishedBoard Execute(BoardPlan plan, bool overwrite = false)
        {
            if (plan is null) throw new ArgumentNullException(nameof(plan));
            if (plan.ChangedByOthers && !overwrite)
            {
                throw new BookStackException(BookStackErrorKind.PageChanged, null, ChangedMessage(plan.Existing!));
            }
            var bookId = plan.Content.BookId;
            if (plan.Existing is BookStackPage same && plan.Unchanged)
            {
                return new PublishedBoard(PublishAction.Unchanged, same, PageUrl(same.Id), plan.Content);
            }
            var tags = new List<BookStackTag>
            {
                new BookStackTag(BoardTag, bookId.ToString(CultureInfo.InvariantCulture)),
                new BookStackTag(DigestTag, PageDigest.Of(plan.Name, plan.Markdown)),
            };
            // A person's own tags on the board page stay.
            if (plan.Existing is not null) tags.AddRange(plan.Existing.Tags.Where(t => t.Name != BoardTag && t.Name != DigestTag));
            var payload = new PagePayload { Name = plan.Name, Markdown = plan.Markdown, Tags = tags };
            if (plan.Existing is BookStackPage page)
            {
                var updated = _client.UpdatePage(page.Id, payload);
                return new PublishedBoard(PublishAction.Updated, updated, PageUrl(updated.Id), plan.Content);
            }
            payload.BookId = bookId;
            var created = _client.CreatePage(payload);
            return new PublishedBoard(PublishAction.Created, created, PageUrl(created.Id), plan.Content);
        }

        internal static string ChangedMessage(BookStackPage page) =>
            $"The board page {page.Id} '{page.Name}' was changed in BookStack{(page.UpdatedByName is string who ? " by " + who : "")}{(page.UpdatedAt is DateTimeOffset at ? " at " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "")}, "
            + "so it was not overwritten. The board is made from the postmortems: make the change in the postmortem the item belongs to. -Force writes the board over the change (BookStack keeps it in the page's revisions).";

        // The board of this book: the page in it with the board tag for this book; the oldest if there are several.
        private BookStackPage? FindBoard(int bookId)
        {
            var value = bookId.ToString(CultureInfo.InvariantCulture);
            var hit = _client.SearchPagesByTag(BoardTag, value).Where(h => h.BookId == bookId).OrderBy(h => h.Id).FirstOrDefault();
            return hit is null ? null : _client.GetPage(hit.Id);
        }
    }
}
