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
        /// <summary>The page already held this postmortem: nothing was written, so no empty revision was added.</summary>
        Unchanged,
    }

    /// <summary>A change to the page made by someone else since it was last published from this draft.</summary>
    public sealed class PageChange
    {
        internal PageChange(BookStackPage page, bool recorded)
        {
            PageId = page.Id;
            PageName = page.Name;
            ChangedBy = page.UpdatedByName ?? (page.UpdatedById > 0 ? "user " + page.UpdatedById.ToString(CultureInfo.InvariantCulture) : "someone");
            ChangedById = page.UpdatedById;
            ChangedAt = page.UpdatedAt;
            Recorded = recorded;
        }

        public int PageId { get; }

        public string PageName { get; }

        public string ChangedBy { get; }

        public int ChangedById { get; }

        public DateTimeOffset? ChangedAt { get; }

        /// <summary>Whether the draft recorded its last publish; without a record, a page last changed by another user than its creator counts as changed.</summary>
        public bool Recorded { get; }

        public string When => ChangedAt is DateTimeOffset at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "at a time BookStack did not say";

        public string Describe() => Recorded
            ? $"The page '{PageName}' (page {PageId}) was changed in BookStack by {ChangedBy} at {When}, after it was last published from this draft"
            : $"The page '{PageName}' (page {PageId}) was last changed in BookStack by {ChangedBy} at {When}, who did not create it, and this draft has no record of publishing it";
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

        /// <summary>The page was moved to the book or chapter asked for.</summary>
        public bool Moved { get; internal set; }

        /// <summary>Someone else's change that -Force overwrote (BookStack keeps it in the page's revisions); null when none was.</summary>
        public PageChange? Overwrote { get; internal set; }

        public Guid PostmortemId { get; internal set; }

        public override string ToString() => $"{Action} {Name} ({Url})";
    }

    /// <summary>
    /// What a publish will do, worked out with reads only: the page's name, content and tags, the chapter to make (if
    /// any), the page to update (if one exists), whether someone else changed it since our last publish, and whether
    /// anything needs writing at all. Nothing is written until <see cref="PostmortemPublisher.Execute"/>.
    /// </summary>
    public sealed class PublishPlan
    {
        internal PublishPlan(Postmortem postmortem, PublishTarget target, string pageName, PagePayload payload, PageFormat format, List<string> extraTags, Audience audience = Audience.Internal)
        {
            Audience = audience;
            Postmortem = postmortem;
            Target = target;
            PageName = pageName;
            Payload = payload;
            Format = format;
            ExtraTags = extraTags;
        }

        public Postmortem Postmortem { get; }

        /// <summary>Internal: the postmortem's page. External: the page of its external version, a page of its own.</summary>
        public Audience Audience { get; }

        public PublishTarget Target { get; }

        public string PageName { get; }

        public PageFormat Format { get; }

        /// <summary>The chapter the page goes into, when it exists already.</summary>
        public int? ChapterId { get; internal set; }

        /// <summary>A chapter of this name is to be made in the book first.</summary>
        public string? ChapterToCreate { get; internal set; }

        /// <summary>The page to update, as BookStack has it now; null when a new page is to be made.</summary>
        public BookStackPage? ExistingPage { get; internal set; }

        /// <summary>How the existing page was found: by the draft's publication record, the identity tag or its name.</summary>
        public string? FoundBy { get; internal set; }

        /// <summary>Someone else changed the page since our last publish; writing would overwrite it.</summary>
        public PageChange? ChangedByOthers { get; internal set; }

        /// <summary>The page is to move to the target book or chapter.</summary>
        public bool Moves { get; internal set; }

        /// <summary>The page's name or content differs from what is to be sent.</summary>
        public bool ContentChanges { get; internal set; }

        /// <summary>The page's tags differ from the tags it is to have.</summary>
        public bool TagsChange { get; internal set; }

        /// <summary>Tags others added on the page: they stay.</summary>
        public IReadOnlyList<BookStackTag> KeptTags { get; internal set; } = new List<BookStackTag>();

        /// <summary>The tags given with -Tag (or kept from the last publish), recorded for the next.</summary>
        public IReadOnlyList<string> ExtraTags { get; }

        /// <summary>What is to be sent. Content, tags and parent are left out of an update that does not change them.</summary>
        public PagePayload Payload { get; }

        public PublishAction Action => ExistingPage is null ? PublishAction.Created : ContentChanges || TagsChange || Moves ? PublishAction.Updated : PublishAction.Unchanged;

        /// <summary>What the plan does, for -WhatIf and -Confirm.</summary>
        public string Describe()
        {
            var content = Payload.Markdown is not null ? $"markdown, {Payload.Markdown.Length} characters" : $"HTML, {Payload.Html!.Length} characters";
            var tags = string.Join(", ", Payload.Tags!.Select(t => t.ToString()));
            var where = ChapterToCreate is not null ? $"a new chapter '{ChapterToCreate}' (to be created) of book {Target.BookId}" : Target.ToString();
            if (ExistingPage is not BookStackPage page) return $"Create page '{PageName}' in {where} ({content}; tags {tags})";
            if (Action == PublishAction.Unchanged) return $"Leave page {page.Id} '{page.Name}' (found by {FoundBy}) as it is: it already holds this {(Audience == Audience.External ? "external version" : "postmortem")}";
            var what = new List<string>();
            if (ContentChanges) what.Add(content);
            if (TagsChange) what.Add("tags " + tags);
            if (Moves) what.Add("moved to " + where);
            var overwrite = ChangedByOthers is PageChange change ? $", overwriting the change {change.ChangedBy} made at {change.When}" : string.Empty;
            return $"Update page {page.Id} '{page.Name}' (found by {FoundBy}) as '{PageName}' ({string.Join("; ", what)}){overwrite}";
        }
    }

    /// <summary>
    /// Publishes a postmortem as the guide asks ("Save to BookStack ... named Postmortem YYYY-MM-DD: &lt;title&gt;"): one
    /// page per postmortem, found again by an identity tag holding the postmortem's id, so publishing twice (also after
    /// the title changed) updates the same page.
    /// </summary>
    public sealed class PostmortemPublisher
    {
        public const string IdentityTag = "postmortem-id";

        /// <summary>The tag that finds a postmortem's external page again: its own, so neither page is ever taken for the other.</summary>
        public const string ExternalIdentityTag = "postmortem-external-id";

        /// <summary>The tag that marks an external page as what it is, for the wiki's tag search.</summary>
        public const string ExternalTag = "incident-report";

        private static string IdentityTagOf(Audience audience) => audience == Audience.External ? ExternalIdentityTag : IdentityTag;

        /// <summary>A page's /link/{id} address, which survives renames and moves.</summary>
        public static Uri PageLink(Uri server, int pageId) => new Uri(server, "link/" + pageId.ToString(CultureInfo.InvariantCulture));

        /// <summary>What BookStack stores of a page name and a tag value (varchar(191)).</summary>
        public const int MaxStoredLength = 191;

        private readonly BookStackClient _client;

        public PostmortemPublisher(BookStackClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

        /// <summary>The guide's page name, "Postmortem YYYY-MM-DD: title", cut to what BookStack stores without splitting a character.</summary>
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

        /// <summary>The tags the module sets on its pages; others' tags with these names are the module's too.</summary>
        private static readonly HashSet<string> OwnTagNames = new HashSet<string>(StringComparer.Ordinal) { "postmortem", "severity", "status", "state", IdentityTag };

        /// <summary>The tags the module sets on an external page.</summary>
        private static readonly HashSet<string> OwnExternalTagNames = new HashSet<string>(StringComparer.Ordinal) { ExternalTag, ExternalIdentityTag };

        /// <summary>
        /// The external page's tags: what it is and the postmortem it was written from, nothing of the internal review
        /// (severity, status, state), and those given with -Tag.
        /// </summary>
        public static List<BookStackTag> ExternalTags(Postmortem postmortem, IEnumerable<BookStackTag>? extra)
        {
            var tags = new List<BookStackTag> { new BookStackTag(ExternalTag, string.Empty), new BookStackTag(ExternalIdentityTag, postmortem.Id.ToString("D")) };
            foreach (var tag in extra ?? Enumerable.Empty<BookStackTag>())
            {
                var name = tag.Name.Trim();
                if (name.Length == 0 || tags.Any(t => t.Name == name && t.Value == tag.Value.Trim())) continue;
                tags.Add(new BookStackTag(Shorten(name, MaxStoredLength), Shorten(tag.Value.Trim(), MaxStoredLength)));
            }
            return tags;
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

        /// <summary>
        /// Works out what to do with reads only. The page is looked for by the draft's publication record, then by the
        /// identity tag anywhere (so a new -BookId or -Chapter moves it), then by name in the target; it is read whole
        /// to tell whether anyone else changed it since our last publish and whether anything needs writing.
        /// </summary>
        /// <param name="extraTags">Tags given with -Tag; null keeps those recorded at the last publish.</param>
        /// <param name="audience">External publishes the external version to a page of its own (<see cref="ExternalReport"/>), recorded
        /// apart from the internal page; whether it may be published is the caller's to check (<see cref="Privacy.ExternalCheck"/>).</param>
        public PublishPlan Plan(Postmortem postmortem, PublishTarget target, PageFormat format, IEnumerable<BookStackTag>? extraTags = null, bool timelineChart = true, Audience audience = Audience.Internal)
        {
            if (audience == Audience.External) return PlanExternal(postmortem, target, format, extraTags);
            var name = PageName(postmortem);
            var record = RecordFor(postmortem);
            var extras = extraTags?.ToList() ?? record?.Tags.Select(BookStackTag.Parse).ToList() ?? new List<BookStackTag>();
            // The chart goes inline: BookStack keeps inline SVG in markdown and HTML, and its image gallery takes no SVG,
            // so a re-publish replaces the chart with the page and nothing piles up.
            // The page's name is its title, so the body starts below it (BookStack would show the title twice).
            // BookStack's stylesheet knows nothing of the module's tables, so dates are written not to wrap.
            var markdown = format == PageFormat.Markdown
                ? PostmortemMarkdown.Render(postmortem, new MarkdownOptions { TitleHeading = false, TimelineChart = timelineChart, UnbreakableDates = true })
                : null;
            var payload = new PagePayload
            {
                Name = name,
                Markdown = markdown,
                Html = format == PageFormat.Html ? PostmortemHtml.RenderFragment(postmortem, new MarkdownOptions { TitleHeading = false, UnbreakableDates = true }, timelineChart) : null,
                Tags = Tags(postmortem, extras),
            };
            var plan = new PublishPlan(postmortem, target, name, payload, format, extras.Select(t => t.ToString()).ToList()) { ChapterId = target.ChapterId };
            return Locate(plan, target, record);
        }

        // The external page: the external version alone, named "Incident report YYYY-MM-DD: title", found by its own tag.
        private PublishPlan PlanExternal(Postmortem postmortem, PublishTarget target, PageFormat format, IEnumerable<BookStackTag>? extraTags)
        {
            var name = ExternalReport.PageName(postmortem);
            var record = RecordFor(postmortem, Audience.External);
            var extras = extraTags?.ToList() ?? record?.Tags.Select(BookStackTag.Parse).ToList() ?? new List<BookStackTag>();
            var payload = new PagePayload
            {
                Name = name,
                Markdown = format == PageFormat.Markdown ? ExternalReport.Markdown(postmortem, titleHeading: false) : null,
                Html = format == PageFormat.Html ? ExternalReport.HtmlFragment(postmortem, titleHeading: false) : null,
                Tags = ExternalTags(postmortem, extras),
            };
            var plan = new PublishPlan(postmortem, target, name, payload, format, extras.Select(t => t.ToString()).ToList(), Audience.External) { ChapterId = target.ChapterId };
            return Locate(plan, target, record);
        }

        // Where a plan's page goes and what stands there now, for either page: the chapter named (made if missing), the
        // page its record or tag finds, and whether someone changed it since.
        private PublishPlan Locate(PublishPlan plan, PublishTarget target, Publication? record)
        {
            if (target.ChapterName is string chapterName)
            {
                var chapter = _client.FindChapters(target.BookId!.Value, chapterName).OrderBy(c => c.Id).FirstOrDefault();
                if (chapter is null) plan.ChapterToCreate = chapterName;
                else plan.ChapterId = chapter.Id;
            }
            FindExisting(plan, record);
            if (plan.ExistingPage is BookStackPage page) Compare(plan, page, record);
            return plan;
        }

        /// <summary>
        /// Carries out a plan: makes the chapter if needed, then creates, updates or moves the page, and records the
        /// publication on the postmortem. A page someone else changed is overwritten only with <paramref name="overwrite"/>.
        /// </summary>
        public PublishedPage Execute(PublishPlan plan, bool overwrite = false)
        {
            if (plan.ChangedByOthers is PageChange change && !overwrite)
            {
                throw new BookStackException(BookStackErrorKind.PageChanged, null, ChangedMessage(change, plan.Audience));
            }
            if (plan.Action == PublishAction.Unchanged)
            {
                return Record(plan, plan.ExistingPage!, PublishAction.Unchanged);
            }
            if (plan.ChapterToCreate is string chapterName)
            {
                plan.ChapterId = _client.CreateChapter(plan.Target.BookId!.Value, chapterName).Id;
                plan.ChapterToCreate = null;
            }
            var payload = plan.Payload;
            if (plan.ExistingPage is BookStackPage existing)
            {
                // An update sends only what changes: the content, the tags, the parent (which moves the page).
                var update = new PagePayload
                {
                    Name = plan.ContentChanges ? payload.Name : null,
                    Markdown = plan.ContentChanges ? payload.Markdown : null,
                    Html = plan.ContentChanges ? payload.Html : null,
                    Tags = plan.TagsChange ? payload.Tags!.Concat(plan.KeptTags).ToList() : null,
                };
                if (plan.Moves)
                {
                    if (plan.ChapterId is int chapterId) update.ChapterId = chapterId;
                    else update.BookId = plan.Target.BookId;
                }
                BookStackPage written;
                try
                {
                    written = _client.UpdatePage(existing.Id, update);
                }
                catch (BookStackException ex) when (ex.OutcomeUnknown)
                {
                    // Sending the same content to the same page again cannot make a second page.
                    _client.Log?.Invoke($"{ex.Message} Sending the same update to page {existing.Id} once more.");
                    written = _client.UpdatePage(existing.Id, update);
                }
                var result = Record(plan, written, PublishAction.Updated);
                result.Moved = plan.Moves;
                result.Overwrote = plan.ChangedByOthers;
                return result;
            }
            if (plan.ChapterId is int chapter) payload.ChapterId = chapter;
            else payload.BookId = plan.Target.BookId;
            try
            {
                return Record(plan, _client.CreatePage(payload), PublishAction.Created);
            }
            catch (BookStackException ex) when (ex.OutcomeUnknown)
            {
                // The create may have arrived, or may still arrive: BookStack has no idempotency key, so sending it
                // again could make a second page. Look for it instead, until it shows or the wait is over.
                _client.Log?.Invoke($"{ex.Message} Looking for the page before anything else.");
                if (ex.StatusCode is int)
                {
                    // BookStack answered (a 5xx, or an answer cut off), so the request is over: the page is there now
                    // or it never will be, and one look tells which.
                    var made = FindInTarget(plan);
                    return Record(plan, made ?? _client.CreatePage(payload), PublishAction.Created);
                }
                return Record(plan, FindCreated(plan, ex), PublishAction.Created);
            }
        }

        private BookStackPage? FindInTarget(PublishPlan plan)
        {
            var hit = _client.SearchPagesByTag(IdentityTagOf(plan.Audience), plan.Postmortem.Id.ToString("D")).Where(h => InTarget(h.BookId, h.ChapterId, plan)).OrderBy(h => h.Id).FirstOrDefault();
            return hit is null ? null : _client.GetPage(hit.Id);
        }

        /// <summary>
        /// The page a create whose answer never came made, looked for by its identity tag with growing waits; when it
        /// does not show within the policy's time, an error that says the outcome is unknown and a new run is safe.
        /// </summary>
        private BookStackPage FindCreated(PublishPlan plan, BookStackException failure)
        {
            var waited = TimeSpan.Zero;
            var wait = _client.Policy.FirstBackoff;
            while (true)
            {
                if (FindInTarget(plan) is BookStackPage arrived) return arrived;
                if (waited >= _client.Policy.ConfirmCreateFor) break;
                if (waited + wait > _client.Policy.ConfirmCreateFor) wait = _client.Policy.ConfirmCreateFor - waited;
                _client.Log?.Invoke($"The page is not there yet; looking again in {wait.TotalSeconds:0.#} s.");
                _client.Sleep(wait, _client.CancellationToken);
                waited += wait;
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(8).Ticks));
            }
            throw new BookStackException(BookStackErrorKind.Unavailable, failure.StatusCode,
                $"{failure.Message} The page '{plan.PageName}' has not appeared in {waited.TotalSeconds:0} s of looking, so it was not sent again (that could make a second page). " +
                $"Running Publish-Postmortem again is safe once BookStack answers: it finds the page by its {IdentityTagOf(plan.Audience)} tag if the create went through, and creates it if not.",
                outcomeUnknown: true, inner: failure);
        }

        internal static string ChangedMessage(PageChange change, Audience audience = Audience.Internal) => audience == Audience.External
            ? $"{change.Describe()}, so it was not overwritten. Carry the change into the external version (Set-Postmortem -ExternalSummary, -ExternalImpact, -ExternalWhatHappened, -ExternalNextSteps), have it approved again, then publish again; or publish with -Force to overwrite it (BookStack keeps the replaced version in the page's revisions)."
            : $"{change.Describe()}, so it was not overwritten. Bring the change into this draft with Merge-Postmortem (it reads the page and merges it with the draft), then publish again; or publish with -Force to overwrite it (BookStack keeps the replaced version in the page's revisions).";

        /// <summary>The publication record of this postmortem on this server, if it has one.</summary>
        internal Publication? RecordFor(Postmortem postmortem) => RecordFor(postmortem, Audience.Internal);

        /// <summary>The record of the internal page, or of the external one, on this server, if there is one.</summary>
        internal Publication? RecordFor(Postmortem postmortem, Audience audience) =>
            (audience == Audience.External ? postmortem.External.Publication : postmortem.Publication) is Publication record && SameServer(record.Server, _client.Connection.BaseUri) ? record : null;

        internal static bool SameServer(string recorded, Uri server) =>
            Uri.TryCreate(recorded, UriKind.Absolute, out var uri) && Uri.Compare(uri, server, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>Reads a page, or null when BookStack no longer has it (deleted, or hidden from this token).</summary>
        internal BookStackPage? TryGetPage(int id)
        {
            try
            {
                return _client.GetPage(id);
            }
            catch (BookStackException ex) when (ex.Kind == BookStackErrorKind.NotFound && ex.StatusCode == 404)
            {
                return null;
            }
        }

        private void FindExisting(PublishPlan plan, Publication? record)
        {
            var id = plan.Postmortem.Id.ToString("D");
            var tag = IdentityTagOf(plan.Audience);
            if (record is not null && TryGetPage(record.PageId) is BookStackPage recorded && !IsOtherPostmortem(recorded, id, plan.Audience))
            {
                plan.ExistingPage = recorded;
                plan.FoundBy = "the draft's publication record";
                return;
            }
            // Anywhere the token can see: a page of this postmortem outside the target is moved there, not duplicated.
            var hits = _client.SearchPagesByTag(tag, id);
            var byTag = hits.Where(h => InTarget(h.BookId, h.ChapterId, plan)).OrderBy(h => h.Id).FirstOrDefault() ?? hits.OrderBy(h => h.Id).FirstOrDefault();
            if (byTag is not null)
            {
                plan.ExistingPage = _client.GetPage(byTag.Id);
                plan.FoundBy = $"its {tag} tag";
                return;
            }
            if (plan.ChapterToCreate is not null) return;
            var byName = _client.FindPages(plan.ChapterId is null ? plan.Target.BookId : null, plan.ChapterId, plan.PageName).OrderBy(p => p.Id).FirstOrDefault();
            if (byName is not null)
            {
                var page = _client.GetPage(byName.Id);
                // A page of the same name that is the other audience's page is not this one; nor, for an external page,
                // another postmortem's.
                if (plan.Audience == Audience.External ? IsOtherPostmortem(page, id, plan.Audience) : page.Tags.Any(t => t.Name == ExternalIdentityTag)) return;
                plan.ExistingPage = page;
                plan.FoundBy = "its name";
            }
        }

        // A page that carries another postmortem's identity, or the other audience's identity tag: the internal page is
        // never taken for the external one, nor the other way round.
        private static bool IsOtherPostmortem(BookStackPage page, string id, Audience audience)
        {
            var tag = IdentityTagOf(audience);
            var other = IdentityTagOf(audience == Audience.External ? Audience.Internal : Audience.External);
            return page.Tags.Any(t => t.Name == other) || (page.Tags.Any(t => t.Name == tag) && !page.Tags.Any(t => t.Name == tag && t.Value == id));
        }

        private static void Compare(PublishPlan plan, BookStackPage page, Publication? record)
        {
            var payload = plan.Payload;
            var content = payload.Markdown ?? payload.Html!;
            bool ours = record is not null && record.PageId == page.Id;
            // Whether anyone changed the page's name or content since our write. A tag added, or a write that changed
            // nothing, moves updated_at without changing the content: that is no edit to lose.
            bool changed = ours ? page.ContentDigest != record!.PageDigest : page.UpdatedById != page.CreatedById;
            // BookStack keeps markdown as sent, so it can be compared; HTML it rewrites, so only our own record tells.
            bool same = payload.Markdown is not null && page.Markdown.Length > 0
                ? PageDigest.Of(plan.PageName, content) == page.ContentDigest
                : ours && !changed && record!.Digest == PageDigest.Of(plan.PageName, content);
            plan.ContentChanges = !same;
            if (changed && !same) plan.ChangedByOthers = new PageChange(page, ours);

            // The module owns its own tags and those given with -Tag (now or at the last publish); the rest stay.
            var own = payload.Tags!;
            var previous = new HashSet<string>((record?.Tags ?? new List<string>()).Select(t => BookStackTag.Parse(t).ToString()), StringComparer.Ordinal);
            var ownNames = plan.Audience == Audience.External ? OwnExternalTagNames : OwnTagNames;
            plan.KeptTags = page.Tags
                .Where(t => !ownNames.Contains(t.Name) && !previous.Contains(t.ToString()) && !own.Any(o => o.Name == t.Name && o.Value == t.Value))
                .ToList();
            var wanted = own.Concat(plan.KeptTags).Select(t => t.ToString()).OrderBy(t => t, StringComparer.Ordinal);
            plan.TagsChange = !wanted.SequenceEqual(page.Tags.Select(t => t.ToString()).OrderBy(t => t, StringComparer.Ordinal), StringComparer.Ordinal);

            plan.Moves = plan.ChapterToCreate is not null || !InTarget(page.BookId, page.ChapterId, plan);
        }

        // A book holds its chapters: a page of this postmortem moved into a chapter of the target book is still in it.
        private static bool InTarget(int bookId, int chapterId, PublishPlan plan) =>
            plan.ChapterToCreate is null && (plan.ChapterId is int chapter ? chapterId == chapter : bookId == plan.Target.BookId);

        /// <summary>A publication record of the page as BookStack has it now: where it is, who changed it last and when, its digest.</summary>
        internal static Publication RecordOf(BookStackPage page, Uri server) => new Publication
        {
            Server = server.ToString(),
            PageId = page.Id,
            BookId = page.BookId,
            ChapterId = page.ChapterId == 0 ? (int?)null : page.ChapterId,
            UpdatedAt = page.UpdatedAt ?? DateTimeOffset.UtcNow,
            UpdatedById = page.UpdatedById,
            UpdatedByName = page.UpdatedByName,
            PageDigest = page.ContentDigest,
        };

        /// <summary>The result, and the postmortem's record of it: the page as BookStack answered, and the postmortem as sent.</summary>
        private PublishedPage Record(PublishPlan plan, BookStackPage page, PublishAction action)
        {
            var postmortem = plan.Postmortem;
            var content = plan.Payload.Markdown ?? plan.Payload.Html!;
            var previous = RecordFor(postmortem, plan.Audience);
            var record = RecordOf(page, _client.Connection.BaseUri);
            record.Digest = PageDigest.Of(plan.PageName, content);
            record.Tags.AddRange(plan.ExtraTags);
            if (plan.Audience == Audience.External)
            {
                // No merge reads the external page back, so it keeps no base; the internal page's record is left as it is.
                postmortem.External.Publication = record;
                return Published(page, record, action, postmortem);
            }
            // The base of the next merge: the postmortem as the page now holds it. An unchanged page keeps the base it had.
            record.Base = action == PublishAction.Unchanged && previous?.Base is string kept && previous.PageId == page.Id
                ? kept
                : Serialization.PostmortemYaml.Write(postmortem, withPublication: false);
            postmortem.Publication = record;
            return Published(page, record, action, postmortem);
        }

        private PublishedPage Published(BookStackPage page, Publication record, PublishAction action, Postmortem postmortem)
        {
            return new PublishedPage
            {
                Id = page.Id,
                Name = page.Name,
                BookId = page.BookId,
                ChapterId = record.ChapterId,
                Url = PageLink(_client.Connection.BaseUri, page.Id),
                Revision = page.RevisionCount,
                Action = action,
                PostmortemId = postmortem.Id,
            };
        }

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
