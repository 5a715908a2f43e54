BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # Reads a table as Format-Table writes it, given the column labels it should have (in any order): finds the
    # header line, and cuts each row at the positions where the labels start, so the tests check which value is
    # under which header without fixing the order of the columns. Other tells whether the header has anything
    # besides those labels.
    function ConvertFrom-FormattedTable([string] $Text, [string[]] $Labels) {
        $lines = @($Text -split "`r?`n")
        $found = $null
        for ($i = 0; $i -lt $lines.Count - 1 -and -not $found; $i++) {
            $positions = @{}
            foreach ($label in $Labels) {
                $m = [regex]::Match($lines[$i], "(?<=^| )$([regex]::Escape($label))(?= |$)")
                if ($m.Success) { $positions[$label] = $m.Index }
            }
            if ($positions.Count -eq $Labels.Count -and $lines[$i + 1] -match '^[- ]+$') { $found = $i }
        }
        if ($null -eq $found) { throw "No table with the columns $($Labels -join ', ') in:`n$Text" }
        $header = $lines[$found]
        $ordered = @($Labels | Sort-Object { $positions[$_] })
        $other = $header
        foreach ($label in $Labels) { $other = $other.Remove($positions[$label], $label.Length).Insert($positions[$label], ' ' * $label.Length) }
        $rows = foreach ($line in $lines[($found + 2)..($lines.Count - 1)]) {
            if (-not $line.Trim()) { continue }
            $row = [ordered]@{}
            for ($c = 0; $c -lt $ordered.Count; $c++) {
                $start = $positions[$ordered[$c]]
                $end = if ($c -eq $ordered.Count - 1) { $line.Length } else { [Math]::Min($line.Length, $positions[$ordered[$c + 1]]) }
                $row[$ordered[$c]] = if ($start -ge $end) { '' } else { $line.Substring($start, $end - $start).Trim() }
            }
            $row
        }
        [pscustomobject]@{ Other = $other.Trim(); Rows = @($rows) }
    }

    $script:PostmortemColumns = 'Title', 'Date', 'Severity', 'Status', 'State', 'Duration', 'Events', 'Actions'
    $script:EventColumns = 'Index', 'Time (UTC)', 'Milestone', 'Event'
    $script:ActionColumns = 'Index', 'Action', 'Owner', 'Due Date', 'Priority', 'Status'

    $script:pm = New-Postmortem -Title 'OpenBao sealed' -Date 2026-11-20 -Severity P2 -Status Resolved |
        Add-TimelineEvent 14:02 'Vault seal alert fired' -Milestone FirstSymptom |
        Add-TimelineEvent 14:09 'Page acknowledged' -Milestone Detected |
        Add-TimelineEvent 14:30 'Checked the logs' |
        Add-TimelineEvent 15:47 'Unsealed' -Milestone Resolved |
        Add-ActionItem 'Add seal alert' -Owner platform -DueDate 2026-12-15 -Priority P2 |
        Add-ActionItem 'Document recovery keys' -Owner sre -Status Done -DoneDate 2026-12-01
}

