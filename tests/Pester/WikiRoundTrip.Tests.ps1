BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    . (Join-Path $PSScriptRoot 'HostText.ps1')

    # The author's token (user 1, Admin) and a reviewer's (user 2): BookStack records who changed a page last, and a
    # second token edits exactly as a person in the browser does.
    $script:Secret = 'tok3n-S3CRET-7c1d5e9a42'
    Start-StandIn -Token "author:$($script:Secret)" -Book '79:Ansiblestack'
    $script:Server = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential 'author' $script:Secret); AllowUnencryptedAuthentication = $true }

    # The reviewer edits the page in the wiki: the markdown as BookStack holds it, changed as a person would.
    function Edit-PageAsReviewer([int] $PageId, [scriptblock] $Edit, [string[]] $AddTag) {
        $headers = @{ Authorization = "Token reviewer:$($script:Secret)" }
        $page = Invoke-RestMethod "$script:BaseUri/api/pages/$PageId" -Headers $headers
        $body = @{ markdown = (& $Edit $page.markdown) }
        if ($AddTag) {
            $body.tags = @($page.tags | ForEach-Object { @{ name = $_.name; value = $_.value } }) + @($AddTag | ForEach-Object { $n, $v = $_ -split '=', 2; @{ name = $n; value = "$v" } })
        }
        $null = Invoke-RestMethod "$script:BaseUri/api/pages/$PageId" -Method Put -Headers $headers -ContentType 'application/json; charset=utf-8' -Body ($body | ConvertTo-Json -Depth 5)
    }

    function New-OpenBaoPostmortem {
        New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 -Status Resolved -Context Homelab -Author 'platform team' `
            -ExecutiveSummary 'OpenBao stayed sealed for 4 hours after node k3s-2 rebooted. Every service that reads secrets from it failed.' `
            -RootCause 'No auto-unseal was configured, so a reboot left OpenBao sealed until a person unsealed it.' |
            Add-TimelineEvent '14:02' 'Vault seal alert fired for openbao-0' -Milestone FirstSymptom -Source alertmanager |
            Add-TimelineEvent '14:09' 'On-call acknowledged the page' -Milestone Detected -Source ntfy |
            Add-TimelineEvent '18:14' 'Service back online' -Milestone ServiceRestored -Source slack |
            Add-ContributingFactor 'No auto-unseal configured for OpenBao' |
            Add-ActionItem -Action 'Add Grafana alert for OpenBao seal status' -Owner platform -DueDate 2026-12-15 -Priority P2
    }
}

AfterAll {
    Stop-StandIn
}

