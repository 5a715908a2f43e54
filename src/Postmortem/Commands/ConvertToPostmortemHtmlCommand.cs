using System.Management.Automation;
using Postmortems.Privacy;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>
    /// Renders a postmortem to HTML through Markdig: a standalone page, or with -Fragment the body alone; with -Audience
    /// External, its customer-facing version alone, refused while it is incomplete or shows internal detail.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "PostmortemHtml", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(string))]
    public sealed class ConvertToPostmortemHtmlCommand : PostmortemInputCommand
    {
        [Parameter]
        public SwitchParameter Fragment { get; set; }

        /// <summary>Leave out the timeline chart (an SVG drawn above the Timeline table).</summary>
        [Parameter]
        public SwitchParameter NoTimelineChart { get; set; }

        /// <summary>Internal (the whole postmortem, the default) or External (the customer-facing version alone, which has no chart).</summary>
        [Parameter]
        public Audience Audience { get; set; }

        /// <summary>The team's settings file, whose External = @{ PublicHosts = ...; People = ... } the check of the external version uses.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private Rules.ExternalSettings? _external;

        protected override void BeginProcessing()
        {
            if (Audience == Audience.External) _external = RuleSelection.LoadSettings(this, Settings).External;
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems())
            {
                if (Audience != Audience.External)
                {
                    WriteObject(Fragment ? PostmortemHtml.RenderFragment(postmortem, !NoTimelineChart) : PostmortemHtml.RenderPage(postmortem, !NoTimelineChart));
                    continue;
                }
                try
                {
                    ExternalCheck.EnsureReady(postmortem, _external);
                }
                catch (ExternalVersionException ex)
                {
                    WriteError(ExternalErrors.Record(ex, postmortem));
                    continue;
                }
                WriteObject(Fragment ? ExternalReport.HtmlFragment(postmortem) : ExternalReport.HtmlPage(postmortem));
            }
        }
    }
}
