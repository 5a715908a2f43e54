<#
.SYNOPSIS
    Copies the built module (out/Postmortem) into a PowerShell module folder, so that `Import-Module Postmortem` works
    in any pwsh 7 of this user, from any folder. build.ps1 Install runs it after the build.
.DESCRIPTION
    The module goes to <ModulePath>/Postmortem/<version>/, the layout Install-PSResource uses, replacing an earlier copy
    of the same version whole (so no file of an older build stays beside the new one) and leaving other versions alone.
    Without -ModulePath it is this user's own module folder, the one PowerShell puts first in $env:PSModulePath:
    ~/.local/share/powershell/Modules on Linux and macOS ($XDG_DATA_HOME/powershell/Modules when that is set),
    Documents\PowerShell\Modules on Windows.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The built module's folder, holding Postmortem.psd1.
    [string] $Source = (Join-Path $PSScriptRoot '../out/Postmortem'),
    # The module folder to install into; this user's own module folder unless given.
    [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# PowerShell's own rule for the user's module folder (what it puts first in $env:PSModulePath).
function Get-UserModulePath {
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        return Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'PowerShell/Modules'
    }
    $data = if ($env:XDG_DATA_HOME) { $env:XDG_DATA_HOME } else { Join-Path $HOME '.local/share' }
    Join-Path $data 'powershell/Modules'
}

$manifest = Join-Path $Source 'Postmortem.psd1'
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "There is no built module in '$Source'. Build it first: dotnet pwsh ./build.ps1 Build (or run build.ps1 Install, which builds)."
}
$version = (Import-PowerShellDataFile -LiteralPath $manifest).ModuleVersion
if (-not $ModulePath) { $ModulePath = Get-UserModulePath }
$ModulePath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($ModulePath)
$moduleFolder = Join-Path $ModulePath 'Postmortem'
$target = Join-Path $moduleFolder $version

if (-not $PSCmdlet.ShouldProcess($target, "Install Postmortem $version")) { return }

# Copied beside the target first and swapped in only when complete, so a failed copy leaves the old one as it was.
$null = New-Item -ItemType Directory -Path $moduleFolder -Force
$staging = Join-Path $moduleFolder ".$version.installing-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
try {
    Copy-Item -LiteralPath $Source -Destination $staging -Recurse
    if (Test-Path -LiteralPath $target) {
        try { Remove-Item -LiteralPath $target -Recurse -Force }
        catch { throw "Postmortem $version in '$target' could not be replaced ($($_.Exception.Message)). Close the pwsh sessions that imported it, then install again." }
    }
    Move-Item -LiteralPath $staging -Destination $target
}
finally {
    if (Test-Path -LiteralPath $staging) { Remove-Item -LiteralPath $staging -Recurse -Force }
}

Write-Host "Installed Postmortem $version in $target"
$onPath = @($env:PSModulePath -split [IO.Path]::PathSeparator | Where-Object { $_ } |
        ForEach-Object { [IO.Path]::GetFullPath($_).TrimEnd([IO.Path]::DirectorySeparatorChar) }) -contains $ModulePath.TrimEnd([IO.Path]::DirectorySeparatorChar)
if ($onPath) {
    Write-Host 'In any pwsh 7 of yours, from any folder: Import-Module Postmortem'
}
else {
    Write-Warning "'$ModulePath' is not in `$env:PSModulePath, so Import-Module Postmortem will not find it there. Add it to PSModulePath, or import it by path: Import-Module '$(Join-Path $target 'Postmortem.psd1')'"
}
