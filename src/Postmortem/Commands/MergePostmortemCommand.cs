using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Postmortems.BookStack;
using Postmortems.Merging;
using Postmortems.Serialization;

namespace Postmortems.Commands
{
    /// <summary>
    /// Brings the edits made to a postmortem's page in BookStack into the local draft: a three-way merge of the page as
    /// last published (the base, kept in the draft), the draft, and the page now. A change made on one side only is
    /// taken; the same thing changed on both sides is a conflict, returned for the person to choose.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "Postmortem", SupportsShouldProcess = true, DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(Postmortem), typeof(MergeConflict))]
    public sealed class MergePostmortemCommand : BookStackInputCommand
    {
        private Dictionary<string, MergeSide> _resolutions = new Dictionary<string, MergeSide>(StringComparer.Ordinal);

        /// <summary>Resolve every conflict by taking this side's version.</summary>
        [Parameter]
        public MergeSide? Prefer { get; set; }

        /// <summary>Resolve conflicts one by one: each key a conflict's Id, each value Local or Wiki.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Resolve { get; set; }

        protected override void BeginProcessing()
        {
            if (Resolve is not null)
            {
                foreach (DictionaryEntry entry in Resolve)
                {
                    var id = entry.Key?.ToString() ?? string.Empty;
                    if (!Enum.TryParse<MergeSide>(entry.Value?.ToString(), ignoreCase: true, out var side) || !Enum.IsDefined(typeof(MergeSide), side))
                    {
                        ThrowTerminatingError(new ErrorRecord(
                            new PSArgumentException($"-Resolve says '{entry.Value}' for the conflict '{id}'; say Local or Wiki, for example -Resolve @{{ '{id}' = 'Wiki' }}."),
                            ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, entry.Value));
                    }
                    _resolutions[id] = side;
                }
            }
            ConnectBookStack();
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems()) Merge(postmortem);
        }

        private void Merge(Postmortem postmortem)
        {
            if (postmortem.IsLocked)
            {
                WriteError(ProtectPostmortemCommand.LockedRecord(postmortem, "merged with its page"));
                return;
            }
            var publisher = new PostmortemPublisher(Client);
            var record = publisher.RecordFor(postmortem);
            if (record is null)
            {
                var where = postmortem.Publication is Publication other ? $"was published to {other.Server}, not to {Client.Connection.BaseUri}" : "has no record of being published";
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"'{postmortem.Title}' {where}, so there is no page to merge with. Publish it with Publish-Postmortem, or read a page with Import-Postmortem -BookStackPage <id>."),
                    ErrorIds.PostmortemNotPublished, ErrorCategory.InvalidOperation, postmortem));
                return;
            }
            var puller = new PostmortemPuller(Client);
            try
            {
                var page = publisher.TryGetPage(record.PageId);
                if (page is null)
                {
                    WriteError(new ErrorRecord(
                        new BookStackException(BookStackErrorKind.NotFound, 404, $"BookStack no longer has page {record.PageId} of '{postmortem.Title}' (deleted, or hidden from this token), so there is nothing to merge. Publish-Postmortem publishes it anew."),
                        ErrorIds.BookStackPageNotFound, ErrorCategory.ObjectNotFound, postmortem));
                    return;
                }
                if (page.ContentDigest == record.PageDigest)
                {
                    WriteVerbose($"Nobody changed the content of page {page.Id} since it was last published or merged; '{postmortem.Title}' stays as it is.");
                    WriteObject(postmortem);
                    return;
                }
                if (record.Base is null)
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException($"The publication record of '{postmortem.Title}' does not hold the postmortem as published, so the page's changes cannot be told from the draft's. Read the page with Import-Postmortem -BookStackPage {page.Id} and compare, or publish with -Force."),
                        ErrorIds.PostmortemNotPublished, ErrorCategory.InvalidData, postmortem));
                    return;
                }
                var pulled = puller.Read(page, postmortem);
                foreach (var warning in pulled.Warnings) WriteWarning(warning);
                var @base = PostmortemYaml.Read(record.Base, $"the publication record of '{postmortem.Title}'").Postmortem;
                var result = PostmortemMerge.Merge(@base, postmortem, pulled.Postmortem, Prefer, _resolutions, pulled.Columns);
                var who = $"{page.UpdatedByName ?? "someone"} at {new PageChange(page, recorded: true).When}";
                if (result.HasConflicts)
                {
                    foreach (var conflict in result.Conflicts) WriteObject(conflict);
                    var first = result.Conflicts[0];
                    WriteError(new ErrorRecord(
                        new InvalidOperationException($"{result.Conflicts.Count} change(s) to '{postmortem.Title}' were made both in the draft and on page {page.Id} (last changed by {who}), so nothing was merged: they are listed above. Choose a side for all with -Prefer Local or -Prefer Wiki, or one by one, such as -Resolve @{{ '{first.Id}' = 'Wiki' }}."),
                        ErrorIds.PostmortemMergeConflict, ErrorCategory.InvalidOperation, postmortem));
                    return;
                }
                var taken = result.TakenFromWiki.Count;
                var description = $"Merge {taken} change(s) from page {page.Id} (last changed by {who}) into '{postmortem.Title}'"
                                  + (result.Resolved.Count > 0 ? $", with {result.Resolved.Count} conflict(s) resolved as asked" : string.Empty)
                                  + (postmortem.SourcePath is string path ? $", and save it to {path}" : string.Empty);
                if (!ShouldProcess(description, description + "?", "Merge-Postmortem")) return;
                PostmortemContent.CopyInto(result.Merged, postmortem);
                foreach (var change in result.TakenFromWiki) WriteVerbose("From the wiki: " + change);
                // The page as it is now is the new common ground: the next publish sends the merged draft over it.
                var merged = pulled.Postmortem.Publication!;
                record.UpdatedAt = merged.UpdatedAt;
                record.UpdatedById = merged.UpdatedById;
                record.UpdatedByName = merged.UpdatedByName;
                record.PageDigest = merged.PageDigest;
                record.Base = merged.Base;
                PublishPostmortemCommand.SaveRecord(this, postmortem, "The merge was made in memory");
                WriteObject(postmortem);
            }
            catch (BookStackException ex)
            {
                WriteError(BookStackErrors.Record(ex, postmortem));
            }
            catch (PostmortemFormatException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.InvalidPostmortemFile, ErrorCategory.InvalidData, postmortem));
            }
        }
    }
}
