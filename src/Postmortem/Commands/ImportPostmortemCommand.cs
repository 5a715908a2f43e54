using System;
using System.Management.Automation;
using System.Threading;
using Postmortems.BookStack;

namespace Postmortems.Commands
{
    /// <summary>
    /// Reads postmortems from YAML drafts (.yaml, .yml) and Markdown files (.md, .markdown), one per file, or from their
    /// pages in BookStack. A file or page that cannot be read is reported and the others are still read.
    /// </summary>
    [Cmdlet(VerbsData.Import, "Postmortem", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Postmortem))]
    public sealed class ImportPostmortemCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string BookStackSet = "BookStack";
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

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

        /// <summary>
        /// Pages to read from BookStack: a page id (42), a page address (https://wiki.example.org/link/42 or
        /// .../books/ops/page/postmortem-2026-11-20-x), or a postmortem's id (the page's postmortem-id tag).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = BookStackSet)]
        [Alias("PageId")]
        [ValidateNotNullOrEmpty]
        public string[] BookStackPage { get; set; } = null!;

        /// <summary>BookStack's base address; with -Credential, instead of Connect-BookStack or the environment.</summary>
        [Parameter(ParameterSetName = BookStackSet)]
        [BookStackUri]
        public Uri? Uri { get; set; }

        /// <summary>User name = API token id, password = token secret.</summary>
        [Parameter(ParameterSetName = BookStackSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(ParameterSetName = BookStackSet)]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>How long to wait for each answer from BookStack, in seconds (30 unless Connect-BookStack -TimeoutSec said otherwise).</summary>
        [Parameter(ParameterSetName = BookStackSet)]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == BookStackSet)
            {
                ImportPages();
                return;
            }
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (var postmortem in PostmortemFileInput.Read(this, literal ? LiteralPath : Path, literal))
            {
                WriteObject(postmortem);
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        private void ImportPages()
        {
            var client = BookStackSession.Connect(this, Uri, Credential, AllowUnencryptedAuthentication, _stop.Token, MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null);
            var puller = new PostmortemPuller(client);
            foreach (var reference in BookStackPage)
            {
                try
                {
                    var pulled = puller.Read(puller.FindPage(reference));
                    foreach (var warning in pulled.Warnings) WriteWarning(warning);
                    WriteVerbose($"Read '{pulled.Postmortem.Title}' from page {pulled.Page.Id}, last changed by {pulled.Page.UpdatedByName ?? "someone"}.");
                    WriteObject(pulled.Postmortem);
                }
                catch (ArgumentException ex)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.BookStackPageNotFound, ErrorCategory.InvalidArgument, reference));
                }
                catch (BookStackException ex) when (ex.Kind == BookStackErrorKind.NotFound)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.BookStackPageNotFound, ErrorCategory.ObjectNotFound, reference));
                }
                catch (BookStackException ex)
                {
                    WriteError(BookStackErrors.Record(ex, reference));
                }
                catch (Serialization.PostmortemFormatException ex)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.InvalidPostmortemFile, ErrorCategory.InvalidData, reference));
                }
            }
        }
    }
}
