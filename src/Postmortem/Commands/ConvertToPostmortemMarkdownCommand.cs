using System.Management.Automation;
using Postmortems.Privacy;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>
    /// Renders a postmortem as the guide's Document Template in Markdown; with -Audience External, its customer-facing
    /// version alone, refused while it is incomplete or shows internal detail.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "PostmortemMarkdown", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(string))]
    public sealed class ConvertToPostmortemMarkdownCommand : PostmortemInputCommand
    {
        /// <summary>Start with YAML front matter holding what the page cannot show, as Export-Postmortem writes it.</summary>
        [Parameter]
        public SwitchParameter FrontMatter { get; set; }

        /// <summary>Internal (the whole postmortem, the default) or External (the customer-facing version alone).</summary>
        [Parameter]
        public Audience Audience { get; set; }

        /// <summary>The team's settings file, whose External = @{ PublicHosts = ...; People = ... } the check of the external version uses.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private Rules.ExternalSettings? _external;

        protected override void BeginProcessing()
        {
            if (Audience != Audience.External) return;
            if (FrontMatter) ExternalErrors.RefuseOption(this, "-FrontMatter goes with the internal postmortem, which a file reloads; the external version is a document for customers. Leave out one of -FrontMatter and -Audience External.");
            _external = RuleSelection.LoadSettings(this, Settings).External;
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems())
            {
                if (Audience != Audience.External)
                {
                    WriteObject(PostmortemMarkdown.Render(postmortem, FrontMatter));
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
                WriteObject(ExternalReport.Markdown(postmortem));
            }
        }
    }
}
