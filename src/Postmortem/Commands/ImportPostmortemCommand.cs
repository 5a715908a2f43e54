using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// Reads postmortems from YAML drafts (.yaml, .yml) and Markdown files (.md, .markdown), one per file.
    /// A file that cannot be read is reported and the others are still read.
    /// </summary>
    [Cmdlet(VerbsData.Import, "Postmortem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Postmortem))]
    public sealed class ImportPostmortemCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>Files to read; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Files to read, taken exactly as written; Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (var postmortem in PostmortemFileInput.Read(this, literal ? LiteralPath : Path, literal))
            {
                WriteObject(postmortem);
            }
        }
    }
}
