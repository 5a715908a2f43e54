# The README's walkthrough, run as a newcomer would type it: every ```powershell block of its section, in order, in one
# fresh pwsh that imports the built module by name, with the BookStack and tracker stand-ins as the servers. The blocks
# run unchanged; what a person sets up around them (the environment variables the README names, and
# -AllowUnencryptedAuthentication and the tracker's address, which only the stand-ins need) the test sets up around them.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ReadmeWalkthrough.ps1')
    $readme = Join-Path $PSScriptRoot '../../README.md'
    $blocks = @(Get-WalkthroughBlock $readme)
    $shape = @{ LineCount = @(Get-WalkthroughSection $readme).Count; BlockCount = $blocks.Count }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    . (Join-Path $PSScriptRoot 'ReadmeWalkthrough.ps1')
    . (Join-Path $PSScriptRoot 'TrackerStandIn.ps1')
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:TokenId = 'walkthrough-token'
    $script:TokenSecret = 'w4lkthr0ugh-S3CRET-7c1d'
    $script:GitHubToken = 'ghp_walkthrough0123456789'
    Start-StandIn -Token "$($script:TokenId):$($script:TokenSecret)" -Book '12:Postmortems'
    Start-TrackerStandIn '--github-repo', 'octo/ops', '--github-token', $script:GitHubToken

    # A folder like the clone's, where the README's relative paths lead: examples/ beside what the walkthrough writes.
    $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'clone')
    Copy-Item -LiteralPath (Join-Path $root 'examples') -Destination $work.FullName -Recurse
    $blocksPath = Join-Path $TestDrive 'blocks.json'
    $script:ResultsPath = Join-Path $TestDrive 'results.json'
    ConvertTo-Json -InputObject @(Get-WalkthroughBlock (Join-Path $root 'README.md') | ForEach-Object { $_.Code }) | Set-Content -LiteralPath $blocksPath -Encoding utf8

    # The session a person has: the module installed where Import-Module finds it by name (here, the built layout's
    # folder first in PSModulePath), the environment the README names, and then the blocks one after another in the
    # same scope, so that $pm carries from one to the next. A block fails on an error, terminating or not, and on a
    # warning: the walkthrough should run clean. The blocks after a failed one are not run.
    $runner = Join-Path $TestDrive 'run-walkthrough.ps1'
    Set-Content -LiteralPath $runner -Encoding utf8 -Value @'
param([string] $BlocksPath, [string] $ResultsPath, [string] $ModuleFolder, [string] $WorkFolder, [string] $GitHubApi)
$env:PSModulePath = $ModuleFolder + [IO.Path]::PathSeparator + $env:PSModulePath
# The stand-ins serve plain http on 127.0.0.1, which the module refuses for a token unless told; a real server is https.
$PSDefaultParameterValues['*:AllowUnencryptedAuthentication'] = $true
# The tracker's address: github.com's API unless given; here the stand-in's.
$PSDefaultParameterValues['Sync-ActionItem:Uri'] = $GitHubApi
Set-Location -LiteralPath $WorkFolder
$results = [System.Collections.Generic.List[object]]::new()
foreach ($__code in (Get-Content -LiteralPath $BlocksPath -Raw | ConvertFrom-Json)) {
    $Error.Clear()
    $__failure = $null
    $__written = @()
    try { $__written = @(. ([scriptblock]::Create($__code)) *>&1) }
    catch { $__failure = $_ | Out-String -Width 160 }
    $__output = $__written | Out-String -Width 160
    $__problems = @($Error | ForEach-Object { "ERROR: $($_.Exception.Message) [$($_.FullyQualifiedErrorId)]" })
    $__problems += @($__written | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "WARNING: $($_.Message)" })
    if ($__failure) { $__problems += "TERMINATING: $__failure" }
    $results.Add([pscustomobject]@{ Output = "$__output"; Problems = @($__problems) })
    ConvertTo-Json -InputObject $results -Depth 4 | Set-Content -LiteralPath $ResultsPath -Encoding utf8
    if ($__problems.Count) { break }
}
'@

    $saved = @{}
    $environment = @{
        BOOKSTACK_URL          = $script:BaseUri
        BOOKSTACK_TOKEN_ID     = $script:TokenId
        BOOKSTACK_TOKEN_SECRET = $script:TokenSecret
        GITHUB_TOKEN           = $script:GitHubToken
        GH_TOKEN               = $null
    }
    foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    try {
        . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
        $pwsh = [Environment]::ProcessPath
        [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' } else { @() }
        $script:RunOutput = & $pwsh @prefix -NoProfile -NonInteractive -File $runner -BlocksPath $blocksPath -ResultsPath $script:ResultsPath `
            -ModuleFolder (Split-Path (Split-Path $env:POSTMORTEM_MODULE_PATH)) -WorkFolder $work.FullName -GitHubApi "$($script:TrackerBase)github/api/v3" 2>&1 | Out-String
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
    $script:Results = if (Test-Path -LiteralPath $script:ResultsPath) { @(Get-Content -LiteralPath $script:ResultsPath -Raw | ConvertFrom-Json) } else { @() }
    $script:Work = $work.FullName
}

AfterAll {
    Stop-TrackerStandIn
    Stop-StandIn
}

Describe 'The README''s walkthrough' {
    It 'is there, in under 120 lines, with its commands in powershell blocks' -ForEach $shape {
        $LineCount | Should -BeGreaterThan 10
        $LineCount | Should -BeLessThan 120
        $BlockCount | Should -BeGreaterThan 5
    }

    It 'runs block <Number> without an error or a warning: <FirstLine>' -ForEach $blocks {
        $index = $Number - 1
        $script:Results.Count | Should -BeGreaterThan $index -Because "block $Number must run, and did not (an earlier block failed, or the session did: $($script:RunOutput))"
        $result = $script:Results[$index]
        $result.Problems | Should -BeNullOrEmpty -Because "block $Number ran as:`n$Code`nand wrote:`n$($result.Output)"
    }

    It 'ends with the postmortem published, its action items tracked and the follow-up board in the book' {
        $pages = @(Get-Page)
        $postmortem = @($pages | Where-Object { $_.tags.name -contains 'postmortem-id' })
        $postmortem | Should -HaveCount 1
        $postmortem[0].book_id | Should -Be 12
        $issues = @(Get-TrackerIssue)
        $issues.Count | Should -BeGreaterThan 0
        # Every issue is linked from the published page, and every item of the saved draft is tracked or done.
        foreach ($issue in $issues) { $postmortem[0].markdown | Should -Match ([regex]::Escape($issue.url)) }
        $draft = Get-ChildItem -LiteralPath (Join-Path $script:Work 'postmortems') -Filter *.yaml | Select-Object -First 1
        Import-Module $env:POSTMORTEM_MODULE_PATH -Force
        $saved = Import-Postmortem -LiteralPath $draft.FullName
        $saved.State | Should -Be 'Final'
        # What the walkthrough says: after acting on Test-Postmortem's findings, nothing is left to find.
        @($saved | Test-Postmortem) | Should -BeNullOrEmpty
        $saved.Publication.PageId | Should -Be $postmortem[0].id
        foreach ($item in $saved.ActionItems) { ($item.Tracking -or $item.Status -eq 'Done') | Should -BeTrue -Because "'$($item.Action)' is tracked or done" }
        @($saved.ActionItems | Where-Object Status -eq 'Done').Count | Should -BeGreaterThan 0
        $postmortem[0].markdown | Should -Match 'Done \(\d{4}\W\d{2}\W\d{2}\)'
        @($pages | Where-Object name -eq 'Action item follow-up') | Should -HaveCount 1
    }
}
