using System.Management.Automation;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>Renders a postmortem as the seed's Document Template in Markdown.</summary>
    [Cmdlet(VerbsData.ConvertTo, "PostmortemMarkdown")]
    [OutputType(typeof(string))]
    public sealed class ConvertToPostmortemMarkdownCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        protected override void ProcessRecord() => WriteObject(PostmortemMarkdown.Render(Postmortem));
    }
}
