using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Postmortems.Rendering;

namespace Postmortems.BookStack
{
    public enum PageFormat
    {
        Markdown,
        Html,
    }

    public enum PublishAction
    {
        Created,
        Updated,
    }

    /// <summary>Where to publish: a book, a chapter by id, or a chapter of a book by name (made when missing).</summary>
    public sealed class PublishTarget
    {
        private PublishTarget(int? bookId, int? chapterId, string? chapterName)
        {
            BookId = bookId;
            ChapterId = chapterId;
            ChapterName = chapterName;
        }

        public int? BookId { get; }

        public int? ChapterId { get; }

        public string? ChapterName { get; }

        public static PublishTarget Book(int bookId) => new PublishTarget(bookId, null, null);

        public static PublishTarget Chapter(int chapterId) => new PublishTarget(null, chapterId, null);

        public static PublishTarget ChapterOfBook(int bookId, string chapterName) => new PublishTarget(bookId, null, chapterName);

        public override string ToString() =>
            ChapterId is int chapter ? $"chapter {chapter}" : ChapterName is string name ? $"chapter '{name}' of book {BookId}" : $"book {BookId}";
    }

    /// <summary>The page a publish made or updated.</summary>
    public sealed class PublishedPage
    {
        public int Id { get; internal set; }

        public string Name { get; internal set; } = string.Empty;

        public int BookId { get; internal set; }

        /// <summary>Null for a page directly in a book.</summary>
        public int? ChapterId { get; internal set; }

        /// <summary>The /link/{id} address, which keeps working when the page is renamed.</summary>
        public Uri Url { get; internal set; } = null!;

        public int Revision { get; internal set; }

        public PublishAction Action { get; internal set; }

        public Guid PostmortemId { get; internal set; }

        public override string ToString() => $"{Action} {Name} ({Url})";
    }

    /// <summary>
    /// What a publish will do, worked out with reads only: the page's name, content and tags, the chapter to make (if
    /// any) and the page to update (if one exists). Nothing is written until <see cref="PostmortemPublisher.Execute"/>.
    /// </summary>
    public sealed class PublishPlan
    {
        internal PublishPlan(Postmortem postmortem, PublishTarget target, string pageName, PagePayload payload)
        {
            Postmortem = postmortem;
            Target = target;
            PageName = pageName;
            Payload = payload;
        }

        public Postmortem Postmortem { get; }

        public PublishTarget Target { get; }

        public string PageName { get; }

        /// <summary>The chapter the page goes into, when it exists already.</summary>
        public int? ChapterId { get; internal set; }

        /// <summary>A chapter of this name is to be made in the book first.</summary>
        public string? ChapterToCreate { get; internal set; }

        /// <summary>The page to update; null when a new page is to be made.</summary>
        public BookStackPage? ExistingPage { get; internal set; }

        /// <summary>How the existing page was found: by the identity tag or by its name.</summary>
        public string? FoundBy { get; internal set; }

        public PagePayload Payload { get; }

        public PublishAction Action => ExistingPage is null ? PublishAction.Created : PublishAction.Updated;

        /// <summary>What the plan does, for -WhatIf and -Confirm.</summary>
        public string Describe()
        {
            var content = Payload.Markdown is not null ? $"markdown, {Payload.Markdown.Length} characters" : $"HTML, {Payload.Html!.Length} characters";
            var tags = string.Join(", ", Payload.Tags!.Select(t => t.ToString()));
            var where = ChapterToCreate is not null ? $"a new chapter '{ChapterToCreate}' (to be created) of book {Target.BookId}" : Target.ToString();
            return ExistingPage is not null
                ? $"Update page {ExistingPage.Id} '{ExistingPage.Name}' (found by {FoundBy}) as '{PageName}' ({content}; tags {tags})"
                : $"Create page '{PageName}' in {where} ({content}; tags {tags})";
        }
    }

