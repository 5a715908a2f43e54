BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    . (Join-Path $PSScriptRoot 'HostText.ps1')
    # 7 events, 09:12:04 to 10:02:41 UTC, each a milestone; Timeline[1] is the Slack acknowledgement (Detected).
}

Describe 'Set-TimelineEvent by index' {
    It 'changes the text, milestone and source of Timeline[n] in its place and passes the postmortem on' {
        $pm = New-CheckoutPostmortem
        $out = $pm | Set-TimelineEvent -Index 2 -Event 'Opened #inc-checkout' -Milestone Detected -Source pagerduty
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        $pm.Timeline.Count | Should -Be 7
        $pm.Timeline[2].Event | Should -BeExactly 'Opened #inc-checkout'
        $pm.Timeline[2].Milestone | Should -Be 'Detected'
        $pm.Timeline[2].Source | Should -BeExactly 'pagerduty'
        $pm.Timeline[2].Time | Should -Be ([datetimeoffset]'2026-11-20T09:21:00Z')
    }

    It 'clears a milestone with -Milestone None' {
        $pm = New-CheckoutPostmortem
        $pm | Set-TimelineEvent 1 -Milestone None | Out-Null
        $pm.Timeline[1].Milestone | Should -Be 'None'
        $pm.Timeline[1].Event | Should -BeExactly 'Ack, looking at checkout 502s'
        @($pm.Timeline | Where-Object Milestone -eq 'Detected') | Should -HaveCount 0
    }

    It 'reads the time as Add-TimelineEvent does and moves the event to it' {
        $pm = New-CheckoutPostmortem
        $pm | Set-TimelineEvent 6 -Time '10:40 +01:00' | Out-Null
        $pm.Timeline[4].Event | Should -BeExactly 'CheckoutHigh5xxRate resolved'
        $pm.Timeline[4].Time | Should -Be ([datetimeoffset]'2026-11-20T09:40:00Z')
        $pm.Timeline[4].Index | Should -Be 4
        $pm | Set-TimelineEvent 4 -Time 09:00 | Out-Null
        $pm.Timeline[0].Event | Should -BeExactly 'CheckoutHigh5xxRate resolved'
        $pm.Timeline[0].Time | Should -Be ([datetimeoffset]'2026-11-20T09:00:00Z')
    }

    It 'refuses a time it cannot read, or a blank text, as Add-TimelineEvent does, and changes nothing' {
        $pm = New-CheckoutPostmortem
        $before = @($pm.Timeline)
        $pm | Set-TimelineEvent 1 -Time 'yesterday-ish' -Milestone None -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime,*'
        $pm | Set-TimelineEvent 1 -Event '  ' -ErrorVariable errs2 -ErrorAction SilentlyContinue | Out-Null
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineEvent,*'
        @($pm.Timeline) | Should -Be $before
    }

    It 'reports an index past the end as TimelineEventNotFound, naming the range' {
        $pm = New-CheckoutPostmortem
        $out = $pm | Set-TimelineEvent -Index 7 -Milestone None -ErrorVariable errs -ErrorAction SilentlyContinue
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineEventNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception.Message | Should -BeLike '*no Timeline`[7`]*Timeline`[0`] to Timeline`[6`]*'
        $errs[0].Exception.Message | Should -Not -Match '\(Parameter |Actual value'
        @($pm.Timeline | Where-Object Milestone -ne 'None') | Should -HaveCount 7
    }

    It 'changes nothing with -WhatIf, and says what would change' {
        $pm = New-CheckoutPostmortem
        $before = @($pm.Timeline)
        $said = Get-HostText { $pm | Set-TimelineEvent 1 -Milestone None -Time 09:14 -WhatIf }
        @($pm.Timeline) | Should -Be $before
        $said | Should -BeLike '*Set timeline event*no milestone*Timeline`[1`]*Ack, looking at checkout 502s*'
    }

    It 'changes nothing on a final postmortem: PostmortemLocked, naming Unlock-Postmortem' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm | Set-TimelineEvent 1 -Milestone None -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $errs[0].Exception.Message | Should -BeLike '*Unlock-Postmortem*'
        $pm.Timeline[1].Milestone | Should -Be 'Detected'
    }
}

