BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # The BookStack stand-in with one token; every value here is made up for the tests.
    $script:TokenId = 'pm-secrets'
    $script:TokenSecret = 'tok3n-S3CRET-5ecrets-41'
    . (Join-Path $PSScriptRoot 'StandIn.ps1')
    Start-StandIn -Token "$($script:TokenId):$($script:TokenSecret)" -Book '79:Ansiblestack'
    $script:Credential = New-TokenCredential $script:TokenId $script:TokenSecret

    # What a user may type into -Uri: the wiki's address with a user name and password in it.
    $script:UrlPassword = 'Url-PASS-9f3k'
    $script:WithUserInfo = $script:BaseUri -replace '^http://', "http://wikiadmin:$($script:UrlPassword)@"
    # One .NET cannot read as it is: an '@' inside the password.
    $script:AtPassword = 'p@ss-Url-7q'
    $script:WithAtInPassword = $script:BaseUri -replace '^http://', "http://wikiadmin:$($script:AtPassword)@"

    # Every text a command's output, streams and errors show: as formatted, as JSON, the error records in full.
    function Get-ShownText([object[]] $Items) {
        $texts = [System.Collections.Generic.List[string]]::new()
        foreach ($item in @($Items)) {
            if ($null -eq $item) { continue }
            $texts.Add(($item | Out-String -Width 4096))
            $texts.Add(($item | Format-List * -Force | Out-String -Width 4096))
            $texts.Add("$item")
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                $texts.Add($item.Exception.ToString())
                $texts.Add("$($item.ErrorDetails)")
                $texts.Add(($item.TargetObject | Out-String -Width 4096))
                $texts.Add("$($item.TargetObject)")
                $texts.Add("$($item.CategoryInfo)")
            }
            elseif ($item -isnot [System.Management.Automation.InformationalRecord]) {
                $texts.Add(($item | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue))
            }
        }
        $texts -join "`n"
    }

    function New-SmallPostmortem([string] $Title = 'Wiki login with a password in the address') {
        New-Postmortem -Title $Title -Date 2026-11-20 -Severity P3 -Status Resolved -Context Homelab -Author 'platform team' `
            -ExecutiveSummary 'The wiki was unreachable for 12 minutes.' -RootCause 'A proxy rule dropped the API path.' |
            Add-TimelineEvent '14:02' 'Wiki API returned 502' -Milestone FirstSymptom -Source grafana |
            Add-TimelineEvent '14:14' 'Proxy rule restored' -Milestone Resolved -Source manual
    }
}

AfterAll {
    Disconnect-BookStack
    Stop-StandIn
}

Describe 'A user name and password in a BookStack address' {
    AfterEach { Disconnect-BookStack }

    It 'Connect-BookStack connects without them, says so in verbose output, and shows them nowhere' {
        $out = Connect-BookStack -Uri $WithUserInfo -Credential $Credential -AllowUnencryptedAuthentication -PassThru -Verbose 4>&1
        $connection = @($out | Where-Object { $_ -is [Postmortems.BookStack.BookStackConnection] })
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"

        $connection | Should -HaveCount 1
        "$($connection[0].BaseUri)" | Should -BeExactly "$BaseUri/"
        $verbose | Should -Match 'user name and password'
        $shown = Get-ShownText @($out)
        $shown.Contains($UrlPassword) | Should -BeFalse -Because 'the password typed into -Uri is never shown'
        $shown.Contains('wikiadmin') | Should -BeFalse -Because 'nor the user name with it'
    }

    It 'an address .NET cannot read as it is (an @ in the password) connects the same way, without showing it' {
        $out = Connect-BookStack -Uri $WithAtInPassword -Credential $Credential -AllowUnencryptedAuthentication -PassThru -Verbose 4>&1
        $connection = @($out | Where-Object { $_ -is [Postmortems.BookStack.BookStackConnection] })
        "$($connection[0].BaseUri)" | Should -BeExactly "$BaseUri/"
        $shown = Get-ShownText @($out)
        $shown.Contains($AtPassword) | Should -BeFalse
        $shown.Contains('ss-Url-7q') | Should -BeFalse -Because 'no part of it after the @ either'
    }

    It 'errors do not show them: an http:// address refused, a wrong token, an address that is not one' {
        $wrong = New-TokenCredential $TokenId 'not-the-secret'
        $records = @(
            { Connect-BookStack -Uri $WithUserInfo -Credential $Credential -Verbose }
            { Connect-BookStack -Uri $WithUserInfo -Credential $wrong -AllowUnencryptedAuthentication -Verbose }
            { Connect-BookStack -Uri "wikiadmin:$UrlPassword@wiki" -Credential $Credential -AllowUnencryptedAuthentication -Verbose }
            { Connect-BookStack -Uri "http://wikiadmin:$UrlPassword@[bad host/" -Credential $Credential -AllowUnencryptedAuthentication -Verbose }
            { New-SmallPostmortem | Publish-Postmortem -BookId 79 -Uri $WithUserInfo -Credential $wrong -AllowUnencryptedAuthentication -Verbose }
        ) | ForEach-Object {
            $run = $_
            try { & $run *>&1 } catch { $_ }
        }
        $ids = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object FullyQualifiedErrorId)
        ($ids -join ' ') | Should -Match 'BookStackConnectionInvalid'
        ($ids -join ' ') | Should -Match 'BookStackUnauthorized'
        $shown = Get-ShownText $records
        $shown.Contains($UrlPassword) | Should -BeFalse -Because 'an error says what is wrong without repeating the password'
    }

    It 'Publish-Postmortem -Uri with them publishes, and the postmortem records the address without them' {
        $pm = New-SmallPostmortem
        $out = $pm | Publish-Postmortem -BookId 79 -Uri $WithUserInfo -Credential $Credential -AllowUnencryptedAuthentication -Verbose 4>&1
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })[0].Action | Should -Be 'Created'
        $pm.Publication.Server | Should -BeExactly "$BaseUri/"
        ((@($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n")) | Should -Match 'user name and password'
        (Get-ShownText @($out)).Contains($UrlPassword) | Should -BeFalse
        ($pm | ConvertTo-PostmortemMarkdown -FrontMatter).Contains($UrlPassword) | Should -BeFalse
    }
}

Describe 'Secrets in the review record' {
    It 'Test-Postmortem finds a secret in a sign-off comment and an unlock reason, and Protect-Postmortem redacts both' {
        $pm = New-SmallPostmortem |
            Complete-Postmortem -Force |
            Unlock-Postmortem -Reason 'Took out the token ghp_FAKEabcdefghijklmnopqrstuvwxyz0123456789 pasted in the timeline'
        $pm.Reviewers.Add('Marcus Lee')
        $pm | Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'Checked; the replica ran with PGPASSWORD=FAKEpw_99 set' | Out-Null

        $findings = @($pm | Test-Postmortem -Rule NoSecrets)
        @($findings.Target) | Should -Be @('SignOffs[0].Comment', 'Unlocks[0].Reason')

        $pm | Protect-Postmortem | Out-Null
        @($pm | Test-Postmortem -Rule NoSecrets) | Should -HaveCount 0
        $pm.SignOffs[0].Comment | Should -BeExactly 'Checked; the replica ran with PGPASSWORD=[REDACTED] set'
        $pm.Unlocks[0].Reason | Should -BeExactly 'Took out the token [REDACTED] pasted in the timeline'
    }
}

Describe 'Events Protect-Postmortem makes identical' {
    It 'keeps both through Export-Postmortem and Import-Postmortem, for .<_>' -ForEach 'yaml', 'md' {
        $pm = New-SmallPostmortem |
            Add-TimelineEvent '14:05' 'Paged ann@example.com about the 502s' -Source alertmanager |
            Add-TimelineEvent '14:05' 'Paged bob@example.com about the 502s' -Source alertmanager
        $pm | Protect-Postmortem -EmailAddress | Out-Null
        $path = Join-Path $TestDrive "protected.$_"
        $pm | Export-Postmortem -Path $path -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $back = Import-Postmortem -LiteralPath $path
        $back.Timeline.Count | Should -Be 4
        @($back.Timeline | Where-Object Event -EQ 'Paged [email] about the 502s') | Should -HaveCount 2
    }
}
