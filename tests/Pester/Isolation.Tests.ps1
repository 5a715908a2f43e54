BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # Another module's YamlDotNet, as powershell-yaml and platyPS load one; restored from NuGet by build.ps1.
    $script:otherYaml = Join-Path $PSScriptRoot '../../.tools/packages/yamldotnet/13.7.1/lib/netstandard2.0/YamlDotNet.dll'

    # Each case runs in a pwsh of its own: an assembly loaded into a session cannot be unloaded again.
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')

    $script:roundTrip = @"
`$ErrorActionPreference = 'Stop'
`$pm = New-Postmortem 'Isolation check' -Date 2026-11-20 | Add-TimelineEvent 14:02 'Vault seal alert fired' -Milestone FirstSymptom
`$path = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.yaml')
`$pm | Export-Postmortem -Path `$path
`$back = Import-Postmortem -Path `$path
Remove-Item -LiteralPath `$path
'ROUNDTRIP ' + (`$back.Id -eq `$pm.Id) + ' ' + `$back.Timeline[0].Milestone
"@
    $script:otherWorks = @"
`$d = [YamlDotNet.Serialization.DeserializerBuilder]::new().Build()
'OTHER ' + `$d.Deserialize[object]('answer: 42')['answer']
'VERSIONS ' + ((([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { `$_.GetName().Version.Major }) | Sort-Object) -join ',')
"@
}

Describe 'Postmortem beside another module''s YamlDotNet' {
    It 'has the other YamlDotNet version to load' {
        $script:otherYaml | Should -Exist
    }

    It 'round-trips a YAML draft when another YamlDotNet was loaded first, and the other one keeps working' {
        $result = Invoke-FreshPwsh @"
Add-Type -Path '$script:otherYaml'
Import-Module '$env:POSTMORTEM_MODULE_PATH'
$script:roundTrip
$script:otherWorks
"@
        $result.Output | Should -Match 'ROUNDTRIP True FirstSymptom'
        $result.Output | Should -Match 'OTHER 42'
        $result.Output | Should -Match 'VERSIONS 13,18'
        $result.ExitCode | Should -Be 0
    }

    It 'round-trips a YAML draft when Postmortem was imported first and another YamlDotNet is loaded after' {
        $result = Invoke-FreshPwsh @"
Import-Module '$env:POSTMORTEM_MODULE_PATH'
$script:roundTrip
Add-Type -Path '$script:otherYaml'
$script:otherWorks
$script:roundTrip
"@
        @([regex]::Matches($result.Output, 'ROUNDTRIP True FirstSymptom')).Count | Should -Be 2
        $result.Output | Should -Match 'OTHER 42'
        $result.ExitCode | Should -Be 0
    }

    It 'keeps its libraries out of the shared load context and its types nameable in scripts' {
        $result = Invoke-FreshPwsh @"
Import-Module '$env:POSTMORTEM_MODULE_PATH'
New-Postmortem t | ConvertTo-PostmortemHtml | Out-Null
foreach (`$name in 'Postmortem.Core', 'YamlDotNet', 'Markdig') {
    `$a = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq `$name }
    'CONTEXT ' + `$name + ' ' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$a).Name
}
'TYPE ' + [Postmortems.Milestone]::Detected
"@
        $result.Output | Should -Match 'CONTEXT Postmortem.Core Postmortem'
        $result.Output | Should -Match 'CONTEXT YamlDotNet Postmortem'
        $result.Output | Should -Match 'CONTEXT Markdig Postmortem'
        $result.Output | Should -Match 'TYPE Detected'
    }
}
