BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

Describe 'Add-TimelineEvent' {
    Context 'with the postmortem from the pipeline' {
        It 'adds an event with -Time and -Event and passes the same postmortem on' {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = $pm | Add-TimelineEvent -Time 14:02 -Event 'Vault seal alert fired' -Milestone FirstSymptom
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.Timeline.Count | Should -Be 1
            $pm.Timeline[0].Event | Should -BeExactly 'Vault seal alert fired'
            $pm.Timeline[0].Milestone | Should -Be ([Postmortems.Milestone]::FirstSymptom)
        }

        It 'takes time and event positionally' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'alert fired'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]'2026-11-20T14:02:00')
            $pm.Timeline[0].Event | Should -BeExactly 'alert fired'
        }

        It 'records the source as manual unless -Source is given' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'a' | Add-TimelineEvent 14:03 'b' -Source slack
            $pm.Timeline[0].Source | Should -BeExactly 'manual'
            $pm.Timeline[1].Source | Should -BeExactly 'slack'
        }

        It 'defaults the milestone to None' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'a'
            $pm.Timeline[0].Milestone | Should -Be ([Postmortems.Milestone]::None)
        }

        It 'rejects an unknown milestone with the binding error that lists the milestones' {
            $pm = New-Postmortem x -Date 2026-11-20
            $err = { $pm | Add-TimelineEvent 14:02 'a' -Milestone Escalated } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
            $err.Exception.Message | Should -BeLike "*'Escalated' is not a milestone*FirstSymptom, Detected, InvestigationStarted, RootCauseIdentified, MitigationApplied, ServiceRestored, Resolved*"
            $pm.Timeline.Count | Should -Be 0
        }

        It 'writes InvalidTimelineEvent for a piped record with an empty message, and adds the others' {
            $pm = New-Postmortem x -Date 2026-11-20
            [pscustomobject]@{ Time = '14:02'; Message = '' }, [pscustomobject]@{ Time = '14:05'; Message = 'Alert fired' } |
                Add-TimelineEvent -Postmortem $pm -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineEvent*'
            $pm.Timeline.Event | Should -Be @('Alert fired')
        }

        It 'writes InvalidTimelineEvent for blank event text (<Text.Length> spaces) and adds nothing' -ForEach @(@{ Text = '   ' }, @{ Text = '' }) {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = $pm | Add-TimelineEvent 14:02 $Text -ErrorVariable errs -ErrorAction SilentlyContinue
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineEvent*'
            $pm.Timeline.Count | Should -Be 0
        }
    }

    Context 'times are stored in UTC' {
        BeforeAll {
            # Make Local differ from UTC (on Linux and macOS the zone follows TZ), so a Local time that was not
            # converted would show; Asia/Kolkata is +05:30 all year.
            $script:savedTz = $env:TZ
            if (-not $IsWindows -and (Test-Path '/usr/share/zoneinfo/Asia/Kolkata')) {
                $env:TZ = 'Asia/Kolkata'
                [System.TimeZoneInfo]::ClearCachedData()
            }
        }
        AfterAll {
            $env:TZ = $script:savedTz
            [System.TimeZoneInfo]::ClearCachedData()
        }

        It 'takes a string without an offset as UTC' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent '2026-11-20 14:02' 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
            $pm.Timeline[0].UtcTime.Kind | Should -Be 'Utc'
        }

        It 'converts a string with an offset to UTC' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent '2026-11-20 15:02 +01:00' 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
            $pm.Timeline[0].UtcTime.Kind | Should -Be 'Utc'
        }

        It 'takes an ISO 8601 time ending in Z as UTC' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent '2026-11-20T14:02:30Z' 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 30, [System.DateTimeKind]::Utc))
        }

        It 'converts a DateTime of Kind Local to UTC' {
            $local = [datetime]::SpecifyKind([datetime]'2026-11-20 15:02', 'Local')
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time $local -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be $local.ToUniversalTime()
            $pm.Timeline[0].UtcTime.Kind | Should -Be 'Utc'
        }

        It 'converts a DateTimeOffset to UTC' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time ([datetimeoffset]'2026-11-20T16:02:00+02:00') -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
        }

        It 'places a time of day alone on the postmortem''s Date' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time 14:02 -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
            $pm.Timeline[0].UtcTime.Kind | Should -Be 'Utc'
        }

        It 'places a time of day with seconds on the postmortem''s Date' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time 14:02:45 -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 45, [System.DateTimeKind]::Utc))
        }

        It 'converts a time of day with an offset on the postmortem''s Date' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time '15:02+01:00' -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
        }

        It 'converts a time of day with an offset back onto the previous UTC day' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent -Time '00:30+01:00' -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 19, 23, 30, 0, [System.DateTimeKind]::Utc))
        }

        It 'places a time of day on the Date set later with Set-Postmortem' {
            $pm = New-Postmortem x | Set-Postmortem -Date 2026-11-21 | Add-TimelineEvent 00:15 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 21, 0, 15, 0, [System.DateTimeKind]::Utc))
        }
    }

    Context 'unparsable times' {
        It 'writes a non-terminating InvalidTimelineTime error naming the value' {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = $pm | Add-TimelineEvent -Time 'half past two' -Event 'a' -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $errs[0].Exception.Message | Should -BeLike "*'half past two'*"
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errs[0].TargetObject | Should -BeExactly 'half past two'
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        }

        It 'leaves the timeline unchanged and lets the pipeline go on' {
            $pm = New-Postmortem x -Date 2026-11-20 |
                Add-TimelineEvent 14:00 'first' |
                Add-TimelineEvent 'not a time' 'bad' -ErrorAction SilentlyContinue |
                Add-TimelineEvent 14:10 'last'
            @($pm.Timeline.Event) | Should -Be @('first', 'last')
        }

        It 'rejects an out-of-range time of day with InvalidTimelineTime' {
            $pm = New-Postmortem x -Date 2026-11-20
            $pm | Add-TimelineEvent 25:00 'a' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $errs[0].Exception.Message | Should -BeLike "*'25:00'*"
            $pm.Timeline.Count | Should -Be 0
        }

        It 'rejects a time of day when the postmortem has no Date with InvalidTimelineTime' {
            $pm = New-Postmortem x
            $pm | Add-TimelineEvent -Time 14:02 -Event 'a' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $errs[0].Exception.Message | Should -BeLike "*'14:02'*"
            $pm.Timeline.Count | Should -Be 0
        }

        It 'accepts a full date and time when the postmortem has no Date' {
            $pm = New-Postmortem x | Add-TimelineEvent -Time '2026-11-20T14:02Z' -Event 'a'
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
        }

        It 'refuses a time before 1900 or after 2100 (<Time>) with InvalidTimelineTime, and the pipeline goes on' -ForEach @(
            @{ Time = '0026-11-20T14:02Z' }, @{ Time = '2206-11-20T14:02Z' }, @{ Time = [datetime]::new(26, 11, 20) }) {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = $pm | Add-TimelineEvent -Time $Time -Event 'typo' -ErrorVariable errs -ErrorAction SilentlyContinue |
                Add-TimelineEvent 14:02 'alert' -Milestone FirstSymptom
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $errs[0].Exception.Message | Should -BeLike '*a timeline takes times from 1900 to 2100. Check the year*'
            @($out.Timeline.Event) | Should -Be @('alert')
            $out | ConvertTo-PostmortemHtml | Should -BeLike '*<svg*'
        }

        It 'refuses a time of day that its offset pushes before year 1 with InvalidTimelineTime, not an exception' {
            $pm = New-Postmortem x
            $pm.Date = [datetime]::new(1, 1, 1)
            $pm | Add-TimelineEvent '00:30+05:45' 'a' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $errs[0].Exception.Message | Should -BeLike "*'00:30+05:45' on 0001-01-01 falls before 1900*"
            $pm.Timeline.Count | Should -Be 0
        }

        It 'stops at an InvalidTimelineTime error under -ErrorAction Stop' {
            $pm = New-Postmortem x -Date 2026-11-20
            { $pm | Add-TimelineEvent 'nonsense' 'a' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimelineTime,*'
        }
    }

    Context 'order' {
        It 'keeps the timeline in time order when events are added out of order' {
            $pm = New-Postmortem x -Date 2026-11-20 |
                Add-TimelineEvent 14:09 'acknowledged' |
                Add-TimelineEvent 14:02 'alert fired' |
                Add-TimelineEvent 15:30 'resolved' |
                Add-TimelineEvent 14:05 'second alert'
            @($pm.Timeline.Event) | Should -Be @('alert fired', 'second alert', 'acknowledged', 'resolved')
        }

        It 'keeps events at the same time in the order they were added' {
            $pm = New-Postmortem x -Date 2026-11-20 |
                Add-TimelineEvent 14:05 'A' |
                Add-TimelineEvent 14:00 'B' |
                Add-TimelineEvent 14:05 'C' |
                Add-TimelineEvent 14:00 'D' |
                Add-TimelineEvent 14:05 'E'
            @($pm.Timeline.Event) | Should -Be @('B', 'D', 'A', 'C', 'E')
        }

        It 'orders by instant, not by wall-clock text, when offsets differ' {
            $pm = New-Postmortem x -Date 2026-11-20 |
                Add-TimelineEvent '2026-11-20 14:30 +00:00' 'later' |
                Add-TimelineEvent '2026-11-20 15:00 +01:00' 'earlier'
            @($pm.Timeline.Event) | Should -Be @('earlier', 'later')
        }
    }

    Context 'events from the pipeline, postmortem as -Postmortem' {
        BeforeAll {
            $script:savedTz = $env:TZ
            if (-not $IsWindows -and (Test-Path '/usr/share/zoneinfo/Asia/Kolkata')) {
                $env:TZ = 'Asia/Kolkata'
                [System.TimeZoneInfo]::ClearCachedData()
            }
        }
        AfterAll {
            $env:TZ = $script:savedTz
            [System.TimeZoneInfo]::ClearCachedData()
        }

        It 'binds TimeCreated, Message and ProviderName from Get-WinEvent-shaped objects' {
            $local = [datetime]::SpecifyKind([datetime]'2026-11-20 15:02', 'Local')
            $record = [pscustomobject]@{
                TimeCreated  = $local
                Id           = 7036
                ProviderName = 'Service Control Manager'
                Message      = 'The OpenBao service entered the stopped state.'
            }
            $pm = New-Postmortem x -Date 2026-11-20
            $record | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 1
            $pm.Timeline[0].UtcTime | Should -Be $local.ToUniversalTime()
            $pm.Timeline[0].UtcTime.Kind | Should -Be 'Utc'
            $pm.Timeline[0].Event | Should -BeExactly 'The OpenBao service entered the stopped state.'
            $pm.Timeline[0].Source | Should -BeExactly 'Service Control Manager'
            $pm.Timeline[0].Milestone | Should -Be ([Postmortems.Milestone]::None)
        }

        It 'emits nothing without -PassThru' {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = [pscustomobject]@{ Time = '14:02'; Event = 'a' }, [pscustomobject]@{ Time = '14:03'; Event = 'b' } |
                Add-TimelineEvent -Postmortem $pm
            $out | Should -BeNullOrEmpty
            $pm.Timeline.Count | Should -Be 2
        }

        It 'emits the postmortem once, at the end, with -PassThru' {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = @(1..3 | ForEach-Object { [pscustomobject]@{ Time = "14:0$_"; Event = "event $_" } } |
                Add-TimelineEvent -Postmortem $pm -PassThru)
            $out.Count | Should -Be 1
            [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
            $out[0].Timeline.Count | Should -Be 3
        }

        It 'binds Import-Csv rows with Time, Event and Milestone columns' {
            $csv = Join-Path $TestDrive 'timeline.csv'
            Set-Content -LiteralPath $csv -Value @(
                'Time,Event,Milestone,Source'
                '14:02,Vault seal alert fired,FirstSymptom,alertmanager'
                '14:09,On-call acknowledged the page,Detected,pagerduty'
                '15:47,Unsealed with the recovery keys,Resolved,manual'
            )
            $pm = New-Postmortem x -Date 2026-11-20
            Import-Csv -LiteralPath $csv | Add-TimelineEvent -Postmortem $pm
            @($pm.Timeline.Event) | Should -Be @('Vault seal alert fired', 'On-call acknowledged the page', 'Unsealed with the recovery keys')
            @($pm.Timeline.Milestone) | Should -Be @('FirstSymptom', 'Detected', 'Resolved')
            @($pm.Timeline.Source) | Should -Be @('alertmanager', 'pagerduty', 'manual')
            $pm.Timeline[1].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 9, 0, [System.DateTimeKind]::Utc))
        }

        It 'binds an empty Milestone column as None' {
            $rows = @(
                'Time,Event,Milestone'
                '14:02,alert fired,FirstSymptom'
                '14:05,looked at the dashboard,'
                '14:09,page acknowledged,Detected'
            ) | ConvertFrom-Csv
            $pm = New-Postmortem x -Date 2026-11-20
            $rows | Add-TimelineEvent -Postmortem $pm -ErrorVariable errs
            $errs.Count | Should -Be 0
            $pm.Timeline.Count | Should -Be 3
            @($pm.Timeline.Milestone) | Should -Be @('FirstSymptom', 'None', 'Detected')
        }

        It 'reports an unknown milestone in a CSV row instead of silently taking it as None' {
            $rows = @(
                'Time,Event,Milestone'
                '14:02,alert fired,FirstSymptom'
                '15:47,unsealed,Resolvd'
                '15:50,closed the incident,'
            ) | ConvertFrom-Csv
            $pm = New-Postmortem x -Date 2026-11-20
            $rows | Add-TimelineEvent -Postmortem $pm -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -BeLike '*Resolvd*'
            $errs[0].Exception.Message | Should -BeLike '*FirstSymptom*Resolved*'
            @($pm.Timeline | Where-Object { $_.Event -eq 'unsealed' -and $_.Milestone -eq 'None' }) | Should -BeNullOrEmpty
            @($pm.Timeline.Event) | Should -Contain 'alert fired'
            @($pm.Timeline.Event) | Should -Contain 'closed the incident'
        }

        It 'binds a CSV time column named <TimeColumn> and a text column named <TextColumn>' -ForEach @(
            @{ TimeColumn = 'Time'; TextColumn = 'Event' }
            @{ TimeColumn = 'Timestamp'; TextColumn = 'Message' }
            @{ TimeColumn = 'Timestamp'; TextColumn = 'Description' }
            @{ TimeColumn = 'Time'; TextColumn = 'Description' }
        ) {
            $rows = @("$TimeColumn,$TextColumn", '2026-11-20T14:02:00Z,alert fired') | ConvertFrom-Csv
            $pm = New-Postmortem x -Date 2026-11-20
            $rows | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 1
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
            $pm.Timeline[0].Event | Should -BeExactly 'alert fired'
        }

        It 'skips a CSV row with a bad time, reports it, and goes on with the next row' {
            $rows = @(
                'Time,Event'
                '14:02,first'
                'quarter past,middle'
                '14:09,last'
            ) | ConvertFrom-Csv
            $pm = New-Postmortem x -Date 2026-11-20
            $out = $rows | Add-TimelineEvent -Postmortem $pm -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue
            $pm.Timeline.Count | Should -Be 2
            @($pm.Timeline.Event) | Should -Be @('first', 'last')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $errs[0].Exception.Message | Should -BeLike "*'quarter past'*"
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        }

        It 'binds ConvertFrom-Json objects with timestamp, description, milestone and source' {
            $json = '[{"timestamp":"2026-11-20T15:02:00+01:00","description":"Alert fired","milestone":"Detected","source":"alertmanager"},' +
                    '{"timestamp":"2026-11-20T15:00:00Z","description":"Unsealed","milestone":"Resolved"}]'
            $pm = New-Postmortem x -Date 2026-11-20
            $json | ConvertFrom-Json | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 2
            $pm.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 0, [System.DateTimeKind]::Utc))
            $pm.Timeline[0].Event | Should -BeExactly 'Alert fired'
            $pm.Timeline[0].Milestone | Should -Be 'Detected'
            $pm.Timeline[0].Source | Should -BeExactly 'alertmanager'
            $pm.Timeline[1].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 15, 0, 0, [System.DateTimeKind]::Utc))
            $pm.Timeline[1].Milestone | Should -Be 'Resolved'
        }

        It 'takes TimelineEvent objects as they are' {
            $first = [Postmortems.TimelineEvent]::new([datetime]'2026-11-20 14:09', 'Page acknowledged', 'Detected', 'slack')
            $second = [Postmortems.TimelineEvent]::new([datetime]'2026-11-20 14:02', 'Alert fired', 'FirstSymptom', 'alertmanager')
            $pm = New-Postmortem x -Date 2026-11-20
            $out = $first, $second | Add-TimelineEvent -Postmortem $pm -PassThru
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.Timeline.Count | Should -Be 2
            [object]::ReferenceEquals($pm.Timeline[0], $second) | Should -BeTrue
            [object]::ReferenceEquals($pm.Timeline[1], $first) | Should -BeTrue
            $pm.Timeline[1].Milestone | Should -Be 'Detected'
            $pm.Timeline[1].Source | Should -BeExactly 'slack'
            $pm.Timeline[1].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 9, 0, [System.DateTimeKind]::Utc))
        }
    }
}

