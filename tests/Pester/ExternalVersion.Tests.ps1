BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # The BookStack stand-in, with the team's postmortem book and the customer-facing status book.
    $script:TokenId = 'pm-external'
    $script:Secret = 'tok3n-S3CRET-external-5e9a42'
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    Start-StandIn -Token "$($script:TokenId):$($script:Secret)" -Book '79:Postmortems', '12:Status'
    $script:Server = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential $script:TokenId $script:Secret); AllowUnencryptedAuthentication = $true }

    # A work postmortem, reviewed and final, as the external version is usually written after.
    function New-FinalPostmortem {
        New-Postmortem 'Checkout API returned 502s after certificate rotation' -Date 2026-11-20 -Context Work -Author 'Priya Natarajan' -Reviewer 'Marcus Lee' `
            -Severity P2 -Status Resolved `
            -ExecutiveSummary 'Checkout was unavailable for 47 minutes on 2026-11-20 because the API gateway gw-prod-03 rejected a new TLS certificate bundle. About 3,100 customers could not complete a purchase.' `
            -ServicesAffected 'checkout-api' -UsersAffected 'about 3,100 customers' -DataLoss $false -RevenueImpact 'Estimated $41,000 in delayed orders.' `
            -RootCause 'The certificate rotation job uploaded a bundle without the intermediate certificate, and the gateway validates the full chain on reload.' `
            -LessonsLearned 'Automating certificate rotation removed the only check of the chain. Every automated change needs a verification step of its own.' |
            Add-TimelineEvent '09:12' 'CheckoutHigh5xxRate fired on gw-prod-03' -Milestone FirstSymptom -Source alertmanager |
            Add-TimelineEvent '09:15' 'On-call acknowledged' -Milestone Detected -Source pagerduty |
            Add-TimelineEvent '09:52' 'Rolled back to the previous certificate bundle' -Milestone MitigationApplied -Source slack |
            Add-TimelineEvent '10:02' 'Error rate stable; incident closed' -Milestone Resolved -Source slack |
            Add-Why 'Why did checkout fail? The gateway rejected every upstream TLS handshake.' |
            Add-Why 'Why was that not caught? The pipeline had no chain-verification step before deploy.' |
            Add-Why 'Why was there no such step? Rotation was automated without reviewing what the manual step checked.' |
            Add-ContributingFactor 'No alert on certificate chain errors in the gateway' |
            Add-Observation -WentWell 'The 5xx alert fired 3 minutes after the reload' -WentPoorly '26 minutes to identify the root cause' |
            Add-ActionItem 'Add openssl verify of the full chain to the rotation pipeline' -Owner 'payments SRE' -DueDate 2026-12-04 -Priority P1 -Tracking PAY-1423 |
            Submit-PostmortemReview | Approve-Postmortem -Reviewer 'Marcus Lee' | Complete-Postmortem -Force
    }

    $script:Summary = 'For 47 minutes on 20 November, checkout did not accept payments. No payment was taken twice and no card data was exposed.'
    $script:Impact = 'About 3,100 customers could not complete a purchase between 09:12 and 09:59 UTC.'
    $script:NextSteps = 'Every certificate update is now checked automatically before it goes live, and an alert watches certificate errors.'
}

AfterAll {
    Disconnect-BookStack
    Stop-StandIn
}

Describe 'A customer-facing version' {
    BeforeEach {
        $null = Invoke-StandIn -Method Post -Path reset
        $script:folder = Join-Path ([IO.Path]::GetTempPath()) ("pm-external-" + [guid]::NewGuid())
        $null = New-Item -ItemType Directory -Path $script:folder
    }

    AfterEach {
        Remove-Item -LiteralPath $script:folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'is written on a final postmortem, refused while it names a host, rendered once fixed, approved, and published to another book without touching the internal page' {
        $pm = New-FinalPostmortem
        $pm.State | Should -Be 'Final'
        $internal = $pm | Publish-Postmortem -BookId 79 @Server
        $internalBefore = Get-Page | Where-Object id -eq $internal.Id

        # A final postmortem takes its external version; the text names the gateway.
        $pm | Set-Postmortem -ExternalTitle 'Checkout unavailable on 20 November' `
            -ExternalSummary 'For 47 minutes on 20 November, checkout did not accept payments because gw-prod-03 refused connections.' `
            -ExternalImpact $Impact -ExternalNextSteps $NextSteps -ErrorAction Stop | Out-Null
        $pm.External.CustomerImpact | Should -BeExactly $Impact

        $out = $pm | ConvertTo-PostmortemMarkdown -Audience External -ErrorVariable refused -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ExternalVersionHasInternalDetail,*'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].Exception.Message | Should -BeLike "*External.Summary: a host name 'gw-prod-03'*Set-Postmortem -ExternalSummary*"
        $refused[0].Exception.Findings[0].Field | Should -Be 'External.Summary'
        $refused[0].TargetObject | Should -Be $pm
        # The same for HTML, a file and a page.
        $pm | ConvertTo-PostmortemHtml -Audience External -ErrorVariable html -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $html[0].FullyQualifiedErrorId | Should -BeLike 'ExternalVersionHasInternalDetail,*'
        $pm | Export-Postmortem (Join-Path $folder 'report.md') -Audience External -ErrorVariable file -ErrorAction SilentlyContinue
        $file[0].FullyQualifiedErrorId | Should -BeLike 'ExternalVersionHasInternalDetail,*'
        Test-Path (Join-Path $folder 'report.md') | Should -BeFalse

        # Test-Postmortem -Audience External reports it as a finding, and only the external version's rules run.
        $findings = @($pm | Test-Postmortem -Audience External)
        $findings.RuleName | Sort-Object -Unique | Should -Be 'ExternalInternalDetail'
        $findings[0].Target | Should -Be 'External.Summary'
        $findings[0].Section | Should -Be 'ExternalVersion'

        $pm | Set-Postmortem -ExternalSummary $Summary | Out-Null
        $markdown = $pm | ConvertTo-PostmortemMarkdown -Audience External -ErrorAction Stop
        $markdown | Should -BeLike "# Incident report: Checkout unavailable on 20 November`n`n**Date:** 2026-11-20\`n**Duration:** 47 minutes`n`n## Summary`n`n$Summary*"
        foreach ($internalText in 'Root Cause', 'Timeline', 'Priya', 'Marcus', 'PAY-1423', 'checkout-api', 'Action Items') { $markdown | Should -Not -Match $internalText }
        $pm | ConvertTo-PostmortemHtml -Audience External | Should -BeLike '<!DOCTYPE html>*<h2>Customer Impact</h2>*'
        @($pm | Test-Postmortem -Audience External) | Should -BeNullOrEmpty

        # Not published before someone approves it as it stands.
        $pm | Publish-Postmortem -Audience External -BookId 12 @Server -ErrorVariable unapproved -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $unapproved[0].FullyQualifiedErrorId | Should -BeLike 'ExternalVersionNotApproved,*'
        $unapproved[0].Exception.Message | Should -BeLike "*Approve-Postmortem -Reviewer 'name' -Audience External*"
        @(Get-Page) | Should -HaveCount 1

        $pm | Approve-Postmortem -Reviewer 'Dana Ortiz' -Audience External -Comment 'Read with support' | Out-Null
        $pm.External.IsApproved | Should -BeTrue
        $pm.External.SignOffs.Reviewer | Should -Be 'Dana Ortiz'
        $pm.SignOffs.Reviewer | Should -Be 'Marcus Lee'
        "$($pm.External)" | Should -BeLike '3 of 4 parts written; approved by Dana Ortiz (*)'

        $page = $pm | Publish-Postmortem -Audience External -BookId 12 @Server -ErrorAction Stop
        $page.Name | Should -BeExactly 'Incident report 2026-11-20: Checkout unavailable on 20 November'
        $page.BookId | Should -Be 12
        $page.Action | Should -Be 'Created'
        $stored = Get-Page | Where-Object id -eq $page.Id
        $stored.markdown | Should -BeLike "**Date:** 2026-11-20*## What We Are Doing`n`n$NextSteps*"
        $stored.markdown | Should -Not -Match 'gw-prod-03|Root Cause'

        # The internal page and its record are as they were.
        $internalAfter = Get-Page | Where-Object id -eq $internal.Id
        $internalAfter.revision_count | Should -Be $internalBefore.revision_count
        $internalAfter.markdown | Should -BeExactly $internalBefore.markdown
        $pm.Publication.PageId | Should -Be $internal.Id
        $pm.External.Publication.PageId | Should -Be $page.Id

        # Publishing the internal page again updates it (its External Version section is new) and leaves the external page alone.
        $again = $pm | Publish-Postmortem -BookId 79 @Server
        $again.Id | Should -Be $internal.Id
        (Get-Page | Where-Object id -eq $internal.Id).markdown | Should -Match '## External Version'
        (Get-Page | Where-Object id -eq $page.Id).revision_count | Should -Be 1
        ($pm | Publish-Postmortem -Audience External -BookId 12 @Server).Action | Should -Be 'Unchanged'
        @(Get-Page) | Should -HaveCount 2
    }

    It 'takes an approval back when the text changes, says so, and waits for a new one before publishing again' {
        $pm = New-FinalPostmortem | Set-Postmortem -ExternalSummary $Summary -ExternalImpact $Impact -ExternalNextSteps $NextSteps |
            Approve-Postmortem -Reviewer 'Dana Ortiz' -Audience External
        $pm | Publish-Postmortem -Audience External -BookId 12 @Server | Out-Null

        $pm | Set-Postmortem -ExternalNextSteps "$NextSteps We will report back by 4 December." -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -BeLike "*changed since Dana Ortiz approved it*Approve-Postmortem -Reviewer 'name' -Audience External*"
        $pm.External.IsApproved | Should -BeFalse
        ($pm | Test-Postmortem -Audience External).RuleName | Should -Be 'ExternalSignOffCurrent'
        $pm | Publish-Postmortem -Audience External -BookId 12 @Server -ErrorVariable stale -ErrorAction SilentlyContinue | Out-Null
        $stale[0].Exception.Message | Should -BeLike '*it changed since Dana Ortiz approved it*'

        $pm | Approve-Postmortem -Reviewer 'Dana Ortiz' -Audience External | Publish-Postmortem -Audience External -BookId 12 @Server |
            ForEach-Object Action | Should -Be 'Updated'
    }

    It 'keeps the internal postmortem locked: only the -External parameters change a final postmortem' {
        $pm = New-FinalPostmortem
        $pm | Set-Postmortem -RootCause 'changed' -ExternalSummary $Summary -ErrorVariable locked -ErrorAction SilentlyContinue | Out-Null
        $locked[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $locked[0].Exception.Message | Should -BeLike '*(-RootCause)*its external version can be: -ExternalTitle, -ExternalSummary, -ExternalImpact, -ExternalWhatHappened, -ExternalNextSteps*'
        $pm.External.Summary | Should -BeNullOrEmpty
        $pm.RootCause | Should -Not -Be 'changed'
        # Complete-Postmortem and the internal approval do not wait for the external version.
        $draft = New-Postmortem 'Draft' -Context Homelab -ExternalSummary $Summary
        $draft.External.Missing.Parameter | Should -Be 'ExternalImpact', 'ExternalNextSteps'
    }

    It 'refuses an incomplete external version, naming the Set-Postmortem parameters, and an approval of it' {
        $pm = New-FinalPostmortem | Set-Postmortem -ExternalSummary $Summary
        $pm | ConvertTo-PostmortemMarkdown -Audience External -ErrorVariable incomplete -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $incomplete[0].FullyQualifiedErrorId | Should -BeLike 'ExternalVersionIncomplete,*'
        $incomplete[0].Exception.Message | Should -BeLike "*still needs its Customer Impact and What We Are Doing: Set-Postmortem -ExternalImpact '...' -ExternalNextSteps '...'*"
        $pm | Approve-Postmortem -Reviewer 'Dana Ortiz' -Audience External -ErrorVariable approval -ErrorAction SilentlyContinue | Out-Null
        $approval[0].FullyQualifiedErrorId | Should -BeLike 'ExternalVersionIncomplete,*'
        $pm.External.SignOffs | Should -BeNullOrEmpty
        { $pm | ConvertTo-PostmortemMarkdown -Audience External -FrontMatter } | Should -Throw -ErrorId 'ExternalAudienceNotSupported,*'
    }

    It 'lets the settings file name hosts customers may see and people to keep out' {
        $settings = Join-Path $folder 'team.psd1'
        Set-Content -LiteralPath $settings -Value "@{ External = @{ PublicHosts = @('eu1.status.example.com'); People = @('Dana Ortiz') } }"
        $pm = New-FinalPostmortem | Set-Postmortem -ExternalSummary "$Summary Updates are on eu1.status.example.com." -ExternalImpact $Impact -ExternalNextSteps $NextSteps
        ($pm | Test-Postmortem -Audience External).Target | Should -Be 'External.Summary'
        @($pm | Test-Postmortem -Audience External -Settings $settings) | Should -BeNullOrEmpty
        $pm | ConvertTo-PostmortemMarkdown -Audience External -Settings $settings | Should -Match 'eu1\.status\.example\.com'

        $pm | Set-Postmortem -ExternalWhatHappened 'Dana Ortiz from support noticed it first.' | Out-Null
        ($pm | Test-Postmortem -Audience External -Settings $settings).Message | Should -BeLike "*'Dana Ortiz'*"
    }

    It 'writes the external version to .md and .html, never to a draft or over the postmortem''s own file' {
        $pm = New-FinalPostmortem | Set-Postmortem -ExternalSummary $Summary -ExternalImpact $Impact -ExternalNextSteps $NextSteps
        $own = Join-Path $folder 'checkout.md'
        $pm | Export-Postmortem $own
        $report = Join-Path $folder 'checkout.external.md'
        $pm | Export-Postmortem $report -Audience External -PassThru | ForEach-Object Name | Should -Be 'checkout.external.md'
        Get-Content -Raw $report | Should -BeLike '# Incident report: Checkout API returned 502s after certificate rotation*'
        # Written again over its earlier self, as a page is; the postmortem's own file stays its file.
        $pm | Export-Postmortem $report -Audience External -ErrorAction Stop
        $pm.SourcePath | Should -Be $own
        $pm | Export-Postmortem (Join-Path $folder 'checkout.html') -Audience External
        Get-Content -Raw (Join-Path $folder 'checkout.html') | Should -BeLike '*<title>Incident report: Checkout API returned 502s after certificate rotation</title>*'

        $before = Get-Content -Raw $own
        $pm | Export-Postmortem $own -Audience External -Force -ErrorVariable ownFile -ErrorAction SilentlyContinue
        $ownFile[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
        Get-Content -Raw $own | Should -BeExactly $before
        { $pm | Export-Postmortem (Join-Path $folder 'x.yaml') -Audience External } | Should -Throw -ErrorId 'ExternalAudienceNotSupported,*'
        $pm | Export-Postmortem (Join-Path $folder 'new.md') -Audience External -WhatIf
        Test-Path (Join-Path $folder 'new.md') | Should -BeFalse

        # The internal file keeps the external version and its approval, and reads back with them.
        $pm | Approve-Postmortem -Reviewer 'Dana Ortiz' -Audience External | Save-Postmortem
        $back = Import-Postmortem $own
        $back.External.Summary | Should -BeExactly $Summary
        $back.External.IsApproved | Should -BeTrue
        $back.State | Should -Be 'Final'
        Get-Content -Raw $own | Should -Match "## External Version`n`n### Summary"
    }

    It 'publishes nothing with -WhatIf, and records the external page in the postmortem''s file' {
        $pm = New-FinalPostmortem | Set-Postmortem -ExternalSummary $Summary -ExternalImpact $Impact -ExternalNextSteps $NextSteps |
            Approve-Postmortem -Reviewer 'Dana Ortiz' -Audience External
        $file = Join-Path $folder 'checkout.yaml'
        $pm | Export-Postmortem $file
        $pm | Publish-Postmortem -Audience External -BookId 12 @Server -WhatIf
        @(Get-Page) | Should -BeNullOrEmpty
        $pm.External.Publication | Should -BeNullOrEmpty

        $page = $pm | Publish-Postmortem -Audience External -BookId 12 @Server
        (Import-Postmortem $file).External.Publication.PageId | Should -Be $page.Id
        (Import-Postmortem $file).Publication | Should -BeNullOrEmpty
    }

    It 'shows the external version in the postmortem''s list view' {
        $pm = New-FinalPostmortem | Set-Postmortem -ExternalSummary $Summary
        ($pm | Format-List | Out-String -Width 300) | Should -Match 'External\s+: 1 of 4 parts written, 2 still needed \(-ExternalImpact, -ExternalNextSteps\); not approved'
        ($pm.External | Format-List | Out-String -Width 300) | Should -Match 'Missing\s+: -ExternalImpact, -ExternalNextSteps'
    }
}
