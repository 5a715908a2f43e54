BeforeAll {
    $script:moduleFolder = Split-Path $env:POSTMORTEM_MODULE_PATH -Parent
    $script:platformFolder = 'net{0}.0-{1}' -f [Environment]::Version.Major, [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $script:images = Join-Path $script:moduleFolder "Dependencies/ReadyToRun/$script:platformFolder"
    $script:libraries = 'Postmortem.Core', 'Markdig', 'YamlDotNet'

    # Each case runs in a pwsh of its own: which copy of an assembly a session loads is decided once per process.
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')

    # Renders, round-trips a YAML draft, and says where each library was loaded from.
    function Get-LoadedFrom([string] $ManifestPath) {
        Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ManifestPath'
`$pm = New-Postmortem 'Load check' -Date 2026-11-20 | Add-TimelineEvent 14:02 'Vault seal alert fired' -Milestone FirstSymptom
if ((`$pm | ConvertTo-PostmortemHtml) -match '<h1>Postmortem: Load check</h1>') { 'HTML ok' }
`$path = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.yaml')
`$pm | Export-Postmortem -Path `$path
if ((Import-Postmortem -Path `$path).Timeline[0].Milestone -eq 'FirstSymptom') { 'YAML ok' }
Remove-Item -LiteralPath `$path
foreach (`$a in ([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'Postmortem').Assemblies) { 'FROM ' + `$a.GetName().Name + ' ' + `$a.Location }
"@
    }

    function Copy-Module([string] $Name) {
        $copy = Join-Path $TestDrive "$Name/Postmortem"
        New-Item -ItemType Directory -Path (Split-Path $copy -Parent) -Force | Out-Null
        Copy-Item $script:moduleFolder -Destination $copy -Recurse
        $copy
    }
}

Describe 'ReadyToRun images of the core and its libraries' {
    It 'are built for this runtime and platform, compiled ahead of time from the very assemblies in Dependencies/' {
        foreach ($name in $script:libraries) {
            $image = Join-Path $script:images "$name.dll"
            $image | Should -Exist
            $stream = [IO.File]::OpenRead($image)
            try {
                $reader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
                $reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size | Should -BeGreaterThan 0 -Because "$name.dll should carry native code"
                $reader.Dispose()
            }
            finally { $stream.Dispose() }
            [Reflection.AssemblyName]::GetAssemblyName($image).FullName |
                Should -Be ([Reflection.AssemblyName]::GetAssemblyName((Join-Path $script:moduleFolder "Dependencies/$name.dll")).FullName)
        }
    }

    It 'are what a session on this runtime and platform loads' {
        $result = Get-LoadedFrom $env:POSTMORTEM_MODULE_PATH
        $result.Output | Should -Match 'HTML ok'
        $result.Output | Should -Match 'YAML ok'
        foreach ($name in $script:libraries) {
            $result.Output | Should -Match ('FROM {0} {1}' -f [regex]::Escape($name), [regex]::Escape((Join-Path $script:images "$name.dll")))
        }
        $result.ExitCode | Should -Be 0
    }

    It 'are not needed: without them the module loads the portable copies and works the same' {
        $copy = Copy-Module 'portable'
        Remove-Item (Join-Path $copy 'Dependencies/ReadyToRun') -Recurse -Force
        $result = Get-LoadedFrom (Join-Path $copy 'Postmortem.psd1')
        $result.Output | Should -Match 'HTML ok'
        $result.Output | Should -Match 'YAML ok'
        foreach ($name in $script:libraries) {
            $result.Output | Should -Match ('FROM {0} {1}' -f [regex]::Escape($name), [regex]::Escape((Join-Path $copy "Dependencies/$name.dll")))
        }
        $result.ExitCode | Should -Be 0
    }

    It 'give way to the portable copy when one cannot be read' {
        $copy = Copy-Module 'damaged'
        [IO.File]::WriteAllText((Join-Path $copy "Dependencies/ReadyToRun/$script:platformFolder/Markdig.dll"), 'not an assembly')
        $result = Get-LoadedFrom (Join-Path $copy 'Postmortem.psd1')
        $result.Output | Should -Match 'HTML ok'
        $result.Output | Should -Match ('FROM Markdig {0}' -f [regex]::Escape((Join-Path $copy 'Dependencies/Markdig.dll')))
        $result.Output | Should -Match ('FROM YamlDotNet {0}' -f [regex]::Escape((Join-Path $copy "Dependencies/ReadyToRun/$script:platformFolder/YamlDotNet.dll")))
        $result.ExitCode | Should -Be 0
    }
}
