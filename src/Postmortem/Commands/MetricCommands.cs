using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;
using Postmortems.Metrics;

namespace Postmortems.Commands
{
    /// <summary>
    /// One postmortem's clocks: TimeToDetect (FirstSymptom to Detected), TimeToMitigate (FirstSymptom to
    /// MitigationApplied, else ServiceRestored), TimeToRestore (FirstSymptom to ServiceRestored, else Resolved) and
    /// TimeToResolve (Detected, else FirstSymptom, to Resolved, else ServiceRestored: the template's Duration), or a
    /// clock of your own with -From and -To.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PostmortemMetric", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(IncidentMetric))]
    public sealed class GetPostmortemMetricCommand : PostmortemInputCommand
    {
        /// <summary>Only these clocks.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        [ValidateMetricName]
        public string[]? Name { get; set; }

        /// <summary>
        /// Start a clock of your own at this milestone or impact time (ImpactStart, DegradationStart, ...; the first one
        /// present, when several are given).
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(ClockAnchorCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateClockAnchors]
        public object[]? From { get; set; }

        /// <summary>End a clock of your own at this milestone or impact time (ImpactEnd, DataLossEnd, ...; the first one present, when several are given).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ClockAnchorCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateClockAnchors]
        public object[]? To { get; set; }

        private IReadOnlyList<MetricDefinition> _definitions = MetricDefinition.Standard;

