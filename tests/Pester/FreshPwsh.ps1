<#
.SYNOPSIS
    Runs a script in a pwsh of its own (the same PowerShell as the tests, without a profile) and returns its exit code
    and all it wrote, as one string. For what a session decides once: which copy of an assembly it loads, say.
    Dot-source it in BeforeAll.
#>
function Invoke-FreshPwsh([string] $Script) {
    $pwsh = [Environment]::ProcessPath
    [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' } else { @() }
    $output = & $pwsh @prefix -NoProfile -NonInteractive -Command $Script 2>&1
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
}
