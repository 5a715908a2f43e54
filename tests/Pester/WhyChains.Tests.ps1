BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'HostText.ps1')

    # GitLab's 2017-01-31 outage, as its postmortem asks why: the data deleted, and every backup failing.
    function New-GitLabPostmortem {
        New-Postmortem 'Database deleted and backups failed' -Date 2017-01-31 -Context Homelab |
            Add-Why 'Why was the data lost? A directory removal ran on the primary, db1, instead of the secondary, db2.' -Chain 'Data deleted' |
            Add-Why 'Why on db1? Both shells looked alike; nothing showed which host a prompt was on.' -Chain 'Data deleted' |
            Add-Why 'Why could it delete the primary at all? No guard stopped destructive commands on production.' -Chain 'Data deleted' |
            Add-Why 'Why did every backup fail? pg_dump 9.2 ran against the 9.6 server and exited.',
                    'Why was that not seen? The failure e-mails were rejected by DMARC.' -Chain 'Backups failed'
    }

    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }
}

Describe 'Add-Why -Chain' {
    It 'adds to the named chain, creating it with its first why, and leaves the root cause''s own chain alone' {
        $pm = New-GitLabPostmortem
        $pm.Whys.Count | Should -Be 0
        $pm.WhyChains.Name | Should -Be @('Data deleted', 'Backups failed')
        $pm.WhyChains['Backups failed'].Whys.Count | Should -Be 2
        $pm | Add-Why 'Why was no restore tested? Nobody owned the backups.' -Chain 'BACKUPS FAILED' | Out-Null
        $pm.WhyChains.Count | Should -Be 2
        $pm.WhyChains['backups failed'].Whys[-1] | Should -Be 'Why was no restore tested? Nobody owned the backups.'
    }

    It 'without -Chain adds to the root cause''s own chain, exactly as before' {
        $pm = New-GitLabPostmortem | Add-Why 'Why did the incident last 18 hours? The only copy was a staging snapshot.'
        @($pm.Whys) | Should -Be @('Why did the incident last 18 hours? The only copy was a staging snapshot.')
        $pm.WhyChains.Count | Should -Be 2
    }

    It 'refuses a blank chain name with InvalidPostmortemValue and adds nothing' {
        $pm = New-GitLabPostmortem
        $pm | Add-Why 'Why? Because.' -Chain '  ' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
        $errs[0].Exception.Message | Should -BeLike '*needs a name*'
        $pm.WhyChains.Count | Should -Be 2
    }

    It 'changes nothing on a final postmortem: PostmortemLocked' {
        $pm = New-GitLabPostmortem | Complete-Postmortem -Force
        $pm | Add-Why 'Why? Because.' -Chain 'Backups failed' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $pm.WhyChains['Backups failed'].Whys.Count | Should -Be 2
    }

    It 'completes -Chain with the chain names of <_>' -ForEach @(
        '$pm | Add-Why x -Chain ', '$pm | Set-Postmortem -Severity P1 | Add-Why x -Chain ', 'Remove-Why -Postmortem $pm -Chain ') {
        $global:pm = New-GitLabPostmortem
        try {
            @((Get-Completion $_).CompletionText) | Should -Be @("'Data deleted'", "'Backups failed'")
            @((Get-Completion "$_'Ba").CompletionText) | Should -Be @("'Backups failed'")
        }
        finally {
            Remove-Variable -Name pm -Scope Global
        }
    }
}

