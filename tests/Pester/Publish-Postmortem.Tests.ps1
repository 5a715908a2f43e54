BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # The BookStack stand-in, as its own process on 127.0.0.1, seeded with one token and the two books of the seed.
    $script:TokenId = 'pm-pester'
    $script:Secret = 'tok3n-S3CRET-7c1d5e9a42'
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    Start-StandIn -Token "$($script:TokenId):$($script:Secret)" -Book '79:Ansiblestack', '12:Payments'

    # What a user types: the server and the token, over plain HTTP here.
    $script:Credential = New-TokenCredential $script:TokenId $script:Secret
    $script:Server = @{ Uri = $script:BaseUri; Credential = $script:Credential; AllowUnencryptedAuthentication = $true }

    # Host output (what -WhatIf prints), as a transcript sees it.
    . (Join-Path $PSScriptRoot 'HostText.ps1')

    # A homelab postmortem with every section filled (examples/homelab-openbao.ps1, shortened).
    function New-HomelabPostmortem([string] $Title = 'OpenBao sealed after node reboot') {
        New-Postmortem -Title $Title -Date 2026-11-20 -Severity P2 -Status Resolved -Context Homelab -Author 'platform team' `
            -ExecutiveSummary 'OpenBao stayed sealed for 1 hour and 34 minutes after node k3s-2 rebooted for a kernel update. Every service that reads secrets from it failed. No data was lost.' `
            -ServicesAffected 'OpenBao', 'Gitea', 'Nextcloud' -UsersAffected 'all household users (4)' -DataLoss $false -RevenueImpact 'None (homelab)' `
            -RootCause 'OpenBao uses Shamir unsealing, and no auto-unseal was configured. When unattended-upgrades rebooted k3s-2, the pod came up sealed.' `
            -LessonsLearned 'A secret store that needs a human to unseal turns every unattended reboot into an outage. Auto-unseal has to exist before reboots are automated.' |
            Add-TimelineEvent '13:58' 'unattended-upgrades rebooted node k3s-2' -Source journald |
            Add-TimelineEvent '14:02' 'Vault seal alert fired for openbao-0' -Milestone FirstSymptom -Source alertmanager |
            Add-TimelineEvent '14:09' 'On-call acknowledged the page' -Milestone Detected -Source ntfy |
            Add-TimelineEvent '15:20' 'OpenBao unsealed with three key shares' -Milestone MitigationApplied -Source manual |
            Add-TimelineEvent '15:43' 'All pods stable for 15 minutes' -Milestone Resolved -Source grafana |
            Add-Why 'Why did Gitea fail? It could not read its database password from OpenBao.' |
            Add-Why 'Why could it not? OpenBao was sealed.' |
            Add-ContributingFactor 'No auto-unseal configured for OpenBao' |
            Add-Observation -WentWell 'The seal alert fired within 4 minutes' -WentPoorly 'It took 49 minutes to find the unseal keys' |
            Add-ActionItem -Action 'Add Grafana alert for OpenBao seal status' -Owner platform -DueDate 2026-12-15 -Priority P2
    }

    # A work postmortem complete enough to be reviewed and made final without -Force (examples/work-checkout-502.ps1).
    function New-WorkPostmortem([string] $Title = 'Checkout API returned 502s after certificate rotation') {
        New-Postmortem $Title -Date 2026-11-20 -Context Work -Author 'Priya Natarajan' -Reviewer 'Marcus Lee' -Severity P2 -Status Resolved `
            -ExecutiveSummary 'Checkout was unavailable for 47 minutes on 2026-11-20 because the API gateway rejected a new TLS certificate bundle. About 3,100 customers could not complete a purchase. Service was restored by rolling the bundle back.' `
            -ServicesAffected 'checkout-api' -UsersAffected 'about 3,100 customers' -DataLoss $false -RevenueImpact 'Estimated $41,000 in delayed orders.' `
            -RootCause 'The certificate rotation job uploaded a bundle without the intermediate certificate. The gateway validates the full chain on reload, so every upstream TLS handshake failed.' `
            -LessonsLearned 'Automating certificate rotation removed the only check of the chain. Every automated change to production needs a verification step of its own.' |
            Add-TimelineEvent '09:12' 'CheckoutHigh5xxRate fired: 38% of checkout requests failed with 502' -Milestone FirstSymptom -Source alertmanager |
            Add-TimelineEvent '09:15' 'On-call acknowledged' -Milestone Detected -Source pagerduty |
            Add-TimelineEvent '09:21' 'Opened #inc-checkout; pulling gateway logs' -Milestone InvestigationStarted -Source slack |
            Add-TimelineEvent '09:38' 'Gateway log: unable to get local issuer certificate' -Milestone RootCauseIdentified -Source slack |
            Add-TimelineEvent '09:52' 'Rolled back to the previous certificate bundle' -Milestone MitigationApplied -Source slack |
            Add-TimelineEvent '09:59' 'Checkout success rate back to 99.8%' -Milestone ServiceRestored -Source grafana |
            Add-TimelineEvent '10:02' 'Error rate stable; incident closed' -Milestone Resolved -Source slack |
            Add-Why 'Why did checkout fail? The gateway rejected every upstream TLS handshake.' |
            Add-Why 'Why were handshakes rejected? The deployed bundle lacked the intermediate certificate.' |
            Add-Why 'Why did it lack it? The rotation job concatenated only the leaf certificate and the key.' |
            Add-Why 'Why was that not caught? The pipeline had no chain-verification step before deploy.' |
            Add-Why 'Why was there no such step? Rotation was automated without reviewing what the manual step checked.' |
            Add-ContributingFactor 'No alert on certificate chain errors in the gateway' |
            Add-Observation -WentWell 'The 5xx alert fired 3 minutes after the reload' -WentPoorly '26 minutes to identify the root cause' |
            Add-ActionItem 'Add openssl verify of the full chain to the rotation pipeline' -Owner 'payments SRE' -DueDate 2026-12-04 -Priority P1 -Tracking PAY-1423
    }

    # Runs a pipeline in a runspace of its own, as a second console would: it can be given up on and stopped (Ctrl+C).
    function Start-Pipeline([string] $Script, [hashtable] $Parameters) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript($Script).AddParameters($Parameters)
        [pscustomobject]@{ Shell = $shell; Async = $shell.BeginInvoke() }
    }

    $script:SavedEnvironment = @{}
    foreach ($name in 'BOOKSTACK_URL', 'BOOKSTACK_TOKEN_ID', 'BOOKSTACK_TOKEN_SECRET') {
        $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }
}