Describe 'The wiki round trip: publish, a reviewer edits, merge, publish' {
    BeforeEach {
        $null = Invoke-StandIn -Method Post -Path reset
        Add-Token 'reviewer' $script:Secret -UserId 2
        $script:Draft = Join-Path $TestDrive "openbao-$([guid]::NewGuid().ToString('N')).yaml"
        New-OpenBaoPostmortem | Export-Postmortem $script:Draft
    }

    It 'refuses to overwrite the reviewer, merges their edits with the local ones, and publishes them together' {
        $page = Import-Postmortem $script:Draft | Publish-Postmortem -BookId 79 -Tag team=platform @Server
        $page.Action | Should -Be 'Created'
        # The draft file now knows its page.
        (Import-Postmortem $script:Draft).Publication.PageId | Should -Be $page.Id

        # The reviewer fixes a time, adds a contributing factor and a tag.
        Edit-PageAsReviewer $page.Id -AddTag 'reviewed-by=rita' {
            param($markdown)
            $markdown.Replace('| 18:14 | Service back online', '| 18:15 | Service back online').
                Replace("- No auto-unseal configured for OpenBao`n", "- No auto-unseal configured for OpenBao`n- The unseal keys were kept by one person`n")
        }
        # The author adds an action item locally.
        $pm = Import-Postmortem $script:Draft
        $pm | Add-ActionItem -Action 'Store unseal key shares with two people' -Owner platform -DueDate 2026-12-20 -Priority P2 | Out-Null

        # -WhatIf gives the same verdict, and neither writes.
        $pm | Publish-Postmortem -BookId 79 @Server -WhatIf -ErrorVariable whatIf -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $whatIf[0].FullyQualifiedErrorId | Should -BeLike 'BookStackPageChanged,*'
        $pm | Publish-Postmortem -BookId 79 @Server -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'BookStackPageChanged,*'
        "$($refused[0])" | Should -Match 'User 2'
        "$($refused[0])" | Should -Match 'Merge-Postmortem'
        (Get-Page)[0].markdown | Should -Match 'kept by one person'

        $merged = $pm | Merge-Postmortem @Server
        $merged | Should -Be $pm
        $pm.ContributingFactors | Should -Contain 'The unseal keys were kept by one person'
        $pm.ActionItems.Action | Should -Contain 'Store unseal key shares with two people'
        $restored = $pm.Timeline | Where-Object Event -EQ 'Service back online'
        $restored.Time | Should -Be ([datetimeoffset]'2026-11-20T18:15:00Z')
        $restored.Milestone | Should -Be 'ServiceRestored'
        $restored.Source | Should -Be 'slack'
        # The merge was saved to the draft file, with the page as its new base.
        (Import-Postmortem $script:Draft).ContributingFactors | Should -Contain 'The unseal keys were kept by one person'

        $again = $pm | Publish-Postmortem -BookId 79 @Server
        $again.Action | Should -Be 'Updated'
        $stored = Get-Page
        $stored | Should -HaveCount 1
        $stored[0].markdown | Should -Match 'Store unseal key shares with two people'
        $stored[0].markdown | Should -Match 'kept by one person'
        Get-TagText $stored[0].tags | Should -Contain 'reviewed-by=rita'
        Get-TagText $stored[0].tags | Should -Contain 'team=platform'
        $revisions = $stored[0].revision_count

        ($pm | Publish-Postmortem -BookId 79 @Server).Action | Should -Be 'Unchanged'
        (Get-Page)[0].revision_count | Should -Be $revisions

        $moved = $pm | Publish-Postmortem -BookId 79 -Chapter 2025 @Server
        $moved.Moved | Should -BeTrue
        $moved.Id | Should -Be $page.Id
        Get-Page | Should -HaveCount 1
        (Get-Page)[0].chapter_id | Should -Be (Get-Chapter)[0].id
    }

    It 'returns the conflicts and changes nothing when both sides changed the same thing; -Prefer chooses' {
        $pm = Import-Postmortem $script:Draft
        $page = $pm | Publish-Postmortem -BookId 79 @Server
        Edit-PageAsReviewer $page.Id { param($markdown) $markdown.Replace('| platform |', '| sre team |') }
        $pm.ActionItems[0].Owner = 'dba team'

        $conflicts = @($pm | Merge-Postmortem @Server -ErrorVariable failed -ErrorAction SilentlyContinue)
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemMergeConflict,*'
        $conflicts | Should -HaveCount 1
        $conflicts[0].Local | Should -Be 'dba team'
        $conflicts[0].Wiki | Should -Be 'sre team'
        $conflicts[0].Base | Should -Be 'platform'
        $pm.ActionItems[0].Owner | Should -Be 'dba team'
        "$($failed[0])" | Should -Match ([regex]::Escape($conflicts[0].Id))

        $null = $pm | Merge-Postmortem @Server -Resolve @{ $conflicts[0].Id = 'Wiki' }
        $pm.ActionItems[0].Owner | Should -Be 'sre team'
    }

    It 'takes a reviewer''s cleared Milestone cell on an event typed by hand, an item set back to Open and one set to Won''t do with its reason' {
        $pm = Import-Postmortem $script:Draft
        $pm | Add-TimelineEvent '14:30' 'Unsealed by hand with three key shares' -Milestone MitigationApplied |
            Add-ActionItem -Action 'Document the unseal procedure' -Owner platform -Priority P3 -Status Done -DoneDate 2026-11-21 | Out-Null
        $page = $pm | Publish-Postmortem -BookId 79 @Server
        $before = (Get-Page)[0].markdown
        $before | Should -Match '\| Unsealed by hand with three key shares \| Mitigation Applied \|'
        $before | Should -Match "\| P3 \| Done \(2026`u{2011}11`u{2011}21\) \|"

        Edit-PageAsReviewer $page.Id {
            param($markdown)
            $markdown.Replace('| Unsealed by hand with three key shares | Mitigation applied |', '| Unsealed by hand with three key shares | |').
                Replace("| P3 | Done (2026`u{2011}11`u{2011}21) |", '| P3 | Open |').
                Replace('| 2026-12-15 | P2 | Open |', "| 2026-12-15 | P2 | Won't do: the seal alert ships with the OpenBao chart |")
        }
        $null = $pm | Merge-Postmortem @Server
        $alert = $pm.ActionItems | Where-Object Action -EQ 'Add Grafana alert for OpenBao seal status'
        "$($alert.Status) $($alert.StatusReason)" | Should -BeExactly 'WontDo the seal alert ships with the OpenBao chart'

        $unsealed = $pm.Timeline | Where-Object Event -EQ 'Unsealed by hand with three key shares'
        $unsealed.Milestone | Should -Be 'None'
        ($pm.ActionItems | Where-Object Action -EQ 'Document the unseal procedure').Status | Should -Be 'Open'
        # The other milestones and the saved draft follow the page.
        ($pm.Timeline | Where-Object Event -EQ 'Service back online').Milestone | Should -Be 'ServiceRestored'
        $saved = Import-Postmortem $script:Draft
        ($saved.Timeline | Where-Object Event -EQ 'Unsealed by hand with three key shares').Milestone | Should -Be 'None'
        ($saved.ActionItems | Where-Object Action -EQ 'Document the unseal procedure').Status | Should -Be 'Open'
        ($saved.ActionItems | Where-Object Action -EQ 'Add Grafana alert for OpenBao seal status').StatusText |
            Should -BeExactly "Won't do: the seal alert ships with the OpenBao chart"
    }

    It '-WhatIf says how many changes it would take and changes neither the object nor the file' {
        $pm = Import-Postmortem $script:Draft
        $page = $pm | Publish-Postmortem -BookId 79 @Server
        Edit-PageAsReviewer $page.Id { param($markdown) $markdown.Replace("- No auto-unseal configured for OpenBao`n", "- No auto-unseal configured for OpenBao`n- A second factor`n") }
        $before = Get-Content -LiteralPath $script:Draft -Raw

        $text = Get-HostText { $pm | Merge-Postmortem @Server -WhatIf }
        $text | Should -Match "What if: Merge 1 change\(s\) from page $($page.Id)"
        $pm.ContributingFactors | Should -Not -Contain 'A second factor'
        Get-Content -LiteralPath $script:Draft -Raw | Should -BeExactly $before
    }

    It '-Force overwrites the reviewer''s change and warns whose change it replaced, which BookStack keeps as a revision' {
        $pm = Import-Postmortem $script:Draft
        $page = $pm | Publish-Postmortem -BookId 79 @Server
        Edit-PageAsReviewer $page.Id { param($markdown) $markdown.Replace("- No auto-unseal configured for OpenBao`n", "- No auto-unseal configured for OpenBao`n- A reviewer's factor`n") }

        $forced = $pm | Publish-Postmortem -BookId 79 @Server -Force -WarningVariable warned -WarningAction SilentlyContinue
        $forced.Overwrote.ChangedBy | Should -Be 'User 2'
        "$warned" | Should -Match 'User 2'
        "$warned" | Should -Match 'Revisions'
        (Get-Page)[0].markdown | Should -Not -Match "A reviewer's factor"
    }

    It 'a postmortem never published has no page to merge with: PostmortemNotPublished' {
        New-OpenBaoPostmortem | Merge-Postmortem @Server -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemNotPublished,*'
        "$($failed[0])" | Should -Match 'Import-Postmortem -BookStackPage'
    }
}

