using Postmortems.Metrics;

namespace Postmortems.Commands.Completion
{
    /// <summary>Where a clock of your own starts or stops: the timeline's milestones, then the impact's times.</summary>
    internal sealed class ClockAnchorCompleter : EnumNameCompleter<ClockAnchor>
    {
        protected override string Describe(ClockAnchor value) => ClockAnchors.Describe(value);
    }
}
