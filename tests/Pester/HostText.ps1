<#
.SYNOPSIS
    What a script block writes to the host (ShouldProcess's "What if:" lines, which no stream redirection catches),
    through a transcript. Dot-source it in BeforeAll; it writes under $TestDrive.
#>
function Get-HostText([scriptblock] $Script) {
    $path = Join-Path $TestDrive "host-$([guid]::NewGuid()).txt"
    $null = Start-Transcript -LiteralPath $path -UseMinimalHeader
    try { $null = & $Script } finally { $null = Stop-Transcript }
    Get-Content -LiteralPath $path -Raw
}