Describe 'Import-Postmortem -BookStackPage' {
    BeforeAll {
        $null = Invoke-StandIn -Method Post -Path reset
        $script:Published = New-OpenBaoPostmortem
        $script:Page = $script:Published | Publish-Postmortem -BookId 79 @Server
    }

    It 'reads a page back by <How>' -ForEach @(
        @{ How = 'its id'; Reference = { "$($script:Page.Id)" } }
        @{ How = 'its /link/ address'; Reference = { "$($script:Page.Url)" } }
        @{ How = 'its book and page address'; Reference = { $p = (Get-Page)[0]; "$script:BaseUri/books/ansiblestack/page/$($p.slug)" } }
        @{ How = 'the postmortem id'; Reference = { "$($script:Published.Id)" } }
    ) {
        $pm = Import-Postmortem -BookStackPage (& $Reference) @Server
        $pm.Id | Should -Be $script:Published.Id
        $pm.Title | Should -Be 'OpenBao sealed after node reboot'
        $pm.Date | Should -Be ([datetime]'2026-11-20')
        $pm.Timeline | Should -HaveCount 3
        $pm.ContributingFactors | Should -Be @('No auto-unseal configured for OpenBao')
        $pm.ActionItems[0].Owner | Should -Be 'platform'
        $pm.Publication.PageId | Should -Be $script:Page.Id
    }

    It 'a page that is not there is BookStackPageNotFound, and the other pages are still read' {
        $read = Import-Postmortem -BookStackPage 999, "$($script:Page.Id)", 'not-a-page' @Server -ErrorVariable failed -ErrorAction SilentlyContinue
        @($read) | Should -HaveCount 1
        $failed | Should -HaveCount 2
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'BookStackPageNotFound,*' }
    }

    It 'a postmortem read from its page publishes back to the same page, with no conflict' {
        $pm = Import-Postmortem -BookStackPage $script:Page.Id @Server
        $pm | Set-Postmortem -Severity P1 | Out-Null
        $again = $pm | Publish-Postmortem -BookId 79 @Server
        $again.Id | Should -Be $script:Page.Id
        Get-Page | Should -HaveCount 1
    }
}
