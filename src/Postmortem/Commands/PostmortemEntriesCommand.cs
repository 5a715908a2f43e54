using System.Collections.Generic;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// What the cmdlets that work on entries of a postmortem's list share (Remove-TimelineEvent, Set-ActionItem, ...):
    /// the entries are chosen by index (as Test-Postmortem's targets name them, Timeline[5], ActionItems[2]) with the
    /// postmortem from the pipeline, or piped in themselves with -Postmortem; piped entries are gathered and dealt with
    /// when the pipeline ends, since the list may be what is being enumerated upstream.
    /// </summary>
    public abstract class PostmortemEntriesCommand<T> : PSCmdlet where T : class
    {
        protected const string ByIndexSet = "ByIndex";
        protected const string ByEntrySet = "ByEntry";

        /// <summary>The postmortem whose list it is.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByIndexSet)]
        [Parameter(Mandatory = true, ParameterSetName = ByEntrySet)]
        [Alias("InputObject")]
        public virtual Postmortem Postmortem { get; set; } = null!;

        /// <summary>Zero-based positions in the list, as in Test-Postmortem's targets and the table's Index column.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIndexSet)]
        [ValidateNotNullOrEmpty]
        public int[] Index { get; set; } = null!;

        /// <summary>With entries from the pipeline: emit the postmortem once, at the end.</summary>
        [Parameter(ParameterSetName = ByEntrySet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The entries piped in so far, dealt with when the pipeline ends.</summary>
        protected List<T> Piped { get; } = new List<T>();

        /// <summary>The list's name as targets give it: Timeline, ActionItems.</summary>
        protected abstract string ListName { get; }

        /// <summary>What one entry is called in messages: "timeline event", "action item".</summary>
        protected abstract string EntryNoun { get; }

        protected abstract IReadOnlyList<T> EntriesOf(Postmortem postmortem);

        /// <summary>The entries piped in this record.</summary>
        protected abstract IEnumerable<T> PipedEntries { get; }
    }
}
