using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Adds the next step of the 5-whys chain behind the root cause.</summary>
    [Cmdlet(VerbsCommon.Add, "Why")]
    [OutputType(typeof(Postmortem))]
    public sealed class AddWhyCommand : AddToPostmortemCommand
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Text { get; set; } = null!;

        protected override void AddTo(Postmortem postmortem) => AddTexts(postmortem.Whys, Text);
    }
}