Describe 'Format views' {
    Context 'a postmortem' {
        BeforeAll { $script:table = ConvertFrom-FormattedTable ($script:pm | Format-Table | Out-String -Width 200) $script:PostmortemColumns }

        It 'shows as a table with exactly the columns Title, Date, Severity, Status, State, Duration, Events and Actions' {
            $script:table.Other | Should -BeExactly ''
        }

        It 'shows one row with the title, the date as yyyy-MM-dd, severity and status' {
            $script:table.Rows.Count | Should -Be 1
            $row = $script:table.Rows[0]
            $row['Title'] | Should -BeExactly 'OpenBao sealed'
            $row['Date'] | Should -BeExactly '2026-11-20'
            $row['Severity'] | Should -BeExactly 'P2'
            $row['Status'] | Should -BeExactly 'Resolved'
        }

        It 'shows the derived duration as HH:MM and the event and action counts' {
            $row = $script:table.Rows[0]
            $row['Duration'] | Should -BeExactly '01:38'
            $row['Events'] | Should -BeExactly '4'
            $row['Actions'] | Should -BeExactly '2'
        }

        It 'is the default view, without Format-Table' {
            $default = ConvertFrom-FormattedTable ($script:pm | Out-String -Width 200) $script:PostmortemColumns
            $default.Other | Should -BeExactly ''
            $default.Rows[0]['Title'] | Should -BeExactly 'OpenBao sealed'
            $default.Rows[0]['Duration'] | Should -BeExactly '01:38'
        }

        It 'shows where the document stands in the review in the State column: Draft, InReview, Final' {
            $script:table.Rows[0]['State'] | Should -BeExactly 'Draft'
            $inReview = New-Postmortem 'in review' -Context Homelab | Submit-PostmortemReview
            (ConvertFrom-FormattedTable ($inReview | Format-Table | Out-String -Width 200) $script:PostmortemColumns).Rows[0]['State'] | Should -BeExactly 'InReview'
        }

        It 'rounds the duration to the nearest minute: 01:38:40 shows as 01:39, 01:38:20 as 01:38' {
            foreach ($case in @(@{ End = '15:47:40'; Shows = '01:39' }, @{ End = '15:47:20'; Shows = '01:38' })) {
                $pm = New-Postmortem 'seconds' -Date 2026-11-20 |
                    Add-TimelineEvent 14:09 'Page acknowledged' -Milestone Detected |
                    Add-TimelineEvent $case.End 'Unsealed' -Milestone Resolved
                (ConvertFrom-FormattedTable ($pm | Format-Table | Out-String -Width 200) $script:PostmortemColumns).Rows[0]['Duration'] | Should -BeExactly $case.Shows
            }
        }

        It 'leaves unset date, severity, status and duration blank and counts zero' {
            $row = (ConvertFrom-FormattedTable (New-Postmortem 'bare' | Format-Table | Out-String -Width 200) $script:PostmortemColumns).Rows[0]
            $row['Title'] | Should -BeExactly 'bare'
            $row['Date'] | Should -BeExactly ''
            $row['Severity'] | Should -BeExactly ''
            $row['Status'] | Should -BeExactly ''
            $row['Duration'] | Should -BeExactly ''
            $row['Events'] | Should -BeExactly '0'
            $row['Actions'] | Should -BeExactly '0'
        }
    }

    Context 'timeline events' {
        BeforeAll { $script:table = ConvertFrom-FormattedTable ($script:pm.Timeline | Format-Table | Out-String -Width 200) $script:EventColumns }

        It 'shows as a table with exactly the columns Index, Time (UTC), Milestone and Event' {
            $script:table.Other | Should -BeExactly ''
        }

        It 'shows each event, in time order, with its UTC date and time and its milestone' {
            $rows = $script:table.Rows
            $rows.Count | Should -Be 4
            $rows.ForEach({ $_['Index'] }) | Should -Be @('0', '1', '2', '3')
            $rows[0]['Time (UTC)'] | Should -BeExactly '2026-11-20 14:02'
            $rows[0]['Milestone'] | Should -BeExactly 'FirstSymptom'
            $rows[0]['Event'] | Should -BeExactly 'Vault seal alert fired'
            $rows[1]['Milestone'] | Should -BeExactly 'Detected'
            $rows[3]['Time (UTC)'] | Should -BeExactly '2026-11-20 15:47'
            $rows[3]['Milestone'] | Should -BeExactly 'Resolved'
            $rows[3]['Event'] | Should -BeExactly 'Unsealed'
        }

        It 'leaves the milestone blank for an event that marks none' {
            $row = $script:table.Rows[2]
            $row['Event'] | Should -BeExactly 'Checked the logs'
            $row['Milestone'] | Should -BeExactly ''
        }

        It 'shows the UTC time, not the local time, of an event added as a Local time' {
            # Make Local differ from UTC where the zone follows TZ (Linux, macOS): Asia/Kolkata is +05:30.
            $savedTz = $env:TZ
            try {
                if (-not $IsWindows -and (Test-Path '/usr/share/zoneinfo/Asia/Kolkata')) {
                    $env:TZ = 'Asia/Kolkata'
                    [System.TimeZoneInfo]::ClearCachedData()
                }
                $local = [datetime]::SpecifyKind([datetime]'2026-11-20 15:02', 'Local')
                $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time $local -Event 'a'
                $row = (ConvertFrom-FormattedTable ($pm.Timeline | Format-Table | Out-String -Width 200) $script:EventColumns).Rows[0]
                $row['Time (UTC)'] | Should -BeExactly $local.ToUniversalTime().ToString('yyyy-MM-dd HH:mm')
            }
            finally {
                $env:TZ = $savedTz
                [System.TimeZoneInfo]::ClearCachedData()
            }
        }
    }

    Context 'action items' {
        BeforeAll { $script:table = ConvertFrom-FormattedTable ($script:pm.ActionItems | Format-Table | Out-String -Width 200) $script:ActionColumns }

        It 'shows as a table with exactly the columns Index, Action, Owner, Due Date, Priority and Status' {
            $script:table.Other | Should -BeExactly ''
        }

        It 'shows each action item''s values under their headers' {
            $rows = $script:table.Rows
            $rows.Count | Should -Be 2
            $rows.ForEach({ $_['Index'] }) | Should -Be @('0', '1')
            $rows[0]['Action'] | Should -BeExactly 'Add seal alert'
            $rows[0]['Owner'] | Should -BeExactly 'platform'
            $rows[0]['Due Date'] | Should -BeExactly '2026-12-15'
            $rows[0]['Priority'] | Should -BeExactly 'P2'
            $rows[0]['Status'] | Should -BeExactly 'Open'
            $rows[1]['Action'] | Should -BeExactly 'Document recovery keys'
            $rows[1]['Owner'] | Should -BeExactly 'sre'
            $rows[1]['Due Date'] | Should -BeExactly ''
            $rows[1]['Priority'] | Should -BeExactly ''
            $rows[1]['Status'] | Should -BeExactly 'Done (2026-12-01)'
        }
    }
}

