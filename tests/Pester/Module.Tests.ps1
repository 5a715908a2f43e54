BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    $script:manifestPath = $env:POSTMORTEM_MODULE_PATH
    $script:manifest = Import-PowerShellDataFile -LiteralPath $script:manifestPath
    $script:expectedCmdlets = @(
        'Add-ActionItem', 'Remove-ActionItem', 'Add-ContributingFactor', 'Add-PostmortemLink', 'Remove-ContributingFactor', 'Add-Observation', 'Remove-Observation', 'Add-TimelineEvent', 'Remove-TimelineEvent', 'Set-TimelineEvent', 'Set-ActionItem', 'Add-Why', 'Remove-Why',
        'ConvertTo-PostmortemHtml', 'ConvertTo-PostmortemMarkdown', 'Export-Postmortem', 'Save-Postmortem', 'Get-PostmortemRule', 'Import-Postmortem', 'Import-TimelineEvent',
        'New-Postmortem', 'Set-Postmortem', 'Test-Postmortem', 'Publish-Postmortem', 'Publish-ActionItemReport', 'Sync-ActionItem', 'Merge-Postmortem', 'Connect-BookStack', 'Disconnect-BookStack',
        'Get-PostmortemMetric', 'Measure-Postmortem', 'Get-ActionItem',
        'Submit-PostmortemReview', 'Approve-Postmortem', 'Complete-Postmortem', 'Unlock-Postmortem', 'Protect-Postmortem'
    ) | Sort-Object
}

Describe 'The Postmortem module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:manifestPath -ErrorAction Stop } | Should -Not -Throw
        $info = Test-ModuleManifest -Path $script:manifestPath
        $info.Name | Should -Be 'Postmortem'
        $info.RootModule | Should -Be 'Postmortem.dll'
    }

    It 'has every file the manifest names next to it' {
        $folder = Split-Path -Parent $script:manifestPath
        Join-Path $folder $script:manifest.RootModule | Should -Exist
        foreach ($format in $script:manifest.FormatsToProcess) { Join-Path $folder $format | Should -Exist }
    }

    It 'lists exactly the cmdlets in the manifest' {
        @($script:manifest.CmdletsToExport | Sort-Object) | Should -Be $script:expectedCmdlets
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $module = Get-Module Postmortem
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be $script:expectedCmdlets
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($script:manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports no functions or aliases' {
        $module = Get-Module Postmortem
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
    }

    It 'loads its format views' {
        Get-FormatData -TypeName Postmortems.Postmortem | Should -Not -BeNullOrEmpty
        Get-FormatData -TypeName Postmortems.TimelineEvent | Should -Not -BeNullOrEmpty
        Get-FormatData -TypeName Postmortems.ActionItem | Should -Not -BeNullOrEmpty
    }

    It 'loads Markdig from its Dependencies folder so HTML rendering works after import' {
        $html = New-Postmortem 'deps' | ConvertTo-PostmortemHtml -Fragment
        $html | Should -BeLike '<h1>Postmortem: deps</h1>*'
    }

    It 'can be imported again with -Force' {
        { Import-Module $script:manifestPath -Force -ErrorAction Stop } | Should -Not -Throw
        (New-Postmortem 'again').Title | Should -Be 'again'
    }
}