Describe 'Duration derived from the timeline' {
    It 'runs from Detected to Resolved when both are there' {
        $pm = New-Postmortem x -Date 2026-11-20 |
            Add-TimelineEvent 14:02 'alert' -Milestone FirstSymptom |
            Add-TimelineEvent 14:09 'paged' -Milestone Detected |
            Add-TimelineEvent 15:10 'restored' -Milestone ServiceRestored |
            Add-TimelineEvent 15:30 'closed' -Milestone Resolved
        $pm.Duration | Should -Be ([timespan]'01:21')
    }

    It 'falls back to FirstSymptom and ServiceRestored' {
        $pm = New-Postmortem x -Date 2026-11-20 |
            Add-TimelineEvent 14:02 'alert' -Milestone FirstSymptom |
            Add-TimelineEvent 15:10 'restored' -Milestone ServiceRestored
        $pm.Duration | Should -Be ([timespan]'01:08')
    }

    It 'counts across midnight' {
        $pm = New-Postmortem x -Date 2026-11-20 |
            Add-TimelineEvent '2026-11-20T23:40Z' 'paged' -Milestone Detected |
            Add-TimelineEvent '2026-11-21T01:05Z' 'fixed' -Milestone Resolved
        $pm.Duration | Should -Be ([timespan]'01:25')
        $pm | ConvertTo-PostmortemMarkdown | Should -Match '(?m)^\*\*Duration:\*\* 01:25\\$'
    }

    It 'is not set while the end is missing' {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:09 'paged' -Milestone Detected
        $pm.Duration | Should -BeNullOrEmpty
        $pm | ConvertTo-PostmortemMarkdown | Should -Match '(?m)^\*\*Duration:\*\* _not set_\\$'
    }

    It 'shows the derived duration as HH:MM in the Markdown header' {
        $pm = New-Postmortem x -Date 2026-11-20 |
            Add-TimelineEvent 14:09 'paged' -Milestone Detected |
            Add-TimelineEvent 15:00 'fixed' -Milestone Resolved
        $pm | ConvertTo-PostmortemMarkdown | Should -Match '(?m)^\*\*Duration:\*\* 00:51\\$'
    }

    It 'uses -Duration from New-Postmortem instead of the timeline' {
        $pm = New-Postmortem x -Date 2026-11-20 -Duration 02:00 |
            Add-TimelineEvent 14:09 'paged' -Milestone Detected |
            Add-TimelineEvent 15:00 'fixed' -Milestone Resolved
        $pm.Duration | Should -Be ([timespan]'02:00')
    }

    It 'uses -Duration from Set-Postmortem instead of the timeline' {
        $pm = New-Postmortem x -Date 2026-11-20 |
            Add-TimelineEvent 14:09 'paged' -Milestone Detected |
            Add-TimelineEvent 15:00 'fixed' -Milestone Resolved |
            Set-Postmortem -Duration 00:20
        $pm.Duration | Should -Be ([timespan]'00:20')
        $pm | ConvertTo-PostmortemMarkdown | Should -Match '(?m)^\*\*Duration:\*\* 00:20\\$'
    }
}
