using System;
using System.Management.Automation;
using System.Threading;
using Postmortems.BookStack;

namespace Postmortems.Commands
{
    /// <summary>
    /// Publishes the follow-up board: one BookStack page that lists every open action item of the postmortems
    /// published in a book, grouped by owner, each linked to its postmortem's page and its ticket. The postmortems are
    /// read from BookStack, never written; the board page is created once and updated on each run.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "ActionItemReport", SupportsShouldProcess = true)]
    [OutputType(typeof(PublishedBoard))]
    public sealed class PublishActionItemReportCommand : PSCmdlet
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>The book whose postmortems the board lists, and where the board page lives.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, int.MaxValue)]
        public int BookId { get; set; }

        /// <summary>The board page's name; Action item follow-up when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The day overdue is counted from; today (UTC) when not given.</summary>
        [Parameter]
        [DayTransformation]
        public DateTime AsOf { get; set; }

        /// <summary>A .psd1 settings file whose ActionItemDueDays says when an item without a due date is due.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        /// <summary>Write the board over a change a person made to the board page (BookStack keeps it in the page's revisions).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>BookStack's base address; with -Credential, instead of Connect-BookStack or the environment.</summary>
        [Parameter]
        [BookStackUri]
        public Uri? Uri { get; set; }

        /// <summary>User name = API token id, password = token secret.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>How long to wait for each answer from BookStack, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        protected override void EndProcessing()
        {
            var bound = MyInvocation.BoundParameters;
            var client = BookStackSession.Connect(this, Uri, Credential, AllowUnencryptedAuthentication, _stop.Token,
                bound.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null);
            var asOf = bound.ContainsKey(nameof(AsOf)) ? AsOf.Date : DateTime.UtcNow.Date;
            var policy = RuleSelection.LoadSettings(this, Settings).DuePolicy;
            var board = new ActionItemBoard(client);
            BoardPlan plan;
            try
            {
                plan = board.Plan(BookId, asOf, Name, policy);
            }
            catch (BookStackException ex)
            {
                WriteError(BookStackErrors.Record(ex, BookId));
                return;
            }
            foreach (var warning in plan.Content.Warnings) WriteWarning(warning);
            WriteVerbose($"Book {BookId} '{plan.Content.BookName}': {plan.Content.Postmortems} postmortems, {plan.Content.Items.Count} open action items.");
            if (plan.ChangedByOthers && !Force)
            {
                // Refused before ShouldProcess, so -WhatIf gives the same verdict.
                WriteError(new ErrorRecord(new BookStackException(BookStackErrorKind.PageChanged, null, ActionItemBoard.ChangedMessage(plan.Existing!)),
                    ErrorIds.BookStackPageChanged, ErrorCategory.InvalidOperation, plan.Existing));
                return;
            }
            var description = plan.Describe();
            if (!plan.Unchanged && !ShouldProcess(description, description + "?", "Publish-ActionItemReport")) return;
            try
            {
                var published = board.Execute(plan, overwrite: Force);
                if (plan.ChangedByOthers) WriteWarning($"Overwrote a change to the board page {published.Id}. BookStack keeps the replaced version: open the page's Revisions to see or restore it.");
                WriteObject(published);
            }
            catch (BookStackException ex)
            {
                WriteError(BookStackErrors.Record(ex, BookId));
            }
        }

        protected override void StopProcessing() => _stop.Cancel();
    }
}
