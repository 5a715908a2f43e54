<#
.SYNOPSIS
    The tracker stand-in (GitHub, GitLab and Jira issue APIs) as its own process on 127.0.0.1, and its control surface,
    for the Pester files that sync action items. Dot-source it in BeforeAll, call Start-TrackerStandIn, and
    Stop-TrackerStandIn in AfterAll.
#>

# Starts the stand-in with the given command-line seeds (such as '--github-repo', 'octo/ops', '--github-token', 'ghp_x');
# sets $script:TrackerProcess and $script:TrackerBase (ending in /).
function Start-TrackerStandIn([string[]] $Arguments) {
    $standIn = $env:POSTMORTEM_TRACKER_STANDIN_PATH
    if (-not $standIn -or -not (Test-Path -LiteralPath $standIn)) {
        throw "Set POSTMORTEM_TRACKER_STANDIN_PATH to TrackerStandIn.dll (it is '$standIn')."
    }
    $dotnet = if ((Split-Path -Leaf ([Environment]::ProcessPath)) -match '^dotnet(\.exe)?$') { [Environment]::ProcessPath } else { 'dotnet' }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($argument in @($standIn, '--port', '0') + $Arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $script:TrackerProcess = [System.Diagnostics.Process]::Start($startInfo)
    $firstLine = $script:TrackerProcess.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds(30)) -or "$($firstLine.Result)" -notmatch '^Listening on (http://127\.0\.0\.1:\d+/)$') {
        if (-not $script:TrackerProcess.HasExited) { $script:TrackerProcess.Kill($true) }
        throw "The tracker stand-in did not say where it listens within 30 s (it said '$(if ($firstLine.IsCompleted) { $firstLine.Result })')."
    }
    $script:TrackerBase = $Matches[1]
}

function Stop-TrackerStandIn {
    if ($script:TrackerProcess) {
        try { $script:TrackerProcess.StandardInput.Close() } catch { }
        if (-not $script:TrackerProcess.WaitForExit(10000)) { $script:TrackerProcess.Kill($true); $null = $script:TrackerProcess.WaitForExit(5000) }
        $script:TrackerProcess.Dispose()
    }
}

function Invoke-TrackerStandIn([string] $Method = 'Get', [string] $Path, $Body) {
    $request = @{ Method = $Method; Uri = "$($script:TrackerBase)_standin/$Path" }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 6 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Get-TrackerIssue { @((Invoke-TrackerStandIn -Path state).issues) }