    /// <summary>
    /// Publishes a postmortem as the seed asks ("Save to BookStack ... named Postmortem YYYY-MM-DD: &lt;title&gt;"): one
    /// page per postmortem, found again by an identity tag holding the postmortem's id, so publishing twice (also after
    /// the title changed) updates the same page.
    /// </summary>
    public sealed class PostmortemPublisher
    {
        public const string IdentityTag = "postmortem-id";

        /// <summary>What BookStack stores of a page name and a tag value (varchar(191)).</summary>
        public const int MaxStoredLength = 191;

        private readonly BookStackClient _client;

        public PostmortemPublisher(BookStackClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

        /// <summary>The seed's page name, "Postmortem YYYY-MM-DD: title", cut to what BookStack stores without splitting a character.</summary>
        public static string PageName(Postmortem postmortem)
        {
            if (postmortem.Date is not DateTime date)
            {
                throw new InvalidOperationException($"The postmortem '{postmortem.Title}' has no Date, and the page is named \"Postmortem YYYY-MM-DD: <title>\". Set it first: Set-Postmortem -Date 2026-11-20.");
            }
            return Shorten("Postmortem " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + postmortem.Title, MaxStoredLength);
        }

        /// <summary>Cuts text to at most <paramref name="max"/> characters as a database counts them (code points), at a text-element boundary, ending in '…' when cut.</summary>
        public static string Shorten(string text, int max)
        {
            if (CodePoints(text) <= max) return text;
            var elements = StringInfo.GetTextElementEnumerator(text);
            var result = new StringBuilder();
            int points = 0;
            while (elements.MoveNext())
            {
                var element = (string)elements.Current;
                int size = CodePoints(element);
                if (points + size > max - 1) break;
                result.Append(element);
                points += size;
            }
            return result.ToString().TrimEnd() + "…";
        }

        public static List<BookStackTag> Tags(Postmortem postmortem, IEnumerable<BookStackTag>? extra)
        {
            var tags = new List<BookStackTag> { new BookStackTag("postmortem", string.Empty) };
            if (postmortem.Severity is Severity severity) tags.Add(new BookStackTag("severity", severity.ToString()));
            if (postmortem.Status is IncidentStatus status) tags.Add(new BookStackTag("status", status.ToString()));
            tags.Add(new BookStackTag("state", postmortem.State.ToString()));
            tags.Add(new BookStackTag(IdentityTag, postmortem.Id.ToString("D")));
            foreach (var tag in extra ?? Enumerable.Empty<BookStackTag>())
            {
                var name = tag.Name.Trim();
                if (name.Length == 0 || tags.Any(t => t.Name == name && t.Value == tag.Value.Trim())) continue;
                tags.Add(new BookStackTag(Shorten(name, MaxStoredLength), Shorten(tag.Value.Trim(), MaxStoredLength)));
            }
            return tags;
        }

        /// <summary>Works out what to do with reads only: at most a chapter lookup, a tag search and a name lookup.</summary>
        public PublishPlan Plan(Postmortem postmortem, PublishTarget target, PageFormat format, IEnumerable<BookStackTag>? extraTags = null, bool timelineChart = true)
        {
            var name = PageName(postmortem);
            // The chart goes inline: BookStack keeps inline SVG in markdown and HTML, and its image gallery takes no SVG,
            // so a re-publish replaces the chart with the page and nothing piles up.
            var markdown = format == PageFormat.Markdown ? PostmortemMarkdown.Render(postmortem) : null;
            if (markdown is not null && timelineChart) markdown = PostmortemMarkdown.WithTimelineChart(markdown, postmortem);
            var payload = new PagePayload
            {
                Name = name,
                Markdown = markdown,
                Html = format == PageFormat.Html ? PostmortemHtml.RenderFragment(postmortem, timelineChart) : null,
                Tags = Tags(postmortem, extraTags),
            };
            var plan = new PublishPlan(postmortem, target, name, payload) { ChapterId = target.ChapterId };
            if (target.ChapterName is string chapterName)
            {
                var chapter = _client.FindChapters(target.BookId!.Value, chapterName).OrderBy(c => c.Id).FirstOrDefault();
                if (chapter is null) plan.ChapterToCreate = chapterName;
                else plan.ChapterId = chapter.Id;
            }
            if (plan.ChapterToCreate is null) FindExisting(plan);
            return plan;
        }

        /// <summary>Carries out a plan: makes the chapter if needed, then creates or updates the page.</summary>
        public PublishedPage Execute(PublishPlan plan)
        {
            if (plan.ChapterToCreate is string chapterName)
            {
                plan.ChapterId = _client.CreateChapter(plan.Target.BookId!.Value, chapterName).Id;
                plan.ChapterToCreate = null;
            }
            var payload = plan.Payload;
            if (plan.ExistingPage is BookStackPage existing)
            {
                // An update keeps the page where it is: sending book_id or chapter_id would move it.
                try
                {
                    return Result(_client.UpdatePage(existing.Id, payload), PublishAction.Updated, plan);
                }
                catch (BookStackException ex) when (ex.OutcomeUnknown)
                {
                    // Sending the same content to the same page again cannot make a second page.
                    _client.Log?.Invoke($"{ex.Message} Sending the same update to page {existing.Id} once more.");
                    return Result(_client.UpdatePage(existing.Id, payload), PublishAction.Updated, plan);
                }
            }
            if (plan.ChapterId is int chapter) payload.ChapterId = chapter;
            else payload.BookId = plan.Target.BookId;
            try
            {
                return Result(_client.CreatePage(payload), PublishAction.Created, plan);
            }
            catch (BookStackException ex) when (ex.OutcomeUnknown)
            {
                // The create may have arrived. Look before writing again, so a retry never makes a second page.
                _client.Log?.Invoke($"{ex.Message} Looking the page up before trying again.");
                var arrived = _client.SearchPagesByTag(IdentityTag, plan.Postmortem.Id.ToString("D")).FirstOrDefault(h => InTarget(h.BookId, h.ChapterId, plan));
                if (arrived is not null)
                {
                    var page = new BookStackPage { Id = arrived.Id, BookId = arrived.BookId, ChapterId = arrived.ChapterId, Name = arrived.Name, RevisionCount = 1 };
                    return Result(page, PublishAction.Created, plan);
                }
                return Result(_client.CreatePage(payload), PublishAction.Created, plan);
            }
        }

        private void FindExisting(PublishPlan plan)
        {
            var id = plan.Postmortem.Id.ToString("D");
            var byTag = _client.SearchPagesByTag(IdentityTag, id).Where(h => InTarget(h.BookId, h.ChapterId, plan)).OrderBy(h => h.Id).FirstOrDefault();
            if (byTag is not null)
            {
                plan.ExistingPage = new BookStackPage { Id = byTag.Id, BookId = byTag.BookId, ChapterId = byTag.ChapterId, Name = byTag.Name, Tags = byTag.Tags };
                plan.FoundBy = $"its {IdentityTag} tag";
                return;
            }
            var byName = _client.FindPages(plan.ChapterId is null ? plan.Target.BookId : null, plan.ChapterId, plan.PageName).OrderBy(p => p.Id).FirstOrDefault();
            if (byName is not null)
            {
                plan.ExistingPage = byName;
                plan.FoundBy = "its name";
            }
        }

        // A book holds its chapters: a page of this postmortem moved into a chapter of the target book is still in it.
        private static bool InTarget(int bookId, int chapterId, PublishPlan plan) =>
            plan.ChapterId is int chapter ? chapterId == chapter : bookId == plan.Target.BookId;

        private PublishedPage Result(BookStackPage page, PublishAction action, PublishPlan plan) => new PublishedPage
        {
            Id = page.Id,
            Name = page.Name,
            BookId = page.BookId,
            ChapterId = page.ChapterId == 0 ? (int?)null : page.ChapterId,
            Url = new Uri(_client.Connection.BaseUri, "link/" + page.Id.ToString(CultureInfo.InvariantCulture)),
            Revision = page.RevisionCount,
            Action = action,
            PostmortemId = plan.Postmortem.Id,
        };

        private static int CodePoints(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                count++;
            }
            return count;
        }
    }
}
