using System;
using System.Management.Automation;
using Postmortems.Commands.Completion;

namespace Postmortems.Commands
{
    /// <summary>Adds a row to the Action Items table: a specific change, its owner, due date and priority, and where it stands.</summary>
    [Cmdlet(VerbsCommon.Add, "ActionItem")]
    [OutputType(typeof(Postmortem))]
    public sealed class AddActionItemCommand : AddToPostmortemCommand
    {
        /// <summary>The change, in the active voice: "Add X", "Update Y", "Remove Z".</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Action { get; set; } = null!;

        [Parameter]
        public string? Owner { get; set; }

        [Parameter]
        [DayTransformation]
        public DateTime DueDate { get; set; }

        [Parameter]
        public ActionPriority Priority { get; set; }

        /// <summary>Open (the default), InProgress, Done (with today's date unless -DoneDate), or WontDo (with -Reason).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ActionItemStatusCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateEnumName(typeof(ActionItemStatus), "status")]
        public object? Status { get; set; }

        /// <summary>Why the item won't be done: required with -Status WontDo, and only with it.</summary>
        [Parameter]
        [Alias("StatusReason")]
        public string? Reason { get; set; }

        /// <summary>The day a Done item was done; today (UTC) when not given. Only with -Status Done.</summary>
        [Parameter]
        [DayTransformation]
        public DateTime DoneDate { get; set; }

        /// <summary>A ticket id or URL where the work is tracked.</summary>
        [Parameter]
        public string? Tracking { get; set; }

        protected override void ProcessRecord()
        {
            if (!Postmortem.IsLocked && Text.Normalize(Action) is null)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException("The action is blank. Say what will change, for example -Action 'Add a --dry-run step to the deploy runbook'."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Action));
                WriteObject(Postmortem);
                return;
            }
            if (!Postmortem.IsLocked && new ActionItem(Action).StatusChangeProblem(GivenStatus, Reason, GivenDoneDate) is string problem)
            {
                WriteError(new ErrorRecord(new PSArgumentException(problem), ErrorIds.InvalidActionItemStatus, ErrorCategory.InvalidArgument, GivenStatus));
                WriteObject(Postmortem);
                return;
            }
            base.ProcessRecord();
        }

        private ActionItemStatus GivenStatus => EnumName.Parse<ActionItemStatus>(Status);

        private DateTime? GivenDoneDate => MyInvocation.BoundParameters.ContainsKey(nameof(DoneDate)) ? DoneDate : (DateTime?)null;

        protected override void AddTo(Postmortem postmortem)
        {
            var item = new ActionItem(Action)
            {
                Owner = Owner,
                Tracking = Tracking,
            };
            item.SetStatus(GivenStatus, Reason, GivenDoneDate);
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(DueDate))) item.DueDate = DueDate;
            if (bound.ContainsKey(nameof(Priority))) item.Priority = Priority;
            postmortem.ActionItems.Add(item);
        }
    }
}