Describe 'Times in the views read the same in every culture' {
    BeforeAll {
        # The label and value of each line of Format-List's output.
        function Get-ListValues([string] $Text) {
            $values = [ordered]@{}
            foreach ($line in $Text -split "`r?`n") {
                if ($line -match '^(\w+)\s*: (.*)$' -and -not $values.Contains($Matches[1])) { $values[$Matches[1]] = $Matches[2].TrimEnd() }
            }
            $values
        }
        $script:culture = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = 'de-DE'
        $script:reviewed = New-Postmortem -Title 'OpenBao sealed' -Date 2026-11-20 -Severity P2 -Status Resolved -Context Homelab |
            Add-TimelineEvent 14:02:05 'Vault seal alert fired' -Milestone FirstSymptom |
            Add-TimelineEvent 14:09 'Page acknowledged' -Milestone Detected |
            Add-TimelineEvent 15:47:40 'Unsealed' -Milestone Resolved |
            Add-ActionItem 'Add seal alert' -Owner platform -DueDate 2026-12-15 -Priority P2 |
            Add-ActionItem 'Document recovery keys' -Owner sre -Status Done -DoneDate 2026-12-01 |
            Submit-PostmortemReview | Approve-Postmortem 'Marcus Lee' -Comment 'Timeline checked' -Acknowledge VagueActionItem -WarningAction SilentlyContinue
    }
    AfterAll { [cultureinfo]::CurrentCulture = $script:culture }

    It 'shows a postmortem''s date as yyyy-MM-dd in Format-List, and its sign-offs with UTC' {
        $list = Get-ListValues ($script:reviewed | Format-List | Out-String -Width 300)
        $list['Date'] | Should -BeExactly '2026-11-20'
        $list['SignOffs'] | Should -Match '^\{Marcus Lee approved \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\}$'
    }

    It 'shows the sign-offs as a table with the date and time under Date (UTC)' {
        $table = ConvertFrom-FormattedTable ($script:reviewed.SignOffs | Format-Table | Out-String -Width 200) 'Reviewer', 'Date (UTC)', 'Acknowledged', 'Comment'
        $table.Other | Should -BeExactly ''
        $table.Rows[0]['Reviewer'] | Should -BeExactly 'Marcus Lee'
        $table.Rows[0]['Date (UTC)'] | Should -BeExactly $script:reviewed.SignOffs[0].Date.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)
        $table.Rows[0]['Acknowledged'] | Should -BeExactly 'VagueActionItem'
        $table.Rows[0]['Comment'] | Should -BeExactly 'Timeline checked'
    }

    It 'shows an unlock with its UTC time and reason' {
        $pm = New-Postmortem 'u' -Context Homelab | Complete-Postmortem -Force | Unlock-Postmortem -Reason 'Corrected the detection time'
        $table = ConvertFrom-FormattedTable ($pm.Unlocks | Format-Table | Out-String -Width 200) 'Date (UTC)', 'Reason'
        $table.Rows[0]['Date (UTC)'] | Should -Match '^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$'
        $table.Rows[0]['Reason'] | Should -BeExactly 'Corrected the detection time'
    }

    It 'shows an action item''s due and done dates as yyyy-MM-dd in Format-List' {
        (Get-ListValues ($script:reviewed.ActionItems[0] | Format-List | Out-String -Width 300))['DueDate'] | Should -BeExactly '2026-12-15'
        (Get-ListValues ($script:reviewed.ActionItems[1] | Format-List | Out-String -Width 300))['DoneDate'] | Should -BeExactly '2026-12-01'
        $item = Get-ListValues ($script:reviewed | Get-ActionItem -AsOf 2026-12-20 | Select-Object -First 1 | Format-List | Out-String -Width 300)
        $item['PostmortemDate'] | Should -BeExactly '2026-11-20'
        $item['DueDate'] | Should -BeExactly '2026-12-15'
    }

    It 'shows a timeline event''s time in ISO form in Format-List, given and in UTC' {
        $event = Get-ListValues ($script:reviewed.Timeline[0] | Format-List | Out-String -Width 300)
        $event['Time'] | Should -BeExactly '2026-11-20 14:02:05 +00:00'
        $event['UtcTime'] | Should -BeExactly '2026-11-20 14:02:05 UTC'
    }

    It 'shows the impact''s times in UTC in Format-List, in any culture' {
        $pm = New-Postmortem 'w' -Date 2017-01-31 -DegradationStart 19:00 -ImpactStart '23:27' -ImpactEnd '2017-02-01 18:14' -DataLossStart 17:20 -DataLossEnd '23:27 +01:00'
        $impact = Get-ListValues ($pm.Impact | Format-List | Out-String -Width 300)
        $impact['DegradationStart'] | Should -BeExactly '2017-01-31 19:00 UTC'
        $impact['ImpactStart'] | Should -BeExactly '2017-01-31 23:27 UTC'
        $impact['ImpactEnd'] | Should -BeExactly '2017-02-01 18:14 UTC'
        $impact['DataLossEnd'] | Should -BeExactly '2017-01-31 22:27 UTC'
        $impact['DataLoss'] | Should -BeExactly 'True'
    }

    It 'shows a clock''s value rounded in the table, and its exact value and UTC times in Format-List' {
        $metric = $script:reviewed | Get-PostmortemMetric -Name TimeToResolve
        $row = (ConvertFrom-FormattedTable ($metric | Out-String -Width 200) 'Metric', 'Value', 'From', 'To', 'Note').Rows[0]
        $row['Value'] | Should -BeExactly '01:39'
        $list = Get-ListValues ($metric | Format-List | Out-String -Width 300)
        $list['Value'] | Should -BeExactly '01:38:40'
        $list['FromTime'] | Should -BeExactly '2026-11-20 14:09:00 UTC'
        $list['ToTime'] | Should -BeExactly '2026-11-20 15:47:40 UTC'
    }

    It 'shows Measure-Postmortem''s day as yyyy-MM-dd and its durations rounded' {
        $report = $script:reviewed | Measure-Postmortem -AsOf 2026-12-20 | Out-String -Width 200
        $report.Trim() | Should -BeLike '1 postmortems; action items as of 2026-12-20*'
        # Detect 00:06:55, restore 01:45:35 and resolve 01:38:40 (nothing to mitigate), each to the nearest minute.
        $report -split "`r?`n" | Where-Object { $_ -match '^P2\s+1\s+\d\d:' } | Should -Match '^P2 +1 +00:07 +00:07 +01:46 +01:46 +01:39 +01:39 *$'

    }

    It 'lists every property of <Type> in its Format-List view, so none is hidden' -ForEach @(
        @{ Type = 'Postmortems.Postmortem'; Get = { $script:reviewed } }
        @{ Type = 'Postmortems.TimelineEvent'; Get = { $script:reviewed.Timeline[0] } }
        @{ Type = 'Postmortems.ActionItem'; Get = { $script:reviewed.ActionItems[0] } }
        @{ Type = 'Postmortems.Metrics.PostmortemActionItem'; Get = { $script:reviewed | Get-ActionItem | Select-Object -First 1 } }
        @{ Type = 'Postmortems.Metrics.IncidentMetric'; Get = { $script:reviewed | Get-PostmortemMetric | Select-Object -First 1 } }
        @{ Type = 'Postmortems.ExternalVersion'; Get = { $script:reviewed.External } }
        @{ Type = 'Postmortems.Impact'; Get = { $script:reviewed.Impact } }
    ) {
        $object = & $Get
        $object.GetType().FullName | Should -Be $Type
        $shown = @((Get-ListValues ($object | Format-List | Out-String -Width 300)).Keys)
        $properties = @($object.PSObject.Properties.Name)
        @($properties | Where-Object { $shown -notcontains $_ }) | Should -BeNullOrEmpty
    }
}
