using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;

namespace Postmortems.Commands
{
    /// <summary>
    /// The shape of Set-TimelineEvent and Set-ActionItem, as of the Remove-* cmdlets: the entries to change are chosen
    /// by index (as Test-Postmortem's targets name them, Timeline[5], ActionItems[2]) with the postmortem from the
    /// pipeline, or piped in themselves with -Postmortem. Piped entries are changed when the pipeline ends, since the
    /// list may be what is being enumerated upstream. Nothing changes unless every value given can be used; each change
    /// asks ShouldProcess; a final postmortem is locked.
    /// </summary>
    public abstract class SetInPostmortemCommand<T> : PostmortemEntriesCommand<T> where T : class
    {
        protected abstract string NotFoundErrorId { get; }

        /// <summary>The place of this very entry in the list, or -1.</summary>
        protected abstract int IndexOf(Postmortem postmortem, T entry);

        /// <summary>Whether the changes asked for touch what the lock of a final postmortem keeps.</summary>
        protected virtual bool ChangesLockedContent => true;

        /// <summary>Reads the values given for this postmortem; writes an error and returns false when one cannot be used.</summary>
        protected abstract bool Prepare(Postmortem postmortem);

        /// <summary>Says what will change, for ShouldProcess: "milestone Detected, text 'Paged the on-call'".</summary>
        protected abstract string Changes { get; }

        /// <summary>Makes the change to the entry at index.</summary>
        protected abstract void Apply(Postmortem postmortem, int index, T entry);

        /// <summary>Whether the values given fit this entry as it stands; writes an error and returns false when not.</summary>
        protected virtual bool Fits(Postmortem postmortem, T entry) => true;

