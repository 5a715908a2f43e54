<#
.SYNOPSIS
    The script reference's floor: an advanced function with Add-TimelineEventScript's parameters that does
    nothing, so the benchmark can tell PowerShell's binding cost from the work for the script as for the cmdlet.
#>
function Invoke-ScriptBindingFloor {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Postmortem,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('TimeCreated', 'Timestamp', 'TimeGenerated')] $Time,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('Message', 'Description', 'Text')] [string] $Event,
        [Parameter(ValueFromPipelineByPropertyName)] [Postmortems.Milestone] $Milestone = 'None',
        [Parameter(ValueFromPipelineByPropertyName)] [Alias('ProviderName')] [string] $Source = 'manual'
    )
    process { }
}
