BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    function New-GoodPostmortem([string] $Title = 'Checkout API returned 502s after certificate rotation') {
        New-CheckoutPostmortem -Title $Title -Reviewer 'Marcus Lee', 'Dana Okafor'
    }

    # The good postmortem with one finding of each severity class the tests need: Information, Warning, Error.
    function New-HedgedPostmortem([string] $Title = 'hedged') {
        New-GoodPostmortem $Title | Add-Observation -WentPoorly 'Unfortunately alerting was missing for certificate chain errors'
    }
    function New-VaguePostmortem([string] $Title = 'vague') {
        New-GoodPostmortem $Title | Add-ActionItem 'Add more monitoring' -Owner platform -DueDate 2026-12-11 -Priority P2
    }
    function New-BlamingPostmortem([string] $Title = 'blaming') {
        New-GoodPostmortem $Title | Set-Postmortem -RootCause 'Engineer ran the wrong command'
    }

    # The good postmortem with five findings, one in each of five sections.
    function New-FlawedPostmortem([string] $Title = 'Checkout 502s draft') {
        New-GoodPostmortem $Title |
            Set-Postmortem -ExecutiveSummary 'Checkout failed on 2026-11-20 and there was some downtime. About 3,100 customers could not pay.' `
                -RootCause 'Engineer ran the wrong command' |
            Add-TimelineEvent '2026-11-20T09:30:00Z' 'The gateway is restarting every pod' |
            Add-Observation -WentPoorly 'Unfortunately alerting was missing for certificate chain errors' |
            Add-ActionItem 'Improve communication' -Owner platform -DueDate 2026-12-11 -Priority P2
    }

    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }

    # Every rule, in the order Test-Postmortem runs them, as the README's table lists them.
    $script:AllRules = @(
        'RequiredSection', 'ReviewersInWorkContext', 'SentenceCount', 'TimelineMilestones', 'SpecificTimes', 'MilestoneOrder', 'DuplicateMilestone'
        'StatusMatchesTimeline', 'DurationMatchesTimeline', 'DateMatchesTimeline', 'SeverityMatchesImpact', 'ImpactWindowOrder', 'ImpactWindowComplete'
        'BlamelessLanguage', 'BlamelessTimeline'
        'FiveWhysDepth', 'FiveWhysEndsInSystem', 'ActionItemComplete', 'ActionItemDueByPriority', 'VagueActionItem', 'ActionItemImperative'
        'ActionItemTargetsPerson', 'VagueQuantity', 'Hedging', 'TimelineTense', 'NoSecrets', 'SignedOffContentChanged', 'ReviewWithErrors'
        'FinalWarningsAcknowledged', 'ExternalVersionComplete', 'ExternalInternalDetail', 'ExternalBlameless', 'ExternalVagueQuantity', 'ExternalSignOffCurrent'
    )
}

Describe 'Test-Postmortem' {
    Context 'a complete, good postmortem' {
        BeforeAll { $script:good = New-GoodPostmortem }

        It 'finds nothing in a postmortem built like the checkout example' {
            @($script:good | Test-Postmortem) | Should -HaveCount 0
        }

        It 'passes -Quiet -Strict with a single $true' {
            $out = @($script:good | Test-Postmortem -Quiet -Strict)
            $out | Should -HaveCount 1
            $out[0] | Should -BeOfType [bool]
            $out[0] | Should -BeTrue
        }
    }

    Context 'diagnostic records' {
        BeforeAll {
            $script:flawed = New-FlawedPostmortem 'Checkout 502s draft'
            $script:records = @($script:flawed | Test-Postmortem)
        }

        It 'emits one Postmortems.Rules.DiagnosticRecord per finding' {
            $script:records | Should -HaveCount 5
            foreach ($record in $script:records) { $record | Should -BeOfType ([Postmortems.Rules.DiagnosticRecord]) }
            @($script:records.RuleName) | Should -Be @('VagueQuantity', 'TimelineTense', 'BlamelessLanguage', 'Hedging', 'VagueActionItem')
        }

        It 'gives each record RuleName, Severity, Section, Target, Message, Suggestion and PostmortemTitle' {
            $blame = $script:records | Where-Object RuleName -EQ 'BlamelessLanguage'
            $blame.Severity | Should -Be ([Postmortems.Rules.DiagnosticSeverity]::Error)
            $blame.Section | Should -Be ([Postmortems.Rules.PostmortemSection]::RootCause)
            $blame.Target | Should -BeExactly 'RootCause'
            $blame.Message | Should -BeLike "*a person ('Engineer') as the one who acted: 'Engineer ran the wrong command'*"
            $blame.Suggestion | Should -BeLike '*We had no guard against*'
            $blame.PostmortemTitle | Should -BeExactly 'Checkout 502s draft'
            foreach ($record in $script:records) {
                $record.Message | Should -Not -BeNullOrEmpty
                $record.Suggestion | Should -Not -BeNullOrEmpty
            }
        }

        It 'uses the severities Error, Warning and Information' {
            ($script:records | Where-Object RuleName -EQ 'BlamelessLanguage').Severity | Should -Be 'Error'
            ($script:records | Where-Object RuleName -EQ 'VagueActionItem').Severity | Should -Be 'Warning'
            ($script:records | Where-Object RuleName -EQ 'VagueQuantity').Severity | Should -Be 'Warning'
            ($script:records | Where-Object RuleName -EQ 'Hedging').Severity | Should -Be 'Information'
            ($script:records | Where-Object RuleName -EQ 'TimelineTense').Severity | Should -Be 'Information'
        }

        It 'targets list entries by their zero-based index, as PowerShell indexes them' {
            $action = $script:records | Where-Object RuleName -EQ 'VagueActionItem'
            $action.Target | Should -BeExactly 'ActionItems[4]'
            $script:flawed.ActionItems[4].Action | Should -BeExactly 'Improve communication'

            $event = $script:records | Where-Object RuleName -EQ 'TimelineTense'
            $event.Target | Should -BeExactly 'Timeline[3]'
            $script:flawed.Timeline[3].Event | Should -BeExactly 'The gateway is restarting every pod'

            $hedge = $script:records | Where-Object RuleName -EQ 'Hedging'
            $hedge.Target | Should -BeExactly 'WentPoorly[1]'
            $script:flawed.WentPoorly[1] | Should -BeLike 'Unfortunately*'
        }

        It 'puts each finding in the section it is about, in the template''s order' {
            @($script:records.Section) | Should -Be @('ExecutiveSummary', 'Timeline', 'RootCause', 'WentPoorly', 'ActionItems')
        }

        It 'shows the findings as a table grouped by section, with Severity, RuleName, Target and Message columns' {
            $text = $script:records | Out-String -Width 300
            foreach ($section in 'ExecutiveSummary', 'Timeline', 'RootCause', 'WentPoorly', 'ActionItems') {
                $text | Should -Match "(?m)^\s*Section: $section\s*$"
            }
            ([regex]::Matches($text, '(?m)^\s*Section: ')).Count | Should -Be 5
            $text | Should -Match '(?m)^Severity\s+RuleName\s+Target\s+Message\s*$'
            $text | Should -Match '(?m)^Error\s+BlamelessLanguage\s+RootCause\s+RootCause blames a person'
            $text | Should -Match '(?m)^Warning\s+VagueActionItem\s+ActionItems\[4\]\s+The action ''Improve communication'''
            # A row sits under its own section's header.
            $rootCause = $text.IndexOf('Section: RootCause')
            $text.IndexOf('BlamelessLanguage') | Should -BeGreaterThan $rootCause
            $text.IndexOf('BlamelessLanguage') | Should -BeLessThan $text.IndexOf('Section: WentPoorly')
        }

        It 'shows each finding''s Suggestion with Format-List' {
            $text = $script:records | Where-Object RuleName -EQ 'BlamelessLanguage' | Format-List | Out-String -Width 400
            $text | Should -Match '(?m)^Suggestion\s*:\s*Describe the condition that made the mistake possible.*We had no guard against running destructive commands on production'
            $text | Should -Match '(?m)^RuleName\s*:\s*BlamelessLanguage\s*$'
            $text | Should -Match '(?m)^Target\s*:\s*RootCause\s*$'
            $text | Should -Match '(?m)^PostmortemTitle\s*:\s*Checkout 502s draft\s*$'
        }
    }

    Context 'postmortems from the pipeline' {
        It 'checks each piped postmortem and names it in PostmortemTitle' {
            $records = @(
                (New-GoodPostmortem 'good'), (New-HedgedPostmortem 'hedged'), (New-VaguePostmortem 'vague'), (New-BlamingPostmortem 'blaming') |
                    Test-Postmortem
            )
            $records | Should -HaveCount 3
            @($records | ForEach-Object { "$($_.PostmortemTitle):$($_.RuleName)" }) |
                Should -Be @('hedged:Hedging', 'vague:VagueActionItem', 'blaming:BlamelessLanguage')
        }

        It 'takes the postmortem as -Postmortem, -InputObject or the first positional argument too' {
            $pm = New-BlamingPostmortem
            @(Test-Postmortem -Postmortem $pm).RuleName | Should -Be @('BlamelessLanguage')
            @(Test-Postmortem -InputObject $pm).RuleName | Should -Be @('BlamelessLanguage')
            @(Test-Postmortem $pm).RuleName | Should -Be @('BlamelessLanguage')
        }
    }

    Context '-Quiet and -Strict' {
        BeforeAll {
            $script:byCase = @{
                'no findings'        = New-GoodPostmortem
                'only Information'   = New-HedgedPostmortem
                'a Warning'          = New-VaguePostmortem
                'an Error'           = New-BlamingPostmortem
            }
        }

        It 'the postmortem with <Case> has exactly the findings the case says' -ForEach @(
            @{ Case = 'no findings'; Severities = @() }
            @{ Case = 'only Information'; Severities = @('Information') }
            @{ Case = 'a Warning'; Severities = @('Warning') }
            @{ Case = 'an Error'; Severities = @('Error') }
        ) {
            @(@($script:byCase[$Case] | Test-Postmortem) | ForEach-Object { "$($_.Severity)" }) | Should -Be $Severities
        }

        It 'returns <Expected> for a postmortem with <Case> under -Quiet' -ForEach @(
            @{ Case = 'no findings'; Expected = $true }
            @{ Case = 'only Information'; Expected = $true }
            @{ Case = 'a Warning'; Expected = $true }
            @{ Case = 'an Error'; Expected = $false }
        ) {
            $out = @($script:byCase[$Case] | Test-Postmortem -Quiet)
            $out | Should -HaveCount 1
            $out[0] | Should -BeOfType [bool]
            $out[0] | Should -Be $Expected
        }

        It 'returns <Expected> for a postmortem with <Case> under -Quiet -Strict' -ForEach @(
            @{ Case = 'no findings'; Expected = $true }
            @{ Case = 'only Information'; Expected = $true }
            @{ Case = 'a Warning'; Expected = $false }
            @{ Case = 'an Error'; Expected = $false }
        ) {
            $out = @($script:byCase[$Case] | Test-Postmortem -Quiet -Strict)
            $out | Should -HaveCount 1
            $out[0] | Should -BeOfType [bool]
            $out[0] | Should -Be $Expected
        }

        It 'returns one boolean per piped postmortem, in order, and no records' {
            $pms = $script:byCase['no findings'], $script:byCase['only Information'], $script:byCase['a Warning'], $script:byCase['an Error']
            $out = @($pms | Test-Postmortem -Quiet)
            $out | Should -HaveCount 4
            foreach ($o in $out) { $o | Should -BeOfType [bool] }
            $out | Should -Be @($true, $true, $true, $false)
            @($pms | Test-Postmortem -Quiet -Strict) | Should -Be @($true, $true, $false, $false)
        }

        It 'leaves the findings unchanged with -Strict alone' {
            $records = @($script:byCase['a Warning'] | Test-Postmortem -Strict)
            $records | Should -HaveCount 1
            $records[0] | Should -BeOfType ([Postmortems.Rules.DiagnosticRecord])
            $records[0].RuleName | Should -BeExactly 'VagueActionItem'
        }
    }

    Context '-Rule and -ExcludeRule' {
        BeforeAll {
            $script:flawed = New-FlawedPostmortem
            # Unfiltered: VagueQuantity, TimelineTense, BlamelessLanguage, Hedging, VagueActionItem.
        }

        It '-Rule Vague* runs only the rules whose names match' {
            @(($script:flawed | Test-Postmortem -Rule Vague*).RuleName) | Should -Be @('VagueQuantity', 'VagueActionItem')
        }

        It '-ExcludeRule *Action* skips the rules whose names match' {
            @(($script:flawed | Test-Postmortem -ExcludeRule *Action*).RuleName) |
                Should -Be @('VagueQuantity', 'TimelineTense', 'BlamelessLanguage', 'Hedging')
        }

        It 'matches rule names regardless of case, with and without wildcards' {
            @(($script:flawed | Test-Postmortem -Rule vague*).RuleName) | Should -Be @('VagueQuantity', 'VagueActionItem')
            @(($script:flawed | Test-Postmortem -Rule HEDGING).RuleName) | Should -Be @('Hedging')
            @(($script:flawed | Test-Postmortem -ExcludeRule blamelesslanguage, *TENSE).RuleName) |
                Should -Be @('VagueQuantity', 'Hedging', 'VagueActionItem')
        }

        It 'takes several names, and -Rule and -ExcludeRule together' {
            @(($script:flawed | Test-Postmortem -Rule Hedging, Blameless*).RuleName) | Should -Be @('BlamelessLanguage', 'Hedging')
            @(($script:flawed | Test-Postmortem -Rule Vague* -ExcludeRule *Action*).RuleName) | Should -Be @('VagueQuantity')
        }

        It 'checks nothing, without an error, when a wildcard matches no rule' {
            $out = @($script:flawed | Test-Postmortem -Rule Zzz* -ErrorVariable errs)
            $out | Should -HaveCount 0
            $errs | Should -HaveCount 0
        }

        It 'stops with UnknownRule, listing the rules, for <Parameter> <Name>' -ForEach @(
            @{ Parameter = '-Rule'; Name = 'VagueActionItems' }
            @{ Parameter = '-ExcludeRule'; Name = 'Hedgin' }
        ) {
            $pm = $script:flawed
            $params = @{ $Parameter.TrimStart('-') = $Name }
            $script:out = $null
            $err = { $script:out = $pm | Test-Postmortem @params } | Should -Throw -ErrorId 'UnknownRule,*' -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'UnknownRule*'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -BeLike "*'$Name'*"
            foreach ($rule in $script:AllRules) { $err.Exception.Message | Should -BeLike "*$rule*" }
            $script:out | Should -BeNullOrEmpty
        }

        It 'stops with UnknownRule before checking any of several piped postmortems' {
            $script:out = $null
            { $script:out = (New-BlamingPostmortem), (New-VaguePostmortem) | Test-Postmortem -Rule Blameless*, Nope } |
                Should -Throw -ErrorId 'UnknownRule,*'
            $script:out | Should -BeNullOrEmpty
        }
    }

    Context 'tab completion of rule names' {
        It 'completes <InputScript> with every rule name' -ForEach @(
            @{ InputScript = 'Test-Postmortem -Rule ' }
            @{ InputScript = 'Test-Postmortem -ExcludeRule ' }
            @{ InputScript = 'Get-PostmortemRule -Name ' }
            @{ InputScript = 'Get-PostmortemRule ' }
        ) {
            @((Get-Completion $InputScript).CompletionText) | Should -Be $script:AllRules
        }

        It 'completes a partial name regardless of case: <InputScript>' -ForEach @(
            @{ InputScript = 'Test-Postmortem -Rule vague'; Expected = @('VagueActionItem', 'VagueQuantity') }
            @{ InputScript = 'Test-Postmortem -ExcludeRule FIVE'; Expected = @('FiveWhysDepth', 'FiveWhysEndsInSystem') }
            @{ InputScript = 'Get-PostmortemRule -Name hed'; Expected = @('Hedging') }
            @{ InputScript = 'Test-Postmortem -Rule Hedging, Vague'; Expected = @('VagueActionItem', 'VagueQuantity') }
        ) {
            @((Get-Completion $InputScript).CompletionText) | Should -Be $Expected
        }

        It 'puts each rule''s description in its tooltip on <InputScript>' -ForEach @(
            @{ InputScript = 'Test-Postmortem -Rule ' }
            @{ InputScript = 'Test-Postmortem -ExcludeRule ' }
            @{ InputScript = 'Get-PostmortemRule -Name ' }
        ) {
            $descriptions = @{}
            foreach ($rule in Get-PostmortemRule) { $descriptions[$rule.Name] = $rule.Description }
            $results = @(Get-Completion $InputScript)
            $results | Should -HaveCount $script:AllRules.Count
            foreach ($m in $results) {
                $m.ResultType | Should -Be 'ParameterValue'
                $m.ToolTip | Should -BeLike "*$([WildcardPattern]::Escape($descriptions[$m.CompletionText]))*"
            }
            ($results | Where-Object CompletionText -EQ 'VagueActionItem').ToolTip | Should -BeLike '*Be more careful when deploying*'
        }
    }
}

Describe 'Get-PostmortemRule' {
    It 'lists every rule, in the order Test-Postmortem runs them' {
        $rules = @(Get-PostmortemRule)
        @($rules.Name) | Should -Be $script:AllRules
        foreach ($rule in $rules) { $rule | Should -BeOfType ([Postmortems.Rules.RuleInfo]) }
    }

    It 'gives each rule a Name, Severity, Section, Description and Enabled, every rule enabled by default' {
        foreach ($rule in Get-PostmortemRule) {
            $rule.PSObject.Properties.Name | Should -Contain 'Name'
            $rule.Severity | Should -BeOfType ([Postmortems.Rules.DiagnosticSeverity])
            $rule.Section | Should -BeOfType ([Postmortems.Rules.PostmortemSection])
            $rule.Description | Should -Not -BeNullOrEmpty
            $rule.Enabled | Should -BeTrue
        }
    }

    It 'gives <Name> the severity <Severity> and the section <Section>' -ForEach @(
        @{ Name = 'RequiredSection'; Severity = 'Error'; Section = 'Header' }
        @{ Name = 'ReviewersInWorkContext'; Severity = 'Warning'; Section = 'Header' }
        @{ Name = 'SentenceCount'; Severity = 'Warning'; Section = 'ExecutiveSummary' }
        @{ Name = 'TimelineMilestones'; Severity = 'Warning'; Section = 'Timeline' }
        @{ Name = 'SpecificTimes'; Severity = 'Warning'; Section = 'Timeline' }
        @{ Name = 'MilestoneOrder'; Severity = 'Warning'; Section = 'Timeline' }
        @{ Name = 'DuplicateMilestone'; Severity = 'Warning'; Section = 'Timeline' }
        @{ Name = 'StatusMatchesTimeline'; Severity = 'Error'; Section = 'Header' }
        @{ Name = 'DurationMatchesTimeline'; Severity = 'Warning'; Section = 'Header' }
        @{ Name = 'DateMatchesTimeline'; Severity = 'Warning'; Section = 'Header' }
        @{ Name = 'SeverityMatchesImpact'; Severity = 'Warning'; Section = 'Header' }
        @{ Name = 'ImpactWindowOrder'; Severity = 'Error'; Section = 'Impact' }
        @{ Name = 'ImpactWindowComplete'; Severity = 'Warning'; Section = 'Impact' }
        @{ Name = 'BlamelessLanguage'; Severity = 'Error'; Section = 'RootCause' }
        @{ Name = 'BlamelessTimeline'; Severity = 'Warning'; Section = 'Timeline' }
        @{ Name = 'FiveWhysDepth'; Severity = 'Warning'; Section = 'RootCause' }
        @{ Name = 'FiveWhysEndsInSystem'; Severity = 'Error'; Section = 'RootCause' }
        @{ Name = 'ActionItemComplete'; Severity = 'Error'; Section = 'ActionItems' }
        @{ Name = 'ActionItemDueByPriority'; Severity = 'Warning'; Section = 'ActionItems' }
        @{ Name = 'VagueActionItem'; Severity = 'Warning'; Section = 'ActionItems' }
        @{ Name = 'ActionItemImperative'; Severity = 'Warning'; Section = 'ActionItems' }
        @{ Name = 'ActionItemTargetsPerson'; Severity = 'Error'; Section = 'ActionItems' }
        @{ Name = 'VagueQuantity'; Severity = 'Warning'; Section = 'ExecutiveSummary' }
        @{ Name = 'Hedging'; Severity = 'Information'; Section = 'ExecutiveSummary' }
        @{ Name = 'TimelineTense'; Severity = 'Information'; Section = 'Timeline' }
    ) {
        $rule = Get-PostmortemRule -Name $Name
        $rule.Name | Should -BeExactly $Name
        "$($rule.Severity)" | Should -BeExactly $Severity
        "$($rule.Section)" | Should -BeExactly $Section
    }

    It 'quotes the guide in the description of BlamelessLanguage' {
        (Get-PostmortemRule -Name BlamelessLanguage).Description |
            Should -BeLike "*'Engineer ran the wrong command' is not a root cause. 'We had no guard against running destructive commands on production' is.*"
    }

    It 'picks rules with -Name wildcards, regardless of case' {
        @((Get-PostmortemRule -Name vague*, *TENSE).Name) | Should -Be @('VagueActionItem', 'VagueQuantity', 'TimelineTense')
        @((Get-PostmortemRule *Action*).Name) | Should -Be @('ActionItemComplete', 'ActionItemDueByPriority', 'VagueActionItem', 'ActionItemImperative', 'ActionItemTargetsPerson')
    }

    It 'takes an exact name positionally, regardless of case' {
        @((Get-PostmortemRule hedging).Name) | Should -Be @('Hedging')
    }

    It 'stops with UnknownRule for a -Name without wildcards that is no rule' {
        $err = { Get-PostmortemRule -Name Hedgeing } | Should -Throw -ErrorId 'UnknownRule,*' -PassThru
        $err.Exception.Message | Should -BeLike "*'Hedgeing'*Hedging*"
    }

    It 'shows a table with the Name, Severity, Section, Enabled and Description columns' {
        $text = Get-PostmortemRule -Name Hedging | Out-String -Width 300
        $text | Should -Match '(?m)^Name\s+Severity\s+Section\s+Enabled\s+Description\s*$'
        $text | Should -Match '(?m)^Hedging\s+Information\s+ExecutiveSummary\s+True\s+Factual, not hedged or emotional'
    }

    It 'fits every rule name in the Name column, unwrapped' {
        $text = Get-PostmortemRule | Out-String -Width 300
        foreach ($name in (Get-PostmortemRule).Name) { $text | Should -Match "(?m)^$name\s" }
    }
}

Describe 'Settings files' {
    BeforeAll {
        function New-SettingsFile([string] $Name, [string] $Text) {
            $path = Join-Path $TestDrive $Name
            $folder = Split-Path -Parent $path
            if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder | Out-Null }
            Set-Content -LiteralPath $path -Value $Text -Encoding utf8NoBOM
            $path
        }

        $script:flawed = New-FlawedPostmortem
        Push-Location -LiteralPath $TestDrive
    }
    AfterAll {
        Pop-Location
    }

    Context 'changing the rules' {
        It 'adds a word-list entry with AddWords' {
            $pm = New-GoodPostmortem | Set-Postmortem -RootCause 'The config change was fat-thumbed into production.'
            @($pm | Test-Postmortem) | Should -HaveCount 0
            New-SettingsFile 'addwords.psd1' "@{ AddWords = @{ BlamePhrases = @('fat-thumbed') } }" | Out-Null
            $records = @($pm | Test-Postmortem -Settings ./addwords.psd1)
            $records | Should -HaveCount 1
            $records[0].RuleName | Should -BeExactly 'BlamelessLanguage'
            $records[0].Target | Should -BeExactly 'RootCause'
            $records[0].Message | Should -BeLike "*'fat-thumbed'*"
        }

        It 'removes a word-list entry with RemoveWords' {
            $pm = New-HedgedPostmortem
            @(($pm | Test-Postmortem).RuleName) | Should -Be @('Hedging')
            New-SettingsFile 'removewords.psd1' "@{`n    RemoveWords = @{ Hedges = @('unfortunately') }`n}" | Out-Null
            @($pm | Test-Postmortem -Settings ./removewords.psd1) | Should -HaveCount 0
        }

        It 'changes a rule''s severity with Rules = @{ Name = @{ Severity = ''Error'' } }' {
            New-SettingsFile 'severity.psd1' "@{`n    Rules = @{ VagueActionItem = @{ Severity = 'Error' } }`n}" | Out-Null
            $pm = New-VaguePostmortem
            $records = @($pm | Test-Postmortem -Settings ./severity.psd1)
            $records | Should -HaveCount 1
            $records[0].RuleName | Should -BeExactly 'VagueActionItem'
            $records[0].Severity | Should -Be ([Postmortems.Rules.DiagnosticSeverity]::Error)
            $pm | Test-Postmortem -Quiet | Should -BeTrue
            $pm | Test-Postmortem -Quiet -Settings ./severity.psd1 | Should -BeFalse
        }

        It 'turns a rule off with <Name>' -ForEach @(
            @{ Name = 'ExcludeRules'; Text = "@{ ExcludeRules = @('Hedging') }" }
            @{ Name = 'Rules Enable = $false'; Text = "@{ Rules = @{ Hedging = @{ Enable = `$false } } }" }
        ) {
            $file = New-SettingsFile "off-$($Name -replace '\W', '').psd1" $Text
            @(($script:flawed | Test-Postmortem).RuleName) | Should -Contain 'Hedging'
            @(($script:flawed | Test-Postmortem -Settings $file).RuleName) |
                Should -Be @('VagueQuantity', 'TimelineTense', 'BlamelessLanguage', 'VagueActionItem')
        }

        It 'takes the settings the README shows, all at once' {
            New-SettingsFile 'team.psd1' @'
# team.psd1
@{
    ExcludeRules = @('Hedging')                                     # turn rules off
    Rules        = @{
        VagueQuantity = @{ Severity = 'Error' }                     # change a rule's severity
        TimelineTense = @{ Enable = $false }
    }
    AddWords     = @{ BlamePhrases = @('fat-thumbed') }             # add to a word list
    RemoveWords  = @{ ImperativeVerbs = @('review') }               # remove from a word list
}
'@ | Out-Null
            $records = @($script:flawed | Test-Postmortem -Settings ./team.psd1)
            @($records | ForEach-Object { "$($_.RuleName):$($_.Severity)" }) |
                Should -Be @('VagueQuantity:Error', 'BlamelessLanguage:Error', 'VagueActionItem:Warning')
        }

        It 'resolves a relative path against the PowerShell location, not the process''s directory' {
            New-SettingsFile 'nested/relative.psd1' "@{ ExcludeRules = @('Hedging') }" | Out-Null
            Push-Location -LiteralPath (Join-Path $TestDrive 'nested')
            try {
                [Environment]::CurrentDirectory | Should -Not -Be (Get-Location).ProviderPath
                @(($script:flawed | Test-Postmortem -Settings ./relative.psd1).RuleName) | Should -Not -Contain 'Hedging'
                @(($script:flawed | Test-Postmortem -Settings relative.psd1).RuleName) | Should -Not -Contain 'Hedging'
                @((Get-PostmortemRule -Name Hedging -Settings ./relative.psd1).Enabled) | Should -Be @($false)
            }
            finally {
                Pop-Location
            }
            @(($script:flawed | Test-Postmortem -Settings nested/relative.psd1).RuleName) | Should -Not -Contain 'Hedging'
        }

        It 'leaves the defaults alone for a later run without -Settings' {
            New-SettingsFile 'later.psd1' "@{ RemoveWords = @{ Hedges = @('unfortunately') }; Rules = @{ VagueActionItem = @{ Severity = 'Error' } } }" | Out-Null
            @($script:flawed | Test-Postmortem -Settings ./later.psd1) | Should -Not -BeNullOrEmpty
            $records = @($script:flawed | Test-Postmortem)
            @($records.RuleName) | Should -Contain 'Hedging'
            ($records | Where-Object RuleName -EQ 'VagueActionItem').Severity | Should -Be 'Warning'
        }
    }

    Context 'Get-PostmortemRule -Settings' {
        It 'shows the severity and Enabled as the settings file leaves them' {
            New-SettingsFile 'show.psd1' @'
@{
    ExcludeRules = @('Hedging')
    Rules        = @{
        VagueQuantity = @{ Severity = 'Error' }
        TimelineTense = @{ Enable = $false }
    }
}
'@ | Out-Null
            $rules = @{}
            foreach ($rule in Get-PostmortemRule -Settings ./show.psd1) { $rules[$rule.Name] = $rule }
            $rules.Count | Should -Be $script:AllRules.Count
            $rules['VagueQuantity'].Severity | Should -Be 'Error'
            $rules['VagueQuantity'].Enabled | Should -BeTrue
            $rules['Hedging'].Enabled | Should -BeFalse
            $rules['TimelineTense'].Enabled | Should -BeFalse
            $rules['BlamelessLanguage'].Severity | Should -Be 'Error'
            $rules['BlamelessLanguage'].Enabled | Should -BeTrue
            @($rules.Values | Where-Object { -not $_.Enabled }) | Should -HaveCount 2

            $default = Get-PostmortemRule -Name VagueQuantity, Hedging
            @($default.Severity) | Should -Be @('Warning', 'Information')
            @($default.Enabled) | Should -Be @($true, $true)
        }
    }

    Context 'bad settings files' {
        It 'stops <Command> with SettingsNotFound for a missing file' -ForEach @(
            @{ Command = 'Test-Postmortem'; Call = { $input | Test-Postmortem -Settings ./no-such-file.psd1 } }
            @{ Command = 'Get-PostmortemRule'; Call = { Get-PostmortemRule -Settings ./no-such-file.psd1 } }
        ) {
            $pm = $script:flawed
            $err = { $pm | & $Call } | Should -Throw -ErrorId 'SettingsNotFound,*' -PassThru
            $err.Exception.Message | Should -BeLike '*no-such-file.psd1*'
            $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'stops with InvalidSettings naming the file and line <Line> for <Case>' -ForEach @(
            @{ Case = 'an unclosed @{'; Line = 3; Text = "@{`n    ExcludeRules = @('Hedging')`n    Rules = @{`n        VagueQuantity = @{ Severity = 'Error' }`n" }
            @{ Case = 'an unknown rule name in Rules'; Line = 4; Text = "@{`n    ExcludeRules = @('Hedging')`n    Rules = @{`n        VagueQuantty = @{ Severity = 'Error' }`n    }`n}" }
            @{ Case = 'an unknown rule name in ExcludeRules'; Line = 3; Text = "@{`n    # off`n    ExcludeRules = @('Hedging', 'Hedgng')`n}" }
            @{ Case = 'an unknown word list'; Line = 3; Text = "@{`n    # more blame words`n    AddWords = @{ BlamePhrase = @('fat-thumbed') }`n}" }
            @{ Case = 'a variable'; Line = 3; Text = "@{`n    # words`n    AddWords = @{ Hedges = @(`$env:HOME) }`n}" }
            @{ Case = 'a command'; Line = 3; Text = "@{`n    # rules`n    ExcludeRules = @(Get-ChildItem)`n}" }
            @{ Case = 'a subexpression'; Line = 3; Text = "@{`n    # rules`n    ExcludeRules = `$(Get-ChildItem)`n}" }
            @{ Case = 'a subexpression in double quotes'; Line = 3; Text = "@{`n    # words`n    AddWords = @{ Hedges = @(`"`$(Get-Date)`") }`n}" }
        ) {
            $name = "bad-$($Case -replace '\W', '-').psd1"
            New-SettingsFile $name $Text | Out-Null
            $pm = $script:flawed
            $script:out = $null
            $err = { $script:out = $pm | Test-Postmortem -Settings "./$name" } | Should -Throw -ErrorId 'InvalidSettings,*' -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidSettings*'
            $err.Exception.Message | Should -BeLike "*$name*"
            $err.Exception.Message | Should -Match "\bline $Line\b"
            $script:out | Should -BeNullOrEmpty
        }

        It 'stops Get-PostmortemRule with InvalidSettings for a malformed file' {
            New-SettingsFile 'bad-get.psd1' "@{`n    ExcludeRules = Hedging`n}" | Out-Null
            $err = { Get-PostmortemRule -Settings ./bad-get.psd1 } | Should -Throw -ErrorId 'InvalidSettings,*' -PassThru
            $err.Exception.Message | Should -BeLike '*bad-get.psd1*line 2*'
        }

        It 'stops with InvalidSettings naming the file for <Case>' -ForEach @(
            @{ Case = 'a severity that is none of Error, Warning, Information'; Text = "@{ Rules = @{ Hedging = @{ Severity = 'Fatal' } } }"; Expect = "*'Fatal'*" }
            @{ Case = 'an Enable that is not a boolean'; Text = "@{ Rules = @{ Hedging = @{ Enable = 'no' } } }"; Expect = '*Enable*' }
            @{ Case = 'an unknown setting'; Text = "@{ ExcludeRule = @('Hedging') }"; Expect = "*'ExcludeRule'*" }
        ) {
            $name = "bad-$($Case -replace '\W', '-').psd1"
            New-SettingsFile $name $Text | Out-Null
            $pm = $script:flawed
            $err = { $pm | Test-Postmortem -Settings "./$name" } | Should -Throw -ErrorId 'InvalidSettings,*' -PassThru
            $err.Exception.Message | Should -BeLike "*$name*"
            $err.Exception.Message | Should -BeLike $Expect
        }
    }

    Context 'nothing in a settings file runs' {
        It 'does not run <Case>' -ForEach @(
            @{ Case = 'a $( ) in double quotes'; Template = "@{ AddWords = @{ Hedges = @(`"`$(Set-Content -LiteralPath 'TARGET' -Value pwned)`") } }"; Fails = $true }
            @{ Case = 'a bare $( )'; Template = "@{ ExcludeRules = `$(Set-Content -LiteralPath 'TARGET' -Value pwned) }"; Fails = $true }
            @{ Case = 'a command in @( )'; Template = "@{`n    ExcludeRules = @(Set-Content -LiteralPath 'TARGET' -Value pwned)`n}"; Fails = $true }
            @{ Case = 'a $( ) in single quotes, which is only text'; Template = "@{ AddWords = @{ Hedges = @('`$(Set-Content -LiteralPath TARGET -Value pwned)') } }"; Fails = $false }
        ) {
            $target = Join-Path $TestDrive "pwned-$($Case -replace '\W', '').txt"
            $name = "run-$($Case -replace '\W', '').psd1"
            New-SettingsFile $name $Template.Replace('TARGET', $target) | Out-Null
            $pm = $script:flawed
            if ($Fails) {
                { $pm | Test-Postmortem -Settings "./$name" } | Should -Throw -ErrorId 'InvalidSettings,*'
                { Get-PostmortemRule -Settings "./$name" } | Should -Throw -ErrorId 'InvalidSettings,*'
            }
            else {
                @($pm | Test-Postmortem -Settings "./$name") | Should -HaveCount 5
                @(Get-PostmortemRule -Settings "./$name") | Should -HaveCount $script:AllRules.Count
            }
            $target | Should -Not -Exist
        }
    }
}

