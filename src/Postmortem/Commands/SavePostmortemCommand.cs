using System;
using System.IO;
using System.Management.Automation;
using Postmortems.IO;
using Postmortems.Serialization;

namespace Postmortems.Commands
{
    /// <summary>
    /// Writes a postmortem back to the .yaml or .md file it was read from (its SourcePath), in that file's format.
    /// Refuses when that file changed on disk since it was read (a teammate's edit, a git pull), unless -Force. The
    /// everyday save: a postmortem made with New-Postmortem gets its file from its first Export-Postmortem to a .md or
    /// .yaml.
    /// </summary>
    [Cmdlet(VerbsData.Save, "Postmortem", SupportsShouldProcess = true)]
    [OutputType(typeof(Postmortem))]
    public sealed class SavePostmortemCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        /// <summary>Write even over a file that changed on disk since the postmortem was read from it, or where it is gone.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the postmortem once it is saved.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var postmortem = Postmortem;
            if (postmortem.SourcePath is not string path)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"'{postmortem.Title}' was not read from a file, so Save-Postmortem has nowhere to write it back. Write it to a file once with Export-Postmortem, such as: $pm | Export-Postmortem ./postmortems/<name>.yaml; that file becomes its own, and from then on Save-Postmortem saves it there. A postmortem read with Import-Postmortem saves back to its file."),
                    ErrorIds.PostmortemNotFromFile, ErrorCategory.InvalidOperation, postmortem));
                return;
            }
            if (!PostmortemFile.IsSupported(path))
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"'{postmortem.Title}' comes from '{path}', which is not a {PostmortemFile.SupportedExtensions} file, so Save-Postmortem cannot write it back. Write it with Export-Postmortem."),
                    ErrorIds.PostmortemNotFromFile, ErrorCategory.InvalidOperation, postmortem));
                return;
            }
            // Decided before ShouldProcess, so -WhatIf gives the verdict a real run would.
            try
            {
                if (!Force) PostmortemFile.CheckUnchanged(postmortem);
                PostmortemFile.RenderChecked(postmortem, path);
            }
            catch (Exception ex) when (Record(ex, postmortem, path) is ErrorRecord error)
            {
                WriteError(error);
                return;
            }
            ExportPostmortemCommand.WarnOfSecrets(this, postmortem, path, timelineOnly: false);
            if (!ShouldProcess(path, $"Save postmortem '{postmortem.Title}' back to the file it was read from")) return;
            try
            {
                PostmortemFile.Save(postmortem, Force);
            }
            catch (Exception ex) when (Record(ex, postmortem, path) is ErrorRecord error)
            {
                WriteError(error);
                return;
            }
            WriteVerbose($"Saved '{postmortem.Title}' to {path}.");
            if (PassThru) WriteObject(postmortem);
        }

        private static ErrorRecord? Record(Exception ex, Postmortem postmortem, string path)
        {
            switch (ex)
            {
                case PostmortemFileChangedException changed:
                    return new ErrorRecord(changed, ErrorIds.PostmortemFileChanged, ErrorCategory.InvalidOperation, path);
                case PostmortemTextException text:
                    return new ErrorRecord(text, ErrorIds.InvalidPostmortemText, ErrorCategory.InvalidData, postmortem);
                case PostmortemNotReloadableException reload:
                    return new ErrorRecord(reload, ErrorIds.PostmortemNotReloadable, ErrorCategory.InvalidData, postmortem);
                case IOException _:
                case UnauthorizedAccessException _:
                    return new ErrorRecord(
                        new IOException($"Could not write '{path}': {ex.Message} The file is unchanged.", ex),
                        ErrorIds.ExportWriteFailed, ErrorCategory.WriteError, path);
                default:
                    return null;
            }
        }
    }
}
