using System;
using System.Management.Automation;
using Postmortems.Commands.Completion;

namespace Postmortems.Commands
{
    /// <summary>
    /// Adds events to a postmortem's timeline. Either the postmortem comes down the pipeline and the event is
    /// given as parameters, or the events come down the pipeline (TimelineEvent objects, or any object with a
    /// time and a text: Get-WinEvent, Import-Csv, ConvertFrom-Json) and the postmortem is given as -Postmortem.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TimelineEvent", DefaultParameterSetName = ToPostmortemSet)]
    [OutputType(typeof(Postmortem))]
    public sealed class AddTimelineEventCommand : PSCmdlet
    {
        private const string ToPostmortemSet = "ToPostmortem";
        private const string FromPropertiesSet = "FromProperties";
        private const string FromTimelineEventSet = "FromTimelineEvent";
        private bool _lockReported;
        private bool _milestoneGiven;
        private TimeReading? _reading;
        // The last event this command put in the timeline: a piped step whose time is unknown goes right after it.
        private TimelineEvent? _lastAdded;

        /// <summary>The postmortem to add to.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ToPostmortemSet)]
        [Parameter(Mandatory = true, ParameterSetName = FromPropertiesSet)]
        [Parameter(Mandatory = true, ParameterSetName = FromTimelineEventSet)]
        public Postmortem Postmortem { get; set; } = null!;

        /// <summary>
        /// When it happened: a UTC time of day (on the postmortem's Date), or a full date and time; 'unknown' (or ?) for a
        /// step no source gives a time for, placed with -After or -Before, else after the last event.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ToPostmortemSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [Alias("TimeCreated", "Timestamp", "TimeGenerated")]
        public object Time { get; set; } = null!;

        /// <summary>What happened, in the past tense.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ToPostmortemSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [Alias("Message", "Description", "Text")]
        [AllowEmptyString]
        public string Event { get; set; } = null!;

        /// <summary>
        /// The milestone the event marks. Given here for an event already in the timeline (piped from $pm.Timeline), it
        /// replaces that event's milestone; None clears it.
        /// </summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [ArgumentCompleter(typeof(MilestoneCompleter))]
        [ValidateEnumName(typeof(Milestone), "milestone")]
        public object? Milestone { get; set; }

        /// <summary>Where the event came from; manual when not given.</summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [Alias("ProviderName")]
        public string? Source { get; set; }

        /// <summary>
        /// The time is only approximate (the source said "around 23:30"): shown as ~23:30, and the tone rule does not ask
        /// for an exact one. A time written ~23:30, ± 23:30, ca. 23:30, approx. 23:30 or 23:30-ish is approximate too.
        /// </summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ParameterSetName = FromPropertiesSet)]
        public SwitchParameter Approximate { get; set; }

        /// <summary>
        /// For an event whose time is unknown (-Time unknown): the index of the event it follows (as $pm.Timeline shows
        /// it). It takes that event's time as its place, is shown without a time, and enters no metric.
        /// </summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? After { get; set; }

        /// <summary>For an event whose time is unknown (-Time unknown): the index of the event it comes before.</summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? Before { get; set; }

        /// <summary>TimelineEvent objects, taken as they are.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FromTimelineEventSet)]
        public TimelineEvent InputEvent { get; set; } = null!;

        /// <summary>.NET custom formats for times the reader does not know (dd.MM.yyyy HH:mm), tried in turn first.</summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ParameterSetName = FromPropertiesSet)]
        [ValidateNotNullOrEmpty]
        public string[]? TimeFormat { get; set; }

        /// <summary>The culture whose date order reads a date such as 02/11/2026: de-DE day first, en-US month first.</summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ParameterSetName = FromPropertiesSet)]
        public System.Globalization.CultureInfo? Culture { get; set; }

        /// <summary>The time zone (IANA or Windows id, such as Europe/Berlin) of times written without an offset.</summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ParameterSetName = FromPropertiesSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string? TimeZone { get; set; }

