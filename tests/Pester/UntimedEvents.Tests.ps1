BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'HostText.ps1')

    function New-BrokerOutage {
        New-Postmortem 'Broker outage' -Date 2026-11-20 |
            Add-TimelineEvent 22:10 'Queue depth alert fired' -Milestone FirstSymptom |
            Add-TimelineEvent 22:25 'On-call engineer acknowledged the page' -Milestone Detected |
            Add-TimelineEvent 23:45 'Service back online' -Milestone ServiceRestored
    }
}

Describe 'Events whose time is unknown' {
    It 'puts a step -After an event, shown without a time and out of the metrics' {
        $pm = New-BrokerOutage | Add-TimelineEvent -Time unknown 'Restarted the broker pods' -After 1
        $pm.Timeline.Event | Should -Be @('Queue depth alert fired', 'On-call engineer acknowledged the page', 'Restarted the broker pods', 'Service back online')
        $pm.Timeline[2].TimeUnknown | Should -BeTrue
        $pm.Timeline[2].Index | Should -Be 2
        ($pm.Timeline | Format-Table | Out-String -Width 200) | Should -Match '(?m)^\s*2\s+unknown\s+Restarted the broker pods'
        ($pm | ConvertTo-PostmortemMarkdown) | Should -Match '(?m)^\| unknown \| Restarted the broker pods \| \|$'
        ($pm | Get-PostmortemMetric | Where-Object Name -eq TimeToResolve).Value | Should -Be ([timespan]'01:20:00')
        ($pm | Get-PostmortemMetric | Where-Object Name -eq TimeToDetect).Value | Should -Be ([timespan]'00:15:00')
    }

    It 'puts a step -Before an event, and at the end with neither' {
        $pm = New-BrokerOutage |
            Add-TimelineEvent ? 'Customers reported slow checkouts' -Before 0 |
            Add-TimelineEvent unknown 'Wrote the status page update'
        $pm.Timeline[0].Event | Should -Be 'Customers reported slow checkouts'
        $pm.Timeline[-1].Event | Should -Be 'Wrote the status page update'
        @($pm.Timeline | Where-Object TimeUnknown).Count | Should -Be 2
    }

    It 'keeps the order of rows piped in, a row without a time going right after the row before it' {
        $pm = New-Postmortem 'Failover' -Date 2026-11-20
        @(
            [pscustomobject]@{ Time = '10:00'; Message = 'Primary stopped answering' }
            [pscustomobject]@{ Time = '?'; Message = 'Checked replication lag by hand' }
            [pscustomobject]@{ Time = 'unknown'; Message = 'Promoted the replica' }
            [pscustomobject]@{ Time = '10:20'; Message = 'Writes succeeded again' }
        ) | Add-TimelineEvent -Postmortem $pm
        $pm.Timeline.Event | Should -Be @('Primary stopped answering', 'Checked replication lag by hand', 'Promoted the replica', 'Writes succeeded again')
        $pm.Timeline.TimeUnknown | Should -Be @($false, $true, $true, $false)
    }

    It 'refuses a milestone, both -After and -Before, an index past the end, and -After with a known time' {
        $pm = New-BrokerOutage
        $pm | Add-TimelineEvent unknown 'Restarted the pods' -Milestone MitigationApplied -ErrorVariable e1 -ErrorAction SilentlyContinue | Out-Null
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineEvent,*'
        $e1[0].Exception.Message | Should -Match 'cannot mark the MitigationApplied milestone'
        $pm | Add-TimelineEvent unknown 'Restarted the pods' -After 0 -Before 1 -ErrorVariable e2 -ErrorAction SilentlyContinue | Out-Null
        $e2[0].Exception.Message | Should -Match 'not both'
        $pm | Add-TimelineEvent unknown 'Restarted the pods' -After 9 -ErrorVariable e3 -ErrorAction SilentlyContinue | Out-Null
        $e3[0].Exception.Message | Should -Match 'There is no Timeline\[9\].*Timeline\[0\] to Timeline\[2\]'
        $pm | Add-TimelineEvent 23:00 'Restarted the pods' -After 0 -ErrorVariable e4 -ErrorAction SilentlyContinue | Out-Null
        $e4[0].Exception.Message | Should -Match '-Time unknown'
        $pm.Timeline.Count | Should -Be 3
    }

    It 'adds the same step once when a script runs twice' {
        $pm = New-BrokerOutage | Add-TimelineEvent unknown 'Restarted the pods' -After 1
        $pm | Add-TimelineEvent unknown 'Restarted the pods' -After 1 | Out-Null
        $pm.Timeline.Count | Should -Be 4
    }

    It 'gives a step its time when one is found, and says an event''s time is unknown with Set-TimelineEvent' {
        $pm = New-BrokerOutage | Add-TimelineEvent unknown 'Restarted the broker pods' -After 1
        $pm | Set-TimelineEvent -Index 2 -Time 23:05 | Out-Null
        $pm.Timeline[2].TimeUnknown | Should -BeFalse
        $pm.Timeline[2].Time | Should -Be ([datetimeoffset]'2026-11-20T23:05:00Z')
        $pm | Set-TimelineEvent -Index 1 -Time unknown -ErrorVariable e -ErrorAction SilentlyContinue | Out-Null
        $e[0].Exception.Message | Should -Match 'marks Detected.*-Time unknown -Milestone None'
        $pm.Timeline[1].TimeUnknown | Should -BeFalse
        $pm | Set-TimelineEvent -Index 2 -Time unknown | Out-Null
        $pm.Timeline[2].TimeUnknown | Should -BeTrue
        $pm.Timeline[2].Event | Should -Be 'Restarted the broker pods'
    }

    It 'is kept by a YAML draft and by Markdown read back, as time: unknown and an unknown cell' {
        $pm = New-BrokerOutage | Add-TimelineEvent unknown 'Restarted the broker pods' -After 1
        $yaml = Join-Path $TestDrive 'draft.yaml'
        $pm | Export-Postmortem -Path $yaml -Force
        (Get-Content -Raw $yaml) | Should -Match 'time: unknown'
        (Import-Postmortem -LiteralPath $yaml).Timeline.TimeUnknown | Should -Be @($false, $false, $true, $false)
        $md = Join-Path $TestDrive 'draft.md'
        $pm | Export-Postmortem -Path $md -Force
        $back = Import-Postmortem -LiteralPath $md
        $back.Timeline.Event | Should -Be $pm.Timeline.Event
        $back.Timeline.TimeUnknown | Should -Be @($false, $false, $true, $false)
    }

    It 'raises no SpecificTimes for a step that says it has no exact time' {
        $pm = New-BrokerOutage | Add-TimelineEvent unknown 'Some time later, restarted the consumers' -After 1
        @($pm | Test-Postmortem -Rule SpecificTimes) | Should -HaveCount 0
    }
}
