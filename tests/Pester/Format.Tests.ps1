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

    $script:PostmortemColumns = 'Title', 'Date', 'Severity', 'Status', 'Duration', 'Events', 'Actions'
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

        It 'shows as a table with exactly the columns Title, Date, Severity, Status, Duration, Events and Actions' {
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
