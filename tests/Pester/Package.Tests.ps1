BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    $script:package = $env:POSTMORTEM_PACKAGE_PATH
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
}

Describe 'The module package' {
    It 'is a .nupkg that build.ps1 Package wrote' -Skip:(-not $env:POSTMORTEM_PACKAGE_PATH) {
        @(Get-ChildItem -LiteralPath $script:package -Filter 'Postmortem.*.nupkg') | Should -HaveCount 1
    }

    It 'installs from a folder repository with PSResourceGet, imports and works' -Skip:(-not $env:POSTMORTEM_PACKAGE_PATH) {
        $name = 'PostmortemTest-' + [guid]::NewGuid().ToString('N')
        Register-PSResourceRepository -Name $name -Uri $script:package -Trusted
        try {
            $found = Find-PSResource -Name Postmortem -Repository $name
            $found.Version.ToString() | Should -Be (Import-PowerShellDataFile $env:POSTMORTEM_MODULE_PATH).ModuleVersion
            $target = Join-Path $TestDrive 'modules'
            New-Item -ItemType Directory -Path $target | Out-Null
            Save-PSResource -Name Postmortem -Repository $name -Path $target -TrustRepository
        }
        finally {
            Unregister-PSResourceRepository -Name $name
        }
        $installed = Get-ChildItem -LiteralPath $target -Recurse -Filter Postmortem.psd1 | Select-Object -First 1
        $installed | Should -Not -BeNullOrEmpty
        Join-Path $installed.Directory 'Postmortem.dll' | Should -Exist
        Join-Path $installed.Directory 'Dependencies/YamlDotNet.dll' | Should -Exist
        Join-Path $installed.Directory 'en-US/about_Postmortem.help.txt' | Should -Exist

        $result = Invoke-FreshPwsh "Import-Module '$($installed.FullName)'; New-Postmortem 'Installed' -Date 2026-11-20 | ConvertTo-PostmortemMarkdown | Select-Object -First 1"
        $result.Output | Should -Match '# Postmortem: Installed'
    }
}