        /// <summary>The fixed UTC offset (+01:00) of times written without one.</summary>
        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ParameterSetName = FromPropertiesSet)]
        [ValidateNotNullOrEmpty]
        public string? UtcOffset { get; set; }

        /// <summary>With events from the pipeline: emit the postmortem once, at the end.</summary>
        [Parameter(ParameterSetName = FromPropertiesSet)]
        [Parameter(ParameterSetName = FromTimelineEventSet)]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            // Before any pipeline binding: whether -Milestone was typed, not taken from a piped object's Milestone.
            _milestoneGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Milestone));
            _reading = TimeReadingParameters.Build(this, TimeFormat, Culture, TimeZone, UtcOffset);
        }

        protected override void ProcessRecord()
        {
            if (Postmortem.IsLocked)
            {
                // Once per command for events piped in; the postmortem passes on unchanged.
                if (!_lockReported) WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
                _lockReported = ParameterSetName != ToPostmortemSet;
                if (ParameterSetName == ToPostmortemSet) WriteObject(Postmortem);
                return;
            }
            switch (ParameterSetName)
            {
                case FromTimelineEventSet:
                    if (!Postmortem.Timeline.Add(InputEvent)) WriteVerbose($"Already in the timeline: {InputEvent}");
                    break;
                case FromPropertiesSet:
                    AddFromParameters();
                    break;
                default:
                    AddFromParameters();
                    WriteObject(Postmortem);
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (PassThru && ParameterSetName != ToPostmortemSet) WriteObject(Postmortem);
        }

        private void AddFromParameters()
        {
            var time = Time is PSObject wrapped ? wrapped.BaseObject : Time;
            if (time is string said && TimelineTime.IsUnknown(said))
            {
                AddUntimed();
                return;
            }
            if (After.HasValue || Before.HasValue)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException($"-After and -Before place an event whose time is unknown; an event with a time ({time}) goes to its time. Give -Time unknown to place it, or leave -After/-Before out."),
                    ErrorIds.InvalidTimelineEvent, ErrorCategory.InvalidArgument, time));
                return;
            }
            if (!TimelineTime.TryParse(time, Postmortem.Date, _reading, out var utc, out var problem, out var ambiguous, out bool marked))
            {
                WriteError(new ErrorRecord(new FormatException(problem), ambiguous ? ErrorIds.AmbiguousTimelineTime : ErrorIds.InvalidTimelineTime, ErrorCategory.InvalidArgument, time));
                return;
            }
            if (Text.Normalize(Event) is null)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException($"The event at {utc:yyyy-MM-dd HH:mm}Z has no text. Say what happened, for example -Event 'Vault seal alert fired'."),
                    ErrorIds.InvalidTimelineEvent, ErrorCategory.InvalidArgument, Event));
                return;
            }
            var timelineEvent = new TimelineEvent(utc, Event, EnumName.Parse<Milestone>(Milestone), Source, Approximate.IsPresent || marked);
            // A milestone typed on the command line is the user's word for the event already there: set, moved or cleared.
            bool changed = _milestoneGiven ? Postmortem.Timeline.Mark(timelineEvent) : Postmortem.Timeline.Add(timelineEvent);
            if (!changed) WriteVerbose($"Already in the timeline: {timelineEvent}");
            // A new object has an Index only when the timeline took it, not when it matched an event already there.
            if (timelineEvent.Index.HasValue) _lastAdded = timelineEvent;
        }

        // A step with no known time: at the place -After or -Before gives, else right after the last event this command
        // added (the order of the rows piped in), else at the end of the story.
        private void AddUntimed()
        {
            var timeline = Postmortem.Timeline;
            string? problem = null;
            if (Text.Normalize(Event) is null) problem = "The step has no text. Say what happened, for example -Event 'Restarted the ingress pods'.";
            else if (EnumName.Parse<Milestone>(Milestone) is Milestone milestone && milestone != Postmortems.Milestone.None)
            {
                problem = $"An event whose time is unknown cannot mark the {milestone} milestone: the metrics (time to detect, to resolve) are measured between milestones' times. Give it a time (~23:30 if only roughly known), or leave -Milestone out.";
            }
            else if (After.HasValue && Before.HasValue) problem = "Give -After or -Before, not both: the step goes right after one event or right before one.";
            else if ((After ?? Before) is int index && index >= timeline.Count)
            {
                var range = timeline.Count == 0 ? "the timeline is empty" : $"it holds Timeline[0] to Timeline[{timeline.Count - 1}]";
                problem = $"There is no Timeline[{index}] in '{Postmortem.Title}' to place the step {(After.HasValue ? "after" : "before")}: {range}. $pm.Timeline lists the events with their Index.";
            }
            if (problem is not null)
            {
                WriteError(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidTimelineEvent, ErrorCategory.InvalidArgument, Event));
                return;
            }
            int position = After.HasValue ? After.Value + 1
                : Before ?? (_lastAdded?.Index is int last && ReferenceEquals(timeline[last], _lastAdded) ? last + 1 : timeline.Count);
            var placed = timeline.Insert(position, TimelineEvent.Untimed(Event, Postmortem.Date ?? TimelineTime.Earliest, Source));
            if (placed is null)
            {
                WriteVerbose($"Already in the timeline: the step '{Text.SingleLine(Event)}' of unknown time.");
                return;
            }
            _lastAdded = placed;
        }
    }
}