Describe 'Set-TimelineEvent with events from the pipeline' {
    It 'changes the events filtered from the very timeline it changes' {
        $pm = New-CheckoutPostmortem
        $pm.Timeline | Where-Object Source -eq 'alertmanager' | Set-TimelineEvent -Postmortem $pm -Source prometheus
        @($pm.Timeline | Where-Object Source -eq 'prometheus').Event | Should -Be @('CheckoutHigh5xxRate firing: 38% of requests failed', 'CheckoutHigh5xxRate resolved')
        $pm.Timeline.Count | Should -Be 7
    }

    It 'writes the postmortem once at the end with -PassThru, and nothing without it' {
        $pm = New-CheckoutPostmortem
        @($pm.Timeline[0] | Set-TimelineEvent -Postmortem $pm -Milestone None) | Should -HaveCount 0
        $out = @($pm.Timeline | Select-Object -First 2 | Set-TimelineEvent -Postmortem $pm -Milestone None -PassThru)
        $out | Should -HaveCount 1
        [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
        @($pm.Timeline | Where-Object Milestone -eq 'None') | Should -HaveCount 2
    }

    It 'reports an event that is not in the timeline' {
        $pm = New-CheckoutPostmortem
        $stranger = [Postmortems.TimelineEvent]::new([datetime]'2026-11-20T11:00:00Z', 'Not in this incident')
        $stranger | Set-TimelineEvent -Postmortem $pm -Milestone Resolved -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineEventNotFound,*'
        $pm.Timeline.Count | Should -Be 7
    }

    It 'changes nothing with -WhatIf' {
        $pm = New-CheckoutPostmortem
        $before = @($pm.Timeline)
        $pm.Timeline | Set-TimelineEvent -Postmortem $pm -Milestone None -WhatIf
        @($pm.Timeline) | Should -Be $before
    }

    It 'changes nothing on a final postmortem' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm.Timeline[1] | Set-TimelineEvent -Postmortem $pm -Milestone None -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $pm.Timeline[1].Milestone | Should -Be 'Detected'
    }
}

Describe 'Add-TimelineEvent -Milestone on an event piped from the timeline' {
    It 'sets, moves and clears the milestone of the event already there' {
        $pm = New-CheckoutPostmortem
        $pm.Timeline[2] | Add-TimelineEvent -Postmortem $pm -Milestone Detected
        $pm.Timeline[2].Milestone | Should -Be 'Detected'
        $pm.Timeline[2] | Add-TimelineEvent -Postmortem $pm -Milestone None
        $pm.Timeline[2].Milestone | Should -Be 'None'
        $pm.Timeline.Count | Should -Be 7
    }

    It 'keeps the milestones of piped events that carry their own' {
        $pm = New-CheckoutPostmortem
        $pm.Timeline | Add-TimelineEvent -Postmortem $pm
        @($pm.Timeline | Where-Object Milestone -ne 'None') | Should -HaveCount 7
        $pm.Timeline.Count | Should -Be 7
    }
}

Describe 'The timeline table' {
    It 'shows each event''s index, as -Index and Test-Postmortem name it' {
        $pm = New-CheckoutPostmortem
        $lines = ($pm.Timeline | Format-Table | Out-String -Width 200) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^\s*Index\s+Time \(UTC\)\s+Milestone\s+Event'
        $lines[2] | Should -Match '^\s*0\s+2026-11-20 09:12\s+FirstSymptom\s+CheckoutHigh5xxRate firing'
        $lines[8] | Should -Match '^\s*6\s+2026-11-20 10:02\s+Resolved\s+CheckoutHigh5xxRate resolved'
    }

    It 'formats 10,000 events in seconds' {
        $pm = New-Postmortem 'Many events' -Date 2026-11-20
        $start = [datetime]::SpecifyKind([datetime]'2026-11-20', 'Utc')
        $timeline = $pm.Timeline
        for ($i = 9999; $i -ge 0; $i--) { $null = $timeline.Add([Postmortems.TimelineEvent]::new($start.AddSeconds($i), "event $i")) }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $text = $pm.Timeline | Format-Table | Out-String -Width 200
        $watch.Stop()
        $text | Should -Match '(?m)^\s*9999\s+2026-11-20 02:46\s+event 9999\s*$'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
    }
}

Describe 'A milestone marked twice' {
    It 'is reported by DuplicateMilestone, and cleared as its suggestion says' {
        $pm = New-CheckoutPostmortem
        $pm | Add-TimelineEvent '09:40' 'CheckoutHigh5xxRate firing again (second webhook file)' -Milestone FirstSymptom -Source alertmanager | Out-Null
        $finding = @($pm | Test-Postmortem -Rule DuplicateMilestone)
        $finding | Should -HaveCount 1
        $finding[0].Target | Should -BeExactly 'Timeline[4]'
        $finding[0].Message | Should -BeLike '*Timeline`[0`] (09:12), Timeline`[4`] (09:40)*'
        $finding[0].Suggestion | Should -BeLike '*Set-TimelineEvent -Index 4 -Milestone None*'
        $pm | Set-TimelineEvent -Index 4 -Milestone None | Out-Null
        @($pm | Test-Postmortem -Rule DuplicateMilestone) | Should -HaveCount 0
    }

    It 'passes when the team''s settings let the milestone repeat' {
        $pm = New-CheckoutPostmortem
        $pm | Add-TimelineEvent '09:40' 'CheckoutHigh5xxRate firing again' -Milestone FirstSymptom -Source alertmanager | Out-Null
        $settings = Join-Path $TestDrive 'team.psd1'
        Set-Content -LiteralPath $settings -Value "@{ AddWords = @{ RepeatableMilestones = @('FirstSymptom') } }"
        @($pm | Test-Postmortem -Rule DuplicateMilestone -Settings $settings) | Should -HaveCount 0
    }
}

Describe 'Set-TimelineEvent -Milestone completion' {
    It 'offers None, which clears a milestone, beside the template''s milestones' {
        $line = 'Set-TimelineEvent 3 -Milestone '
        $names = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        $names | Should -Contain 'None'
        $names | Should -Contain 'Detected'
        $names | Should -HaveCount 8
    }
}
