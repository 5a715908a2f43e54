using System.Management.Automation;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>Renders a postmortem to HTML through Markdig: a standalone page, or with -Fragment the body alone.</summary>
    [Cmdlet(VerbsData.ConvertTo, "PostmortemHtml", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(string))]
    public sealed class ConvertToPostmortemHtmlCommand : PostmortemInputCommand
    {
        [Parameter]
        public SwitchParameter Fragment { get; set; }

        /// <summary>Leave out the timeline chart (an SVG drawn above the Timeline table).</summary>
        [Parameter]
        public SwitchParameter NoTimelineChart { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems()) WriteObject(Fragment ? PostmortemHtml.RenderFragment(postmortem, !NoTimelineChart) : PostmortemHtml.RenderPage(postmortem, !NoTimelineChart));
        }
    }
}
