# What build.ps1 prints (tools/BuildOutput.ps1): Test's runner output without the tests' "What if:" lines, the skipped
# tests with their reasons, and where Demo leaves a person.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../tools/BuildOutput.ps1')
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    function Remove-Colour([string] $Text) { $Text -replace '\e\[[0-9;]*m', '' }
    # What a command writes with Write-Host, taken from the information stream (so it does not reach this run's
    # console), as text; anything else it returns goes to $script:Returned.
    function Get-WrittenText([scriptblock] $Script) {
        $all = @(& $Script 6>&1)
        $script:Returned = @($all | Where-Object { $_ -isnot [System.Management.Automation.InformationRecord] })
        ($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" }) -join "`n"
    }
}

Describe 'build.ps1 Test''s output' {
    It 'passes on the Pester run''s summary and failures, and leaves out the What if: lines the tests cause' {
        $suite = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'suite')
        Set-Content -LiteralPath (Join-Path $suite 'Sample.Tests.ps1') -Value @'
Describe 'A sample suite' {
    It 'checks -WhatIf' {
        function Write-Thing { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('the thing', 'Write')) { } }
        Write-Thing -WhatIf
        1 | Should -Be 1
    }
    It 'is skipped with a reason' { Set-ItResult -Skipped -Because 'Chromium is not installed here' }
    It 'is skipped by a condition' -Skip:($true -or $env:NEVER_SET) { 1 | Should -Be 1 }
    It 'fails and says why' { 1 | Should -Be 2 -Because 'a failure stays visible' }
}
'@
        $summary = Join-Path $TestDrive 'pester.json'
        $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $text = Remove-Colour (Get-WrittenText {
                Invoke-PwshWithoutWhatIf @('-File', (Join-Path $script:Root 'tests/Invoke-PesterSuite.ps1'), '-PesterModule', $pester,
                    '-ModulePath', $env:POSTMORTEM_MODULE_PATH, '-TestPath', $suite.FullName, '-SummaryPath', $summary)
            })
        $run = $script:Returned | Select-Object -Last 1

        $text | Should -Not -Match 'What if:'
        $run.HiddenWhatIfLines | Should -Be 1
        $run.ExitCode | Should -Be 1
        $text | Should -Match 'Tests Passed: 1, Failed: 1, Skipped: 2'
        $text | Should -Match 'fails and says why'
        $text | Should -Match 'because a failure stays visible'
    }

    It 'records each skipped Pester test with its reason: Set-ItResult''s -Because, or the -Skip condition as written' {
        $summary = Get-Content -LiteralPath (Join-Path $TestDrive 'pester.json') -Raw | ConvertFrom-Json
        $summary.Skipped | Should -Be 2
        $skipped = @($summary.SkippedTests)
        ($skipped | Where-Object Name -like 'A sample suite.is skipped with a reason (Sample.Tests.ps1:*)').Reason | Should -Be 'Chromium is not installed here'
        ($skipped | Where-Object Name -like 'A sample suite.is skipped by a condition (Sample.Tests.ps1:8)').Reason | Should -Be '-Skip:($true -or $env:NEVER_SET)'
        $skipped.Runner | Should -Be @('Pester', 'Pester')
    }

    It 'reads each skipped xunit test and its Skip reason from the trx file dotnet test writes' {
        $skipped = @(Get-TrxSkippedTest (Join-Path $script:Root 'tests/fixtures/build/xunit-skipped.trx'))
        $skipped | Should -HaveCount 1
        $skipped[0].Runner | Should -Be 'xunit'
        $skipped[0].Name | Should -Be 'Postmortems.Tests.SharedContractTests.Examples_match'
        $skipped[0].Reason | Should -Be '../shared/bookstack-api is absent (it is absent in a plain clone of the project)'
    }

    It 'lists the skipped tests under their runner with their reasons, and says so when none was skipped' {
        $list = @(
            [pscustomobject]@{ Runner = 'xunit'; Name = 'Contract.Examples_match'; Reason = 'the examples are absent' }
            [pscustomobject]@{ Runner = 'Pester'; Name = 'Chart.renders (TimelineChart.Tests.ps1:56)'; Reason = 'Chromium is not installed here' }
        )
        $text = Get-WrittenText { Write-SkippedTest $list }
        $text | Should -Match '2 skipped:'
        $text | Should -Match '\[xunit\] Contract\.Examples_match: the examples are absent'
        $text | Should -Match '\[Pester\] Chart\.renders \(TimelineChart\.Tests\.ps1:56\): Chromium is not installed here'
        Get-WrittenText { Write-SkippedTest @() } | Should -Be '0 skipped'
    }
}

Describe 'build.ps1 Demo''s last words' {
    It 'lists the files it wrote, says which to open, and gives one command to try next that runs' {
        $demo = Join-Path $TestDrive 'demo'
        $example = Invoke-FreshPwsh "& '$(Join-Path $script:Root 'examples/homelab-openbao.ps1')' -ModulePath '$env:POSTMORTEM_MODULE_PATH' -OutputFolder '$demo'"
        $example.ExitCode | Should -Be 0
        $text = Get-WrittenText { Write-DemoNextStep -Root $script:Root -DemoFolder $demo -ModuleManifest $env:POSTMORTEM_MODULE_PATH }

        foreach ($file in Get-ChildItem -LiteralPath $demo -File) {
            $relative = './' + [IO.Path]::GetRelativePath($script:Root, $file.FullName)
            $text | Should -Match ([regex]::Escape("$relative ($($file.Length) bytes)"))
        }
        $text | Should -Match 'Open \./\S+openbao-sealed\.html in a browser'
        $text -match '(?m)^\s+dotnet pwsh -c "(?<command>.+)"\s*$' | Should -BeTrue
        $command = $Matches.command
        $command | Should -Match 'Import-Postmortem \./\S+openbao-sealed\.yaml \| Test-Postmortem'

        # The command as a person runs it, from the clone's folder.
        $run = Invoke-FreshPwsh "Set-Location -LiteralPath '$($script:Root)'; $command"
        # It imports the module and reads the draft: pwsh -Command exits 1 when its last pipeline had an error.
        $run.ExitCode | Should -Be 0
        Remove-Colour $run.Output | Should -Not -Match '(?m)^(Import-Module|Import-Postmortem|Test-Postmortem):'
    }
}
