using System.Collections.Generic;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// A cmdlet that reads postmortems: objects from the pipeline, or files with -Path (wildcards) or -LiteralPath
    /// (what Get-ChildItem pipes in).
    /// </summary>
    public abstract class PostmortemInputCommand : PSCmdlet
    {
        protected const string PostmortemSet = "Postmortem";
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0, ParameterSetName = PostmortemSet)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        /// <summary>Postmortem files (.yaml, .yml, .md) to read; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Postmortem files, taken exactly as written; Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>The postmortems this record brings: the piped object, or those read from the files.</summary>
        protected IEnumerable<Postmortem> InputPostmortems() => ParameterSetName switch
        {
            PathSet => PostmortemFileInput.Read(this, Path, literal: false),
            LiteralPathSet => PostmortemFileInput.Read(this, LiteralPath, literal: true),
            _ => new[] { Postmortem },
        };
    }
}
