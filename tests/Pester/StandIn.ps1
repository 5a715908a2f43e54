<#
.SYNOPSIS
    The BookStack stand-in as its own process on 127.0.0.1, and its control surface, for the Pester files that publish.
    Dot-source it in BeforeAll, call Start-StandIn, and Stop-StandIn in AfterAll.
#>

# Starts the stand-in seeded with tokens ('id:secret', of user 1, Admin; Add-Token -UserId adds other users' tokens) and books
# ('id:name'), which POST /_standin/reset brings back; sets $script:StandIn and $script:BaseUri.
function Start-StandIn([string[]] $Token, [string[]] $Book) {
    $standIn = $env:POSTMORTEM_STANDIN_PATH
    if (-not $standIn -or -not (Test-Path -LiteralPath $standIn)) {
        throw "Set POSTMORTEM_STANDIN_PATH to BookStackStandIn.dll (it is '$standIn')."
    }
    $dotnet = if ((Split-Path -Leaf ([Environment]::ProcessPath)) -match '^dotnet(\.exe)?$') { [Environment]::ProcessPath } else { 'dotnet' }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    $arguments = @($standIn, '--port', '0')
    foreach ($t in $Token) { $arguments += '--token', $t }
    foreach ($b in $Book) { $arguments += '--book', $b }
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $script:StandIn = [System.Diagnostics.Process]::Start($startInfo)
    $firstLine = $script:StandIn.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds(30)) -or "$($firstLine.Result)" -notmatch '^Listening on (http://127\.0\.0\.1:\d+)/$') {
        if (-not $script:StandIn.HasExited) { $script:StandIn.Kill($true) }
        throw "The BookStack stand-in did not say where it listens within 30 s (it said '$(if ($firstLine.IsCompleted) { $firstLine.Result })')."
    }
    $script:BaseUri = $Matches[1]
}

function Stop-StandIn {
    if ($script:StandIn) {
        try { $script:StandIn.StandardInput.Close() } catch { }
        if (-not $script:StandIn.WaitForExit(10000)) { $script:StandIn.Kill($true); $null = $script:StandIn.WaitForExit(5000) }
        $script:StandIn.Dispose()
    }
}

# What a user types: the server and the token (user name = token id, password = secret).
function New-TokenCredential([string] $Id, [string] $Secret) {
    [pscredential]::new($Id, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

function Invoke-StandIn([string] $Method = 'Get', [string] $Path, $Body) {
    $request = @{ Method = $Method; Uri = "$script:BaseUri/_standin/$Path" }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 6 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}
function Get-Page { @((Invoke-StandIn -Path state).pages) }
function Get-Chapter { @((Invoke-StandIn -Path state).chapters) }
# Invoke-RestMethod hands a JSON array on as one object; the pipeline takes it apart.
function Get-ApiRequest { @(Invoke-StandIn -Path requests | ForEach-Object { $_ }) }
function Clear-RequestLog { $null = Invoke-StandIn -Method Delete -Path requests }
function Add-Fault([hashtable] $Fault) { $null = Invoke-StandIn -Method Post -Path faults -Body $Fault }
function Add-Token([string] $Id, [string] $Secret, [switch] $NoApiAccess, [int] $UserId = 1) {
    $null = Invoke-StandIn -Method Post -Path tokens -Body @{ id = $Id; secret = $Secret; canAccessApi = -not $NoApiAccess; userId = $UserId }
}
function Add-Chapter([int] $BookId, [string] $Name) { (Invoke-StandIn -Method Post -Path chapters -Body @{ bookId = $BookId; name = $Name }).id }
function Get-TagText($Tags) { @($Tags | ForEach-Object { "$($_.name)=$($_.value)" } | Sort-Object) }
