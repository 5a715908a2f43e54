using System.Management.Automation;

namespace PostmortemBench
{
    /// <summary>Stands in for Postmortems.Postmortem: a type a piped record does not convert to.</summary>
    public sealed class FloorPostmortem
    {
    }

    /// <summary>Stands in for Postmortems.TimelineEvent.</summary>
    public sealed class FloorEvent
    {
    }

    /// <summary>
    /// Declares Add-TimelineEvent's parameters exactly, its three parameter sets included, and does nothing: what
    /// PowerShell's binder costs for that declaration, before the cmdlet does any work.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BindingFloorSets", DefaultParameterSetName = ToPostmortemSet)]
    public sealed class InvokeBindingFloorSetsCommand : PSCmdlet
    {
        private const string ToPostmortemSet = "ToPostmortem";
        private const string FromPropertiesSet = "FromProperties";
        private const string FromTimelineEventSet = "FromTimelineEvent";

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ToPostmortemSet)]
        [Parameter(Mandatory = true, ParameterSetName = FromPropertiesSet)]
        [Parameter(Mandatory = true, ParameterSetName = FromTimelineEventSet)]
        public FloorPostmortem Postmortem { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ToPostmortemSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [Alias("TimeCreated", "Timestamp", "TimeGenerated")]
        public object Time { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ToPostmortemSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [Alias("Message", "Description", "Text")]
        public string Event { get; set; } = null!;

        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        public object? Milestone { get; set; }

        [Parameter(ParameterSetName = ToPostmortemSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FromPropertiesSet)]
        [Alias("ProviderName")]
        public string? Source { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FromTimelineEventSet)]
        public FloorEvent InputEvent { get; set; } = null!;

        [Parameter(ParameterSetName = FromPropertiesSet)]
        [Parameter(ParameterSetName = FromTimelineEventSet)]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
        }
    }
}
