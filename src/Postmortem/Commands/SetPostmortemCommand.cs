using System;
using System.Linq;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// Changes the scalar sections and impact fields of a postmortem, and its external version, and passes it on. A final
    /// postmortem takes the -External* parameters alone: its external version is often written after it is locked.
    /// </summary>
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
                var content = ContentParameters();
                if (content.Count > 0)
                {
                    WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, $"changed (-{string.Join(", -", content)}); its external version can be: -{string.Join(", -", ExternalParameters)}"));
                }
                else
                {
                    var approved = Postmortem.External.IsApproved;
                    ApplyExternal(Postmortem);
                    if (approved && !Postmortem.External.IsApproved) WriteWarning(ExternalApprovalLost(Postmortem));
                }
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
                var approved = Postmortem.External.IsApproved;
                if (IsBound(nameof(Title))) Postmortem.Title = Title!;
                if (IsBound(nameof(TrackingUrl))) Postmortem.TrackingUrl = TrackingUrl;
                ApplyFields(Postmortem);
                if (approved && !Postmortem.External.IsApproved) WriteWarning(ExternalApprovalLost(Postmortem));
            }
            WriteObject(Postmortem);
        }

        // Said when an edit changes what customers read after it was approved: the approval stays on record, but a
        // publish waits for a new one.
        private static string ExternalApprovalLost(Postmortem postmortem) =>
            $"The external version of '{postmortem.Title}' changed since {string.Join(", ", postmortem.External.SignOffs.Select(s => s.Reviewer))} approved it; Publish-Postmortem -Audience External waits for a new approval: Approve-Postmortem -Reviewer 'name' -Audience External.";
    }
}
