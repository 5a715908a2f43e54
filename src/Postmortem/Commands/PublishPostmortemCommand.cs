using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Postmortems.BookStack;

namespace Postmortems.Commands
{
    /// <summary>
    /// Publishes postmortems to BookStack as pages named "Postmortem YYYY-MM-DD: title", creating the page or updating
    /// the one already published for the same postmortem (found by its postmortem-id tag, else by name). With -Audience
    /// External, the external version goes to a page of its own, "Incident report YYYY-MM-DD: title", once it is
    /// complete, free of internal detail and approved as it stands; neither page's record touches the other.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "Postmortem", SupportsShouldProcess = true, DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(PublishedPage))]
    public sealed class PublishPostmortemCommand : BookStackInputCommand
    {
        private PublishTarget _target = null!;
        private List<BookStackTag>? _tags;

        /// <summary>The book to publish into (the guide's homelab book is 79).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int BookId { get; set; }

        /// <summary>A chapter of -BookId by name, such as Postmortems; made when missing.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Chapter { get; set; }

        /// <summary>The chapter to publish into, by id.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ChapterId { get; set; }

        /// <summary>Markdown (default: the page stays editable in BookStack's markdown editor) or Html.</summary>
        [Parameter]
        public PageFormat Format { get; set; } = PageFormat.Markdown;

        /// <summary>Leave out the timeline chart (an inline SVG above the Timeline table).</summary>
        [Parameter]
        public SwitchParameter NoTimelineChart { get; set; }