        protected bool IsBound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByEntrySet)
            {
                Piped.AddRange(PipedEntries.Where(e => e is not null));
                return;
            }
            var entries = EntriesOf(Postmortem);
            var chosen = new List<T>();
            foreach (var index in Index.Distinct())
            {
                if (index < 0 || index >= entries.Count)
                {
                    var range = entries.Count == 0 ? $"{ListName} is empty" : $"{ListName} holds {ListName}[0] to {ListName}[{entries.Count - 1}]";
                    WriteError(new ErrorRecord(
                        new ArgumentOutOfRangeException(null, $"There is no {ListName}[{index}] in '{Postmortem.Title}': {range}. $pm.{ListName} lists them with their Index."),
                        NotFoundErrorId, ErrorCategory.ObjectNotFound, index));
                    continue;
                }
                chosen.Add(entries[index]);
            }
            if (chosen.Count > 0) Change(chosen);
            WriteObject(Postmortem);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ByEntrySet) return;
            if (Piped.Count > 0)
            {
                var found = new List<T>();
                foreach (var entry in Piped.Distinct())
                {
                    if (IndexOf(Postmortem, entry) >= 0) found.Add(entry);
                    else WriteError(new ErrorRecord(
                        new ItemNotFoundException($"The {EntryNoun} '{entry}' is not in {ListName} of '{Postmortem.Title}', so there is nothing to change. Pipe them from $pm.{ListName}, or give -Index."),
                        NotFoundErrorId, ErrorCategory.ObjectNotFound, entry));
                }
                if (found.Count > 0) Change(found);
            }
            if (PassThru) WriteObject(Postmortem);
        }

        // The entries are found again by themselves as each changes, since a change of time moves an event.
        private void Change(List<T> chosen)
        {
            if (ChangesLockedContent && Postmortem.IsLocked)
            {
                WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
                return;
            }
            if (!Prepare(Postmortem)) return;
            // Every entry is checked before any changes, so a refusal leaves them all as they were.
            if (chosen.Where(entry => !Fits(Postmortem, entry)).ToList().Count > 0) return;
            var changes = Changes;
            if (changes.Length == 0)
            {
                WriteVerbose($"Nothing to change: give one or more of the {EntryNoun}'s parts.");
                return;
            }
            foreach (var entry in chosen)
            {
                int index = IndexOf(Postmortem, entry);
                if (index < 0) continue;
                if (ShouldProcess($"{ListName}[{index}] {entry} in '{Postmortem.Title}'", $"Set {EntryNoun}: {changes}")) Apply(Postmortem, index, entry);
            }
        }
    }

    /// <summary>Changes the time, text, milestone or source of timeline events, by index or piped from $pm.Timeline.</summary>
    [Cmdlet(VerbsCommon.Set, "TimelineEvent", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Postmortem))]
    public sealed class SetTimelineEventCommand : SetInPostmortemCommand<TimelineEvent>
    {
        private DateTime? _time;
        private bool _timeUnknown;
        private Milestone? _milestone;
        private bool? _approximate;

        /// <summary>Events to change: from $pm.Timeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEntrySet)]
        public TimelineEvent[] InputEvent { get; set; } = null!;

        /// <summary>
        /// The new time: a UTC time of day (on the postmortem's Date), or a full date and time, as Add-TimelineEvent reads
        /// it; 'unknown' says no source gives one (the event keeps its place, shown without a time, and marks no milestone).
        /// </summary>
        [Parameter]
        public object? Time { get; set; }

        /// <summary>The new text: what happened, in the past tense.</summary>
        [Parameter]
        [Alias("Text", "Message")]
        [AllowEmptyString]
        public string? Event { get; set; }

        /// <summary>The milestone the event marks; None clears it.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(MilestoneOrNoneCompleter))]
        [ValidateEnumName(typeof(Milestone), "milestone")]
        public object? Milestone { get; set; }

        /// <summary>Where the event came from.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Source { get; set; }

        /// <summary>
        /// Marks the event's time approximate (shown as ~23:30); -Approximate:$false marks it exact. A new -Time is exact
        /// unless it is marked (~23:30) or this is given.
        /// </summary>
        [Parameter]
        public SwitchParameter Approximate { get; set; }

        protected override string ListName => "Timeline";
        protected override string EntryNoun => "timeline event";
        protected override string NotFoundErrorId => ErrorIds.TimelineEventNotFound;
        protected override IEnumerable<TimelineEvent> PipedEntries => InputEvent;
        protected override IReadOnlyList<TimelineEvent> EntriesOf(Postmortem postmortem) => postmortem.Timeline;
        protected override int IndexOf(Postmortem postmortem, TimelineEvent entry) => postmortem.Timeline.IndexOf(entry);

        protected override bool Prepare(Postmortem postmortem)
        {
            _time = null;
            _timeUnknown = false;
            _approximate = IsBound(nameof(Approximate)) ? Approximate.IsPresent : (bool?)null;
            var given = Time is PSObject shown ? shown.BaseObject : Time;
            if (IsBound(nameof(Time)) && given is string said && TimelineTime.IsUnknown(said))
            {
                _timeUnknown = true;
            }
            else if (IsBound(nameof(Time)))
            {
                var time = given;
                if (!TimelineTime.TryParse(time, postmortem.Date, null, out var utc, out var problem, out _, out bool marked))
                {
                    WriteError(new ErrorRecord(new FormatException(problem), ErrorIds.InvalidTimelineTime, ErrorCategory.InvalidArgument, time));
                    return false;
                }
                _time = utc;
                // A time typed anew says itself whether it is approximate (~23:30), unless -Approximate says so.
                _approximate ??= marked;
            }
            if (IsBound(nameof(Event)) && Text.Normalize(Event) is null)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException("The new text is blank. Say what happened, for example -Event 'Vault seal alert fired'."),
                    ErrorIds.InvalidTimelineEvent, ErrorCategory.InvalidArgument, Event));
                return false;
            }
            _milestone = IsBound(nameof(Milestone)) ? EnumName.Parse<Milestone>(Milestone) : (Milestone?)null;
            return true;
        }

        protected override string Changes
        {
            get
            {
                var parts = new List<string>();
                if (_time.HasValue) parts.Add($"time {_time.Value:yyyy-MM-dd HH:mm:ss}Z");
                if (_timeUnknown) parts.Add("time unknown");
                if (IsBound(nameof(Event))) parts.Add($"text '{Text.Normalize(Event)}'");
                if (_milestone.HasValue) parts.Add(_milestone == Postmortems.Milestone.None ? "no milestone" : $"milestone {_milestone}");
                if (IsBound(nameof(Source))) parts.Add($"source '{Text.SingleLine(Source) ?? TimelineEvent.ManualSource}'");
                if (_approximate.HasValue && (IsBound(nameof(Approximate)) || _approximate.Value)) parts.Add(_approximate.Value ? "approximate time" : "exact time");
                return string.Join(", ", parts);
            }
        }

        protected override void Apply(Postmortem postmortem, int index, TimelineEvent entry)
        {
            // '' or $null as -Source is the default source, manual, as for a new event.
            var source = IsBound(nameof(Source)) ? Text.SingleLine(Source) ?? TimelineEvent.ManualSource : null;
            var milestone = _milestone ?? entry.Milestone;
            if (_timeUnknown && milestone != Postmortems.Milestone.None)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException($"Timeline[{index}] '{Postmortems.Rules.TimelineMilestones.Short(entry.Event)}' marks {milestone}, and an event whose time is unknown marks no milestone (the metrics are measured between milestones' times). Clear it in the same command: -Time unknown -Milestone None, and mark the event that has the time instead."),
                    ErrorIds.InvalidTimelineEvent, ErrorCategory.InvalidArgument, entry));
                return;
            }
            // Unknown keeps the event's place: its time stays as the place and is no longer shown.
            postmortem.Timeline.Replace(index, entry.With(_time, IsBound(nameof(Event)) ? Event : null, _milestone, source, _approximate,
                _timeUnknown ? true : (bool?)null));
        }
    }

    /// <summary>
    /// Changes the action, owner, due date, priority, status (with its reason or done date) or tracking of action items,
    /// by index or piped from $pm.ActionItems. In a final postmortem the status, its reason and done date, and the
    /// tracking can still change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ActionItem", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Postmortem))]
    public sealed class SetActionItemCommand : SetInPostmortemCommand<ActionItem>
    {
        /// <summary>Action items to change: the very objects in $pm.ActionItems.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEntrySet)]
        public ActionItem[] InputItem { get; set; } = null!;

        /// <summary>The change, in the active voice.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Action { get; set; }

        /// <summary>Who owns it; '' or $null clears it.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Owner { get; set; }

        /// <summary>The day it is due; $null clears it.</summary>
        [Parameter]
        [AllowNull]
        [DayTransformation]
        public DateTime? DueDate { get; set; }

        /// <summary>P1 to P3; $null clears it.</summary>
        [Parameter]
        [AllowNull]
        public ActionPriority? Priority { get; set; }

        /// <summary>
        /// Open, InProgress, Done (recording today, UTC, unless -DoneDate; a done item keeps its day) or WontDo (with
        /// -Reason). Allowed on a final postmortem.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(ActionItemStatusCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateEnumName(typeof(ActionItemStatus), "status")]
        public object? Status { get; set; }

        /// <summary>Why the item won't be done: with -Status WontDo, or alone to reword it. Allowed on a final postmortem.</summary>
        [Parameter]
        [Alias("StatusReason")]
        public string? Reason { get; set; }

        /// <summary>The day the item was done: with -Status Done, or alone to correct it. Allowed on a final postmortem.</summary>
        [Parameter]
        [DayTransformation]
        public DateTime DoneDate { get; set; }

        /// <summary>A ticket id or URL where the work is tracked; '' or $null clears it.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Tracking { get; set; }

        protected override string ListName => "ActionItems";
        protected override string EntryNoun => "action item";
        protected override string NotFoundErrorId => ErrorIds.ActionItemNotFound;
        protected override IEnumerable<ActionItem> PipedEntries => InputItem;
        protected override IReadOnlyList<ActionItem> EntriesOf(Postmortem postmortem) => postmortem.ActionItems;

        protected override int IndexOf(Postmortem postmortem, ActionItem entry)
        {
            for (int i = 0; i < postmortem.ActionItems.Count; i++)
            {
                if (ReferenceEquals(postmortem.ActionItems[i], entry)) return i;
            }
            return -1;
        }

        // A final postmortem's action items still move to done (or won't be done) and get their tickets.
        protected override bool ChangesLockedContent =>
            IsBound(nameof(Action)) || IsBound(nameof(Owner)) || IsBound(nameof(DueDate)) || IsBound(nameof(Priority));

        protected override bool Prepare(Postmortem postmortem)
        {
            if (IsBound(nameof(Action)) && Text.Normalize(Action) is null)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException("The action is blank. Say what will change, for example -Action 'Add a --dry-run step to the deploy runbook'."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Action));
                return false;
            }
            return true;
        }

        private ActionItemStatus? GivenStatus => IsBound(nameof(Status)) ? EnumName.Parse<ActionItemStatus>(Status) : (ActionItemStatus?)null;

        private string? GivenReason => IsBound(nameof(Reason)) ? Reason : null;

        private DateTime? GivenDoneDate => IsBound(nameof(DoneDate)) ? DoneDate : (DateTime?)null;

        private bool ChangesStatus => IsBound(nameof(Status)) || IsBound(nameof(Reason)) || IsBound(nameof(DoneDate));

        // -Reason or -DoneDate alone must fit the status the item has: a reason for a WontDo item, a day for a Done one.
        protected override bool Fits(Postmortem postmortem, ActionItem entry)
        {
            if (!ChangesStatus || entry.StatusChangeProblem(GivenStatus, GivenReason, GivenDoneDate) is not string problem) return true;
            WriteError(new ErrorRecord(
                new PSArgumentException($"ActionItems[{IndexOf(postmortem, entry)}] '{entry}': {problem}"),
                ErrorIds.InvalidActionItemStatus, ErrorCategory.InvalidArgument, entry));
            return false;
        }

        protected override string Changes
        {
            get
            {
                var parts = new List<string>();
                if (IsBound(nameof(Action))) parts.Add($"action '{Text.Normalize(Action)}'");
                if (IsBound(nameof(Owner))) parts.Add(Text.SingleLine(Owner) is { } owner ? $"owner '{owner}'" : "no owner");
                if (IsBound(nameof(DueDate))) parts.Add(DueDate.HasValue ? $"due {DueDate.Value:yyyy-MM-dd}" : "no due date");
                if (IsBound(nameof(Priority))) parts.Add(Priority.HasValue ? $"priority {Priority}" : "no priority");
                if (GivenStatus is ActionItemStatus status) parts.Add($"status {status}");
                if (IsBound(nameof(Reason))) parts.Add($"reason '{Text.SingleLine(Reason)}'");
                if (IsBound(nameof(DoneDate))) parts.Add($"done {DoneDate:yyyy-MM-dd}");
                if (IsBound(nameof(Tracking))) parts.Add(Text.SingleLine(Tracking) is { } tracking ? $"tracking '{tracking}'" : "no tracking");
                return string.Join(", ", parts);
            }
        }

        protected override void Apply(Postmortem postmortem, int index, ActionItem entry)
        {
            if (IsBound(nameof(Action))) entry.Action = Action!;
            if (IsBound(nameof(Owner))) entry.Owner = Owner;
            if (IsBound(nameof(DueDate))) entry.DueDate = DueDate;
            if (IsBound(nameof(Priority))) entry.Priority = Priority;
            if (ChangesStatus) entry.ChangeStatus(GivenStatus, GivenReason, GivenDoneDate);
            if (IsBound(nameof(Tracking))) entry.Tracking = Tracking;
        }
    }
}
