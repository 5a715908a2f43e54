<#
.SYNOPSIS
    Runs the Pester suite against the built module; build.ps1 Test starts it in a fresh pwsh.
#>
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)
Import-Module $PesterModule -Force -ErrorAction Stop
# The tests run with PowerShell's default error preference, as a user's session has it: a non-terminating error
# stays non-terminating.
# The tests import the module from here, never from src/.
$env:POSTMORTEM_MODULE_PATH = $ModulePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $configuration

# Why a test was skipped: Set-ItResult -Skipped -Because gives its reason; It -Skip:(condition) gives none, so the
# condition itself is the reason, as the test file writes it.
function Get-SkipReason($Test) {
    $because = @($Test.ErrorRecord | Where-Object { $_ } | ForEach-Object { $_.Exception.Message }) | Select-Object -First 1
    if ($because) { return ($because -replace '^is skipped, because ', '') }
    $file = $Test.ScriptBlock.File
    if ($file -and (Test-Path -LiteralPath $file)) {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $null, [ref] $null)
        $it = $ast.Find({ param($node) $node -is [System.Management.Automation.Language.CommandAst] -and
                $node.Extent.StartLineNumber -eq $Test.StartLine -and $node.GetCommandName() -eq 'It' }, $true)
        $skip = if ($it) { $it.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'Skip' } }
        if ($skip -and $skip.Argument) { return "-Skip:$($skip.Argument.Extent.Text)" }
    }
    '-Skip'
}

[pscustomobject]@{
    Passed       = $result.PassedCount
    Failed       = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped      = $result.SkippedCount
    SkippedTests = @(foreach ($test in $result.Skipped) {
            [pscustomobject]@{
                Runner = 'Pester'
                Name   = '{0} ({1}:{2})' -f $test.ExpandedPath, (Split-Path -Leaf $test.ScriptBlock.File), $test.StartLine
                Reason = Get-SkipReason $test
            }
        })
} | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $SummaryPath -Encoding utf8
if ($result.Result -ne 'Passed') { exit 1 }
