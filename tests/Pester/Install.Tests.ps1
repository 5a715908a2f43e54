# build.ps1 Install: the built module copied into a module folder, where any pwsh finds it by name. Always into a
# folder under $TestDrive (given, or as the user's own folder of a HOME that is the test's): never the real user's.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
    $script:Installer = Join-Path $PSScriptRoot '../../tools/Install-PostmortemModule.ps1'
    $script:Built = Split-Path $env:POSTMORTEM_MODULE_PATH
    $script:Version = (Import-PowerShellDataFile $env:POSTMORTEM_MODULE_PATH).ModuleVersion

    # A pwsh started with the given environment variables set (a $null value removes one), the rest as this one's.
    function Invoke-PwshWith([hashtable] $Environment, [string] $Script) {
        $saved = @{}
        foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
        try { Invoke-FreshPwsh $Script }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    }
}

Describe 'build.ps1 Install' {
    It 'copies the built module into the folder given, as Postmortem/<version>, where a fresh pwsh imports it by name and works' {
        $modules = Join-Path $TestDrive 'modules'
        $said = & $script:Installer -Source $script:Built -ModulePath $modules 6>&1 3>&1 | Out-String
        $target = Join-Path $modules "Postmortem/$($script:Version)"
        Join-Path $target 'Postmortem.psd1' | Should -Exist
        Join-Path $target 'Postmortem.dll' | Should -Exist
        Join-Path $target 'Dependencies/YamlDotNet.dll' | Should -Exist
        Join-Path $target 'en-US/about_Postmortem.help.txt' | Should -Exist
        $said | Should -Match ([regex]::Escape("Installed Postmortem $($script:Version) in $target"))

        $result = Invoke-FreshPwsh ("`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath; Import-Module Postmortem; " +
            "'BASE=' + (Get-Module Postmortem).ModuleBase; New-Postmortem 'Installed' -Date 2026-11-20 | ConvertTo-PostmortemMarkdown | Select-Object -First 1")
        $result.ExitCode | Should -Be 0
        $result.Output | Should -Match ('BASE=' + [regex]::Escape($target))
        $result.Output | Should -Match '# Postmortem: Installed'
    }

    It 'replaces an earlier copy of the same version whole, and leaves other versions alone' {
        $modules = Join-Path $TestDrive 'again'
        & $script:Installer -Source $script:Built -ModulePath $modules 6>$null 3>$null
        $target = Join-Path $modules "Postmortem/$($script:Version)"
        Set-Content -LiteralPath (Join-Path $target 'Left-from-an-older-build.dll') -Value 'old'
        $other = New-Item -ItemType Directory -Path (Join-Path $modules 'Postmortem/0.0.1') -Force
        Set-Content -LiteralPath (Join-Path $other 'Postmortem.psd1') -Value '@{}'

        & $script:Installer -Source $script:Built -ModulePath $modules 6>$null 3>$null
        Join-Path $target 'Left-from-an-older-build.dll' | Should -Not -Exist
        Join-Path $target 'Postmortem.psd1' | Should -Exist
        Join-Path $other 'Postmortem.psd1' | Should -Exist
        # Nothing of the copy's staging is left beside the versions.
        @(Get-ChildItem -LiteralPath (Join-Path $modules 'Postmortem') -Force).Name | Sort-Object | Should -Be @('0.0.1', $script:Version)
    }

    It 'installs, without -ModulePath, into the user''s own module folder, the first that pwsh puts in PSModulePath' -Skip:$IsWindows {
        $home_ = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'home')
        $environment = @{ HOME = $home_.FullName; XDG_DATA_HOME = $null; PSModulePath = $null }
        $install = Invoke-PwshWith $environment "& '$($script:Installer)' -Source '$($script:Built)'"
        $install.ExitCode | Should -Be 0
        $userModules = Join-Path $home_ '.local/share/powershell/Modules'
        Join-Path $userModules "Postmortem/$($script:Version)/Postmortem.psd1" | Should -Exist
        $install.Output | Should -Match 'In any pwsh 7 of yours, from any folder: Import-Module Postmortem'

        $use = Invoke-PwshWith $environment ("(`$env:PSModulePath -split [IO.Path]::PathSeparator)[0]; Import-Module Postmortem; " +
            "'BASE=' + (Get-Module Postmortem).ModuleBase; (New-Postmortem 'From the user folder' -Date 2026-11-20).Title")
        $use.ExitCode | Should -Be 0
        $use.Output | Should -Match ("(?m)^" + [regex]::Escape($userModules) + "\s*$")
        $use.Output | Should -Match ('BASE=' + [regex]::Escape((Join-Path $userModules "Postmortem/$($script:Version)")))
        $use.Output | Should -Match 'From the user folder'
    }

    It 'warns when the folder given is not one Import-Module searches, and says how to import it by path' {
        $modules = Join-Path $TestDrive 'elsewhere'
        $warning = & $script:Installer -Source $script:Built -ModulePath $modules 6>$null 3>&1 | Out-String
        $warning | Should -Match 'is not in \$env:PSModulePath'
        $warning | Should -Match ([regex]::Escape("Import-Module '$(Join-Path $modules "Postmortem/$($script:Version)/Postmortem.psd1")'"))
    }

    It 'writes nothing under -WhatIf' {
        $modules = Join-Path $TestDrive 'whatif'
        & $script:Installer -Source $script:Built -ModulePath $modules -WhatIf 6>$null
        $modules | Should -Not -Exist
    }

    It 'refuses a folder with no built module, saying to build first, and writes nothing' {
        $empty = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'not-built')
        $modules = Join-Path $TestDrive 'never'
        { & $script:Installer -Source $empty.FullName -ModulePath $modules } | Should -Throw '*Build it first: dotnet pwsh ./build.ps1 Build*'
        $modules | Should -Not -Exist
    }
}