Describe 'The guide''s examples, checked end to end' {
    It 'finds nothing in the Good action item "<Action>"' -ForEach @(
        @{ Action = 'Add --dry-run verification step to deploy runbook' }
        @{ Action = 'Add Grafana alert for OpenBao seal status with 5-minute threshold' }
        @{ Action = 'Add #incidents Slack channel to runbook as required notification step' }
    ) {
        $pm = New-GoodPostmortem | Add-ActionItem $Action -Owner platform -DueDate 2026-12-11 -Priority P2
        @($pm | Test-Postmortem) | Should -HaveCount 0
    }

    It 'reports the Bad action item "<Action>" as a VagueActionItem Warning' -ForEach @(
        @{ Action = 'Be more careful when deploying' }
        @{ Action = 'Add more monitoring' }
        @{ Action = 'Improve communication' }
    ) {
        $pm = New-GoodPostmortem | Add-ActionItem $Action -Owner platform -DueDate 2026-12-11 -Priority P2
        $records = @($pm | Test-Postmortem)
        $records | Should -HaveCount 1
        $records[0].RuleName | Should -BeExactly 'VagueActionItem'
        $records[0].Severity | Should -Be 'Warning'
        $records[0].Section | Should -Be 'ActionItems'
        $records[0].Target | Should -BeExactly 'ActionItems[4]'
        $records[0].Message | Should -BeLike "*'$Action'*"
        $records[0].Suggestion | Should -BeLike '*Add --dry-run verification step to deploy runbook*'
    }

    It 'reports the root cause "Engineer ran the wrong command" as a BlamelessLanguage Error with the guide''s reframing' {
        $records = @(New-GoodPostmortem | Set-Postmortem -RootCause 'Engineer ran the wrong command' | Test-Postmortem)
        $records | Should -HaveCount 1
        $records[0].RuleName | Should -BeExactly 'BlamelessLanguage'
        $records[0].Severity | Should -Be 'Error'
        $records[0].Section | Should -Be 'RootCause'
        $records[0].Target | Should -BeExactly 'RootCause'
        $records[0].Suggestion | Should -BeLike '*We had no guard against*'
    }

    It 'finds nothing in the root cause "We had no guard against running destructive commands on production"' {
        $pm = New-GoodPostmortem | Set-Postmortem -RootCause 'We had no guard against running destructive commands on production'
        @($pm | Test-Postmortem) | Should -HaveCount 0
        $pm | Test-Postmortem -Quiet -Strict | Should -BeTrue
    }

    It 'reports "there was some downtime" in the executive summary as VagueQuantity' {
        $pm = New-GoodPostmortem |
            Set-Postmortem -ExecutiveSummary 'Checkout failed on 2026-11-20 and there was some downtime. The gateway rejected a new certificate bundle.'
        $records = @($pm | Test-Postmortem)
        $records | Should -HaveCount 1
        $records[0].RuleName | Should -BeExactly 'VagueQuantity'
        $records[0].Severity | Should -Be 'Warning'
        $records[0].Section | Should -Be 'ExecutiveSummary'
        $records[0].Target | Should -BeExactly 'ExecutiveSummary'
        $records[0].Suggestion | Should -BeLike '*The service was unavailable for 47 minutes*'
    }

    It 'reports "unfortunately alerting was missing" as Hedging, an Information finding that does not fail -Strict' {
        $pm = New-GoodPostmortem | Add-Observation -WentPoorly 'unfortunately alerting was missing'
        $records = @($pm | Test-Postmortem)
        $records | Should -HaveCount 1
        $records[0].RuleName | Should -BeExactly 'Hedging'
        $records[0].Severity | Should -Be 'Information'
        $records[0].Target | Should -BeExactly 'WentPoorly[1]'
        $records[0].Message | Should -BeLike "*'unfortunately'*"
        $pm | Test-Postmortem -Quiet -Strict | Should -BeTrue
    }

    It 'leaves a chat message imported word for word as it was said, and still judges what was typed by hand' {
        $folder = Join-Path $TestDrive 'quotes'
        $null = New-Item -ItemType Directory -Path $folder
        $chat = '[{"ts":"1763631000.000100","user":"maria","text":"checkout is failing again for some users, will restart the gateway in a while"}]'
        Set-Content -LiteralPath (Join-Path $folder 'slack-export.json') -Value $chat -Encoding utf8
        $pm = New-GoodPostmortem
        $null = Import-TimelineEvent -LiteralPath (Join-Path $folder 'slack-export.json') -Format Slack | Add-TimelineEvent -Postmortem $pm
        @($pm.Timeline | Where-Object Event -like '*will restart the gateway in a while') | Should -HaveCount 1
        $pm.Timeline.Source | Should -Contain 'slack'
        @($pm | Test-Postmortem -Rule TimelineTense, VagueQuantity, SpecificTimes, Hedging) | Should -HaveCount 0

        $pm | Add-TimelineEvent -Time '2026-11-20T09:50:00Z' -Event 'Maria posted "will restart the gateway" while the gateway is restarting' | Out-Null
        $records = @($pm | Test-Postmortem -Rule TimelineTense)
        $records | Should -HaveCount 1
        $records[0].Message | Should -BeLike "*'is restarting'*"
    }
}
