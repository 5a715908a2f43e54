using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>Changes the scalar sections and impact fields of a postmortem and passes it on.</summary>
    [Cmdlet(VerbsCommon.Set, "Postmortem")]
    [OutputType(typeof(Postmortem))]
    public sealed class SetPostmortemCommand : PostmortemFieldsCommand
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        [Parameter]
        [AllowEmptyString]
        public string? Title { get; set; }

        protected override void ProcessRecord()
        {
            if (Postmortem.IsLocked)
            {
                WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
                WriteObject(Postmortem);
                return;
            }
            // Nothing changes unless every value can be used: the postmortem passes on as it was.
            bool titleUsable = !IsBound(nameof(Title)) || Text.SingleLine(Title) is not null;
            if (!titleUsable)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException("The title is blank. Name the incident, for example -Title 'OpenBao sealed after node reboot'."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Title));
            }
            if (titleUsable && ValidateFields())
            {
                if (IsBound(nameof(Title))) Postmortem.Title = Title!;
                ApplyFields(Postmortem);
            }
            WriteObject(Postmortem);
        }
    }
}
