using System.Management.Automation;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>Renders a postmortem as the guide's Document Template in Markdown.</summary>
    [Cmdlet(VerbsData.ConvertTo, "PostmortemMarkdown", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(string))]
    public sealed class ConvertToPostmortemMarkdownCommand : PostmortemInputCommand
    {
        /// <summary>Start with YAML front matter holding what the page cannot show, as Export-Postmortem writes it.</summary>
        [Parameter]
        public SwitchParameter FrontMatter { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems()) WriteObject(PostmortemMarkdown.Render(postmortem, FrontMatter));
        }
    }
}
