using System;
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

        /// <summary>Where the action items' ticket keys are tracked, with {0} for the key; $null or '' clears it.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? TrackingUrl { get; set; }

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
            bool trackingUrlUsable = true;
            if (IsBound(nameof(TrackingUrl)))
            {
                try
                {
                    TrackingLinks.CheckPattern(TrackingUrl);
                }
                catch (ArgumentException e)
                {
                    trackingUrlUsable = false;
                    WriteError(new ErrorRecord(new PSArgumentException(e.Message), ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, TrackingUrl));
                }
            }
            if (titleUsable && trackingUrlUsable && ValidateFields(Postmortem))
            {
                if (IsBound(nameof(Title))) Postmortem.Title = Title!;
                if (IsBound(nameof(TrackingUrl))) Postmortem.TrackingUrl = TrackingUrl;
                ApplyFields(Postmortem);
            }
            WriteObject(Postmortem);
        }
    }
}
