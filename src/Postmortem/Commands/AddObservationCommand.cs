using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Adds to What Went Well and What Went Poorly; either or both in one call.</summary>
    [Cmdlet(VerbsCommon.Add, "Observation")]
    [OutputType(typeof(Postmortem))]
    public sealed class AddObservationCommand : AddToPostmortemCommand
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? WentWell { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? WentPoorly { get; set; }

        protected override void BeginProcessing()
        {
            if (WentWell is null && WentPoorly is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Add-Observation needs -WentWell, -WentPoorly or both, for example -WentWell 'Rollback worked as expected'."),
                    ErrorIds.ObservationMissing, ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void AddTo(Postmortem postmortem)
        {
            AddTexts(postmortem.WentWell, WentWell);
            AddTexts(postmortem.WentPoorly, WentPoorly);
        }
    }
}