AfterAll {
    foreach ($name in $script:SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $script:SavedEnvironment[$name]) }
    Disconnect-BookStack
    Stop-StandIn
}

Describe 'Publish-Postmortem' {
    BeforeEach {
        # Every test starts on an empty wiki (the two books and the token again), with no session and no environment.
        $null = Invoke-StandIn -Method Post -Path reset
        Disconnect-BookStack
        foreach ($name in 'BOOKSTACK_URL', 'BOOKSTACK_TOKEN_ID', 'BOOKSTACK_TOKEN_SECRET') { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    AfterEach {
        Disconnect-BookStack
    }

    Context 'creating and updating pages' {
        It 'creates the page "Postmortem YYYY-MM-DD: title" in the book and outputs the published page' {
            $pm = New-HomelabPostmortem
            $page = $pm | Publish-Postmortem -BookId 79 @Server

            $page | Should -HaveCount 1
            $page.GetType().FullName | Should -Be 'Postmortems.BookStack.PublishedPage'
            $page.Name | Should -BeExactly 'Postmortem 2026-11-20: OpenBao sealed after node reboot'
            $page.BookId | Should -Be 79
            $page.ChapterId | Should -BeNullOrEmpty
            $page.Url | Should -Be "$BaseUri/link/$($page.Id)"
            $page.Revision | Should -Be 1
            $page.Action | Should -Be 'Created'
            $page.PostmortemId | Should -Be $pm.Id
            $stored = Get-Page
            $stored | Should -HaveCount 1
            $stored[0].id | Should -Be $page.Id
            $stored[0].name | Should -BeExactly $page.Name
            $stored[0].book_id | Should -Be 79
            $stored[0].chapter_id | Should -Be 0
            $stored[0].draft | Should -BeFalse
        }

        It 'publishing again unchanged writes nothing (no empty revision); a change updates the one page' {
            $pm = New-HomelabPostmortem
            $first = $pm | Publish-Postmortem -BookId 79 @Server
            Clear-RequestLog
            $same = $pm | Publish-Postmortem -BookId 79 @Server

            $same.Action | Should -Be 'Unchanged'
            $same.Id | Should -Be $first.Id
            $same.Revision | Should -Be 1
            (Get-ApiRequest).method | Sort-Object -Unique | Should -Be 'GET'

            $pm | Set-Postmortem -Severity P1 | Out-Null
            $second = $pm | Publish-Postmortem -BookId 79 @Server
            $second.Action | Should -Be 'Updated'
            $second.Id | Should -Be $first.Id
            $second.Revision | Should -Be 2
            $second.Url | Should -Be $first.Url
            $stored = Get-Page
            $stored | Should -HaveCount 1
            $stored[0].revision_count | Should -Be 2
        }

        It 'updates and renames the same page after the title changed' {
            $pm = New-HomelabPostmortem
            $first = $pm | Publish-Postmortem -BookId 79 @Server
            $pm | Set-Postmortem -Title 'OpenBao stayed sealed after an unattended reboot' | Out-Null
            $second = $pm | Publish-Postmortem -BookId 79 @Server

            $second.Action | Should -Be 'Updated'
            $second.Id | Should -Be $first.Id
            $second.Name | Should -BeExactly 'Postmortem 2026-11-20: OpenBao stayed sealed after an unattended reboot'
            $stored = Get-Page
            $stored | Should -HaveCount 1
            $stored[0].name | Should -BeExactly $second.Name
            $stored[0].revision_count | Should -Be 2
        }

        It '-Chapter with -BookId publishes into the chapter of that name in that book' {
            $elsewhere = Add-Chapter 79 'Postmortems'
            $chapter = Add-Chapter 12 'Postmortems'
            $page = New-HomelabPostmortem | Publish-Postmortem -BookId 12 -Chapter Postmortems @Server

            $page.ChapterId | Should -Be $chapter
            $page.ChapterId | Should -Not -Be $elsewhere
            $page.BookId | Should -Be 12
            (Get-Page)[0].chapter_id | Should -Be $chapter
            Get-Chapter | Should -HaveCount 2
        }

        It '-Chapter creates the chapter when the book has none of that name, and uses it the next time' {
            $pm = New-HomelabPostmortem
            $first = $pm | Publish-Postmortem -BookId 12 -Chapter Postmortems @Server
            $chapters = Get-Chapter
            $chapters | Should -HaveCount 1
            $chapters[0].name | Should -BeExactly 'Postmortems'
            $chapters[0].book_id | Should -Be 12
            $first.ChapterId | Should -Be $chapters[0].id
            $first.Action | Should -Be 'Created'

            $second = $pm | Publish-Postmortem -BookId 12 -Chapter Postmortems @Server
            $second.Action | Should -Be 'Unchanged'
            $second.Id | Should -Be $first.Id
            Get-Chapter | Should -HaveCount 1
            Get-Page | Should -HaveCount 1
        }

        It '-ChapterId publishes into that chapter' {
            $chapter = Add-Chapter 79 'Incidents'
            $page = New-HomelabPostmortem | Publish-Postmortem -ChapterId $chapter @Server

            $page.ChapterId | Should -Be $chapter
            $page.BookId | Should -Be 79
            $stored = Get-Page
            $stored | Should -HaveCount 1
            $stored[0].chapter_id | Should -Be $chapter
        }

        It 'publishes every draft read with Import-Postmortem ./drafts/*.yaml' {
            $drafts = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'drafts') -Force
            $titles = 'OpenBao sealed after node reboot', 'NAS ran out of space during backup', 'DNS resolver crashed on upgrade'
            foreach ($i in 0..2) {
                New-HomelabPostmortem $titles[$i] | Export-Postmortem -Path (Join-Path $drafts "incident-$i.yaml") -Force
            }
            Push-Location -LiteralPath $TestDrive
            try {
                $pages = Import-Postmortem ./drafts/*.yaml | Publish-Postmortem -BookId 79 @Server
            }
            finally {
                Pop-Location
            }

            $pages | Should -HaveCount 3
            $pages.Action | Should -Be 'Created', 'Created', 'Created'
            $expected = $titles | ForEach-Object { "Postmortem 2026-11-20: $_" } | Sort-Object
            (Get-Page).name | Sort-Object | Should -BeExactly $expected
        }

        It 'takes -BookId from $PSDefaultParameterValues, and a default -BookId does not stand in the way of -ChapterId' {
            $chapter = Add-Chapter 79 'Incidents'
            $PSDefaultParameterValues['Publish-Postmortem:BookId'] = 79
            try {
                $inBook = New-HomelabPostmortem 'First incident' | Publish-Postmortem @Server
                $inChapter = New-HomelabPostmortem 'Second incident' | Publish-Postmortem -ChapterId $chapter @Server
            }
            finally {
                $PSDefaultParameterValues.Remove('Publish-Postmortem:BookId')
            }

            $inBook.BookId | Should -Be 79
            $inBook.ChapterId | Should -BeNullOrEmpty
            $inChapter.ChapterId | Should -Be $chapter
            Get-Page | Should -HaveCount 2
        }
    }

    Context 'the page name' {
        It 'cuts a very long title to 191 characters ending in "…", never inside a character, and finds the page again' {
            # Each unit is an e with a combining accent and a family emoji joined by ZWJ: 9 code points, 2 characters.
            $unit = "e$([char]0x0301)$([char]::ConvertFromUtf32(0x1F468))$([char]0x200D)$([char]::ConvertFromUtf32(0x1F469))$([char]0x200D)$([char]::ConvertFromUtf32(0x1F467))$([char]0x200D)$([char]::ConvertFromUtf32(0x1F466))"
            $title = 'Störung ' + ($unit * 40)
            $full = "Postmortem 2026-11-20: $title"
            $pm = New-HomelabPostmortem $title
            $page = $pm | Publish-Postmortem -BookId 79 @Server

            $name = $page.Name
            [System.Text.Encoding]::UTF32.GetByteCount($name) / 4 | Should -BeLessOrEqual 191
            [System.Text.Encoding]::UTF32.GetByteCount($name) / 4 | Should -BeGreaterThan 180
            $name | Should -BeLike 'Postmortem 2026-11-20: Störung *…'
            $kept = $name.Substring(0, $name.Length - 1)
            $full.StartsWith($kept, [StringComparison]::Ordinal) | Should -BeTrue
            # The cut is where a character (a text element) of the full name starts: no accent or emoji was split.
            [System.Globalization.StringInfo]::ParseCombiningCharacters($full) | Should -Contain $kept.Length
            # No lone surrogate: the name survives a round trip through UTF-8.
            [System.Text.Encoding]::UTF8.GetString([System.Text.Encoding]::UTF8.GetBytes($name)) | Should -BeExactly $name
            (Get-Page)[0].name | Should -BeExactly $name

            $again = $pm | Publish-Postmortem -BookId 79 @Server
            $again.Action | Should -Be 'Unchanged'
            $again.Id | Should -Be $page.Id
            Get-Page | Should -HaveCount 1
        }
    }

    Context 'the content' {
        It 'sends markdown by default, with the timeline chart inline as an SVG block at the end of the Timeline section' {
            $pm = New-HomelabPostmortem
            $pm | Publish-Postmortem -BookId 79 @Server | Out-Null

            $stored = (Get-Page)[0]
            $stored.editor | Should -Be 'markdown'
            # The page name is the title: the body starts below it, with the header fields.
            $stored.markdown | Should -BeLike '**Date:** 2026-11-20*'
            $stored.markdown | Should -Match ('(?s)## Timeline\n\n\| Time \(UTC\) [^\n]*\n(\|[^\n]*\n)+\n' +
                [regex]::Escape('<!-- Timeline chart, drawn from the table above by Publish-Postmortem: edits to it are replaced on the next publish -->') +
                '\n<style>[^\n]*\{white-space:nowrap\}[^\n]*\{word-break:normal;overflow-wrap:break-word\}</style>\n<div class="pm-chart"><svg xmlns="http://www\.w3\.org/2000/svg"[^\n]*</svg></div>\n' +
                [regex]::Escape('<!-- End of timeline chart -->') + '\n\n## Impact\n')
            $stored.markdown | Should -Match 'Vault seal alert fired for openbao-0'
            $stored.html | Should -Match '<svg'
            $stored.html | Should -Not -Match 'url\(#'
        }

        It '-NoTimelineChart sends the markdown of ConvertTo-PostmortemMarkdown below its title heading, without the SVG' {
            $pm = New-HomelabPostmortem
            $pm | Publish-Postmortem -BookId 79 -NoTimelineChart @Server | Out-Null

            $stored = (Get-Page)[0]
            $stored.markdown | Should -Not -Match '<svg'
            # The page's name is the title, so the body is the document without its first heading; after the Timeline
            # table, a block holds the page's style that keeps dates in the tables whole (BookStack breaks words anywhere).
            $style = "<!-- Table style, written by Publish-Postmortem so dates do not wrap: edits to it are replaced on the next publish -->`n<style>[^`n]*white-space:nowrap}[^`n]*{word-break:normal;overflow-wrap:break-word}</style>`n<!-- End of table style -->`n`n"
            $stored.markdown | Should -Match $style
            ($stored.markdown -replace $style, '') |
                Should -BeExactly (($pm | ConvertTo-PostmortemMarkdown) -replace '^# Postmortem: [^\n]*\n\n', '').Trim()
        }

        It '-Format Html sends the HTML fragment and no markdown' {
            $pm = New-HomelabPostmortem
            $pm | Publish-Postmortem -BookId 79 -Format Html @Server | Out-Null

            $post = Get-ApiRequest | Where-Object method -EQ 'POST'
            $post | Should -HaveCount 1
            $body = $post.body | ConvertFrom-Json
            $body.PSObject.Properties.Name | Should -Not -Contain 'markdown'
            # The fragment below its title heading (the page's name is the title), with the style that keeps dates whole.
            $body.html | Should -Not -Match '<h1'
            $body.html | Should -Match '^<style>[^\n]*table\.pm-action-items th\{white-space:nowrap\}[^\n]*table\.pm-action-items td:nth-child\(5\)\{word-break:normal;overflow-wrap:break-word\}</style>\n'
            ($body.html -replace '^<style>[^\n]*</style>\n', '') |
                Should -BeExactly (($pm | ConvertTo-PostmortemHtml -Fragment) -replace '^<h1>[^\n]*</h1>\n', '')
            $body.html | Should -Match '<svg'
            $stored = (Get-Page)[0]
            $stored.markdown | Should -BeExactly ''
            $stored.html | Should -Match 'OpenBao sealed after node reboot'
        }

        It '-Format Html -NoTimelineChart leaves the SVG out of the HTML' {
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 -Format Html -NoTimelineChart @Server | Out-Null
            (Get-Page)[0].raw_html | Should -Not -Match '<svg'
            (Get-Page)[0].raw_html | Should -Match 'Vault seal alert fired for openbao-0'
        }
    }

    Context 'tags' {
        It 'tags the page postmortem, severity, status, state and postmortem-id, with -Tag adding more' {
            $pm = New-HomelabPostmortem
            $pm | Publish-Postmortem -BookId 79 -Tag team=payments, homelab @Server | Out-Null

            Get-TagText (Get-Page)[0].tags | Should -BeExactly (@(
                    'postmortem=', 'severity=P2', 'status=Resolved', 'state=Draft', "postmortem-id=$($pm.Id)", 'team=payments', 'homelab='
                ) | Sort-Object)
        }

        It 'sends the whole tag set on an update, so the page''s tags are replaced' {
            $pm = New-HomelabPostmortem
            $pm | Publish-Postmortem -BookId 79 -Tag team=payments, homelab @Server | Out-Null
            $pm | Set-Postmortem -Severity P1 | Out-Null
            Clear-RequestLog
            $pm | Publish-Postmortem -BookId 79 -Tag team=platform @Server | Out-Null

            $expected = @('postmortem=', 'severity=P1', 'status=Resolved', 'state=Draft', "postmortem-id=$($pm.Id)", 'team=platform') | Sort-Object
            $put = Get-ApiRequest | Where-Object method -EQ 'PUT'
            $put | Should -HaveCount 1
            Get-TagText ($put.body | ConvertFrom-Json).tags | Should -BeExactly $expected
            Get-TagText (Get-Page)[0].tags | Should -BeExactly $expected
        }
    }

    Context '-WhatIf and -Confirm' {
        It '-WhatIf says "Create page ..." with the name, place and tags, and sends nothing that writes' {
            $pm = New-HomelabPostmortem
            $text = Get-HostText { $pm | Publish-Postmortem -BookId 79 -WhatIf @Server }

            $text | Should -Match ([regex]::Escape("What if: Create page 'Postmortem 2026-11-20: OpenBao sealed after node reboot' in book 79 (markdown, "))
            $text | Should -Match ([regex]::Escape("tags postmortem, severity=P2, status=Resolved, state=Draft, postmortem-id=$($pm.Id))"))
            $requests = Get-ApiRequest
            $requests.Count | Should -BeGreaterThan 0
            $requests.method | Sort-Object -Unique | Should -Be 'GET'
            Get-Page | Should -HaveCount 0
        }

        It '-WhatIf on a published postmortem says "Update page ..." and leaves the page as it was' {
            $pm = New-HomelabPostmortem
            $page = $pm | Publish-Postmortem -BookId 79 @Server
            $pm | Set-Postmortem -Title 'OpenBao stayed sealed' | Out-Null
            Clear-RequestLog
            $text = Get-HostText { $pm | Publish-Postmortem -BookId 79 -WhatIf @Server }

            $text | Should -Match ([regex]::Escape("What if: Update page $($page.Id) 'Postmortem 2026-11-20: OpenBao sealed after node reboot' (found by the draft's publication record) as 'Postmortem 2026-11-20: OpenBao stayed sealed'"))
            (Get-ApiRequest).method | Sort-Object -Unique | Should -Be 'GET'
            $stored = Get-Page
            $stored[0].revision_count | Should -Be 1
            $stored[0].name | Should -BeExactly $page.Name
        }

        It '-WhatIf with a chapter that does not exist yet says it would be created, and creates none' {
            $text = Get-HostText { New-HomelabPostmortem | Publish-Postmortem -BookId 12 -Chapter Postmortems -WhatIf @Server }

            $text | Should -Match ([regex]::Escape("in a new chapter 'Postmortems' (to be created) of book 12"))
            (Get-ApiRequest).method | Sort-Object -Unique | Should -Be 'GET'
            Get-Chapter | Should -HaveCount 0
            Get-Page | Should -HaveCount 0
        }

        It '-Confirm:$false publishes without asking, even when $ConfirmPreference asks for everything' {
            $ConfirmPreference = 'Low'
            $page = New-HomelabPostmortem | Publish-Postmortem -BookId 79 -Confirm:$false @Server

            $page.Action | Should -Be 'Created'
            Get-Page | Should -HaveCount 1
        }
    }

    Context 'where to publish, and with what token' {
        It 'Connect-BookStack checks the token with one request, and Publish-Postmortem then uses the session' {
            Clear-RequestLog
            $connection = Connect-BookStack -Uri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication -PassThru

            $checks = Get-ApiRequest
            $checks | Should -HaveCount 1
            $checks[0].method | Should -Be 'GET'
            $checks[0].pathAndQuery | Should -BeLike '/api/books*'
            $connection.TokenId | Should -BeExactly $TokenId
            $connection.BaseUri | Should -Be "$BaseUri/"

            $page = New-HomelabPostmortem | Publish-Postmortem -BookId 79
            $page.Action | Should -Be 'Created'
            Get-Page | Should -HaveCount 1
        }

        It 'Connect-BookStack with a wrong secret is a terminating BookStackUnauthorized error, and no session is kept' {
            $wrong = New-TokenCredential $TokenId 'not-the-secret'
            { Connect-BookStack -Uri $BaseUri -Credential $wrong -AllowUnencryptedAuthentication -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'BookStackUnauthorized,*'
            { New-HomelabPostmortem | Publish-Postmortem -BookId 79 } | Should -Throw -ErrorId 'BookStackNotConnected,*'
        }

        It 'Disconnect-BookStack forgets the session' {
            Connect-BookStack -Uri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication
            Disconnect-BookStack
            { New-HomelabPostmortem | Publish-Postmortem -BookId 79 } | Should -Throw -ErrorId 'BookStackNotConnected,*'
            Get-Page | Should -HaveCount 0
        }

        It '-Uri and -Credential are used before the session' {
            Add-Token 'other-token' 'other-secret-31'
            Connect-BookStack -Uri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication
            $other = New-TokenCredential 'other-token' 'other-secret-31'
            Clear-RequestLog
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 -Uri $BaseUri -Credential $other -AllowUnencryptedAuthentication | Out-Null

            $requests = Get-ApiRequest
            $requests.Count | Should -BeGreaterThan 0
            $requests | ForEach-Object { $_.headers.Authorization | Should -BeLike 'Token other-token:*' }
        }

        It 'the session is used before the environment variables' {
            $env:BOOKSTACK_URL = $BaseUri
            $env:BOOKSTACK_TOKEN_ID = 'unknown-token'
            $env:BOOKSTACK_TOKEN_SECRET = 'unknown-secret'
            Connect-BookStack -Uri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication
            $page = New-HomelabPostmortem | Publish-Postmortem -BookId 79 -AllowUnencryptedAuthentication

            $page.Action | Should -Be 'Created'
            $tokens = @((Get-ApiRequest).headers.Authorization | ForEach-Object { ($_ -split ':')[0] } | Sort-Object -Unique)
            $tokens | Should -BeExactly "Token $TokenId"
        }

        It 'without -Uri or a session, BOOKSTACK_URL, BOOKSTACK_TOKEN_ID and BOOKSTACK_TOKEN_SECRET are used' {
            $env:BOOKSTACK_URL = $BaseUri
            $env:BOOKSTACK_TOKEN_ID = $TokenId
            $env:BOOKSTACK_TOKEN_SECRET = $Secret
            $page = New-HomelabPostmortem | Publish-Postmortem -BookId 79 -AllowUnencryptedAuthentication

            $page.Action | Should -Be 'Created'
            $page.Url | Should -Be "$BaseUri/link/$($page.Id)"
            Get-Page | Should -HaveCount 1
        }

        It 'with no server set anywhere, a terminating BookStackNotConnected error names exactly what to set' {
            $pm = New-HomelabPostmortem
            $thrown = { $pm | Publish-Postmortem -BookId 79 -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'BookStackNotConnected,*' -PassThru

            $message = $thrown.Exception.Message
            $message | Should -Match 'Connect-BookStack'
            $message | Should -Match '-Uri and -Credential'
            $message | Should -Match 'BOOKSTACK_URL'
            $message | Should -Match 'BOOKSTACK_TOKEN_ID'
            $message | Should -Match 'BOOKSTACK_TOKEN_SECRET'
            $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
            Get-ApiRequest | Should -HaveCount 0
        }

        It 'an incomplete environment names the variable that is missing' {
            $env:BOOKSTACK_URL = $BaseUri
            $env:BOOKSTACK_TOKEN_ID = $TokenId
            $thrown = { New-HomelabPostmortem | Publish-Postmortem -BookId 79 -AllowUnencryptedAuthentication } |
                Should -Throw -ErrorId 'BookStackNotConnected,*' -PassThru
            $thrown.Exception.Message | Should -Match 'BOOKSTACK_TOKEN_SECRET'
            $thrown.Exception.Message | Should -Not -Match 'BOOKSTACK_URL'
        }

        It 'an http:// address without -AllowUnencryptedAuthentication is refused with BookStackConnectionInvalid, and nothing is sent' {
            $pm = New-HomelabPostmortem
            $thrown = { $pm | Publish-Postmortem -BookId 79 -Uri $BaseUri -Credential $Credential } |
                Should -Throw -ErrorId 'BookStackConnectionInvalid,*' -PassThru
            $thrown.Exception.Message | Should -Match '-AllowUnencryptedAuthentication'
            $thrown.ToString() | Should -Match '-AllowUnencryptedAuthentication'
            $thrown.ToString() | Should -Not -Match "\(Parameter '"
            { Connect-BookStack -Uri $BaseUri -Credential $Credential } | Should -Throw -ErrorId 'BookStackConnectionInvalid,*'
            $env:BOOKSTACK_URL = $BaseUri
            $env:BOOKSTACK_TOKEN_ID = $TokenId
            $env:BOOKSTACK_TOKEN_SECRET = $Secret
            { $pm | Publish-Postmortem -BookId 79 } | Should -Throw -ErrorId 'BookStackConnectionInvalid,*'

            Get-ApiRequest | Should -HaveCount 0
        }

        It 'Connect-BookStack still works after a Publish-Postmortem was stopped (Ctrl+C) while it waited' {
            Add-Token 'stopped-token' 'stopped-secret-77'
            $credential = New-TokenCredential 'stopped-token' 'stopped-secret-77'
            Add-Fault @{ kind = 'rateLimit'; retryAfterSeconds = 20 }
            $run = Start-Pipeline -Script 'param($ModulePath, $Postmortem, $Server) Import-Module $ModulePath; $Postmortem | Publish-Postmortem -BookId 79 @Server' -Parameters @{
                ModulePath = $env:POSTMORTEM_MODULE_PATH
                Postmortem = New-HomelabPostmortem
                Server     = @{ Uri = $BaseUri; Credential = $credential; AllowUnencryptedAuthentication = $true }
            }
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds(15)
                while (-not (Get-ApiRequest | Where-Object status -EQ 429) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
                Get-ApiRequest | Where-Object status -EQ 429 | Should -HaveCount 1 -Because 'the publish should be waiting out the 429'
                Start-Sleep -Milliseconds 300
                $run.Shell.Stop()
            }
            finally {
                $run.Shell.Dispose()
            }

            { Connect-BookStack -Uri $BaseUri -Credential $credential -AllowUnencryptedAuthentication } | Should -Not -Throw
            $page = New-HomelabPostmortem | Publish-Postmortem -BookId 79
            $page.Action | Should -Be 'Created'
        }
    }

    Context 'waiting out 429s' {
        It 'waits as Retry-After asks, says so in -Verbose output, and publishes' {
            Add-Fault @{ kind = 'rateLimit'; retryAfterSeconds = 1 }
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $all = New-HomelabPostmortem | Publish-Postmortem -BookId 79 -Verbose @Server 4>&1
            $clock.Stop()

            $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            # '\(429\)', not '429': a page's postmortem-id (a GUID) may hold those digits too.
            $verbose -match 'rate limiting \(429\)' | Should -Not -BeNullOrEmpty
            ($verbose -match 'rate limiting \(429\)') | Should -Match 'waiting 1 s'
            $page = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
            $page.Action | Should -Be 'Created'
            $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.9
            $requests = Get-ApiRequest
            $requests[0].status | Should -Be 429
            @($requests | Where-Object status -EQ 429) | Should -HaveCount 1
            Get-Page | Should -HaveCount 1
        }

        It 'a 429 asking for more waiting than the client accepts fails at once with BookStackRateLimited' {
            # In a runspace of its own, so that a client that waits anyway can be stopped instead of holding the run.
            Add-Token 'patient-token' 'patient-secret-12'
            Add-Fault @{ kind = 'rateLimit'; retryAfterSeconds = 3600 }
            $run = Start-Pipeline -Script 'param($ModulePath, $Postmortem, $Server) Import-Module $ModulePath; $Postmortem | Publish-Postmortem -BookId 79 @Server' -Parameters @{
                ModulePath = $env:POSTMORTEM_MODULE_PATH
                Postmortem = New-HomelabPostmortem
                Server     = @{ Uri = $BaseUri; Credential = (New-TokenCredential 'patient-token' 'patient-secret-12'); AllowUnencryptedAuthentication = $true }
            }
            try {
                $finished = $run.Async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(8))
                if (-not $finished) { $run.Shell.Stop() }
                $errors = @($run.Shell.Streams.Error)
            }
            finally {
                $run.Shell.Dispose()
            }

            $finished | Should -BeTrue -Because 'a Retry-After of an hour is more than the client waits (30 s for one 429), so it should give up rather than wait'
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BookStackRateLimited,*'
            $errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            Get-Page | Should -HaveCount 0
        }
    }

    Context 'failures' {
        It 'a wrong secret is BookStackUnauthorized' {
            $wrong = New-TokenCredential $TokenId 'not-the-secret'
            $out = New-HomelabPostmortem | Publish-Postmortem -BookId 79 -Uri $BaseUri -Credential $wrong -AllowUnencryptedAuthentication -ErrorVariable errs -ErrorAction SilentlyContinue

            $out | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'BookStackUnauthorized,Postmortems.Commands.PublishPostmortemCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $errs[0].Exception.Message | Should -Match 'Check the token id and secret'
            Get-Page | Should -HaveCount 0
        }

        It 'a token without the Access System API permission is BookStackForbidden, and the message names that permission' {
            Add-Token 'no-api' 'no-api-secret-5' -NoApiAccess
            $noApi = New-TokenCredential 'no-api' 'no-api-secret-5'
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 -Uri $BaseUri -Credential $noApi -AllowUnencryptedAuthentication -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackForbidden,*'
            $errs[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $errs[0].Exception.Message | Should -Match 'Access System API'
        }

        It 'a missing book or chapter is BookStackNotFound, naming it' -TestCases @(
            @{ Target = @{ BookId = 999 }; Named = 'book 999' }
            @{ Target = @{ ChapterId = 999 }; Named = 'chapter 999' }
            @{ Target = @{ BookId = 999; Chapter = 'Postmortems' }; Named = 'book 999' }
        ) {
            New-HomelabPostmortem | Publish-Postmortem @Target @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackNotFound,*'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].Exception.Message | Should -Match $Named
            Get-Page | Should -HaveCount 0
        }

        It 'a 422 is BookStackValidation, and the message lists each field''s messages' {
            Add-Fault @{
                kind = 'fail'; status = 422; method = 'POST'; pathPrefix = '/api/pages'; contentType = 'application/json'
                body = '{"error":{"message":"The given data was invalid.","validation":{"name":["The name may not be greater than 255 characters."],"tags.0.name":["The tags.0.name field is required."]},"code":422}}'
            }
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackValidation,*'
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $errs[0].Exception.Message | Should -Match ([regex]::Escape('name: The name may not be greater than 255 characters.'))
            $errs[0].Exception.Message | Should -Match ([regex]::Escape('tags.0.name: The tags.0.name field is required.'))
            Get-Page | Should -HaveCount 0
        }

        It 'persistent 500s on a write are BookStackUnavailable and leave no page' {
            Add-Fault @{ kind = 'fail'; status = 500; count = 5; method = 'POST' }
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackUnavailable,*'
            $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $errs[0].Exception.Message | Should -Match '500'
            Get-Page | Should -HaveCount 0
        }

        It 'a connection dropped on every try of a read is BookStackUnavailable, after the retries' {
            Add-Fault @{ kind = 'drop'; count = 50 }
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackUnavailable,*'
            $errs[0].Exception.Message | Should -Match 'could not be reached'
            $errs[0].Exception.Message | Should -Match 'also after 3 retries'
            # The first try and three retries at least (HttpClient may resend a read once more on another pooled connection).
            $requests = Get-ApiRequest
            $requests.Count | Should -BeGreaterOrEqual 4
            $requests.dropped | Sort-Object -Unique | Should -BeTrue
            $requests.method | Sort-Object -Unique | Should -Be 'GET'
            Get-Page | Should -HaveCount 0
        }

        It 'a create whose connection is dropped is sent once, looked for until -TimeoutSec, and reported as unknown and safe to run again' {
            Add-Fault @{ kind = 'drop'; count = 50; method = 'POST' }
            $pm = New-HomelabPostmortem
            $pm | Publish-Postmortem -BookId 79 @Server -TimeoutSec 1 -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackUnavailable,*'
            $errs[0].Exception.Message | Should -Match 'not known'
            $errs[0].Exception.Message | Should -Match 'again is safe'
            @(Get-ApiRequest | Where-Object method -EQ 'POST') | Should -HaveCount 1
            Get-Page | Should -HaveCount 0

            Invoke-StandIn -Method Delete -Path faults | Out-Null
            ($pm | Publish-Postmortem -BookId 79 @Server).Action | Should -Be 'Created'
            Get-Page | Should -HaveCount 1
        }

        It 'a stalled server is given up on after -TimeoutSec, and the error says how to allow it longer' {
            Add-Fault @{ kind = 'delay'; milliseconds = 4000; count = 5; method = 'GET' }
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 @Server -TimeoutSec 1 -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackUnavailable,*'
            $errs[0].Exception.Message | Should -Match 'within 1 s'
            $errs[0].Exception.Message | Should -Match '-TimeoutSec'
            Get-Page | Should -HaveCount 0
        }

        It 'Connect-BookStack -TimeoutSec is the session''s limit for the commands after it' {
            Connect-BookStack -Uri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication -TimeoutSec 1
            Add-Fault @{ kind = 'delay'; milliseconds = 4000; count = 5; method = 'GET' }
            New-HomelabPostmortem | Publish-Postmortem -BookId 79 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Match 'within 1 s'
        }

        It 'one failing postmortem in a batch does not stop the others' {
            $batch = (New-HomelabPostmortem 'First incident'), (New-HomelabPostmortem 'Second incident'), (New-HomelabPostmortem 'Third incident')
            Add-Fault @{ kind = 'fail'; status = 422; count = 1; method = 'POST'; pathPrefix = '/api/pages' }
            $pages = $batch | Publish-Postmortem -BookId 79 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BookStackValidation,*'
            $errs[0].TargetObject.Id | Should -Be $batch[0].Id
            $pages | Should -HaveCount 2
            $pages.PostmortemId | Should -Be $batch[1].Id, $batch[2].Id
            (Get-Page).name | Sort-Object | Should -BeExactly 'Postmortem 2026-11-20: Second incident', 'Postmortem 2026-11-20: Third incident'
        }

        It 'a dropped connection after the create was applied still leaves exactly one page' {
            Add-Fault @{ kind = 'drop'; count = 1; method = 'POST'; pathPrefix = '/api/pages'; afterProcessing = $true }
            $pm = New-HomelabPostmortem
            $page = $pm | Publish-Postmortem -BookId 79 @Server

            $page.Action | Should -Be 'Created'
            $stored = Get-Page
            $stored | Should -HaveCount 1
            $page.Id | Should -Be $stored[0].id
            $page.Url | Should -Be "$BaseUri/link/$($stored[0].id)"
            $posts = @(Get-ApiRequest | Where-Object method -EQ 'POST')
            $posts | Should -HaveCount 1
            $posts[0].dropped | Should -BeTrue

            ($pm | Publish-Postmortem -BookId 79 @Server).Action | Should -Be 'Unchanged'
            Get-Page | Should -HaveCount 1
        }
    }

    Context 'the token secret' {
        It 'never appears in output, verbose, debug or error text, whether the calls succeed or fail' {
            $texts = [System.Collections.Generic.List[string]]::new()
            $wrongSecret = 'wr0ng-S3CRET-b8e1f4'
            $wrong = New-TokenCredential $TokenId $wrongSecret
            $pm = New-HomelabPostmortem
            $Error.Clear()

            $connection = Connect-BookStack -Uri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication -PassThru -Verbose -Debug *>&1
            $texts.Add(($connection | Format-List * -Force | Out-String -Width 4096))
            $texts.Add(($connection | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue))
            $texts.Add("$connection")
            Disconnect-BookStack

            $runs = @(
                { $pm | Publish-Postmortem -BookId 79 @Server -Verbose -Debug }
                { $pm | Publish-Postmortem -BookId 79 @Server -Verbose -Debug -Tag team=platform }
                { Add-Fault @{ kind = 'rateLimit'; retryAfterSeconds = 1 }; $pm | Publish-Postmortem -BookId 79 @Server -Verbose -Debug }
                { $pm | Publish-Postmortem -BookId 79 -Uri $BaseUri -Credential $wrong -AllowUnencryptedAuthentication -Verbose -Debug }
                { $pm | Publish-Postmortem -BookId 404 @Server -Verbose -Debug }
                { Add-Fault @{ kind = 'fail'; status = 422; method = 'PUT'; body = '{"error":{"message":"The given data was invalid.","validation":{"name":["bad"]},"code":422}}' }; $pm | Set-Postmortem -Severity P1 | Publish-Postmortem -BookId 79 @Server -Verbose -Debug }
                { $pm | Publish-Postmortem -BookId 79 @Server -Verbose -Debug -WhatIf }
                { Add-Fault @{ kind = 'fail'; status = 500; count = 5; method = 'POST' }; New-HomelabPostmortem 'Third' | Publish-Postmortem -BookId 79 @Server -Verbose -Debug }
                { Add-Fault @{ kind = 'drop'; count = 2; method = 'POST' }; New-HomelabPostmortem 'Another' | Publish-Postmortem -BookId 79 @Server -TimeoutSec 1 -Verbose -Debug }
                { $pm | Publish-Postmortem -BookId 79 -Uri $BaseUri -Credential $Credential -Verbose -Debug }
                { Connect-BookStack -Uri $BaseUri -Credential $wrong -AllowUnencryptedAuthentication -Verbose -Debug }
            )
            foreach ($run in $runs) {
                try {
                    $captured = & $run *>&1
                }
                catch {
                    $captured = $_
                }
                foreach ($item in @($captured)) {
                    $texts.Add(($item | Out-String -Width 4096))
                    $texts.Add(($item | Format-List * -Force | Out-String -Width 4096))
                }
            }
            foreach ($record in @($Error)) {
                $texts.Add(($record | Out-String -Width 4096))
                $texts.Add(($record | Get-Error | Out-String -Width 4096))
                if ($record -is [System.Management.Automation.ErrorRecord]) {
                    $texts.Add($record.Exception.ToString())
                    $texts.Add("$($record.ErrorDetails)")
                    $texts.Add(($record.TargetObject | Out-String -Width 4096))
                }
            }

            $all = $texts -join "`n"
            # The captures hold what they should: the token id, successes and every kind of failure.
            $all | Should -Match ([regex]::Escape($TokenId))
            foreach ($expected in 'Created', 'Updated', 'waiting 1 s', 'BookStackUnauthorized', 'BookStackNotFound', 'BookStackValidation', 'BookStackUnavailable', 'BookStackConnectionInvalid') {
                $all | Should -Match ([regex]::Escape($expected))
            }
            $all.Contains($Secret) | Should -BeFalse -Because 'the token secret must never be shown'
            $all.Contains($wrongSecret) | Should -BeFalse -Because 'a wrong secret is a secret too'
        }
    }

    Context 'what goes over the wire' {
        It 'sends no cookies, and writes UTF-8 JSON without a BOM as application/json; charset=utf-8' {
            $pm = New-HomelabPostmortem "Störung 障害 🔥 im Checkout"
            $pm | Publish-Postmortem -BookId 79 @Server | Out-Null
            $pm | Set-Postmortem -Severity P1 | Publish-Postmortem -BookId 79 @Server | Out-Null

            $requests = Get-ApiRequest
            $requests.Count | Should -BeGreaterThan 4
            foreach ($request in $requests) {
                $request.headers.PSObject.Properties.Name | Should -Not -Contain 'Cookie'
            }
            $writes = @($requests | Where-Object { $_.method -in 'POST', 'PUT' })
            $writes.method | Should -Be 'POST', 'PUT'
            foreach ($write in $writes) {
                $write.headers.'Content-Type' | Should -BeExactly 'application/json; charset=utf-8'
                $write.body[0] | Should -Be '{'
                ($write.body | ConvertFrom-Json).name | Should -BeExactly 'Postmortem 2026-11-20: Störung 障害 🔥 im Checkout'
            }
            (Get-Page)[0].name | Should -BeExactly 'Postmortem 2026-11-20: Störung 障害 🔥 im Checkout'
        }
    }

    Context 'what is not published' {
        It 'a work postmortem that is not final is refused with PostmortemNotFinal, and nothing is sent' {
            $pm = New-WorkPostmortem
            $pm | Submit-PostmortemReview | Out-Null
            $out = $pm | Publish-Postmortem -BookId 12 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $out | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemNotFinal,*'
            $errs[0].Exception.Message | Should -Match 'Complete-Postmortem'
            $errs[0].Exception.Message | Should -Match '-Force'
            Get-ApiRequest | Should -HaveCount 0
        }

        It '-Force publishes a work postmortem that is not final, tagged with its state' {
            $pm = New-WorkPostmortem
            $pm | Submit-PostmortemReview | Out-Null
            $page = $pm | Publish-Postmortem -BookId 12 -Force @Server

            $page.Action | Should -Be 'Created'
            Get-TagText (Get-Page)[0].tags | Should -Contain 'state=InReview'
        }

        It 'a final work postmortem is published without -Force, tagged state=Final' {
            $pm = New-WorkPostmortem
            $pm | Submit-PostmortemReview | Out-Null
            $pm | Approve-Postmortem -Reviewer 'Marcus Lee' | Out-Null
            $pm | Complete-Postmortem | Out-Null
            $pm.State | Should -Be 'Final'
            $page = $pm | Publish-Postmortem -BookId 12 @Server

            $page.Action | Should -Be 'Created'
            Get-TagText (Get-Page)[0].tags | Should -Contain 'state=Final'
        }

        It 'a postmortem holding a secret is refused with PostmortemContainsSecrets, without repeating it, and nothing is sent' {
            $pm = New-HomelabPostmortem | Add-TimelineEvent '14:20' 'Tested the API with curl -d password=hunter2 against openbao' -Source shell
            $out = $pm | Publish-Postmortem -BookId 79 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $out | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemContainsSecrets,*'
            $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
            $errs[0].Exception.Message | Should -Match 'Protect-Postmortem'
            $errs[0].Exception.Message | Should -Not -Match 'hunter2'
            # Nothing about this postmortem reached the server (a request an earlier test left delayed on purpose
            # may still be logged after the log was cleared).
            @(Get-ApiRequest | Where-Object { $_.method -ne 'GET' -or $_.pathAndQuery -match $pm.Id }) | Should -HaveCount 0
        }

        It '-Force publishes a postmortem in which a secret was found' {
            $pm = New-HomelabPostmortem | Add-TimelineEvent '14:20' 'Tested the API with curl -d password=hunter2 against openbao' -Source shell
            $page = $pm | Publish-Postmortem -BookId 79 -Force @Server

            $page.Action | Should -Be 'Created'
            (Get-Page)[0].markdown | Should -Match 'password=hunter2'
        }

        It 'a postmortem without a Date is refused with PostmortemNotPublishable, and the others are still published' {
            $undated = New-Postmortem 'Backup job silently skipped the NAS' -Severity P3 -Status Resolved -Context Homelab
            $dated = New-HomelabPostmortem
            $pages = $undated, $dated | Publish-Postmortem -BookId 79 @Server -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemNotPublishable,*'
            $errs[0].Exception.Message | Should -Match 'Set-Postmortem -Date'
            $errs[0].TargetObject.Id | Should -Be $undated.Id
            $pages | Should -HaveCount 1
            $pages.PostmortemId | Should -Be $dated.Id
            (Get-Page).name | Should -BeExactly 'Postmortem 2026-11-20: OpenBao sealed after node reboot'
        }
    }
}