        /// <summary>More tags, as name=value or name. Kept with the postmortem: the next publish without -Tag sets them again.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>
        /// Publish even a work postmortem that is not final, one in which a secret was found, or over a page someone else
        /// changed since the last publish (BookStack keeps the replaced version in the page's revisions).
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Internal (the postmortem's page, the default) or External (the page of its external version, often in another book).</summary>
        [Parameter]
        public Audience Audience { get; set; }

        /// <summary>The team's settings file, whose External = @{ PublicHosts = ...; People = ... } the check of the external version uses.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private Rules.ExternalSettings? _external;

        protected override void BeginProcessing()
        {
            if (Audience == Audience.External)
            {
                if (NoTimelineChart) ExternalErrors.RefuseOption(this, "-NoTimelineChart has no meaning for the external version, which never shows the timeline. Leave it out.");
                _external = RuleSelection.LoadSettings(this, Settings).External;
            }
            var bound = MyInvocation.BoundParameters;
            bool book = bound.ContainsKey(nameof(BookId)), chapter = bound.ContainsKey(nameof(ChapterId));
            if (!book && !chapter)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Say where to publish: -BookId 79 (and -Chapter Postmortems for a chapter by name), or -ChapterId 7. $PSDefaultParameterValues['Publish-Postmortem:BookId'] = 79 sets a default."),
                    ErrorIds.PostmortemNotPublishable, ErrorCategory.InvalidArgument, null));
            }
            if (chapter && Chapter is not null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Give the chapter by -ChapterId or by -Chapter name (with -BookId), not both."),
                    ErrorIds.PostmortemNotPublishable, ErrorCategory.InvalidArgument, null));
            }
            // As in BookStack's API, a chapter wins over a book; a default -BookId does not stand in the way of -ChapterId.
            _target = chapter ? PublishTarget.Chapter(ChapterId) : Chapter is not null ? PublishTarget.ChapterOfBook(BookId, Chapter) : PublishTarget.Book(BookId);
            _tags = Tag is null ? null : ParseTags(Tag);
            ConnectBookStack();
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems()) Publish(postmortem);
        }

        private void Publish(Postmortem postmortem)
        {
            if (Audience == Audience.External)
            {
                // What customers read goes out complete, clean and approved: -Force does not skip any of it.
                try
                {
                    Privacy.ExternalCheck.EnsureReady(postmortem, _external);
                    Privacy.ExternalCheck.EnsureApproved(postmortem);
                }
                catch (Privacy.ExternalVersionException ex)
                {
                    WriteError(ExternalErrors.Record(ex, postmortem));
                    return;
                }
            }
            else if (!Force && postmortem.Context == IncidentContext.Work && postmortem.State != DocumentState.Final)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"'{postmortem.Title}' is a work postmortem in state {postmortem.State}, and work postmortems are published once final: have it reviewed (Submit-PostmortemReview, Approve-Postmortem), then Complete-Postmortem. -Force publishes it as it is."),
                    ErrorIds.PostmortemNotFinal, ErrorCategory.InvalidOperation, postmortem));
                return;
            }
            var secrets = Audience == Audience.External ? new List<Privacy.SecretFinding>() : Privacy.SecretScanner.Scan(postmortem);
            if (!Force && secrets.Count > 0)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"'{postmortem.Title}' holds what looks like a secret ({string.Join("; ", secrets.Take(3).Select(f => $"a {f.Kind} in {f.Field}"))}{(secrets.Count > 3 ? "; ..." : "")}), so it was not sent. Run Protect-Postmortem to redact it (and rotate the credential), or -Force if it is no secret."),
                    ErrorIds.PostmortemContainsSecrets, ErrorCategory.SecurityError, postmortem));
                return;
            }
            var publisher = new PostmortemPublisher(Client);
            PublishPlan plan;
            try
            {
                plan = publisher.Plan(postmortem, _target, Format, _tags, !NoTimelineChart, Audience);
            }
            catch (InvalidOperationException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.PostmortemNotPublishable, ErrorCategory.InvalidData, postmortem));
                return;
            }
            catch (BookStackException ex)
            {
                WriteError(BookStackErrors.Record(ex, postmortem));
                return;
            }
            if (plan.ChangedByOthers is PageChange change && !Force)
            {
                // Refused before ShouldProcess, so -WhatIf gives the same verdict.
                WriteError(new ErrorRecord(
                    new BookStackException(BookStackErrorKind.PageChanged, null, PostmortemPublisher.ChangedMessage(change, Audience)),
                    ErrorIds.BookStackPageChanged, ErrorCategory.InvalidOperation, postmortem));
                return;
            }
            var description = plan.Describe();
            if (!ShouldProcess(description, description + "?", "Publish-Postmortem")) return;
            PublishedPage published;
            try
            {
                published = publisher.Execute(plan, overwrite: Force);
            }
            catch (BookStackException ex)
            {
                WriteError(BookStackErrors.Record(ex, postmortem));
                return;
            }
            if (published.Overwrote is PageChange overwritten)
            {
                WriteWarning($"Overwrote the change {overwritten.ChangedBy} made to page {published.Id} at {overwritten.When}. BookStack keeps the replaced version: open the page's Revisions to see or restore it.");
            }
            SaveRecord(this, postmortem, "The page was published");
            WriteObject(published);
        }

        /// <summary>
        /// A postmortem read from a file takes its publication record back there, so the next publish (also from a
        /// teammate's clone) knows the page, and a merge has its base. A file changed on disk since it was read is
        /// left alone, with a warning.
        /// </summary>
        internal static void SaveRecord(PSCmdlet cmdlet, Postmortem postmortem, string done)
        {
            if (postmortem.SourcePath is not string path) return;
            try
            {
                Serialization.PostmortemFile.Save(postmortem);
                cmdlet.WriteVerbose($"Saved '{postmortem.Title}' with its publication record to {path}.");
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException)
            {
                cmdlet.WriteWarning($"{done}, but '{path}' was not updated: {ex.Message} Until it is, the next publish cannot tell your last publish from a teammate's edit.");
            }
        }

        private List<BookStackTag> ParseTags(string[]? tags)
        {
            var result = new List<BookStackTag>();
            foreach (var tag in tags ?? Array.Empty<string>())
            {
                var parsed = BookStackTag.Parse(tag);
                if (parsed.Name.Length == 0)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException($"The tag '{tag}' has no name. Write tags as name=value or name, for example -Tag team=platform, homelab."),
                        ErrorIds.PostmortemNotPublishable, ErrorCategory.InvalidArgument, tag));
                }
                result.Add(parsed);
            }
            return result;
        }
    }
}
