using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Starts a postmortem. Only the title is needed; everything else can follow as the facts come in.</summary>
    [Cmdlet(VerbsCommon.New, "Postmortem")]
    [OutputType(typeof(Postmortem))]
    public sealed class NewPostmortemCommand : PostmortemFieldsCommand
    {
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Title { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            if (Text.SingleLine(Title) is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("The title is blank. Name the incident, for example -Title 'OpenBao sealed after node reboot'."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Title));
            }
            if (!ValidateFields()) return;
            var postmortem = new Postmortem(Title);
            ApplyFields(postmortem);
            WriteObject(postmortem);
        }
    }
}
