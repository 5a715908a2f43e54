BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

Describe 'Set-Postmortem' {
    Context 'parameters' {
        It 'has a -<_> parameter' -ForEach @(
            'Title', 'Date', 'Severity', 'Status', 'Context', 'Author', 'Reviewer', 'ExecutiveSummary', 'RootCause',
            'LessonsLearned', 'Duration', 'ServicesAffected', 'UsersAffected', 'DataLoss', 'DataLossDescription', 'RevenueImpact',
            'TrackingUrl'
        ) {
            (Get-Command Set-Postmortem).Parameters.Keys | Should -Contain $_
        }

        It 'requires only the postmortem, which comes from the pipeline' {
            $mandatory = (Get-Command Set-Postmortem).Parameters.Values |
                Where-Object { $_.ParameterSets.Values.IsMandatory -contains $true } |
                ForEach-Object Name
            $mandatory | Should -Be @('Postmortem')
            (Get-Command Set-Postmortem).Parameters['Postmortem'].ParameterSets.Values.ValueFromPipeline | Should -Contain $true
        }
    }

    Context 'changing fields' {
        It 'passes the same postmortem object on' {
            $pm = New-Postmortem x
            $out = $pm | Set-Postmortem -Severity P3
            @($out).Count | Should -Be 1
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        }

        It 'sets every field it is given' {
            $pm = New-Postmortem 'draft' | Set-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 `
                -Status Ongoing -Context Work -Author 'platform team' -Reviewer 'sre', 'security' -ExecutiveSummary 'summary' `
                -RootCause 'cause' -LessonsLearned 'lessons' -Duration 00:30 -ServicesAffected 'openbao' -UsersAffected '12' `
                -DataLoss $false -DataLossDescription 'nothing lost' -RevenueImpact 'SLA met'
            $pm.Title | Should -BeExactly 'OpenBao sealed after node reboot'
            $pm.Date | Should -Be ([datetime]'2026-11-20')
            $pm.Severity | Should -Be 'P2'
            $pm.Status | Should -Be 'Ongoing'
            $pm.Context | Should -Be 'Work'
            @($pm.Authors) | Should -Be @('platform team')
            @($pm.Reviewers) | Should -Be @('sre', 'security')
            $pm.ExecutiveSummary | Should -BeExactly 'summary'
            $pm.RootCause | Should -BeExactly 'cause'
            $pm.LessonsLearned | Should -BeExactly 'lessons'
            $pm.Duration | Should -Be ([timespan]'00:30')
            @($pm.Impact.ServicesAffected) | Should -Be @('openbao')
            $pm.Impact.UsersAffected | Should -BeExactly '12'
            $pm.Impact.DataLoss | Should -BeFalse
            $pm.Impact.DataLoss | Should -Not -BeNullOrEmpty
            $pm.Impact.DataLossDescription | Should -BeExactly 'nothing lost'
            $pm.Impact.RevenueImpact | Should -BeExactly 'SLA met'
        }

        It 'leaves the fields it is not given as they were' {
            $pm = New-Postmortem x -Severity P1 -Status Ongoing -RootCause 'cause' -Author 'alice' | Set-Postmortem -Status Resolved
            $pm.Status | Should -Be 'Resolved'
            $pm.Severity | Should -Be 'P1'
            $pm.RootCause | Should -BeExactly 'cause'
            @($pm.Authors) | Should -Be @('alice')
        }

        It 'replaces the author list rather than appending to it' {
            $pm = New-Postmortem x -Author 'alice', 'bob' | Set-Postmortem -Author 'carol'
            @($pm.Authors) | Should -Be @('carol')
        }

        It 'keeps the timeline and action items' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'alert' | Add-ActionItem 'Add alert' |
                Set-Postmortem -Severity P4
            $pm.Timeline.Count | Should -Be 1
            $pm.ActionItems.Count | Should -Be 1
        }
    }

    Context 'invalid values' {
        It 'rejects an unknown severity with the binding error that lists P1, P2, P3, P4' {
            $pm = New-Postmortem x
            $err = { $pm | Set-Postmortem -Severity P7 } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
            $err.Exception.Message | Should -BeLike '*P1, P2, P3, P4*'
        }

        It 'changes nothing when the title is blank (<Title.Length> spaces), and still passes the postmortem on' -ForEach @(@{ Title = ' ' }, @{ Title = '' }) {
            $pm = New-Postmortem 'kept' -Severity P3
            $out = $pm | Set-Postmortem -Title $Title -Severity P1 -ErrorVariable errs -ErrorAction SilentlyContinue
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue*'
            $pm.Title | Should -BeExactly 'kept'
            $pm.Severity | Should -Be 'P3'
        }

        It 'changes nothing when -Date is before 1900 or after 2100 (<Date>), a typo''d year' -ForEach @(@{ Date = '0026-11-20' }, @{ Date = '2206-11-20' }) {
            $pm = New-Postmortem 'kept' -Date 2026-11-20 -Severity P3
            $pm | Set-Postmortem -Date $Date -Severity P1 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue*'
            $errs[0].Exception.Message | Should -BeLike "*$Date*from 1900 to 2100. Check the year*"
            $pm.Date | Should -Be ([datetime] '2026-11-20')
            $pm.Severity | Should -Be 'P3'
        }

        It 'changes nothing when the duration is negative' {
            $pm = New-Postmortem 'kept' -Severity P3
            $pm | Set-Postmortem -Duration '-00:10' -Severity P1 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue*'
            $pm.Severity | Should -Be 'P3'
            $pm.ExplicitDuration | Should -BeNullOrEmpty
        }

        It 'changes nothing when the duration is a bare number (40 would be 40 ticks)' {
            $pm = New-Postmortem 'kept' -Severity P3 -Duration 01:00
            { $pm | Set-Postmortem -Duration 40 -Severity P1 } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
            $pm.Severity | Should -Be 'P3'
            $pm.ExplicitDuration | Should -Be ([timespan]'01:00')
        }
    }

    Context 'the tracking URL' {
        It 'links the action items'' ticket keys, and is cleared by $null or an empty string' -ForEach @(@{ Empty = $null }, @{ Empty = '' }) {
            $pm = New-Postmortem 'tickets' | Add-ActionItem 'Add an alert' -Tracking 'PAY-1423' |
                Set-Postmortem -TrackingUrl 'https://jira.example.com/browse/{0}'
            $pm.TrackingUrl | Should -BeExactly 'https://jira.example.com/browse/{0}'
            ($pm | ConvertTo-PostmortemMarkdown) | Should -Match ([regex]::Escape('| Open | [PAY-1423](https://jira.example.com/browse/PAY-1423) |'))
            $pm | Set-Postmortem -TrackingUrl $Empty | Out-Null
            $pm.TrackingUrl | Should -BeNullOrEmpty
        }

        It 'changes nothing when it is no http address with {0} for the key' {
            $pm = New-Postmortem 'kept' -Severity P3
            $pm | Set-Postmortem -TrackingUrl 'jira/browse/{0}' -Severity P1 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue*'
            "$($errs[0])" | Should -BeLike "The tracking URL 'jira/browse/{0}' is not an http or https address*https://jira.example.com/browse/{0}."
            $pm.Severity | Should -Be 'P3'
            $pm.TrackingUrl | Should -BeNullOrEmpty
        }
    }

    Context 'clearing' {
        It 'leaves -Status and -Context unset again when given $null' {
            $pm = New-Postmortem 'unset' -Status Resolved -Context Work
            $pm | Set-Postmortem -Status $null -Context $null | Out-Null
            $pm.Status | Should -BeNullOrEmpty
            $pm.Context | Should -BeNullOrEmpty
        }
    }

    Context 'a hand-set duration' {
        It 'gives way to the timeline again with -Duration $null' {
            $pm = New-Postmortem 'clock' -Date 2026-11-20 |
                Add-TimelineEvent 09:00 'Alert acknowledged' -Milestone Detected |
                Add-TimelineEvent 10:30 'Alert resolved' -Milestone Resolved
            $pm | Set-Postmortem -Duration 02:00 | Out-Null
            $pm.Duration | Should -Be ([timespan]'02:00')
            $pm | Set-Postmortem -Duration $null | Out-Null
            $pm.ExplicitDuration | Should -BeNullOrEmpty
            $pm.Duration | Should -Be ([timespan]'01:30')
        }

        It 'takes <Given> as the page writes it, hours past 24 included, on Set-Postmortem and New-Postmortem' -ForEach @(
            @{ Given = '72:05'; Expected = [timespan]::new(72, 5, 0) }
            @{ Given = '01:47'; Expected = [timespan]::new(1, 47, 0) }
            @{ Given = '01:47:30'; Expected = [timespan]::new(1, 47, 30) }
            @{ Given = '3.00:05'; Expected = [timespan]::new(3, 0, 5, 0) }
        ) {
            $pm = New-Postmortem 'long one' | Set-Postmortem -Duration $Given
            $pm.ExplicitDuration | Should -Be $Expected
            (New-Postmortem 'long one' -Duration $Given).ExplicitDuration | Should -Be $Expected
        }

        It 'reads back the duration it wrote, past 24 hours' {
            $pm = New-Postmortem 'long one' -Duration (New-TimeSpan -Hours 72 -Minutes 5)
            ($pm | ConvertTo-PostmortemMarkdown) | Should -Match '\*\*Duration:\*\* 72:05'
            (New-Postmortem 'again' -Duration '72:05').ExplicitDuration | Should -Be $pm.ExplicitDuration
        }
    }
}
