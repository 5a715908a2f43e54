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

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8
if ($result.Result -ne 'Passed') { exit 1 }