Describe 'Remove-Why -Chain' {
    It 'removes by index within the chain, and the chain goes with its last why' {
        $pm = New-GitLabPostmortem
        $out = $pm | Remove-Why 1 -Chain 'Backups failed'
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        @($pm.WhyChains['Backups failed'].Whys) | Should -Be @('Why did every backup fail? pg_dump 9.2 ran against the 9.6 server and exited.')
        $pm | Remove-Why 0 -Chain 'Backups failed' | Out-Null
        $pm.WhyChains.Name | Should -Be @('Data deleted')
    }

    It 'removes by text within the chain, piped in or given' {
        $pm = New-GitLabPostmortem
        $pm | Remove-Why 'Why was that not seen? The failure e-mails were rejected by DMARC.' -Chain 'Backups failed' | Out-Null
        $pm.WhyChains['Backups failed'].Whys.Count | Should -Be 1
        $pm.WhyChains['Data deleted'].Whys | Where-Object { $_ -like '*shells*' } | Remove-Why -Postmortem $pm -Chain 'Data deleted'
        $pm.WhyChains['Data deleted'].Whys.Count | Should -Be 2
    }

    It 'reports an index past the chain''s end, naming the chain''s range' {
        $pm = New-GitLabPostmortem
        $pm | Remove-Why 5 -Chain 'Backups failed' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EntryNotFound,*'
        $errs[0].Exception.Message | Should -BeLike "*no WhyChains``['Backups failed'``].Whys``[5``]*Whys``[0``] to *Whys``[1``]*"
        $pm.WhyChains['Backups failed'].Whys.Count | Should -Be 2
    }

    It 'reports a chain the postmortem does not have, naming the chains it has' {
        $pm = New-GitLabPostmortem
        $pm | Remove-Why 0 -Chain 'Restore slow' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EntryNotFound,*'
        $errs[0].Exception.Message | Should -BeLike "*no why-chain 'Restore slow'*'Data deleted', 'Backups failed'*"
        Remove-Why -Postmortem $pm -Chain 'Restore slow' -Text 'Why?' -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].Exception.Message | Should -BeLike "*Its chains are 'Data deleted', 'Backups failed'*"
    }

    It 'says what would go with -WhatIf and removes nothing' {
        $pm = New-GitLabPostmortem
        $said = Get-HostText { $pm | Remove-Why 0 -Chain 'Backups failed' -WhatIf }
        $said | Should -BeLike '*Remove why*Why did every backup fail?*'
        $pm.WhyChains['Backups failed'].Whys.Count | Should -Be 2
    }

    It 'without -Chain removes from the root cause''s own chain, exactly as before' {
        $pm = New-GitLabPostmortem | Add-Why 'Why? The root cause''s own.'
        $pm | Remove-Why 0 | Out-Null
        $pm.Whys.Count | Should -Be 0
        $pm.WhyChains.Count | Should -Be 2
    }
}

Describe 'Why-chains in Test-Postmortem, the files and the views' {
    It 'judges each chain''s depth and last why and names the chain' {
        $pm = New-GitLabPostmortem | Add-Why 'Why was it not checked? The engineer forgot to check it.' -Chain 'Backups failed'
        $findings = @($pm | Test-Postmortem -Rule FiveWhys*)
        $findings.Target | Should -Not -Contain 'Whys'
        $ends = $findings | Where-Object RuleName -eq FiveWhysEndsInSystem
        $ends.Target | Should -Be "WhyChains['Backups failed'].Whys[2]"
        $ends.Message | Should -BeLike "The why-chain 'Backups failed' ends on a person*"
        $pm | Remove-Why 2 -Chain 'Backups failed' | Out-Null
        $depth = @($pm | Test-Postmortem -Rule FiveWhysDepth)
        $depth.Target | Should -Be "WhyChains['Backups failed']"
        $depth.Message | Should -BeLike "The why-chain 'Backups failed' has only 2 whys*"
    }

    It 'keeps the chains through Export-Postmortem and Import-Postmortem as <_>' -ForEach @('yaml', 'md') {
        $pm = New-GitLabPostmortem | Add-Why 'Why? The root cause''s own.'
        $path = Join-Path $TestDrive "gitlab.$_"
        $pm | Export-Postmortem -Path $path
        $back = Import-Postmortem -LiteralPath $path
        @($back.Whys) | Should -Be @($pm.Whys)
        $back.WhyChains.Name | Should -Be @('Data deleted', 'Backups failed')
        @($back.WhyChains['Data deleted'].Whys) | Should -Be @($pm.WhyChains['Data deleted'].Whys)
        @($back.WhyChains['Backups failed'].Whys) | Should -Be @($pm.WhyChains['Backups failed'].Whys)
    }

    It 'renders each chain under its own heading after the root cause''s own' {
        $md = New-GitLabPostmortem | Add-Why 'Why? The root cause''s own.' | ConvertTo-PostmortemMarkdown
        $md | Should -Match '(?s)### 5 Whys\n\n1\. Why\? The root cause''s own\.\n\n### 5 Whys: Data deleted\n\n1\. .*\n3\. .*### 5 Whys: Backups failed\n\n1\. .*\n2\. '
    }

    It 'shows the chains as a table of name, depth and last why, and in the postmortem''s list view' {
        $pm = New-GitLabPostmortem
        $table = $pm.WhyChains | Format-Table | Out-String -Width 200
        $table | Should -Match 'Name\s+Whys\s+Last Why'
        $table | Should -Match 'Backups failed\s+2\s+Why was that not seen\?'
        ($pm | Format-List | Out-String -Width 200) | Should -Match 'WhyChains\s*:\s*Data deleted \(3\), Backups failed \(2\)'
    }
}

