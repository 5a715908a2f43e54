using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Postmortems.IO;
using Postmortems.Rendering;
using Postmortems.Serialization;

namespace Postmortems.Commands
{
    /// <summary>
    /// Writes a postmortem to a file, in the format its extension names: .md for the template in Markdown (with
    /// front matter, so it reloads losslessly), .yaml for a draft, .html for a standalone page with the timeline chart,
    /// .svg for the chart alone. A .md or .yaml file is read back in memory before it is written, so what is written
    /// is what Import-Postmortem reads. Which existing file it replaces is decided with Save-Postmortem, so that no
    /// teammate's edit is written over: the postmortem's own file when unchanged since it was read or written, as a save;
    /// a page or chart (a view, read by nothing), as Export-Csv does unless -NoClobber; any other .md or .yaml only with
    /// -Force. A new path is taken in one step, so of exports racing to it one wins. The first .md or .yaml a
    /// postmortem without a file is written to becomes its file, for Save-Postmortem. One path takes one postmortem;
    /// -WhatIf writes nothing. With -Audience External it writes the customer-facing version alone, as .md or .html,
    /// refused while it is incomplete or shows internal detail, and never over the postmortem's own file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "Postmortem", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportPostmortemCommand : PSCmdlet
    {
        private string _fullPath = string.Empty;
        private Func<Postmortem, string> _render = null!;
        private Postmortem? _first;
        private bool _chartOnly;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        /// <summary>The file to write; its extension (.md, .markdown, .yaml, .yml, .html, .htm, .svg) picks the format.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>Replace the file if it exists, even another postmortem's, or the postmortem's own file changed since it was read.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Never replace a file that exists, not even a page or the postmortem's own file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>For .html: leave out the timeline chart.</summary>
        [Parameter]
        public SwitchParameter NoTimelineChart { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Internal (the whole postmortem, the default) or External (the customer-facing version alone, .md or .html).</summary>
        [Parameter]
        public Audience Audience { get; set; }

        /// <summary>The team's settings file, whose External = @{ PublicHosts = ...; People = ... } the check of the external version uses.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private Rules.ExternalSettings? _external;

        private bool External => Audience == Audience.External;

        protected override void BeginProcessing()
        {
            if (Force && NoClobber)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("-Force replaces a file that exists and -NoClobber never does; give one of them, or neither to replace only the postmortem's own file and pages."),
                    ErrorIds.ExportForceWithNoClobber, ErrorCategory.InvalidArgument, null));
            }
            _fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (Directory.Exists(_fullPath))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"'{_fullPath}' is a folder, and Export-Postmortem writes a file. Give a file name in it, such as '{System.IO.Path.Combine(_fullPath, "postmortem.yaml")}', or one per postmortem: ForEach-Object {{ $_ | Export-Postmortem \"{Path.TrimEnd('/', '\\')}/$($_.Id).yaml\" }}"),
                    ErrorIds.ExportPathIsFolder, ErrorCategory.InvalidArgument, Path));
            }
            var extension = System.IO.Path.GetExtension(_fullPath).ToLowerInvariant();
            if (External)
            {
                _external = RuleSelection.LoadSettings(this, Settings).External;
                switch (extension)
                {
                    case ".md":
                    case ".markdown":
                        _render = p => ExternalReport.Markdown(p);
                        return;
                    case ".html":
                    case ".htm":
                        _render = ExternalReport.HtmlPage;
                        return;
                    default:
                        ThrowTerminatingError(new ErrorRecord(
                            new PSArgumentException($"The external version is written as .md (Markdown) or .html (a standalone page), not as '{Path}'. A .yaml draft holds the whole postmortem, the external version in it: leave out -Audience External for that."),
                            ErrorIds.ExternalAudienceNotSupported, ErrorCategory.InvalidArgument, Path));
                        return;
                }
            }
            switch (extension)
            {
                case ".md":
                case ".markdown":
                case ".yaml":
                case ".yml":
                    // A Markdown file carries front matter, so Import-Postmortem gets back everything the page cannot
                    // show; both formats are read back in memory before anything is written.
                    _render = p => PostmortemFile.RenderChecked(p, _fullPath);
                    break;
                case ".html":
                case ".htm":
                    _render = p => PostmortemHtml.RenderPage(p, !NoTimelineChart);
                    break;
                case ".svg":
                    _render = TimelineChartOnly;
                    _chartOnly = true;
                    break;
                default:
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException($"Export-Postmortem cannot tell the format from '{Path}'. End the path with .md (Markdown), .yaml (a draft to edit and reload), .html (a standalone page) or .svg (the timeline chart alone)."),
                        ErrorIds.ExportFormatNotSupported, ErrorCategory.InvalidArgument, Path));
                    break;
            }
        }

        private static string TimelineChartOnly(Postmortem postmortem) =>
            TimelineChart.Render(postmortem) ?? throw new InvalidOperationException($"The postmortem '{postmortem.Title}' has no timeline events, so there is no chart to write. Add events with Add-TimelineEvent or Import-TimelineEvent.");

        /// <summary>
        /// Warns of what looks like a secret in the postmortem (in the timeline alone, for the chart) before a file
        /// holding it is written: what was found, where, and Protect-Postmortem.
        /// </summary>
        internal static void WarnOfSecrets(PSCmdlet cmdlet, Postmortem postmortem, string path, bool timelineOnly)
        {
            var secrets = Privacy.SecretScanner.Scan(postmortem)
                .Where(f => !timelineOnly || f.Field.StartsWith("Timeline[", StringComparison.Ordinal))
                .ToList();
            if (secrets.Count == 0) return;
            var found = string.Join("; ", secrets.Take(5).Select(f => $"a {f.Kind} in {f.Field}")) + (secrets.Count > 5 ? $"; and {secrets.Count - 5} more" : "");
            cmdlet.WriteWarning($"'{postmortem.Title}' holds what looks like a secret ({found}), and '{path}' gets it as it is. Before that file goes into git or to anyone, redact it with Protect-Postmortem (and rotate the credential).");
        }

        private ErrorRecord FileExists(string why) => new ErrorRecord(
            new IOException($"The file '{_fullPath}' already exists and was left as it is: {why}"),
            ErrorIds.ExportFileExists, ErrorCategory.ResourceExists, _fullPath);

        private ErrorRecord FileExists(ExportTarget target) => FileExists(
            NoClobber
                ? "-NoClobber keeps every file that exists. Leave -NoClobber out to replace it, or choose another path."
                : target == ExportTarget.NewFile
                    // Created meanwhile, by another export racing to the same path: it wins.
                    ? "another export wrote it first. Choose another path, or use -Force to replace it."
                    : $"'{Postmortem.Title}' was not read from it, so it may hold another postmortem or a teammate's draft. " +
                      (Postmortem.SourcePath is string own
                          ? $"To write '{Postmortem.Title}' back to its own file, {own}, use Save-Postmortem. "
                          : string.Empty) +
                      "Use -Force to replace it, or choose another path.");

        protected override void ProcessRecord()
        {
            // One file holds one postmortem: a second one to the same path would silently take the first one's place.
            if (_first is not null)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Export-Postmortem was given more than one postmortem for the one path '{_fullPath}', which holds one: '{Postmortem.Title}' was not written; only the first, '{_first.Title}', goes there. Give each postmortem a path of its own, such as: ... | ForEach-Object {{ $_ | Export-Postmortem \"$($_.Id).yaml\" }}"),
                    ErrorIds.ExportManyToOnePath, ErrorCategory.InvalidArgument, Postmortem));
                return;
            }
            _first = Postmortem;
            var folder = System.IO.Path.GetDirectoryName(_fullPath);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(
                    new DirectoryNotFoundException($"The folder '{folder}' does not exist. Create it first (New-Item -ItemType Directory '{folder}') or choose another path."),
                    ErrorIds.ExportFolderNotFound, ErrorCategory.ObjectNotFound, _fullPath));
                return;
            }
            // Decided before ShouldProcess, so -WhatIf gives the verdict a real run would.
            var target = PostmortemFile.TargetOf(Postmortem, _fullPath);
            if (External && !CheckExternalTarget(ref target)) return;
            if (target != ExportTarget.NewFile)
            {
                if (NoClobber || (target == ExportTarget.OtherFile && !Force))
                {
                    WriteError(FileExists(target));
                    return;
                }
                if (target == ExportTarget.OwnFile && !Force)
                {
                    try
                    {
                        PostmortemFile.CheckUnchanged(Postmortem);
                    }
                    catch (PostmortemFileChangedException ex)
                    {
                        WriteError(new ErrorRecord(ex, ErrorIds.PostmortemFileChanged, ErrorCategory.InvalidOperation, _fullPath));
                        return;
                    }
                }
            }
            // Rendered and checked before ShouldProcess too.
            string content;
            try
            {
                PostmortemFile.CheckText(Postmortem);
                if (External) Privacy.ExternalCheck.EnsureReady(Postmortem, _external);
                content = _render(Postmortem);
            }
            catch (Privacy.ExternalVersionException ex)
            {
                WriteError(ExternalErrors.Record(ex, Postmortem));
                return;
            }
            catch (PostmortemTextException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.InvalidPostmortemText, ErrorCategory.InvalidData, Postmortem));
                return;
            }
            catch (PostmortemNotReloadableException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.PostmortemNotReloadable, ErrorCategory.InvalidData, Postmortem));
                return;
            }
            catch (InvalidOperationException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.ExportNothingToWrite, ErrorCategory.InvalidData, Postmortem));
                return;
            }
            // The user's own disk, so it is written; but a draft goes into git, so say so before. (The external version
            // was checked for secrets with the rest of its internal detail.)
            if (!External) WarnOfSecrets(this, Postmortem, _fullPath, timelineOnly: _chartOnly);
            if (!ShouldProcess(_fullPath, $"Write postmortem '{Postmortem.Title}'")) return;
            try
            {
                // A path that was free is taken in one step that fails when the name is taken meanwhile.
                AtomicFile.WriteAllText(_fullPath, content, overwrite: target != ExportTarget.NewFile || Force);
            }
            catch (FileAlreadyExistsException)
            {
                WriteError(FileExists(ExportTarget.NewFile));
                return;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(
                    new IOException($"Could not write '{_fullPath}': {ex.Message} Any earlier file there is unchanged.", ex),
                    ErrorIds.ExportWriteFailed, ErrorCategory.WriteError, _fullPath));
                return;
            }
            // The external version is no postmortem file: it never becomes the postmortem's own.
            if (!External) PostmortemFile.Written(Postmortem, _fullPath, content);
            if (PassThru) WriteObject(new FileInfo(_fullPath));
        }

        /// <summary>
        /// Where the external version may go: never over the postmortem's own file; over an earlier external version (a
        /// Markdown file that starts with its "# Incident report" heading) as over a page; over any other Markdown file
        /// only with -Force, as it may be a postmortem. False (after the error) when it may not.
        /// </summary>
        private bool CheckExternalTarget(ref ExportTarget target)
        {
            if (target == ExportTarget.OwnFile)
            {
                WriteError(FileExists($"it is the file of '{Postmortem.Title}' itself, and the external version would take the postmortem's place. Write the external version to a path of its own, such as '{System.IO.Path.ChangeExtension(_fullPath, ".external.md")}'."));
                return false;
            }
            if (target == ExportTarget.OtherFile && StartsWithExternalHeading(_fullPath)) target = ExportTarget.View;
            return true;
        }

        private static bool StartsWithExternalHeading(string path)
        {
            try
            {
                using var reader = new StreamReader(path);
                var first = reader.ReadLine();
                return first is not null && first.TrimStart('\uFEFF').StartsWith("# " + ExternalReport.Heading + ":", StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
