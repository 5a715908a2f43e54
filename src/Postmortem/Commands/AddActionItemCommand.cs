using System;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Adds a row to the Action Items table: a specific change, its owner, due date and priority.</summary>
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
        public DateTime DueDate { get; set; }

        [Parameter]
        public ActionPriority Priority { get; set; }

        [Parameter]
        public ActionItemStatus Status { get; set; }

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
            base.ProcessRecord();
        }

        protected override void AddTo(Postmortem postmortem)
        {
            var item = new ActionItem(Action)
            {
                Owner = Owner,
                Tracking = Tracking,
                Status = Status,
            };
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(DueDate))) item.DueDate = DueDate;
            if (bound.ContainsKey(nameof(Priority))) item.Priority = Priority;
            postmortem.ActionItems.Add(item);
        }
    }
}