        protected override void BeginProcessing()
        {
            if ((From is null) != (To is null))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Give -From and -To together, for example -From Detected -To MitigationApplied."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, null));
            }
            if (From is not null && To is not null)
            {
                // Typed as names, not ClockAnchor[], so that the completer (with its tooltips) is used: PowerShell
                // completes an enum-typed parameter itself.
                try
                {
                    var from = From.Select(ValidateClockAnchorsAttribute.Parse).ToArray();
                    var to = To.Select(ValidateClockAnchorsAttribute.Parse).ToArray();
                    _definitions = new[] { new MetricDefinition($"{from[0]}To{to[0]}", from, to) };
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, null));
                }
            }
            else if (Name is not null)
            {
                _definitions = MetricDefinition.Standard.Where(d => Name.Contains(d.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems())
            {
                foreach (var definition in _definitions) WriteObject(definition.Measure(postmortem));
            }
        }
    }

    /// <summary>
    /// Where a clock starts or stops: a milestone or an impact time by name (any case), or the value itself. None passes
    /// here, so that the command says why no clock starts there.
    /// </summary>
    internal sealed class ValidateClockAnchorsAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var value = element is PSObject wrapped ? wrapped.BaseObject : element;
            if (TryParse(value, out _) || value is Milestone || (value is string text && text.Trim().Equals(nameof(Milestone.None), StringComparison.OrdinalIgnoreCase))) return;
            throw new ValidationMetadataException($"'{value}' is not a milestone or impact time. Use one of: {string.Join(", ", Enum.GetNames(typeof(ClockAnchor)))}.");
        }

        private static bool TryParse(object? value, out ClockAnchor anchor)
        {
            anchor = default;
            switch (value)
            {
                case ClockAnchor given:
                    anchor = given;
                    return Enum.IsDefined(typeof(ClockAnchor), given);
                case ImpactTime time:
                    anchor = ClockAnchors.Of(time);
                    return true;
                case Milestone milestone when milestone != Milestone.None:
                    anchor = ClockAnchors.Of(milestone);
                    return true;
                case string text:
                    var name = Enum.GetNames(typeof(ClockAnchor)).FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (name is null) return false;
                    anchor = (ClockAnchor)Enum.Parse(typeof(ClockAnchor), name);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The anchor a validated value names; None throws the ArgumentException that says why no clock starts there.</summary>
        public static ClockAnchor Parse(object element)
        {
            var value = element is PSObject wrapped ? wrapped.BaseObject : element;
            return TryParse(value, out var anchor) ? anchor : ClockAnchors.Of(Milestone.None);
        }
    }

    /// <summary>The four clocks' names; not a ValidateSet, whose completion would hide the completer's tooltips.</summary>
    internal sealed class ValidateMetricNameAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var name = (element is PSObject wrapped ? wrapped.BaseObject : element) as string;
            if (name is not null && MetricDefinition.Standard.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) return;
            throw new ValidationMetadataException($"'{element}' is not a clock. Use one of: {string.Join(", ", MetricDefinition.Standard.Select(d => d.Name))}, or -From and -To for one of your own.");
        }
    }

    /// <summary>
    /// Many postmortems at a glance: how many by severity and status, the median and 90th percentile of each clock
    /// by severity, the most frequent contributing factors, and the action items: open, overdue, and how old.
    /// A postmortem that comes twice (its .yaml and its .md, the same id) is counted once, from the file written last,
    /// with a warning naming the files.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "Postmortem", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(PostmortemMeasure))]
    public sealed class MeasurePostmortemCommand : PostmortemInputCommand
    {
        private readonly List<Postmortem> _postmortems = new List<Postmortem>();

        /// <summary>The day overdue and age are counted against; today (UTC) when not given.</summary>
        [Parameter]
        [DayTransformation]
        public DateTime AsOf { get; set; }

        /// <summary>How many of the most frequent contributing factors to list.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int Top { get; set; } = 10;

        /// <summary>A .psd1 settings file whose ActionItemDueDays says when an item without a due date is due.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private ActionItemDuePolicy _policy = ActionItemDuePolicy.Default;

        protected override void BeginProcessing() => _policy = RuleSelection.LoadSettings(this, Settings).DuePolicy;

        protected override void ProcessRecord() => _postmortems.AddRange(InputPostmortems());

        protected override void EndProcessing()
        {
            var asOf = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf)) ? AsOf.Date : DateTime.UtcNow.Date;
            var distinct = DistinctPostmortems.Of(_postmortems, out var warnings);
            foreach (var warning in warnings) WriteWarning(warning);
            if (PostmortemMeasurer.DatedAfter(distinct, asOf) is string later) WriteWarning(later);
            WriteObject(PostmortemMeasurer.Measure(distinct, asOf, _policy, Top));
        }
    }

    /// <summary>
    /// The action items of many postmortems, each with the postmortem it belongs to, for a follow-up review. An item
    /// without a due date is due by the team's policy (the incident's date plus its priority's ActionItemDueDays), and
    /// says so (DueDateFrom Policy). A postmortem that comes twice (its .yaml and its .md, the same id) gives its items
    /// once, from the file written last, with a warning naming the files; so the items are written out when the input ends.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ActionItem", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(PostmortemActionItem))]
    public sealed class GetActionItemCommand : PostmortemInputCommand
    {
        private readonly List<Postmortem> _postmortems = new List<Postmortem>();
        private WildcardPattern[]? _owners;

        /// <summary>Only items of these owners (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Owner { get; set; }

        /// <summary>Only items with one of these statuses.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ActionItemStatusCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateEnumNames(typeof(ActionItemStatus), "status")]
        public object[]? Status { get; set; }

        [Parameter]
        public ActionPriority Priority { get; set; }

        /// <summary>
        /// Only items still to do (Open or InProgress) past their due date, as of -AsOf, else today; an item without a
        /// due date is due by the policy.
        /// </summary>
        [Parameter]
        public SwitchParameter Overdue { get; set; }

        /// <summary>The day overdue is counted against; today (UTC) when not given.</summary>
        [Parameter]
        [DayTransformation]
        public DateTime AsOf { get; set; }

        /// <summary>A .psd1 settings file whose ActionItemDueDays says when an item without a due date is due.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private ActionItemDuePolicy _policy = ActionItemDuePolicy.Default;
        private ActionItemStatus[]? _statuses;

        protected override void BeginProcessing()
        {
            _owners = Owner?.Select(o => new WildcardPattern(o, WildcardOptions.IgnoreCase)).ToArray();
            _statuses = Status?.Select(EnumName.Parse<ActionItemStatus>).ToArray();
            _policy = RuleSelection.LoadSettings(this, Settings).DuePolicy;
        }

        protected override void ProcessRecord() => _postmortems.AddRange(InputPostmortems());

        protected override void EndProcessing()
        {
            var bound = MyInvocation.BoundParameters;
            var asOf = bound.ContainsKey(nameof(AsOf)) ? AsOf.Date : DateTime.UtcNow.Date;
            var distinct = DistinctPostmortems.Of(_postmortems, out var warnings);
            foreach (var warning in warnings) WriteWarning(warning);
            foreach (var postmortem in distinct)
            {
                foreach (var item in PostmortemMeasurer.ActionItems(postmortem, asOf, _policy))
                {
                    if (_owners is not null && !_owners.Any(o => o.IsMatch(item.Owner ?? string.Empty))) continue;
                    if (_statuses is not null && !_statuses.Contains(item.Status)) continue;
                    if (bound.ContainsKey(nameof(Priority)) && item.Priority != Priority) continue;
                    if (Overdue && !item.Overdue) continue;
                    WriteObject(item);
                }
            }
        }
    }
}
