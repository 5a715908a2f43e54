BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    $script:TokenId = 'pm-board'
    $script:Secret = 'b0ard-S3CRET-1a2b3c4d5e'
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    Start-StandIn -Token "$($script:TokenId):$($script:Secret)" -Book '79:Homelab', '12:Payments'
    # A reviewer: another user, whose edits are a person's edits.
    Add-Token 'rita-token' 'r1ta-S3CRET-0a9b8c7d' -UserId 2
    $script:Server = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential $script:TokenId $script:Secret); AllowUnencryptedAuthentication = $true }
    . (Join-Path $PSScriptRoot 'HostText.ps1')

    function New-Incident([string] $Title, [datetime] $Date) {
        New-Postmortem $Title -Date $Date -Severity P2 -Status Resolved -Context Homelab |
            Add-TimelineEvent '10:00' 'Alert fired' -Milestone FirstSymptom
    }

    New-Incident 'DNS resolver crashed' 2026-11-02 |
        Add-ActionItem 'Add a canary query for the resolver to the blackbox exporter' -Owner alice -DueDate 2026-11-30 -Priority P2 |
        Add-ActionItem 'Pin the resolver image to a digest in the Helm values' -Owner bob -DueDate 2026-12-20 -Priority P2 -Status Done |
        Publish-Postmortem -BookId 79 @script:Server | Out-Null
    New-Incident 'Postgres failover took 40 minutes' 2026-11-20 |
        Add-ActionItem 'Lower the Patroni loop wait to 5 seconds' -Owner bob -DueDate 2026-12-09 -Priority P1 -Status InProgress |
        Publish-Postmortem -BookId 79 @script:Server | Out-Null
}

AfterAll { Stop-StandIn }

Describe 'Publish-ActionItemReport' {
    It 'shows with -WhatIf what it would create, and creates nothing' {
        $out = Get-HostText { Publish-ActionItemReport 79 -AsOf 2026-12-10 -WhatIf @script:Server }
        $out | Should -Match "What if: .*Create the page 'Action item follow-up' in book 79 with 2 open action items of 2 postmortems"
        @(Get-Page | Where-Object name -eq 'Action item follow-up') | Should -HaveCount 0
    }

    It 'creates the board page in the book, listing the open items by owner, and says what it did' {
        $board = Publish-ActionItemReport -BookId 79 -AsOf 2026-12-10 @script:Server
        $board.Action | Should -Be 'Created'
        $board.Open | Should -Be 2
        $board.Overdue | Should -Be 2
        $board.Postmortems | Should -Be 2
        $page = Get-Page | Where-Object id -eq $board.Id
        $page.book_id | Should -Be 79
        $page.markdown | Should -Match '(?m)^## alice \(1 open, 1 overdue\)$'
        $page.markdown | Should -Match '\| 2026-12-09<br>\*\*overdue 1 day\*\* \| P1 \| In progress \|'
        $page.markdown | Should -Not -Match 'Pin the resolver image'
        "$board" | Should -BeLike 'Created Action item follow-up (*): 2 open, 2 overdue, from 2 postmortems'
    }

    It 'leaves the page as it is when nothing changed, and updates the same page when an item closes' {
        (Publish-ActionItemReport 79 -AsOf 2026-12-10 @script:Server).Action | Should -Be 'Unchanged'
        $pm = Import-Postmortem -BookStackPage (Get-Page | Where-Object name -like '*Postgres failover*').id @script:Server
        $pm | Set-ActionItem -Index 0 -Status Done -DoneDate 2026-12-08 | Publish-Postmortem -BookId 79 @script:Server | Out-Null
        $board = Publish-ActionItemReport 79 -AsOf 2026-12-10 @script:Server
        $board.Action | Should -Be 'Updated'
        $board.Open | Should -Be 1
        @(Get-Page | Where-Object name -eq 'Action item follow-up') | Should -HaveCount 1
    }

    It 'refuses to overwrite a person''s edit of the board with BookStackPageChanged, and -Force writes over it' {
        $page = Get-Page | Where-Object name -eq 'Action item follow-up'
        Invoke-RestMethod -Method Put -Uri "$($script:BaseUri)/api/pages/$($page.id)" -Headers @{ Authorization = 'Token rita-token:r1ta-S3CRET-0a9b8c7d' } `
            -ContentType 'application/json' -Body (@{ markdown = $page.markdown + "`nalice is on leave until January." } | ConvertTo-Json) | Out-Null
        Publish-ActionItemReport 79 -AsOf 2026-12-10 @script:Server -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BookStackPageChanged,*'
        $err[0].Exception.Message | Should -Match 'make the change in the postmortem'
        (Get-Page | Where-Object id -eq $page.id).markdown | Should -Match 'on leave'
        $board = Publish-ActionItemReport 79 -AsOf 2026-12-10 -Force @script:Server -WarningVariable warned -WarningAction SilentlyContinue
        $board.Action | Should -Be 'Updated'
        $warned[0].Message | Should -Match 'Revisions'
        (Get-Page | Where-Object id -eq $page.id).markdown | Should -Not -Match 'on leave'
    }

    It 'reports a book that does not exist as BookStackNotFound' {
        Publish-ActionItemReport 404 @script:Server -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BookStackNotFound,*'
    }
}
