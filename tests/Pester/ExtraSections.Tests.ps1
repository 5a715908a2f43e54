BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    $script:TokenId = 'pm-sections'
    $script:Secret = 's3ctions-S3CRET-4d5e6f7a8b'
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    Start-StandIn -Token "$($script:TokenId):$($script:Secret)" -Book '79:Homelab'
    $script:Wiki = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential $script:TokenId $script:Secret); AllowUnencryptedAuthentication = $true }

    $script:Settings = Join-Path $TestDrive 'team.psd1'
    "@{ Sections = @( @{ Name = 'Customer Communication'; After = 'Impact'; Required = `$true; Prompt = 'What we told customers, when and where.' } ) }" |
        Set-Content -LiteralPath $script:Settings

    function New-Outage {
        New-Postmortem 'Checkout API returned 502s' -Date 2026-11-20 -Severity P2 -Status Resolved -Context Homelab |
            Add-TimelineEvent '09:12' 'CheckoutHigh5xxRate fired' -Milestone FirstSymptom
    }
}

AfterAll { Stop-StandIn }

Describe 'Sections beyond the template' {
    It 'sets Where We Got Lucky and Trigger with -Section, each rendered after its template section' {
        $pm = New-Outage | Set-Postmortem -Section @{ 'Where We Got Lucky' = 'The rotation ran at 09:10, not at the evening peak.'; Trigger = 'The rotation job uploaded a bundle without the intermediate.' }
        $pm.Sections.Name | Should -Be @('Trigger', 'Where We Got Lucky')
        $md = $pm | ConvertTo-PostmortemMarkdown
        $md | Should -Match '(?s)## Root Cause.*## Trigger\s+The rotation job.*## Contributing Factors'
        $md | Should -Match '(?s)## What Went Poorly.*## Where We Got Lucky\s+The rotation ran.*## Action Items'
        $pm | Set-Postmortem -Section @{ Trigger = '' } | Out-Null
        $pm.Sections.Name | Should -Be @('Where We Got Lucky')
    }

    It 'refuses a template heading as a section with InvalidPostmortemValue' {
        $pm = New-Outage
        $pm | Set-Postmortem -Section @{ Impact = 'x' } -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
        $err[0].Exception.Message | Should -Match 'section of the template itself'
        $pm.Sections.Count | Should -Be 0
    }

    It 'places the team''s section where its settings say, and Test-Postmortem requires it until it is written' {
        $pm = New-Outage
        @($pm | Test-Postmortem -Settings $script:Settings | Where-Object Target -eq "Sections['Customer Communication']") | Should -HaveCount 1
        $pm | Set-Postmortem -Section @{ 'customer communication' = 'Status page at 09:20 and 10:05.' } -Settings $script:Settings | Out-Null
        $pm.Sections[0].Name | Should -Be 'Customer Communication'
        "$($pm.Sections[0].After)" | Should -Be 'Impact'
        @($pm | Test-Postmortem -Settings $script:Settings | Where-Object Target -like 'Sections*') | Should -HaveCount 0
    }

    It 'keeps the sections in a saved draft, publishes them, and keeps a section a reviewer adds in the wiki' {
        $path = Join-Path $TestDrive 'outage.yaml'
        New-Outage | Set-Postmortem -Section @{ 'Customer Communication' = 'Status page at 09:20.' } -Settings $script:Settings | Export-Postmortem -Path $path
        (Get-Content -Raw $path) | Should -Match 'sections:'
        $page = Publish-Postmortem -Path $path -BookId 79 @script:Wiki
        $markdown = (Get-Page | Where-Object id -eq $page.Id).markdown
        $markdown | Should -Match '(?s)## Impact.*## Customer Communication\s+Status page at 09:20\..*## Root Cause'
        # A reviewer adds a section of their own on the page.
        $edited = $markdown.Replace('## Lessons Learned', "## Where We Got Lucky`n`nThe standby bundle was still on disk.`n`n## Lessons Learned")
        Invoke-RestMethod -Method Put -Uri "$($script:BaseUri)/api/pages/$($page.Id)" -Headers @{ Authorization = "Token $($script:TokenId):$($script:Secret)" } `
            -ContentType 'application/json' -Body (@{ markdown = $edited } | ConvertTo-Json) | Out-Null
        Merge-Postmortem -Path $path @script:Wiki -WarningAction SilentlyContinue | Out-Null
        (Import-Postmortem -LiteralPath $path).Sections.Name | Should -Be @('Customer Communication', 'Where We Got Lucky')
    }
}

Describe 'Add-PostmortemLink' {
    It 'adds the dashboard and runbook to the Links section, once each, and refuses an address that is no web address' {
        $pm = New-Outage |
            Add-PostmortemLink 'Checkout latency' https://grafana.example.com/d/checkout -Kind Dashboard |
            Add-PostmortemLink 'TLS rotation runbook' https://wiki.example.org/books/ops/page/tls-rotation -Kind Runbook |
            Add-PostmortemLink 'Checkout latency' https://grafana.example.com/d/checkout -Kind Dashboard
        $pm.Links.Count | Should -Be 2
        ($pm | ConvertTo-PostmortemMarkdown) | Should -Match '(?m)^- \*\*Runbook:\*\* \[TLS rotation runbook\]\(https://wiki\.example\.org/books/ops/page/tls-rotation\)$'
        $pm | Add-PostmortemLink 'Files' 'ftp://files.example.com/x' -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
        $path = Join-Path $TestDrive 'links.yaml'
        $pm | Export-Postmortem -Path $path
        (Import-Postmortem -LiteralPath $path).Links.Title | Should -Be @('Checkout latency', 'TLS rotation runbook')
    }
}
