<#
.SYNOPSIS
    Builds, tests and demonstrates the Postmortem module.
.DESCRIPTION
    Tasks:
      Build  (default) Release build; lays the module out under out/Postmortem, third-party DLLs in Dependencies/.
      Test   Build, then xunit over the C# core and the BookStack and tracker stand-ins, and Pester in a fresh pwsh against out/Postmortem.
             Prints each runner's summary (without the "What if:" lines of the tests that check -WhatIf), every skipped
             test with its reason, and a last line 'N passed, N failed'; exits non-zero on any failure.
      Demo   Build, then run examples/*.ps1, which write out/demo/*.md, *.yaml and *.html; ends with what to open and try next.
      Install Build, then copy the module into this user's PowerShell module folder (or -ModulePath), as
             <folder>/Postmortem/<version>/, so that Import-Module Postmortem works in any pwsh 7 from any folder.
      Package Build, then publish the module to a folder repository with PSResourceGet: out/package/Postmortem.<version>.nupkg.
      Bench  Build, then run the benchmarks (bench/) and write out/bench/results.md, with LintQuality's table. Not part of Test.
      Fuzz   The seeded round-trip fuzz tests with many more cases than Test runs (POSTMORTEM_FUZZ_CASES, 50000 by default).
      Secrets The secret scanner on the labelled corpus tests/fixtures/secrets/corpus.tsv: detection per kind, the
             overall detection and false-positive rates, every miss and false positive; then Protect-Postmortem's time
             on one field with 10,000, 20,000 and 40,000 secrets and the scan of a 10,000-event postmortem (bench/Secrets).
             Writes out/secrets/results.md; fails under 95 % detection or over 2 % false positives. Not part of Test,
             which checks the same corpus in one xunit test.
      LintQuality The lint rules on the labelled corpus tests/lint-corpus/corpus.tsv (sentences from public postmortems;
             tests/lint-corpus/GUIDELINE.md says how they are labelled): precision and recall per rule family (blame,
             action items, tone) and per rule, the quotes the tone rules leave alone, and every misjudged sentence.
             Writes out/lint-quality/results.md. A report: it fails only when the corpus cannot be read; Test holds each
             family above its floor in one xunit test (LintCorpusTests).
      Clean  Removes out/ and every bin/ and obj/ folder.
    Run it on a fresh machine as: dotnet tool restore && dotnet pwsh ./build.ps1 <Task>
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Install', 'Package', 'Bench', 'Fuzz', 'Secrets', 'LintQuality', 'Clean')]
    [string] $Task = 'Build',
    # Install: the module folder to install into, instead of this user's own (the first folder in $env:PSModulePath).
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Postmortem'
$PesterVersion = '5.7.1'
$ToolPackages = Join-Path $Root '.tools/packages'
$Crossgen2 = $null   # the path of crossgen2, once Get-Crossgen2 has restored it
. (Join-Path $Root 'tools/BuildOutput.ps1')

function Invoke-Native {
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

# A new pwsh process, so tests and examples load the built module the way a user's session would.
function Invoke-FreshPwsh {
    param([string[]] $Arguments)
    $host_ = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    & $host_ @prefix -NoLogo -NoProfile -NonInteractive @Arguments | Out-Host
    return $LASTEXITCODE
}

function Invoke-Build {
    $publish = Join-Path $Out 'publish'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/Postmortem/Postmortem.csproj'), '-c', 'Release', '-o', $publish, '--nologo', '-v', 'quiet')

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'Dependencies') -Force
    # Only the cmdlets sit beside the manifest; the core and its libraries go to Dependencies/, where the module's
    # initializer loads them into a load context of its own (see src/Postmortem/ModuleInitializer.cs).
    $own = @('Postmortem.dll', 'Postmortem.Init.dll')
    foreach ($file in Get-ChildItem $publish -Filter *.dll) {
        if ($file.Name -eq 'System.Management.Automation.dll') { continue }   # PowerShell's own; never shipped
        $target = if ($own -contains $file.Name) { $ModuleOut } else { $dependencies.FullName }
        Copy-Item $file.FullName -Destination $target
    }
    Invoke-ReadyToRun -Dependencies $dependencies.FullName
    Copy-Item (Join-Path $Root 'Postmortem.psd1') -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'module/*') -Destination $ModuleOut -Recurse
    # The core carries a verb list derived from WordNet 3.0, whose licence goes with every copy.
    Copy-Item (Join-Path $Root 'src/Postmortem.Core/Rules/Lexicon/WordNet-LICENSE.txt') -Destination $ModuleOut
    # Help: docs/*.md to MAML, in a fresh pwsh that imports the laid-out module for the syntax.
    $helpExit = Invoke-FreshPwsh @('-File', (Join-Path $Root 'tools/New-PostmortemHelp.ps1'), '-ModulePath', (Join-Path $ModuleOut 'Postmortem.psd1'),
        '-DocsPath', (Join-Path $Root 'docs'), '-OutputPath', (Join-Path $ModuleOut 'en-US/Postmortem.dll-Help.xml'))
    if ($helpExit -ne 0) { throw "Building the help failed with exit code $helpExit." }
    Write-Host "Module laid out in $ModuleOut"
}

# The core and its libraries compiled ahead of time (ReadyToRun) for the runtime and platform building them, so that
# a session on them does not spend its first commands compiling: Dependencies/ReadyToRun/net<major>.0-<platform>/.
# The module's initializer loads them on that runtime and platform only, the portable copies everywhere else.
# Compiled from the very files in Dependencies/, against this pwsh's own .NET, with the SDK's crossgen2 (tools/ReadyToRun).
function Invoke-ReadyToRun {
    param([string] $Dependencies)
    $platform = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $target = New-Item -ItemType Directory -Path (Join-Path $Dependencies ('ReadyToRun/net{0}.0-{1}' -f [Environment]::Version.Major, $platform)) -Force
    $names = 'Postmortem.Core', 'Markdig', 'YamlDotNet'
    foreach ($name in $names) {
        Invoke-Crossgen2 -Assembly (Join-Path $Dependencies "$name.dll") -Output (Join-Path $target "$name.dll") `
            -References @($names -ne $name | ForEach-Object { Join-Path $Dependencies "$_.dll" })
    }
    Write-Host "ReadyToRun images for $platform in $($target.FullName)"
}

# crossgen2 from the SDK's own package for this platform, restored into .tools/ by tools/ReadyToRun (once a session).
function Get-Crossgen2 {
    if ($script:Crossgen2) { return $script:Crossgen2 }
    $project = Join-Path $Root 'tools/ReadyToRun/ReadyToRun.csproj'
    $json = & dotnet msbuild $project -restore -t:Restore "-p:RestorePackagesPath=$ToolPackages" -getProperty:Crossgen2PackageId -getProperty:Crossgen2Version -nologo -v:q
    if ($LASTEXITCODE -ne 0) { throw "Restoring crossgen2 failed (exit code $LASTEXITCODE): $json" }
    $text = $json | Out-String
    $package = $text.Substring([Math]::Max(0, $text.IndexOf('{'))) | ConvertFrom-Json | Select-Object -ExpandProperty Properties
    $path = Join-Path $ToolPackages ('{0}/{1}/tools/crossgen2{2}' -f $package.Crossgen2PackageId.ToLowerInvariant(), $package.Crossgen2Version, $(if ($IsWindows) { '.exe' } else { '' }))
    if (-not (Test-Path $path)) { throw "crossgen2 is not where its package should have put it: $path" }
    $script:Crossgen2 = $path
    $path
}

# Compiles one assembly to a ReadyToRun image for this platform, against this pwsh's .NET and the given references.
function Invoke-Crossgen2 {
    param([string] $Assembly, [string] $Output, [string[]] $References = @())
    $platform = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $os = switch -Wildcard ($platform) { 'win*' { 'windows' } 'osx*' { 'osx' } default { 'linux' } }
    $arch = $platform.Split('-')[-1]
    $framework = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
    $referenceArguments = foreach ($reference in $References) { '-r'; $reference }
    $log = & (Get-Crossgen2) $Assembly -o $Output -r (Join-Path $framework '*.dll') @referenceArguments --targetos $os --targetarch $arch -O 2>&1
    if ($LASTEXITCODE -ne 0) { throw "crossgen2 failed on $Assembly (exit code $LASTEXITCODE): $($log -join [Environment]::NewLine)" }
}

function Get-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int] $counters.passed
        Failed  = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        # The trx counters leave skipped tests out of notExecuted: they are the total less those executed.
        Skipped = [int] $counters.total - [int] $counters.executed
    }
}

function Invoke-Test {
    try {
        Invoke-Build
        Invoke-Package
    }
    catch {
        Write-Host "The build failed, so no test ran: $($_.Exception.Message)" -ForegroundColor Red
        Write-Host '0 passed, 1 failed'
        exit 1
    }
    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results | Out-Null

    $xunit = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $skippedTests = [System.Collections.Generic.List[object]]::new()
    foreach ($project in 'Postmortem.Core.Tests', 'BookStackStandIn.Tests', 'TrackerStandIn.Tests') {
        Write-Host "`n== xunit: $project" -ForegroundColor Cyan
        $trx = "$project.trx"
        & dotnet test (Join-Path $Root "tests/$project/$project.csproj") -c Release --nologo `
            --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $results
        $exit = $LASTEXITCODE
        $trxPath = Join-Path $results $trx
        $counts = if (Test-Path $trxPath) { Get-TrxCounts $trxPath } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
        if (Test-Path $trxPath) { foreach ($test in Get-TrxSkippedTest $trxPath) { $skippedTests.Add($test) } }
        if ($exit -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }   # a build or runner failure counts as a failure
        $xunit.Passed += $counts.Passed
        $xunit.Failed += $counts.Failed
        $xunit.Skipped += $counts.Skipped
    }
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)

    Write-Host "`n== Pester: tests/Pester against out/Postmortem" -ForegroundColor Cyan
    # The Pester suite publishes to the BookStack stand-in, started by the tests from this build.
    Invoke-Native dotnet @('build', (Join-Path $Root 'tests/BookStackStandIn/BookStackStandIn.csproj'), '-c', 'Release', '--nologo', '-v', 'quiet', '-o', (Join-Path $Out 'standin'))
    Invoke-Native dotnet @('build', (Join-Path $Root 'tests/TrackerStandIn/TrackerStandIn.csproj'), '-c', 'Release', '--nologo', '-v', 'quiet', '-o', (Join-Path $Out 'trackerstandin'))
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/tools/TestTools.csproj'), '--packages', $ToolPackages, '--nologo', '-v', 'quiet')
    $pesterModule = Join-Path $ToolPackages "pester/$PesterVersion/tools/Pester.psd1"
    $pesterSummary = Join-Path $results 'pester.json'
    $env:POSTMORTEM_STANDIN_PATH = Join-Path $Out 'standin/BookStackStandIn.dll'
    $env:POSTMORTEM_TRACKER_STANDIN_PATH = Join-Path $Out 'trackerstandin/TrackerStandIn.dll'
    $env:POSTMORTEM_PACKAGE_PATH = Join-Path $Out 'package'
    $pesterRun = Invoke-PwshWithoutWhatIf @('-File', (Join-Path $Root 'tests/Invoke-PesterSuite.ps1'),
        '-PesterModule', $pesterModule, '-ModulePath', (Join-Path $ModuleOut 'Postmortem.psd1'),
        '-TestPath', (Join-Path $Root 'tests/Pester'), '-SummaryPath', $pesterSummary)
    $pester = if (Test-Path $pesterSummary) { Get-Content $pesterSummary -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; SkippedTests = @() } }
    if ($pesterRun.ExitCode -ne 0 -and $pester.Failed -eq 0) { $pester.Failed = 1 }
    foreach ($test in @($pester.SkippedTests)) { if ($test) { $skippedTests.Add($test) } }
    if ($pesterRun.HiddenWhatIfLines) { Write-Host "($($pesterRun.HiddenWhatIfLines) 'What if:' lines from the tests that check -WhatIf are not shown.)" }
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ''
    Write-SkippedTest $skippedTests
    # The trx counters and the list agree unless a runner's results could not be read.
    if ($skippedTests.Count -ne $skipped) { Write-Host ("({0} skipped by the runners' counts)" -f $skipped) }
    # The last line is exactly "N passed, N failed", for CI to read.
    Write-Host ("{0} passed, {1} failed" -f $passed, $failed)
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $demo = Join-Path $Out 'demo'
    New-Item -ItemType Directory -Path $demo -Force | Out-Null
    foreach ($example in Get-ChildItem (Join-Path $Root 'examples') -Filter *.ps1 | Sort-Object Name) {
        Write-Host "`n== $($example.Name)" -ForegroundColor Cyan
        $exit = Invoke-FreshPwsh @('-File', $example.FullName, '-ModulePath', (Join-Path $ModuleOut 'Postmortem.psd1'), '-OutputFolder', $demo)
        if ($exit -ne 0) { throw "Example $($example.Name) failed with exit code $exit." }
    }
    Write-DemoNextStep -Root $Root -DemoFolder $demo -ModuleManifest (Join-Path $ModuleOut 'Postmortem.psd1')
}

function Invoke-Install {
    Invoke-Build
    $arguments = @{ Source = $ModuleOut }
    if ($ModulePath) { $arguments.ModulePath = $ModulePath }
    & (Join-Path $Root 'tools/Install-PostmortemModule.ps1') @arguments
}

function Invoke-Package {
    $package = Join-Path $Out 'package'
    if (Test-Path $package) { Remove-Item $package -Recurse -Force }
    New-Item -ItemType Directory -Path $package | Out-Null
    # A repository registered only for this publish, in a fresh pwsh, and removed again.
    $script = @"
`$ErrorActionPreference = 'Stop'
`$name = 'PostmortemBuild-' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name `$name -Uri '$package' -Trusted
try { Publish-PSResource -Path '$ModuleOut' -Repository `$name } finally { Unregister-PSResourceRepository -Name `$name }
"@
    $exit = Invoke-FreshPwsh @('-Command', $script)
    if ($exit -ne 0) { throw "Packaging failed with exit code $exit." }
    Get-ChildItem $package -Filter *.nupkg | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Invoke-Bench {
    Invoke-Build
    $bench = Join-Path $Out 'bench'
    New-Item -ItemType Directory -Path $bench -Force | Out-Null
    Invoke-Native dotnet @('build', (Join-Path $Root 'bench/Floor/Floor.csproj'), '-c', 'Release', '--nologo', '-v', 'quiet', '-o', (Join-Path $bench 'floor/PostmortemBenchFloor'))
    $releaseLike = New-ReleaseLikePwsh (Join-Path $bench 'pwsh-readytorun')
    $exit = Invoke-FreshPwsh @('-File', (Join-Path $Root 'bench/Invoke-Benchmarks.ps1'), '-ModulePath', (Join-Path $ModuleOut 'Postmortem.psd1'),
        '-FloorPath', (Join-Path $bench 'floor/PostmortemBenchFloor/PostmortemBenchFloor.psd1'), '-ReleaseLikePwsh', $releaseLike, '-OutputFolder', $bench)
    if ($exit -ne 0) { throw "The benchmarks failed with exit code $exit." }
    Invoke-CoreBenchmarks -Folder (Join-Path $bench 'core') -Results (Join-Path $bench 'results.md')
    # The lint rules' precision and recall: the table goes into the report, the misjudged sentences stay in their own file.
    $lint = Invoke-LintQuality
    $table = (Get-Content -LiteralPath $lint -Raw) -split '(?m)^## Misjudged sentences' | Select-Object -First 1
    $table = $table -replace '^# Lint quality\s*', ''
    Add-Content -LiteralPath (Join-Path $bench 'results.md') -Value @('', $table.TrimEnd(), '', "The misjudged sentences: $lint") -Encoding utf8NoBOM
    Write-Host "LintQuality's table added to $(Join-Path $bench 'results.md')"
}

# BenchmarkDotNet over the C# core's hot paths (bench/Core); its tables are added to results.md. Its own log, long, goes
# to core.log beside them.
function Invoke-CoreBenchmarks([string] $Folder, [string] $Results) {
    if (Test-Path $Folder) { Remove-Item $Folder -Recurse -Force }
    New-Item -ItemType Directory -Path $Folder | Out-Null
    $log = Join-Path $Folder 'core.log'
    Write-Host "`n== BenchmarkDotNet: bench/Core (log: $log)" -ForegroundColor Cyan
    & dotnet run --project (Join-Path $Root 'bench/Core/Postmortem.Core.Benchmarks.csproj') -c Release -- $Folder *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content $log -Tail 40 | Out-Host
        throw "BenchmarkDotNet failed with exit code $LASTEXITCODE; see $log."
    }
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('')
    $lines.Add('## The C# core''s hot paths (BenchmarkDotNet)')
    $lines.Add('')
    $lines.Add('`bench/Core`, in process with BenchmarkDotNet''s short job (3 warm-up and 3 measured iterations after its pilot) and its')
    $lines.Add('memory diagnoser: the time and the managed memory allocated per call, without PowerShell. Ratio is against each')
    $lines.Add('table''s first row, its baseline. The machine and runtime:')
    $first = $true
    foreach ($report in Get-ChildItem (Join-Path $Folder 'results') -Filter '*-report-github.md' | Sort-Object Name) {
        $text = (Get-Content $report.FullName -Raw) -replace '&#39;', ''
        $environment, $table = $text -split '(?m)^```\s*$' | Where-Object { $_.Trim() } | Select-Object -First 2
        if ($first) { $lines.Add(''); $lines.Add('```'); $lines.Add($environment.Trim()); $lines.Add('```'); $first = $false }
        $lines.Add('')
        $lines.Add('### ' + ($report.BaseName -replace '^Postmortems\.Benchmarks\.', '' -replace '-report-github$', ''))
        $lines.Add('')
        $lines.Add($table.Trim())
    }
    Add-Content -LiteralPath $Results -Value $lines -Encoding utf8NoBOM
    Write-Host "BenchmarkDotNet's tables added to $Results"
}

# The secret scanner's figures over the labelled corpus, and Protect-Postmortem's timings (bench/Secrets). The C# core
# alone, in process: no module build needed.
function Invoke-Secrets {
    $folder = Join-Path $Out 'secrets'
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    $results = Join-Path $folder 'results.md'
    & dotnet run --project (Join-Path $Root 'bench/Secrets/Postmortem.Secrets.Benchmarks.csproj') -c Release -- `
        (Join-Path $Root 'tests/fixtures/secrets/corpus.tsv') $results
    if ($LASTEXITCODE -ne 0) { throw "The secret scanner missed its targets or failed (exit code $LASTEXITCODE); see above." }
}

# The lint rules' precision and recall over the labelled corpus (bench/LintQuality): the C# core alone, in process, no
# module build needed. Returns the path of the results file.
function Invoke-LintQuality {
    $folder = Join-Path $Out 'lint-quality'
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    $results = Join-Path $folder 'results.md'
    & dotnet run --project (Join-Path $Root 'bench/LintQuality/Postmortem.LintQuality.csproj') -c Release -- `
        (Join-Path $Root 'tests/lint-corpus/corpus.tsv') $results | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Measuring the lint rules on the corpus failed (exit code $LASTEXITCODE); see above." }
    $results
}

# PowerShell's release packages ship their assemblies compiled ReadyToRun; the .NET tool this project runs ships them as
# IL only, so in it PowerShell JIT-compiles itself at every start. For a start-up figure as users of a release see it,
# the benchmark also runs a copy of this pwsh with its assemblies compiled ReadyToRun (made once, about 30 s).
function New-ReleaseLikePwsh([string] $Folder) {
    $marker = Join-Path $Folder 'readytorun.done'
    if (-not (Test-Path $marker) -or (Get-Content $marker -Raw).Trim() -ne $PSHOME) {
        if (Test-Path $Folder) { Remove-Item $Folder -Recurse -Force }
        Copy-Item $PSHOME -Destination $Folder -Recurse
        $assemblies = Get-ChildItem $PSHOME -Filter *.dll
        foreach ($file in $assemblies) {
            $stream = [IO.File]::OpenRead($file.FullName)
            try {
                $headers = [System.Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders
                $compile = $headers.CorHeader -and $headers.CorHeader.ManagedNativeHeaderDirectory.Size -eq 0 -and -not $headers.IsCoffOnly
            }
            catch [BadImageFormatException] { $compile = $false }
            finally { $stream.Dispose() }
            if ($compile) {
                Invoke-Crossgen2 -Assembly $file.FullName -Output (Join-Path $Folder $file.Name) -References @($assemblies.FullName -ne $file.FullName)
            }
        }
        Set-Content -LiteralPath $marker -Value $PSHOME
    }
    Join-Path $Folder 'pwsh.dll'
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem (Join-Path $Root 'src'), (Join-Path $Root 'tests'), (Join-Path $Root 'tools'), (Join-Path $Root 'bench') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
    Write-Host 'Cleaned.'
}

# The fuzz tests of the suite, with more cases: what Test samples in a few seconds, searched for minutes.
function Invoke-Fuzz {
    if (-not $env:POSTMORTEM_FUZZ_CASES) { $env:POSTMORTEM_FUZZ_CASES = '50000' }
    Write-Host "Fuzzing with $($env:POSTMORTEM_FUZZ_CASES) cases per format"
    Invoke-Native dotnet @('test', (Join-Path $Root 'tests/Postmortem.Core.Tests'), '-c', 'Release', '--nologo', '--filter', 'FullyQualifiedName~FuzzTests', '--logger', 'console;verbosity=normal')
}

Push-Location $Root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Install' { Invoke-Install }
        'Package' { Invoke-Build; Invoke-Package }
        'Bench' { Invoke-Bench }
        'Fuzz' { Invoke-Fuzz }
        'Secrets' { Invoke-Secrets }
        'LintQuality' { Invoke-LintQuality | Out-Null }
        'Clean' { Invoke-Clean }
    }
}
finally {
    Pop-Location
}
