BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    # Both stand-ins, each its own process: the wiki and the tracker.
    $script:TokenId = 'pm-follow'
    $script:Secret = 'f0llow-S3CRET-9e8d7c6b5a'
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    Start-StandIn -Token "$($script:TokenId):$($script:Secret)" -Book '79:Homelab'
    $script:Wiki = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential $script:TokenId $script:Secret); AllowUnencryptedAuthentication = $true }
    . (Join-Path $PSScriptRoot 'TrackerStandIn.ps1')
    Start-TrackerStandIn '--github-repo', 'octo/ops', '--github-token', 'ghp_followup0123456789'
    $script:GitHub = @{
        Tracker = 'GitHub'; Repository = 'octo/ops'; Uri = "$($script:TrackerBase)github/api/v3"
        Token = (ConvertTo-SecureString 'ghp_followup0123456789' -AsPlainText -Force); AllowUnencryptedAuthentication = $true
    }
}

AfterAll {
    Stop-TrackerStandIn
    Stop-StandIn
}

Describe 'Following action items through to done: publish, tracker, close, sync, publish, board' {
    It 'takes a final postmortem''s items to the tracker, and a closed issue comes back Done with its date on the page and off the board' {
        $path = Join-Path $TestDrive 'failover.yaml'
        New-Postmortem 'Postgres failover took 40 minutes' -Date 2026-11-20 -Severity P2 -Status Resolved -Context Homelab `
            -ExecutiveSummary 'The primary failed and promotion took 40 minutes.' |
            Add-TimelineEvent '10:00' 'Replication lag alert fired' -Milestone FirstSymptom -Source alertmanager |
            Add-TimelineEvent '10:40' 'Writes succeeded again' -Milestone ServiceRestored |
            Add-ActionItem 'Lower the Patroni loop wait to 5 seconds' -Owner bob -DueDate 2026-12-18 -Priority P1 |
            Add-ActionItem 'Alert on replication slot growth' -Owner alice -DueDate 2026-12-30 -Priority P2 |
            Complete-Postmortem -Force | Export-Postmortem -Path $path
        (Import-Postmortem -LiteralPath $path).State | Should -Be 'Final'

        Publish-Postmortem -Path $path -BookId 79 @script:Wiki | Out-Null
        $created = Sync-ActionItem -Path $path @script:GitHub
        @($created | Where-Object Action -eq 'Created') | Should -HaveCount 2
        # The issue links back to the published page.
        (Get-TrackerIssue)[0].body | Should -Match ([regex]::Escape("$($script:BaseUri)/link/"))
        # A re-run creates nothing twice.
        @(Sync-ActionItem -Path $path @script:GitHub | Where-Object Action -eq 'Created') | Should -HaveCount 0
        @(Get-TrackerIssue) | Should -HaveCount 2

        # Someone closes the first issue in the tracker.
        $null = Invoke-TrackerStandIn -Method Post -Path issues/close -Body @{ tracker = 'github'; project = 'octo/ops'; issue = '1'; reason = 'completed' }
        $closedOn = ([datetimeoffset](Get-TrackerIssue | Where-Object issue -eq 1).closedAt).UtcDateTime.ToString('yyyy-MM-dd')
        $synced = Sync-ActionItem -Path $path @script:GitHub
        ($synced | Where-Object Index -eq 0).Action | Should -Be 'StatusChanged'

        $page = Publish-Postmortem -Path $path -BookId 79 @script:Wiki
        $page.Action | Should -Be 'Updated'
        $markdown = (Get-Page | Where-Object id -eq $page.Id).markdown
        $markdown | Should -Match ("\| P1 \| Done \(" + ($closedOn -replace '-', "`u{2011}") + "\) \| \[ops#1\]")
        $markdown | Should -Match '\| P2 \| Open \| \[ops#2\]'

        $board = Publish-ActionItemReport -BookId 79 -AsOf 2026-12-20 @script:Wiki
        $board.Open | Should -Be 1
        $boardText = (Get-Page | Where-Object id -eq $board.Id).markdown
        $boardText | Should -Not -Match 'Patroni'
        $boardText | Should -Match '\| Alert on replication slot growth \|'
        $boardText | Should -Match '\[ops#2\]'
    }
}
