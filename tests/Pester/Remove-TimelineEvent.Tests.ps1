BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    . (Join-Path $PSScriptRoot 'HostText.ps1')
    # 7 events, 09:12:04 to 10:02:41 UTC; Timeline[1] is the Slack acknowledgement (Detected).
}

Describe 'Remove-TimelineEvent by index' {
    It 'removes Timeline[n] and passes the postmortem on' {
        $pm = New-CheckoutPostmortem
        $second = $pm.Timeline[1]
        $out = $pm | Remove-TimelineEvent 1
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        $pm.Timeline.Count | Should -Be 6
        $pm.Timeline | Should -Not -Contain $second
        $pm.Timeline[1].Event | Should -BeExactly 'Opened #inc-checkout; pulling gateway logs'
    }

    It 'takes several indexes, all counted in the timeline as it was' {
        $pm = New-CheckoutPostmortem
        $keep = @($pm.Timeline[0], $pm.Timeline[2], $pm.Timeline[4], $pm.Timeline[6])
        $pm | Remove-TimelineEvent -Index 5, 1, 3, 1 | Out-Null
        @($pm.Timeline) | Should -Be $keep
    }

    It 'reports an index past the end as TimelineEventNotFound, naming the range, and still removes the others' {
        $pm = New-CheckoutPostmortem
        $pm | Remove-TimelineEvent -Index 0, 7 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineEventNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception.Message | Should -BeLike '*no Timeline`[7`]*Timeline`[0`] to Timeline`[6`]*'
        $errs[0].Exception.Message | Should -Not -Match '\(Parameter |Actual value'
        $pm.Timeline.Count | Should -Be 6
    }

    It 'removes nothing with -WhatIf, and says what would go' {
        $pm = New-CheckoutPostmortem
        $said = Get-HostText { $pm | Remove-TimelineEvent 1 -WhatIf }
        $pm.Timeline.Count | Should -Be 7
        $said | Should -BeLike '*Remove timeline event*2026-11-20 09:15:10Z*Ack, looking at checkout 502s*'
    }

    It 'changes nothing on a final postmortem: PostmortemLocked' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm | Remove-TimelineEvent 1 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $pm.Timeline.Count | Should -Be 7
    }
}

Describe 'Remove-TimelineEvent with events from the pipeline' {
    It 'removes the events filtered from the very timeline it changes' {
        $pm = New-CheckoutPostmortem
        $pm.Timeline | Where-Object Source -eq 'slack' | Remove-TimelineEvent -Postmortem $pm
        @($pm.Timeline.Source | Sort-Object -Unique) | Should -Be @('alertmanager')
        $pm.Timeline.Count | Should -Be 2
    }

    It 'writes the postmortem once at the end with -PassThru, and nothing without it' {
        $pm = New-CheckoutPostmortem
        @($pm.Timeline | Select-Object -First 2 | Remove-TimelineEvent -Postmortem $pm) | Should -HaveCount 0
        $out = @($pm.Timeline | Select-Object -First 2 | Remove-TimelineEvent -Postmortem $pm -PassThru)
        $out | Should -HaveCount 1
        [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
        $pm.Timeline.Count | Should -Be 3
    }

    It 'matches an equal event from elsewhere, and reports one that is not there' {
        $pm = New-CheckoutPostmortem
        $copy = [Postmortems.TimelineEvent]::new([datetime]'2026-11-20T09:12:04Z', 'CheckoutHigh5xxRate firing: 38% of requests failed', 'FirstSymptom', 'alertmanager')
        $stranger = [Postmortems.TimelineEvent]::new([datetime]'2026-11-20T11:00:00Z', 'Not in this incident')
        $copy, $stranger | Remove-TimelineEvent -Postmortem $pm -ErrorVariable errs -ErrorAction SilentlyContinue
        $pm.Timeline.Count | Should -Be 6
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineEventNotFound,*'
        $errs[0].Exception.Message | Should -BeLike '*Not in this incident*is not in Timeline of*'
    }

    It 'removes nothing with -WhatIf' {
        $pm = New-CheckoutPostmortem
        $pm.Timeline | Remove-TimelineEvent -Postmortem $pm -WhatIf
        $pm.Timeline.Count | Should -Be 7
    }
}
