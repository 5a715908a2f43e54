BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # A UTC [datetime], to compare with the impact's times.
    function Get-Utc([string] $Text) { [datetime]::SpecifyKind([datetime]::ParseExact($Text, 'yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture), 'Utc') }

    # GitLab's database outage of 2017-01-31: degraded from 19:00, first alert 21:00, paged 22:09, users affected until
    # 18:14 the next day, the writes between 17:20 and 23:27 lost.
    function New-GitLabOutage {
        New-Postmortem 'GitLab.com database outage' -Date 2017-01-31 -Severity P1 -Status Resolved `
            -DegradationStart 19:00 -ImpactStart 21:00 -ImpactEnd '2017-02-01 18:14' -DataLossStart 17:20 -DataLossEnd 23:27 |
            Add-TimelineEvent 21:00 'Replication lag alert fired' -Milestone FirstSymptom |
            Add-TimelineEvent 22:09 'On-call paged about database load' -Milestone Detected |
            Add-TimelineEvent '2017-02-01 18:14' 'GitLab.com back online' -Milestone ServiceRestored
    }

    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }
}

Describe 'The impact''s times' {
    Context 'New-Postmortem and Set-Postmortem' {
        It 'reads a time of day on -Date, a full date and time, in UTC, and a data-loss time sets DataLoss' {
            $pm = New-GitLabOutage
            $pm.Impact.DegradationStart | Should -Be (Get-Utc '2017-01-31 19:00')
            $pm.Impact.ImpactStart | Should -Be (Get-Utc '2017-01-31 21:00')
            $pm.Impact.ImpactEnd | Should -Be (Get-Utc '2017-02-01 18:14')
            $pm.Impact.ImpactEnd.Kind | Should -Be 'Utc'
            $pm.Impact.DataLossStart | Should -Be (Get-Utc '2017-01-31 17:20')
            $pm.Impact.DataLossEnd | Should -Be (Get-Utc '2017-01-31 23:27')
            $pm.Impact.DataLoss | Should -BeTrue
        }

        It 'reads a local time by -UtcOffset or -TimeZone, and an offset written in the time wins' {
            $pm = New-Postmortem 'Outage' -Date 2017-01-31
            $pm | Set-Postmortem -ImpactStart 22:00 -UtcOffset +01:00 | Out-Null
            $pm.Impact.ImpactStart | Should -Be (Get-Utc '2017-01-31 21:00')
            $pm | Set-Postmortem -ImpactEnd '2017-02-01 19:14' -TimeZone Europe/Berlin | Out-Null
            $pm.Impact.ImpactEnd | Should -Be (Get-Utc '2017-02-01 18:14')
            $pm | Set-Postmortem -DegradationStart '2017-01-31 14:00 -05:00' -TimeZone Europe/Berlin | Out-Null
            $pm.Impact.DegradationStart | Should -Be (Get-Utc '2017-01-31 19:00')
        }

        It 'refuses a zone it does not know, and -TimeZone with -UtcOffset, with InvalidTimeZone' {
            $pm = New-Postmortem 'Outage' -Date 2017-01-31
            $err = { $pm | Set-Postmortem -ImpactStart 22:00 -TimeZone Mars/Olympus_Mons } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidTimeZone,*'
            { $pm | Set-Postmortem -ImpactStart 22:00 -TimeZone Europe/Berlin -UtcOffset +01:00 } | Should -Throw -ErrorId 'InvalidTimeZone,*'
            $pm.Impact.ImpactStart | Should -BeNullOrEmpty
        }

        It 'clears a time with $null or an empty string, and leaves the times not given alone' {
            $pm = New-GitLabOutage
            $pm | Set-Postmortem -ImpactEnd $null -DataLossStart '' | Out-Null
            $pm.Impact.ImpactEnd | Should -BeNullOrEmpty
            $pm.Impact.DataLossStart | Should -BeNullOrEmpty
            $pm.Impact.ImpactStart | Should -Be (Get-Utc '2017-01-31 21:00')
            $pm.Impact.DataLossEnd | Should -Be (Get-Utc '2017-01-31 23:27')
        }

        It 'keeps -DataLoss as given beside a data-loss time, and Test-Postmortem warns of the two together' {
            $pm = New-Postmortem 'Outage' -Date 2017-01-31 -DataLoss $false -DataLossStart 17:20 -DataLossEnd 23:27
            $pm.Impact.DataLoss | Should -BeFalse
            $finding = $pm | Test-Postmortem -Rule ImpactWindowComplete
            $finding.Target | Should -Be 'Impact.DataLoss'
            $finding.Severity | Should -Be 'Warning'
        }

        It 'refuses a time it cannot read with InvalidPostmortemValue, and changes nothing' {
            $pm = New-GitLabOutage
            $out = $pm | Set-Postmortem -Severity P2 -ImpactEnd 'tomorrow-ish' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -BeLike "For -ImpactEnd, 'tomorrow-ish' is not a time.*"
            $out | Should -Be $pm
            $pm.Severity | Should -Be 'P1'
            $pm.Impact.ImpactEnd | Should -Be (Get-Utc '2017-02-01 18:14')
        }

        It 'refuses a time of day when the postmortem has no Date to put it on' {
            $pm = New-Postmortem 'Outage'
            $pm | Set-Postmortem -ImpactStart 21:00 -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0].Exception.Message | Should -BeLike "*is a time of day, but the postmortem has no Date*"
            $pm.Impact.ImpactStart | Should -BeNullOrEmpty
            (New-Postmortem 'Outage' -Date 2017-01-31 -ImpactStart 21:00).Impact.ImpactStart | Should -Be (Get-Utc '2017-01-31 21:00')
        }

        It 'refuses a change to a final postmortem with PostmortemLocked' {
            $pm = New-GitLabOutage
            $pm.State = 'Final'
            $pm | Set-Postmortem -ImpactEnd 19:00 -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
            $pm.Impact.ImpactEnd | Should -Be (Get-Utc '2017-02-01 18:14')
        }

        It 'has help for every new parameter' -ForEach @('DegradationStart', 'ImpactStart', 'ImpactEnd', 'DataLossStart', 'DataLossEnd', 'TimeZone', 'UtcOffset', 'TimeFormat', 'Culture') {
            (Get-Help Set-Postmortem -Parameter $_).description.Text | Should -Not -BeNullOrEmpty
            (Get-Help New-Postmortem -Parameter $_).description.Text | Should -Not -BeNullOrEmpty
        }
    }

    Context 'the page, the files and the rules' {
        It 'shows the windows in the Impact section' {
            $md = New-GitLabOutage | ConvertTo-PostmortemMarkdown
            $md | Should -Match ([regex]::Escape("- **Degradation began:** 2017-01-31 19:00 UTC`n- **Impact window:** 2017-01-31 21:00 UTC $([char]0x2013) 2017-02-01 18:14 UTC (21 h 14 min)`n"))
            $md | Should -Match ([regex]::Escape("- **Data-loss window:** 2017-01-31 17:20 UTC $([char]0x2013) 23:27 UTC (6 h 7 min)`n"))
        }

        It 'exports and imports them through a YAML draft and a Markdown file' -ForEach @('yaml', 'md') {
            $pm = New-GitLabOutage
            $path = Join-Path $TestDrive "gitlab.$_"
            $pm | Export-Postmortem $path
            $back = Import-Postmortem $path
            foreach ($name in 'DegradationStart', 'ImpactStart', 'ImpactEnd', 'DataLossStart', 'DataLossEnd') {
                $back.Impact.$name | Should -Be $pm.Impact.$name -Because $name
            }
            $back.Impact.DataLoss | Should -BeTrue
        }

        It 'reads a time a reviewer corrected in the Markdown file' {
            $path = Join-Path $TestDrive 'corrected.md'
            New-GitLabOutage | Export-Postmortem $path
            (Get-Content -Raw $path).Replace('23:27 UTC (6 h 7 min)', '23:31 UTC') | Set-Content -NoNewline $path
            (Import-Postmortem $path).Impact.DataLossEnd | Should -Be (Get-Utc '2017-01-31 23:31')
        }

        It 'reports a window that ends before it starts as an ImpactWindowOrder error' {
            $finding = New-GitLabOutage | Set-Postmortem -ImpactEnd 20:00 | Test-Postmortem -Rule ImpactWindowOrder
            $finding.Severity | Should -Be 'Error'
            $finding.Target | Should -Be 'Impact.ImpactStart'
            $finding.Message | Should -Be 'The impact window starts at 2017-01-31 21:00 UTC, after it ends at 2017-01-31 20:00 UTC.'
        }
    }

    Context 'the wiki: published, corrected by a reviewer, merged back' {
        BeforeAll {
            . (Join-Path $PSScriptRoot 'StandIn.ps1')
            $script:Secret = 'impact-t1mes-S3CRET-5e6f7a'
            Start-StandIn -Token "author:$($script:Secret)" -Book '79:Platform'
            Add-Token 'reviewer' $script:Secret -UserId 2
            $script:Server = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential 'author' $script:Secret); AllowUnencryptedAuthentication = $true }
        }

        AfterAll { Stop-StandIn }

        It 'shows the windows on the page and takes the reviewer''s corrected end of the data-loss window' {
            $draft = Join-Path $TestDrive 'gitlab-wiki.yaml'
            New-GitLabOutage | Set-Postmortem -Context Homelab | Export-Postmortem $draft
            $page = Import-Postmortem $draft | Publish-Postmortem -BookId 79 @Server
            $markdown = (Get-Page)[0].markdown
            $markdown | Should -Match ([regex]::Escape("- **Data-loss window:** 2017-01-31 17:20 UTC $([char]0x2013) 23:27 UTC (6 h 7 min)"))

            # The reviewer corrects the end in the wiki's markdown editor.
            $headers = @{ Authorization = "Token reviewer:$($script:Secret)" }
            $body = @{ markdown = $markdown.Replace('23:27 UTC (6 h 7 min)', '23:31 UTC (6 h 11 min)') } | ConvertTo-Json
            $null = Invoke-RestMethod "$script:BaseUri/api/pages/$($page.Id)" -Method Put -Headers $headers -ContentType 'application/json; charset=utf-8' -Body $body

            $pm = Import-Postmortem $draft
            $pm | Merge-Postmortem @Server | Out-Null
            $pm.Impact.DataLossEnd | Should -Be (Get-Utc '2017-01-31 23:31')
            $pm.Impact.DataLossStart | Should -Be (Get-Utc '2017-01-31 17:20')
            $pm.Impact.ImpactEnd | Should -Be (Get-Utc '2017-02-01 18:14')
            (Import-Postmortem $draft).Impact.DataLossEnd | Should -Be (Get-Utc '2017-01-31 23:31')
        }
    }

    Context 'Get-PostmortemMetric -From and -To at the impact''s times' {
        It 'measures the impact window and names the clock after its ends' {
            $m = New-GitLabOutage | Get-PostmortemMetric -From ImpactStart -To ImpactEnd
            $m.Name | Should -Be 'ImpactStartToImpactEnd'
            $m.Value | Should -Be ([timespan]::FromMinutes(21 * 60 + 14))
            "$($m.From) -> $($m.To)" | Should -Be 'ImpactStart -> ImpactEnd'
            $m.FromTime | Should -Be (Get-Utc '2017-01-31 21:00')
        }

        It 'mixes an impact time and a milestone, with a fallback in order' {
            $pm = New-GitLabOutage
            (Get-PostmortemMetric -Postmortem $pm -From DegradationStart -To Detected).ValueText | Should -Be '03:09'
            $pm | Set-Postmortem -DegradationStart $null | Out-Null
            $m = $pm | Get-PostmortemMetric -From DegradationStart, ImpactStart -To Detected
            $m.ValueText | Should -Be '01:09'
            $m.UsedFallback | Should -BeTrue
            $m.Reason | Should -Be 'Used ImpactStart for the missing DegradationStart.'
        }

        It 'gives no value and says where to set an impact time that is missing' {
            $m = New-Postmortem 'Outage' -Date 2017-01-31 -ImpactStart 21:00 | Get-PostmortemMetric -From ImpactStart -To ImpactEnd
            $m.Value | Should -BeNullOrEmpty
            $m.Reason | Should -Be 'The impact has no ImpactEnd time (Set-Postmortem -ImpactEnd).'
        }

        It 'completes the impact times beside the milestones, and a name that is neither lists them' {
            $names = (Get-Completion 'Get-PostmortemMetric -From ').CompletionText
            $names | Should -Contain 'Detected'
            $names | Should -Contain 'ImpactStart'
            $names | Should -Contain 'DataLossEnd'
            $names | Should -Not -Contain 'None'
            (Get-Completion 'Get-PostmortemMetric -To Impact').CompletionText | Should -Be @('ImpactStart', 'ImpactEnd')
            $err = { New-GitLabOutage | Get-PostmortemMetric -From Detected -To ImpactOver } | Should -Throw -PassThru
            $err.Exception.Message | Should -BeLike "*'ImpactOver' is not a milestone or impact time. Use one of: FirstSymptom,*ImpactStart, ImpactEnd, DataLossStart, DataLossEnd.*"
        }

        It 'leaves the four standard clocks to the milestones' {
            $m = New-GitLabOutage | Get-PostmortemMetric -Name TimeToDetect
            $m.ValueText | Should -Be '01:09'
            $m.From | Should -Be 'FirstSymptom'
        }
    }
}
