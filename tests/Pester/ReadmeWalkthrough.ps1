<#
.SYNOPSIS
    The README's walkthrough: its section (its '## Walkthrough' heading to the next '## ' heading outside a code block)
    and the ```powershell blocks in it, in order. Dot-source it where Walkthrough.Tests.ps1 needs them (discovery and run).
#>
function Get-WalkthroughSection([string] $ReadmePath) {
    $inSection = $false; $inFence = $false
    foreach ($line in Get-Content -LiteralPath $ReadmePath) {
        if (-not $inFence -and $line -match '^## ') {
            if ($inSection) { break }
            $inSection = $line -match '^## Walkthrough'
        }
        if ($line -match '^```') { $inFence = -not $inFence }
        if ($inSection) { $line }
    }
}

function Get-WalkthroughBlock([string] $ReadmePath) {
    $code = $null
    $number = 0
    foreach ($line in Get-WalkthroughSection $ReadmePath) {
        if ($null -eq $code -and $line -match '^```powershell\s*$') { $code = [System.Collections.Generic.List[string]]::new(); continue }
        if ($null -ne $code -and $line -match '^```\s*$') {
            $number++
            @{ Number = $number; Code = $code -join "`n"; FirstLine = $code[0] }
            $code = $null
            continue
        }
        if ($null -ne $code) { $code.Add($line) }
    }
}
