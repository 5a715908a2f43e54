<#
.SYNOPSIS
    What build.ps1 tells a person: the test runners' output without the tests' "What if:" lines, the skipped tests with
    their reasons, and where Demo leaves them. Dot-sourced by build.ps1; tests/Pester/BuildOutput.Tests.ps1 checks it.
#>

# Runs a script in a new pwsh and passes on what it writes, less the "What if:" lines that ShouldProcess prints to the
# host under -WhatIf (the Pester suite checks -WhatIf on every command that writes, so they run to hundreds; no stream
# redirection inside the run can catch them). Returns the exit code and how many lines were left out.
function Invoke-PwshWithoutWhatIf {
    param([string[]] $Arguments)
    $pwsh = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    $hidden = 0
    & $pwsh @prefix -NoLogo -NoProfile -NonInteractive @Arguments | ForEach-Object {
        # Lines may start with colour codes; a test's own output of "What if:" text is the same noise.
        if ("$_" -match '^(?:\e\[[0-9;]*m)*What if: ') { $hidden++ } else { Write-Host $_ }
    }
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; HiddenWhatIfLines = $hidden }
}

# The skipped tests of a .trx file (VSTest's results, as dotnet test writes them), with the reason each gives: xunit's
# Skip = "..." is the result's ErrorInfo message.
function Get-TrxSkippedTest([string] $Path) {
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    $ns = @{ t = 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010' }
    foreach ($node in Select-Xml -Xml $trx -XPath '//t:UnitTestResult[@outcome="NotExecuted"]' -Namespace $ns) {
        $message = Select-Xml -Xml $node.Node -XPath 't:Output/t:ErrorInfo/t:Message' -Namespace $ns | Select-Object -First 1
        [pscustomobject]@{
            Runner = 'xunit'
            Name   = $node.Node.testName
            Reason = if ($message -and $message.Node.InnerText.Trim()) { $message.Node.InnerText.Trim() } else { '(no reason given)' }
        }
    }
}

# Lists the skipped tests under their runner, each with its reason, or says there were none.
function Write-SkippedTest([object[]] $Skipped) {
    $Skipped = @($Skipped | Where-Object { $_ })
    if ($Skipped.Count -eq 0) { Write-Host '0 skipped'; return }
    Write-Host ("{0} skipped:" -f $Skipped.Count)
    foreach ($test in $Skipped) { Write-Host ("  [{0}] {1}: {2}" -f $test.Runner, $test.Name, $test.Reason) }
}

# Where Demo leaves a person: the page to open, the files beside it, and one command to try next.
function Write-DemoNextStep {
    param([string] $Root, [string] $DemoFolder, [string] $ModuleManifest)
    $files = @(Get-ChildItem -LiteralPath $DemoFolder -File | Sort-Object Name)
    $relative = { param($path) './' + ([IO.Path]::GetRelativePath($Root, $path) -replace '\\', '/') }
    Write-Host "`nDemo output:"
    foreach ($file in $files) { Write-Host "  $(& $relative $file.FullName) ($($file.Length) bytes)" }
    $page = $files | Where-Object Extension -eq '.html' | Select-Object -First 1
    $draft = @($files | Where-Object Extension -eq '.yaml') + @($files | Where-Object Extension -eq '.md') | Select-Object -First 1
    Write-Host ''
    if ($page) {
        Write-Host "Open $(& $relative $page.FullName) in a browser: a postmortem as the template lays it out, with its timeline chart."
        Write-Host 'Each .md beside it is the same postmortem as the Markdown page a wiki gets; each .yaml, a draft to edit and load again.'
    }
    if ($draft) {
        Write-Host 'Then try, in this folder, the checks a reviewer runs on a draft:'
        Write-Host "  dotnet pwsh -c `"Import-Module $(& $relative $ModuleManifest); Import-Postmortem $(& $relative $draft.FullName) | Test-Postmortem | Format-List`""
    }
    Write-Host 'The README''s walkthrough takes one incident from its first alert to the published page.'
}
