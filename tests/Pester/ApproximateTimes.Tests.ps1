BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'HostText.ps1')
}

Describe 'Approximate times' {
    It 'marks an event approximate with -Approximate' {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:30 'Broker restarted by hand' -Approximate
        $pm.Timeline[0].Approximate | Should -BeTrue
        $pm.Timeline[0].Time | Should -Be ([datetimeoffset]'2026-11-20T23:30:00Z')
    }

    It 'reads <Time> as approximate 23:30' -ForEach @(
        @{ Time = '~23:30' }, @{ Time = '± 23:30' }, @{ Time = 'ca. 23:30' }, @{ Time = 'approx. 23:30' }, @{ Time = '23:30-ish' }
    ) {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent $Time 'Broker restarted by hand' -ErrorAction Stop
        $pm.Timeline[0].Approximate | Should -BeTrue
        $pm.Timeline[0].Time | Should -Be ([datetimeoffset]'2026-11-20T23:30:00Z')
    }

    It 'keeps an exact time exact' {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:30 'Broker restarted'
        $pm.Timeline[0].Approximate | Should -BeFalse
    }

    It 'reads the marker in the times of piped objects' {
        $pm = New-Postmortem x -Date 2026-11-20
        [pscustomobject]@{ Time = '~23:30'; Message = 'Broker restarted' } | Add-TimelineEvent -Postmortem $pm
        $pm.Timeline[0].Approximate | Should -BeTrue
    }

    It 'refuses a marker with no time, with InvalidTimelineTime' {
        $pm = New-Postmortem x -Date 2026-11-20
        $pm | Add-TimelineEvent '~' 'Broker restarted' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime,*'
        $pm.Timeline.Count | Should -Be 0
    }

    It 'shows ~ before the time in the table view, the Markdown and the chart' {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 22:10 'Alert fired' -Milestone FirstSymptom | Add-TimelineEvent '~23:30' 'Broker restarted by hand'
        ($pm.Timeline | Format-Table | Out-String -Width 200) | Should -Match '~2026-11-20 23:30'
        $md = $pm | ConvertTo-PostmortemMarkdown
        $md | Should -Match '(?m)^\| ~23:30 \| Broker restarted by hand'
        $md | Should -Match '(?m)^\| 22:10 \| Alert fired'
    }

    It 'is kept by a saved draft and by Markdown read back' {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 22:10 'Alert fired' | Add-TimelineEvent 23:30 'Broker restarted by hand' -Approximate
        $yaml = Join-Path $TestDrive 'draft.yaml'
        $pm | Export-Postmortem -Path $yaml -Force
        (Get-Content -Raw $yaml) | Should -Match 'approximate: true'
        (Import-Postmortem -LiteralPath $yaml).Timeline.ForEach({ $_.Approximate }) | Should -Be @($false, $true)
        $md = Join-Path $TestDrive 'draft.md'
        $pm | Export-Postmortem -Path $md -Force
        (Import-Postmortem -LiteralPath $md).Timeline.ForEach({ $_.Approximate }) | Should -Be @($false, $true)
    }

    It 'does not raise SpecificTimes for an approximate event' {
        $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent '23:00-ish' 'The broker was restarted around 23:00'
        @($pm | Test-Postmortem -Rule SpecificTimes) | Should -HaveCount 0
        $exact = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:00 'The broker was restarted around 23:00'
        @($exact | Test-Postmortem -Rule SpecificTimes) | Should -HaveCount 1
    }

    Context 'Set-TimelineEvent' {
        It 'marks an event approximate with -Approximate and exact again with -Approximate:$false' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:30 'Broker restarted by hand'
            $pm | Set-TimelineEvent 0 -Approximate | Out-Null
            $pm.Timeline[0].Approximate | Should -BeTrue
            $pm | Set-TimelineEvent 0 -Event 'Broker restarted by the on-call' | Out-Null
            $pm.Timeline[0].Approximate | Should -BeTrue
            $pm | Set-TimelineEvent 0 -Approximate:$false | Out-Null
            $pm.Timeline[0].Approximate | Should -BeFalse
        }

        It 'takes a new time marked ~ as approximate, and a new unmarked time as exact' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:30 'Broker restarted by hand'
            $pm | Set-TimelineEvent 0 -Time '~23:40' | Out-Null
            $pm.Timeline[0].Approximate | Should -BeTrue
            $pm.Timeline[0].Time | Should -Be ([datetimeoffset]'2026-11-20T23:40:00Z')
            $pm | Set-TimelineEvent 0 -Time 23:41 | Out-Null
            $pm.Timeline[0].Approximate | Should -BeFalse
        }

        It 'says in -WhatIf that the time becomes approximate' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:30 'Broker restarted by hand'
            $said = Get-HostText { $pm | Set-TimelineEvent 0 -Approximate -WhatIf }
            $said | Should -BeLike '*Set timeline event: approximate time*Timeline`[0`]*'
            $pm.Timeline[0].Approximate | Should -BeFalse
        }
    }
}
