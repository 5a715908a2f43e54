BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # Runs a script in a fresh runspace that has no host to prompt with, so a missing mandatory parameter
    # becomes an error instead of a prompt that would hang the run. Returns the output and the errors.
    function Invoke-WithoutPrompt([string] $Script) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$($env:POSTMORTEM_MODULE_PATH -replace "'", "''")' -Force`n$Script")
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error) }
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'Every Add-* and Set-* cmdlet passes the postmortem on' {
    It '<Name> takes the postmortem from the pipeline and emits the same object' -ForEach @(
        @{ Name = 'Add-TimelineEvent'; Call = { $input | Add-TimelineEvent -Time 14:02 -Event 'alert fired' } }
        @{ Name = 'Add-ActionItem'; Call = { $input | Add-ActionItem -Action 'Add an alert' } }
        @{ Name = 'Add-ContributingFactor'; Call = { $input | Add-ContributingFactor 'No alert on seal status' } }
        @{ Name = 'Add-Why'; Call = { $input | Add-Why 'The node rebooted' } }
        @{ Name = 'Add-Observation'; Call = { $input | Add-Observation -WentWell 'Fast page' } }
        @{ Name = 'Set-Postmortem'; Call = { $input | Set-Postmortem -Severity P2 } }
    ) {
        $pm = New-Postmortem x -Date 2026-11-20
        $out = @($pm | & $Call)
        $out.Count | Should -Be 1
        [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
    }

    It 'passes each of several piped postmortems on, in order' {
        $a = New-Postmortem a
        $b = New-Postmortem b
        $out = @($a, $b | Add-ContributingFactor 'shared factor')
        $out.Count | Should -Be 2
        [object]::ReferenceEquals($out[0], $a) | Should -BeTrue
        [object]::ReferenceEquals($out[1], $b) | Should -BeTrue
        @($a.ContributingFactors) | Should -Be @('shared factor')
        @($b.ContributingFactors) | Should -Be @('shared factor')
    }
}

Describe 'Add-ActionItem' {
    It 'adds an action with owner, due date, priority and tracking' {
        $pm = New-Postmortem x | Add-ActionItem -Action 'Add Grafana alert for OpenBao seal status' -Owner platform `
            -DueDate 2026-12-15 -Priority P2 -Tracking 'OPS-123'
        $pm.ActionItems.Count | Should -Be 1
        $item = $pm.ActionItems[0]
        $item.Action | Should -BeExactly 'Add Grafana alert for OpenBao seal status'
        $item.Owner | Should -BeExactly 'platform'
        $item.DueDate | Should -Be ([datetime]'2026-12-15')
        $item.Priority | Should -Be ([Postmortems.ActionPriority]::P2)
        $item.Tracking | Should -BeExactly 'OPS-123'
    }

    It 'starts an action as Open, and takes -Status Done' {
        $pm = New-Postmortem x | Add-ActionItem 'one' | Add-ActionItem 'two' -Status Done
        $pm.ActionItems[0].Status | Should -Be ([Postmortems.ActionItemStatus]::Open)
        $pm.ActionItems[1].Status | Should -Be ([Postmortems.ActionItemStatus]::Done)
    }

    It 'leaves due date and priority unset when they are not given' {
        $pm = New-Postmortem x | Add-ActionItem 'Add an alert'
        $pm.ActionItems[0].DueDate | Should -BeNullOrEmpty
        $pm.ActionItems[0].Priority | Should -BeNullOrEmpty
    }

    It 'takes the action positionally and keeps actions in the order added' {
        $pm = New-Postmortem x | Add-ActionItem 'first' | Add-ActionItem 'second'
        @($pm.ActionItems.Action) | Should -Be @('first', 'second')
    }

    It 'rejects an unknown priority with the binding error that lists P1, P2, P3' {
        $pm = New-Postmortem x
        $err = { $pm | Add-ActionItem 'Add an alert' -Priority P9 } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
        $err.Exception.Message | Should -BeLike '*P9*'
        $err.Exception.Message | Should -BeLike '*P1, P2, P3*'
        $pm.ActionItems.Count | Should -Be 0
    }

    It 'writes InvalidPostmortemValue for a blank action (<Action.Length> spaces), adds nothing, and passes the postmortem on' -ForEach @(@{ Action = '   ' }, @{ Action = '' }) {
        $pm = New-Postmortem x
        $out = $pm | Add-ActionItem $Action -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue*'
        $pm.ActionItems.Count | Should -Be 0
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
    }
}

Describe 'Add-ContributingFactor' {
    It 'adds the -Text given positionally' {
        $pm = New-Postmortem x | Add-ContributingFactor 'No alert on seal status'
        @($pm.ContributingFactors) | Should -Be @('No alert on seal status')
    }

    It 'adds several texts at once, in order, after the ones already there' {
        $pm = New-Postmortem x | Add-ContributingFactor -Text 'one' | Add-ContributingFactor -Text 'two', 'three'
        @($pm.ContributingFactors) | Should -Be @('one', 'two', 'three')
    }

    It 'trims surrounding blank lines and trailing spaces' {
        $pm = New-Postmortem x | Add-ContributingFactor "`r`n  indented factor   `r`n"
        @($pm.ContributingFactors) | Should -Be @('  indented factor')
    }
}

Describe 'Add-Why' {
    It 'adds the -Text given positionally, building the chain in order' {
        $pm = New-Postmortem x | Add-Why 'The vault sealed' | Add-Why -Text 'The node rebooted'
        @($pm.Whys) | Should -Be @('The vault sealed', 'The node rebooted')
    }

    It 'renders the whys as a numbered 5 Whys list under Root Cause' {
        $md = New-Postmortem x -RootCause 'Auto-unseal missing' | Add-Why 'The vault sealed' | Add-Why 'The node rebooted' |
            ConvertTo-PostmortemMarkdown
        $md | Should -Match '(?s)## Root Cause\n\nAuto-unseal missing\n\n### 5 Whys\n\n1\. The vault sealed\n2\. The node rebooted\n\n## Contributing Factors'
    }
}

Describe 'Add-Observation' {
    It 'adds -WentWell to What Went Well' {
        $pm = New-Postmortem x | Add-Observation -WentWell 'The page reached on-call in a minute'
        @($pm.WentWell) | Should -Be @('The page reached on-call in a minute')
        $pm.WentPoorly.Count | Should -Be 0
    }

    It 'adds -WentPoorly alone to What Went Poorly' {
        # Run where a missing -WentWell cannot turn into an interactive prompt.
        $result = Invoke-WithoutPrompt @'
$pm = New-Postmortem x
$out = $pm | Add-Observation -WentPoorly 'Recovery keys were hard to find'
[pscustomobject]@{ Same = [object]::ReferenceEquals($out, $pm); WentPoorly = @($pm.WentPoorly); WentWell = $pm.WentWell.Count }
'@
        @($result.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be 1
        $result.Output[0].Same | Should -BeTrue
        @($result.Output[0].WentPoorly) | Should -Be @('Recovery keys were hard to find')
        $result.Output[0].WentWell | Should -Be 0
    }

    It 'throws ObservationMissing when neither -WentWell nor -WentPoorly is given' {
        # Run where a missing mandatory parameter cannot turn into an interactive prompt.
        $result = Invoke-WithoutPrompt @'
$pm = New-Postmortem x
try {
    $out = $pm | Add-Observation
    [pscustomobject]@{ Caught = $null; Emitted = @($out).Count }
}
catch {
    [pscustomobject]@{ Caught = $_; Emitted = 0 }
}
'@
        $result.Output.Count | Should -Be 1
        $result.Output[0].Caught | Should -Not -BeNullOrEmpty -Because 'the error must be terminating'
        $result.Output[0].Caught.FullyQualifiedErrorId | Should -BeLike 'ObservationMissing*'
        $result.Output[0].Emitted | Should -Be 0
    }

    It 'adds both in one call' {
        $pm = New-Postmortem x | Add-Observation -WentWell 'good one', 'good two' -WentPoorly 'bad one'
        @($pm.WentWell) | Should -Be @('good one', 'good two')
        @($pm.WentPoorly) | Should -Be @('bad one')
    }

    It 'renders them as bullet lists in their sections' {
        $md = New-Postmortem x | Add-Observation -WentWell 'good' -WentPoorly 'bad' | ConvertTo-PostmortemMarkdown
        $md | Should -Match '(?s)## What Went Well\n\n- good\n\n## What Went Poorly\n\n- bad\n\n'
    }
}
