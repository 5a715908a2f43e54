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

    It 'has an about_Postmortem topic that walks the workflow' {
        $about = Get-Help about_Postmortem | Out-String
        foreach ($step in 'Import-TimelineEvent', 'Add-Why', 'Test-Postmortem', 'Submit-PostmortemReview', 'Complete-Postmortem', 'Publish-Postmortem') {
            $about | Should -Match $step
        }
    }
}
