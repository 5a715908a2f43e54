<#
.SYNOPSIS
    The benchmark's script reference: what a PowerShell user would write instead of Add-TimelineEvent's
    property-name binding, as an idiomatic advanced function doing the same work: take the same properties
    (the time, the text, a milestone and a source, under the same alternative names: TimeCreated, Message,
    ProviderName and the rest), read the time (a string without an offset is UTC), and add the event to the
    postmortem's timeline, which keeps time order.
#>
function Add-TimelineEventScript {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Postmortem,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('TimeCreated', 'Timestamp', 'TimeGenerated')] $Time,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('Message', 'Description', 'Text')] [string] $Event,
        [Parameter(ValueFromPipelineByPropertyName)] [Postmortems.Milestone] $Milestone = 'None',
        [Parameter(ValueFromPipelineByPropertyName)] [Alias('ProviderName')] [string] $Source = 'manual'
    )
    process {
        $utc = if ($Time -is [datetime]) {
            if ($Time.Kind -eq 'Local') { $Time.ToUniversalTime() } else { [datetime]::SpecifyKind($Time, 'Utc') }
        }
        else {
            [datetime]::Parse([string] $Time, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]'AssumeUniversal, AdjustToUniversal')
        }
        [void] $Postmortem.Timeline.Add([Postmortems.TimelineEvent]::new($utc, $Event, $Milestone, $Source))
    }
}

<#
.SYNOPSIS
    A lighter script that takes fewer properties (no milestone; not TimeGenerated or ProviderName), so does less
    than Add-TimelineEvent. Reported beside the reference, to show what those inputs cost in binding.
#>
function Add-TimelineEventScriptLite {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Postmortem,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('TimeCreated', 'Timestamp')] $Time,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('Message', 'Description', 'Text')] [string] $Event,
        [Parameter(ValueFromPipelineByPropertyName)] [string] $Source = 'manual'
    )
    process {
        $utc = if ($Time -is [datetime]) {
            if ($Time.Kind -eq 'Local') { $Time.ToUniversalTime() } else { [datetime]::SpecifyKind($Time, 'Utc') }
        }
        else {
            [datetime]::Parse([string] $Time, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]'AssumeUniversal, AdjustToUniversal')
        }
        [void] $Postmortem.Timeline.Add([Postmortems.TimelineEvent]::new($utc, $Event, [Postmortems.Milestone]::None, $Source))
    }
}
