using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// Takes events out of a postmortem's timeline: by index (as Test-Postmortem's targets name them, Timeline[5]),
    /// with the postmortem from the pipeline; or the events themselves from the pipeline, with -Postmortem, so that
    /// <c>$pm.Timeline | Where-Object Source -eq 'slack' | Remove-TimelineEvent -Postmortem $pm</c> works.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TimelineEvent", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Postmortem))]
    public sealed class RemoveTimelineEventCommand : PSCmdlet
    {
        private const string ByIndexSet = "ByIndex";
        private const string ByEventSet = "ByEvent";

        // Events piped in are removed when the pipeline ends: the timeline may be what is being enumerated upstream.
        private readonly List<TimelineEvent> _piped = new List<TimelineEvent>();

        /// <summary>The postmortem to remove from.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByIndexSet)]
        [Parameter(Mandatory = true, ParameterSetName = ByEventSet)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        /// <summary>Zero-based positions in the timeline, as in Test-Postmortem's Timeline[n] targets.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIndexSet)]
        [ValidateNotNullOrEmpty]
        public int[] Index { get; set; } = null!;

        /// <summary>Events to remove, compared by time, text, milestone and source.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEventSet)]
        public TimelineEvent[] InputEvent { get; set; } = null!;

        /// <summary>With events from the pipeline: emit the postmortem once, at the end.</summary>
        [Parameter(ParameterSetName = ByEventSet)]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByEventSet)
            {
                _piped.AddRange(InputEvent.Where(e => e is not null));
                return;
            }
            if (Postmortem.IsLocked)
            {
                WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
                WriteObject(Postmortem);
                return;
            }
            var timeline = Postmortem.Timeline;
            var chosen = new List<TimelineEvent>();
            foreach (var index in Index.Distinct())
            {
                if (index < 0 || index >= timeline.Count)
                {
                    var range = timeline.Count == 0 ? "the timeline is empty" : $"the timeline holds Timeline[0] to Timeline[{timeline.Count - 1}]";
                    WriteError(new ErrorRecord(
                        new ArgumentOutOfRangeException(nameof(Index), index, $"There is no Timeline[{index}] in '{Postmortem.Title}': {range}. $pm.Timeline lists them with their order."),
                        ErrorIds.TimelineEventNotFound, ErrorCategory.ObjectNotFound, index));
                    continue;
                }
                chosen.Add(timeline[index]);
            }
            Remove(chosen);
            WriteObject(Postmortem);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ByEventSet) return;
            if (Postmortem.IsLocked)
            {
                if (_piped.Count > 0) WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
            }
            else
            {
                var found = new List<TimelineEvent>();
                foreach (var e in _piped.Distinct())
                {
                    if (Postmortem.Timeline.Contains(e)) found.Add(e);
                    else WriteError(new ErrorRecord(
                        new ItemNotFoundException($"The event '{e}' is not in the timeline of '{Postmortem.Title}', so there is nothing to remove. Pipe events from $pm.Timeline."),
                        ErrorIds.TimelineEventNotFound, ErrorCategory.ObjectNotFound, e));
                }
                Remove(found);
            }
            if (PassThru) WriteObject(Postmortem);
        }

        private void Remove(IEnumerable<TimelineEvent> events)
        {
            foreach (var e in events)
            {
                if (ShouldProcess($"{e} in '{Postmortem.Title}'", "Remove timeline event")) Postmortem.Timeline.Remove(e);
            }
        }
    }
}
