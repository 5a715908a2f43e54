BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }
}

Describe 'Tab completion' {
    Context '-Severity' {
        It 'completes -Severity of <_> with P1 to P4' -ForEach @('New-Postmortem -Title x -Severity ', 'Set-Postmortem -Severity ') {
            @((Get-Completion $_).CompletionText) | Should -Be @('P1', 'P2', 'P3', 'P4')
        }

        It 'completes a partial severity' {
            @((Get-Completion 'New-Postmortem -Title x -Severity P3').CompletionText) | Should -Be @('P3')
        }

        It 'puts the Severity Guide''s criteria in the tooltip of each severity' {
            $results = Get-Completion 'New-Postmortem -Title x -Severity '
            $byName = @{}
            foreach ($m in $results) { $byName[$m.CompletionText] = $m.ToolTip }
            $byName['P1'] | Should -BeLike '*Complete outage, data loss, security breach*'
            $byName['P2'] | Should -BeLike '*Major degradation, SLA at risk, significant user impact*'
            $byName['P3'] | Should -BeLike '*Partial degradation, workaround available, limited impact*'
            $byName['P4'] | Should -BeLike '*Minor issue, no user impact, caught in monitoring*'
        }

        It 'puts the criteria in the tooltip on Set-Postmortem too' {
            $p1 = Get-Completion 'Set-Postmortem -Severity P1'
            $p1[0].ToolTip | Should -BeLike '*Complete outage, data loss, security breach*'
        }
    }

    Context 'other enums' {
        It 'completes -Status of <_> with Ongoing and Resolved' -ForEach @('New-Postmortem -Title x -Status ', 'Set-Postmortem -Status ') {
            @((Get-Completion $_).CompletionText) | Should -Be @('Ongoing', 'Resolved')
        }

        It 'completes Add-ActionItem -Priority with P1 to P3' {
            @((Get-Completion 'Add-ActionItem -Action x -Priority ').CompletionText) | Should -Be @('P1', 'P2', 'P3')
        }

        It 'completes -Status of <_> with the four statuses in the order an item passes them' -ForEach @('Add-ActionItem -Action x -Status ', 'Set-ActionItem 0 -Status ', 'Get-ActionItem -Status ') {
            @((Get-Completion $_).CompletionText) | Should -Be @('Open', 'InProgress', 'Done', 'WontDo')
        }

        It 'says in the tooltip that WontDo needs a reason and Done records the day' {
            $results = Get-Completion 'Set-ActionItem 0 -Status '
            ($results | Where-Object CompletionText -EQ 'WontDo').ToolTip | Should -BeLike '*-Reason*'
            ($results | Where-Object CompletionText -EQ 'Done').ToolTip | Should -BeLike '*today (UTC) unless -DoneDate*'
        }

        It 'completes Add-TimelineEvent -Milestone with every milestone in the order an incident passes them' {
            $expected = 'FirstSymptom', 'Detected', 'InvestigationStarted', 'RootCauseIdentified', 'MitigationApplied', 'ServiceRestored', 'Resolved'
            @((Get-Completion 'Add-TimelineEvent -Time 14:02 -Event x -Milestone ').CompletionText) | Should -Be $expected
        }

        It 'completes Get-PostmortemMetric <_> with the milestones a clock can start or stop at, then the impact''s times, not None' -ForEach '-From', '-To' {
            $expected = 'FirstSymptom', 'Detected', 'InvestigationStarted', 'RootCauseIdentified', 'MitigationApplied', 'ServiceRestored', 'Resolved',
                'DegradationStart', 'ImpactStart', 'ImpactEnd', 'DataLossStart', 'DataLossEnd'
            @((Get-Completion "Get-PostmortemMetric $_ ").CompletionText) | Should -Be $expected
            @((Get-Completion "Get-PostmortemMetric $_ N").CompletionText) | Should -BeNullOrEmpty
        }

        It 'describes each milestone in its tooltip as the template row it stands for' {
            $detected = Get-Completion 'Add-TimelineEvent -Time 14:02 -Event x -Milestone Det' | Select-Object -First 1
            $detected.ToolTip | Should -BeLike '*Detection / someone noticed*'
        }

        It 'completes a partial milestone' {
            @((Get-Completion 'Add-TimelineEvent -Milestone Fir').CompletionText) | Should -Be @('FirstSymptom')
            @((Get-Completion 'Add-TimelineEvent -Milestone Re').CompletionText) | Should -Be @('Resolved')
        }
    }
}
