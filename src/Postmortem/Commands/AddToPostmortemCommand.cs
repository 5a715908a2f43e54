using System.Collections.Generic;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>The shape of every Add-* cmdlet: take the postmortem from the pipeline, add to it, pass it on.</summary>
    public abstract class AddToPostmortemCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        protected override void ProcessRecord()
        {
            if (Postmortem.IsLocked) WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
            else AddTo(Postmortem);
            WriteObject(Postmortem);
        }

        protected abstract void AddTo(Postmortem postmortem);

        /// <summary>Appends each non-blank text, normalised.</summary>
        protected static void AddTexts(ICollection<string> target, IEnumerable<string>? texts)
        {
            if (texts is null) return;
            foreach (var text in texts)
            {
                var normalized = Text.Normalize(text);
                if (normalized is not null) target.Add(normalized);
            }
        }
    }
}
