using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Adds one or more contributing factors: conditions that made the incident possible or worse.</summary>
    [Cmdlet(VerbsCommon.Add, "ContributingFactor")]
    [OutputType(typeof(Postmortem))]
    public sealed class AddContributingFactorCommand : AddToPostmortemCommand
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Text { get; set; } = null!;

        protected override void AddTo(Postmortem postmortem) => AddTexts(postmortem.ContributingFactors, Text);
    }
}
