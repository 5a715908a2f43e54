using System.Management.Automation;

namespace PostmortemBench
{
    /// <summary>Binds pipeline objects by property name exactly as Add-TimelineEvent's FromProperties set does, and does nothing with them.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BindingFloor")]
    public sealed class InvokeBindingFloorCommand : PSCmdlet
    {
        [Parameter(Mandatory = true)]
        public object Postmortem { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TimeCreated", "Timestamp", "TimeGenerated")]
        public object Time { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Message", "Description", "Text")]
        public string Event { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Milestone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProviderName")]
        public string? Source { get; set; }

        protected override void ProcessRecord()
        {
        }
    }
}
