using System.Management.Automation;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>Renders a postmortem to HTML through Markdig: a standalone page, or with -Fragment the body alone.</summary>
    [Cmdlet(VerbsData.ConvertTo, "PostmortemHtml")]
    [OutputType(typeof(string))]
    public sealed class ConvertToPostmortemHtmlCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        [Parameter]
        public SwitchParameter Fragment { get; set; }

        protected override void ProcessRecord() =>
            WriteObject(Fragment ? PostmortemHtml.RenderFragment(Postmortem) : PostmortemHtml.RenderPage(Postmortem));
    }
}
