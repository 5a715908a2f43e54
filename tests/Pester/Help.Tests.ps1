BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
}

BeforeDiscovery {
    $manifest = Import-PowerShellDataFile $env:POSTMORTEM_MODULE_PATH
    $script:cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

Describe 'Help for <Name>' -ForEach $script:cmdlets {
    BeforeAll {
        $script:help = Get-Help $Name -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $script:parameters = @((Get-Command $Name).Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' })
    }

    It 'has a synopsis of its own, not the generated syntax' {
        $script:help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell shows the syntax as the synopsis: "Add-Why [-Postmortem] <Postmortem> ...".
        $script:help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '\s+\[?-')
    }

    It 'has a description' {
        ($script:help.Description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and a remark' {
        @($script:help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $script:help.Examples.Example) {
            $example.Code | Should -Match $Name
            ($example.Remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $script:parameters) {
            $entry = $script:help.Parameters.Parameter | Where-Object Name -eq $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Name needs help"
            ($entry.Description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Name needs a description"
        }
    }

    It 'names its inputs and outputs and links to about_Postmortem' {
        $script:help.ReturnValues.ReturnValue | Should -Not -BeNullOrEmpty
        @($script:help.RelatedLinks.NavigationLink.LinkText) | Should -Contain 'about_Postmortem'
    }
}

Describe 'The help a user asks for' {
    It 'shows one parameter with Get-Help -Parameter' {
        $severity = Get-Help New-Postmortem -Parameter Severity
        ($severity.Description.Text -join ' ') | Should -Match 'P1'
    }

    It 'shows the examples with Get-Help -Examples' {
        (Get-Help Publish-Postmortem -Examples | Out-String) | Should -Match 'Publish-Postmortem -BookId 79'
    }

    It 'introduces the guide and the template in about_Postmortem before it uses them' {
        $about = (Get-Help about_Postmortem | Out-String) -replace '\s+', ' '
        $guide = $about.IndexOf('call "the guide"')
        $template = $about.IndexOf('called "the template"')
        $guide | Should -BeGreaterThan 0
        $template | Should -BeGreaterThan $guide
        $about.IndexOf('the guide') | Should -Not -BeLessThan $guide
        $about.IndexOf('the template') | Should -Not -BeLessThan $template
    }

    It 'glosses the guide and the template where <Name>''s help first names them' -ForEach @(
        'Add-ActionItem', 'Add-TimelineEvent', 'ConvertTo-PostmortemHtml', 'ConvertTo-PostmortemMarkdown', 'Export-Postmortem', 'Get-ActionItem',
        'Get-PostmortemMetric', 'Get-PostmortemRule', 'Import-Postmortem', 'Merge-Postmortem', 'New-Postmortem', 'Set-TimelineEvent', 'Submit-PostmortemReview',
        'Test-Postmortem' | ForEach-Object { @{ Name = $_ } }
    ) {
        $text = (Get-Help $Name -Full | Out-String) -replace '\s+', ' '
        foreach ($word in 'the guide', 'the template') {
            $first = $text.IndexOf($word, [StringComparison]::OrdinalIgnoreCase)
            if ($first -lt 0) { continue }
            $text.Substring($first, [Math]::Min(120, $text.Length - $first)) | Should -Match "^$word \((the team's postmortem guide|the layout of a postmortem)"
        }
    }

    It 'never calls the guide "the seed" or "the method", in any help or in the rules' {
        $texts = @(Get-Help about_Postmortem | Out-String) +
            @((Get-Module Postmortem).ExportedCmdlets.Keys | ForEach-Object { Get-Help $_ -Full | Out-String }) +
            @(Get-PostmortemRule | ForEach-Object Description)
        @($texts | Where-Object { $_ -match '\bseeds?\b|\bthe method\b' }) | Should -BeNullOrEmpty
    }

    It 'has an about_Postmortem topic that walks the workflow' {
        $about = Get-Help about_Postmortem | Out-String
        foreach ($step in 'Import-TimelineEvent', 'Add-Why', 'Test-Postmortem', 'Submit-PostmortemReview', 'Complete-Postmortem', 'Publish-Postmortem') {
            $about | Should -Match $step
        }
    }
}