Describe 'Why-chains in the wiki round trip' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'StandIn.ps1')
        $script:Secret = 'tok3n-S3CRET-5b2e8d1c07'
        Start-StandIn -Token "author:$($script:Secret)" -Book '79:Ansiblestack'
        Add-Token 'reviewer' $script:Secret -UserId 2
        $script:Server = @{ Uri = $script:BaseUri; Credential = (New-TokenCredential 'author' $script:Secret); AllowUnencryptedAuthentication = $true }
    }

    AfterAll {
        Stop-StandIn
    }

    It 'merges a chain a reviewer adds on the page and a why they edit with a why the author adds, and publishes them' {
        $draft = Join-Path $TestDrive 'gitlab.yaml'
        New-GitLabPostmortem | Export-Postmortem $draft
        $page = Import-Postmortem $draft | Publish-Postmortem -BookId 79 @Server
        $page.Action | Should -Be 'Created'

        # The reviewer edits the page as a person does in the browser: one why reworded, a chain of their own added.
        $headers = @{ Authorization = "Token reviewer:$($script:Secret)" }
        $held = Invoke-RestMethod "$script:BaseUri/api/pages/$($page.Id)" -Headers $headers
        $held.markdown | Should -Match '### 5 Whys: Backups failed'
        $edited = $held.markdown.Replace('were rejected by DMARC.', 'were rejected by DMARC, so nobody saw them.').
            Replace('## Contributing Factors', "### 5 Whys: Restore took 18 hours`n`n1. Why so long? The only usable copy was a staging snapshot.`n`n## Contributing Factors")
        $null = Invoke-RestMethod "$script:BaseUri/api/pages/$($page.Id)" -Method Put -Headers $headers -ContentType 'application/json; charset=utf-8' -Body (@{ markdown = $edited } | ConvertTo-Json)

        $pm = Import-Postmortem $draft | Add-Why 'Why could the directory be removed at all? No guard stopped destructive commands.' -Chain 'Data deleted'
        $pm | Merge-Postmortem @Server | Out-Null
        $pm.WhyChains.Name | Should -Be @('Data deleted', 'Backups failed', 'Restore took 18 hours')
        $pm.WhyChains['Data deleted'].Whys.Count | Should -Be 4
        $pm.WhyChains['Backups failed'].Whys[1] | Should -Be 'Why was that not seen? The failure e-mails were rejected by DMARC, so nobody saw them.'
        @($pm.WhyChains['Restore took 18 hours'].Whys) | Should -Be @('Why so long? The only usable copy was a staging snapshot.')

        ($pm | Publish-Postmortem -BookId 79 @Server).Action | Should -Be 'Updated'
        $markdown = (Get-Page)[0].markdown
        $markdown | Should -Match '(?s)### 5 Whys: Data deleted\n\n.*4\. Why could the directory be removed at all\?.*### 5 Whys: Backups failed.*### 5 Whys: Restore took 18 hours\n\n1\. Why so long\?'
    }
}
