BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

Describe 'New-Postmortem' {
    Context 'parameters' {
        It 'has a -<_> parameter' -ForEach @(
            'Title', 'Date', 'Severity', 'Status', 'Context', 'Author', 'Reviewer', 'ExecutiveSummary', 'RootCause',
            'LessonsLearned', 'Duration', 'ServicesAffected', 'UsersAffected', 'DataLoss', 'DataLossDescription', 'RevenueImpact'
        ) {
            (Get-Command New-Postmortem).Parameters.Keys | Should -Contain $_
        }

        It 'requires -Title and nothing else' {
            $mandatory = (Get-Command New-Postmortem).Parameters.Values |
                Where-Object { $_.ParameterSets.Values.IsMandatory -contains $true } |
                ForEach-Object Name
            $mandatory | Should -Be @('Title')
        }

        It 'takes the title positionally' {
            (New-Postmortem 'Disk filled up on nas01').Title | Should -BeExactly 'Disk filled up on nas01'
        }
    }

    Context 'with only a title' {
        BeforeAll { $script:pm = New-Postmortem -Title 'OpenBao sealed after node reboot' }

        It 'emits a Postmortems.Postmortem with that title' {
            $script:pm | Should -BeOfType ([Postmortems.Postmortem])
            $script:pm.Title | Should -BeExactly 'OpenBao sealed after node reboot'
        }

        It 'leaves every other section unset' {
            $script:pm.Date | Should -BeNullOrEmpty
            $script:pm.Severity | Should -BeNullOrEmpty
            $script:pm.Status | Should -BeNullOrEmpty
            $script:pm.Context | Should -BeNullOrEmpty
            $script:pm.Duration | Should -BeNullOrEmpty
            $script:pm.ExecutiveSummary | Should -BeNullOrEmpty
            $script:pm.RootCause | Should -BeNullOrEmpty
            $script:pm.LessonsLearned | Should -BeNullOrEmpty
            $script:pm.Authors.Count | Should -Be 0
            $script:pm.Reviewers.Count | Should -Be 0
            $script:pm.Timeline.Count | Should -Be 0
            $script:pm.ActionItems.Count | Should -Be 0
            $script:pm.Impact.IsEmpty | Should -BeTrue
        }

        It 'gives each postmortem its own Id' {
            (New-Postmortem x).Id | Should -Not -Be (New-Postmortem x).Id
        }
    }

    Context 'with every section given' {
        BeforeAll {
            $script:pm = New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P1 -Status Resolved `
                -Context Homelab -Author 'alice', 'bob' -Reviewer 'carol' -ExecutiveSummary 'The vault sealed itself.' `
                -RootCause 'Auto-unseal key was not mounted.' -LessonsLearned 'Test reboots.' -Duration 01:47 `
                -ServicesAffected 'openbao', 'argocd' -UsersAffected 'internal only' -DataLoss $true `
                -DataLossDescription 'Two secrets written during the outage' -RevenueImpact 'None; homelab'
        }

        It 'stores the date as a date only' {
            $script:pm.Date | Should -Be ([datetime]'2026-11-20')
            $script:pm.Date.TimeOfDay | Should -Be ([timespan]::Zero)
        }

        It 'stores severity, status and context as their enums' {
            $script:pm.Severity | Should -Be ([Postmortems.Severity]::P1)
            $script:pm.Status | Should -Be ([Postmortems.IncidentStatus]::Resolved)
            $script:pm.Context | Should -Be ([Postmortems.IncidentContext]::Homelab)
        }

        It 'stores authors and reviewers as lists' {
            @($script:pm.Authors) | Should -Be @('alice', 'bob')
            @($script:pm.Reviewers) | Should -Be @('carol')
        }

        It 'stores the text sections' {
            $script:pm.ExecutiveSummary | Should -BeExactly 'The vault sealed itself.'
            $script:pm.RootCause | Should -BeExactly 'Auto-unseal key was not mounted.'
            $script:pm.LessonsLearned | Should -BeExactly 'Test reboots.'
        }

        It 'stores -Duration as the explicit duration' {
            $script:pm.ExplicitDuration | Should -Be ([timespan]'01:47')
            $script:pm.Duration | Should -Be ([timespan]'01:47')
        }

        It 'stores the impact fields' {
            @($script:pm.Impact.ServicesAffected) | Should -Be @('openbao', 'argocd')
            $script:pm.Impact.UsersAffected | Should -BeExactly 'internal only'
            $script:pm.Impact.DataLoss | Should -BeTrue
            $script:pm.Impact.DataLossDescription | Should -BeExactly 'Two secrets written during the outage'
            $script:pm.Impact.RevenueImpact | Should -BeExactly 'None; homelab'
        }

        It 'renders every given field into the Markdown' {
            $md = $script:pm | ConvertTo-PostmortemMarkdown
            $md | Should -Match '(?m)^\*\*Date:\*\* 2026-11-20\\$'
            $md | Should -Match '(?m)^\*\*Duration:\*\* 01:47\\$'
            $md | Should -Match '(?m)^\*\*Severity:\*\* P1\\$'
            $md | Should -Match '(?m)^\*\*Status:\*\* Resolved\\$'
            $md | Should -Match '(?m)^\*\*Author\(s\):\*\* alice, bob\\$'
            $md | Should -Match '(?m)^\*\*Reviewers:\*\* carol$'
            $md | Should -Match '(?m)^- \*\*Services affected:\*\* openbao, argocd$'
            $md | Should -Match '(?m)^- \*\*Users affected:\*\* internal only$'
            $md | Should -Match '(?m)^- \*\*Data loss:\*\* Yes — Two secrets written during the outage$'
            $md | Should -Match '(?m)^- \*\*Revenue/SLA impact:\*\* None; homelab$'
            $md | Should -Match '(?m)^The vault sealed itself\.$'
            $md | Should -Match '(?m)^Auto-unseal key was not mounted\.$'
            $md | Should -Match '(?m)^Test reboots\.$'
        }
    }

    Context 'invalid values' {
        It 'rejects an unknown severity with the binding error that lists P1, P2, P3, P4' {
            $err = { New-Postmortem -Title x -Severity P7 } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
            $err.Exception.Message | Should -BeLike '*P7*'
            $err.Exception.Message | Should -BeLike '*P1, P2, P3, P4*'
        }

        It 'rejects an unknown status with the binding error that lists the valid values' {
            $err = { New-Postmortem -Title x -Status Closed } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
            $err.Exception.Message | Should -BeLike '*Resolved, Ongoing*'
        }

        It 'rejects a blank title (<Title.Length> spaces) with InvalidPostmortemValue and its sentence' -ForEach @(@{ Title = '   ' }, @{ Title = '' }) {
            $err = { New-Postmortem -Title $Title } | Should -Throw -ErrorId 'InvalidPostmortemValue,*' -PassThru
            $err.Exception.Message | Should -BeLike 'The title is blank.*'
        }

        It 'rejects a negative duration with InvalidPostmortemValue and emits nothing' {
            $out = New-Postmortem -Title x -Duration '-01:00' -ErrorVariable errs -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue*'
        }

        It 'refuses a bare number as -Duration (<Given>), which PowerShell takes as ticks, saying how to write minutes and hours' -ForEach @(
            @{ Given = 40; Minutes = '00:40'; Hours = '40:00' }
            @{ Given = '40'; Minutes = '00:40'; Hours = '40:00' }
            @{ Given = 90; Minutes = '01:30'; Hours = '90:00' }
        ) {
            $err = { New-Postmortem 'x' -Duration $Given } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -PassThru
            $err.Exception.Message | Should -BeLike "*-Duration $Given is a number without a unit*"
            $err.Exception.Message | Should -BeLike "*-Duration $Minutes for $Given minutes, -Duration $Hours for $Given hours*"
        }

        It 'refuses a -Duration that is no time span, saying how to write one' {
            $err = { New-Postmortem 'x' -Duration 'forty minutes' } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -PassThru
            $err.Exception.Message | Should -BeLike "*'forty minutes' is not a duration*-Duration 01:47*"
        }
    }
}

Describe 'Days given as text in any culture' {
    BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

    It 'reads -Date, -DueDate, -DoneDate and -AsOf as ISO days under th-TH, whose calendar is Buddhist' {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]'th-TH'
            $pm = New-Postmortem 'Culture check' -Date 2026-11-20 |
                Add-ActionItem 'Add an alert' -Owner sre -Priority P2 -DueDate 2026-12-04 -Status Done -DoneDate 2026-12-01
            $pm.Date.Year | Should -Be 2026
            $pm.ActionItems[0].DueDate | Should -Be ([datetime]::new(2026, 12, 4))
            $pm.ActionItems[0].DoneDate | Should -Be ([datetime]::new(2026, 12, 1))
            $pm | Set-ActionItem -Index 0 -DueDate 2026-12-05 | Out-Null
            $pm.ActionItems[0].DueDate.Year | Should -Be 2026
            @($pm | Get-ActionItem -AsOf 2026-12-10).Count | Should -Be 1
        } finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }
}
