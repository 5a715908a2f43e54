using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Adds to What Went Well and What Went Poorly.</summary>
    [Cmdlet(VerbsCommon.Add, "Observation", DefaultParameterSetName = WentWellSet)]
    [OutputType(typeof(Postmortem))]
    public sealed class AddObservationCommand : AddToPostmortemCommand
    {
        private const string WentWellSet = "WentWell";
        private const string WentPoorlySet = "WentPoorly";

        [Parameter(Mandatory = true, ParameterSetName = WentWellSet)]
        [ValidateNotNullOrEmpty]
        public string[]? WentWell { get; set; }

        [Parameter(ParameterSetName = WentWellSet)]
        [Parameter(Mandatory = true, ParameterSetName = WentPoorlySet)]
        [ValidateNotNullOrEmpty]
        public string[]? WentPoorly { get; set; }

        protected override void AddTo(Postmortem postmortem)
        {
            AddTexts(postmortem.WentWell, WentWell);
            AddTexts(postmortem.WentPoorly, WentPoorly);
        }
    }
}
