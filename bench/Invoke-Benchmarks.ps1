<#
.SYNOPSIS
    Measures the module against what a user would do instead; build.ps1 Bench runs it in a fresh pwsh.
.DESCRIPTION
    Each case reports the median of several runs, its baseline measured in the same run, and their ratio, and writes
    out/bench/results.md with the machine and versions at the top. Whole-process timing for what a user types
    (start-up), in-process Stopwatch timing for the rest. Speed and memory are checked here, never in tests.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    # The floor module's manifest, in a folder of its name (PostmortemBenchFloor/), as the module's is (Postmortem/).
    [Parameter(Mandatory)] [string] $FloorPath,
    [Parameter(Mandatory)] [string] $OutputFolder,
    # pwsh.dll of a copy of this PowerShell with its assemblies compiled ReadyToRun, as its release packages are.
    [string] $ReleaseLikePwsh,
    [int] $Runs = 11
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module $FloorPath
. (Join-Path $PSScriptRoot 'reference/Add-TimelineEventScript.ps1')
. (Join-Path $PSScriptRoot 'reference/Invoke-ScriptBindingFloor.ps1')

$data = Join-Path $OutputFolder 'data'
New-Item -ItemType Directory -Path $data -Force | Out-Null
$rows = [System.Collections.Generic.List[object]]::new()
$pwsh = [Environment]::ProcessPath
[string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' } else { @() }

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

function Measure-Median([scriptblock] $Work, [int] $Count = $Runs, [scriptblock] $Setup = {}) {
    # Untimed runs first, so that neither a case nor its baseline is timed while the JIT still compiles it: for a second
    # (at least once, at most 20 times), as .NET recompiles hot code with full optimization only after it has run a while
    # (and code loaded precompiled, ReadyToRun, only then reaches the same code quality as code compiled at run time).
    $warmUp = [System.Diagnostics.Stopwatch]::StartNew()
    $warmUpRuns = 0
    do {
        . $Setup
        . $Work | Out-Null
        $warmUpRuns++
    } while ($warmUp.ElapsedMilliseconds -lt 1000 -and $warmUpRuns -lt 20)
    $times = foreach ($i in 1..$Count) {
        . $Setup
        [GC]::Collect()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        . $Work | Out-Null
        $watch.Elapsed.TotalMilliseconds
    }
    Get-Median $times
}

function Add-Row([string] $Case, [double] $Ms, [string] $Baseline, [double] $BaselineMs, [string] $Target, [string] $Note = '') {
    $ratio = if ($BaselineMs -gt 0) { $Ms / $BaselineMs } else { [double]::NaN }
    $rows.Add([pscustomobject]@{ Case = $Case; Ms = $Ms; Baseline = $Baseline; BaselineMs = $BaselineMs; Ratio = $ratio; Target = $Target; Note = $Note })
    Write-Host ("{0,-60} {1,10:N1} ms  vs {2,10:N1} ms  ratio {3:N2}  ({4})" -f $Case, $Ms, $BaselineMs, $ratio, $Target)
}

# Runs a command in a new pwsh; returns its wall time in ms and the peak resident memory (MB) it reports.
# -PwshDll runs another PowerShell's pwsh.dll on this .NET.
function Invoke-Child([string] $Command, [string] $PwshDll) {
    $launch = if ($PwshDll) { @([Environment]::ProcessPath, $PwshDll) } else { @($pwsh) + $prefix }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $launch[0] @($launch | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command 2>&1
    $ms = $watch.Elapsed.TotalMilliseconds
    if ($LASTEXITCODE -ne 0) { throw "Child pwsh failed: $output" }
    $peak = ($output | Where-Object { "$_" -match '^PEAKMB (\d+)' } | ForEach-Object { [double] $Matches[1] }) | Select-Object -Last 1
    [pscustomobject]@{ Ms = $ms; PeakMB = $peak; Output = $output }
}
$reportPeak = "'PEAKMB ' + [math]::Round(((Get-Content /proc/self/status | Where-Object { `$_ -like 'VmHWM*' }) -replace '\D', '') / 1024)"

# 1. Start-up, in rounds: each round starts every command once, so a drift in the machine's speed touches all alike.
# Besides the case and its baseline, the floor: importing a binary module (with a manifest) whose cmdlets do nothing.
$startRuns = 11
# The commands name the modules as a user does (Import-Module Postmortem), found through PSModulePath.
function Measure-StartUp([string] $PwshDll) {
    $commands = [ordered]@{
        Exit   = 'exit'
        Floor  = 'Import-Module PostmortemBenchFloor'
        Module = 'Import-Module Postmortem; New-Postmortem -Title t | ConvertTo-PostmortemHtml | Out-Null'
        FloorByPath  = "Import-Module '$FloorPath'"
        ModuleByPath = "Import-Module '$ModulePath'; New-Postmortem -Title t | ConvertTo-PostmortemHtml | Out-Null"
    }
    $times = @{}
    foreach ($key in $commands.Keys) { $times[$key] = [System.Collections.Generic.List[double]]::new(); $null = Invoke-Child $commands[$key] $PwshDll }
    foreach ($round in 1..$startRuns) {
        foreach ($key in $commands.Keys) { $times[$key].Add((Invoke-Child $commands[$key] $PwshDll).Ms) }
    }
    $medians = @{}
    foreach ($key in $commands.Keys) { $medians[$key] = Get-Median $times[$key] }
    $medians
}
$savedModulePath = $env:PSModulePath
$env:PSModulePath = ((Split-Path (Split-Path $ModulePath -Parent) -Parent), (Split-Path (Split-Path $FloorPath -Parent) -Parent), $env:PSModulePath) -join [IO.Path]::PathSeparator
$tool = Measure-StartUp
Add-Row 'Start-up: Import-Module Postmortem; New-Postmortem -Title t | ConvertTo-PostmortemHtml' $tool.Module 'pwsh -NoProfile -c exit' $tool.Exit '<= 1.2x' 'this project''s pwsh, the .NET tool: its assemblies are IL only'
Add-Row 'Start-up floor: Import-Module PostmortemBenchFloor, a do-nothing binary module' $tool.Floor 'pwsh -NoProfile -c exit' $tool.Exit 'reported' 'the same pwsh'
Add-Row 'Start-up, the module imported by its path' $tool.ModuleByPath 'pwsh -NoProfile -c exit' $tool.Exit 'reported' ("the floor by its path: {0:N1} ms" -f $tool.FloorByPath)
if ($ReleaseLikePwsh) {
    $release = Measure-StartUp $ReleaseLikePwsh
    Add-Row 'Start-up on a release-like pwsh: the same' $release.Module 'pwsh -NoProfile -c exit' $release.Exit '<= 1.2x' 'the same pwsh with its assemblies compiled ReadyToRun, as its release packages are'
    Add-Row 'Start-up floor on a release-like pwsh: the same' $release.Floor 'pwsh -NoProfile -c exit' $release.Exit 'reported' ''
    Add-Row 'Start-up on a release-like pwsh, the module imported by its path' $release.ModuleByPath 'pwsh -NoProfile -c exit' $release.Exit 'reported' ("the floor by its path: {0:N1} ms" -f $release.FloorByPath)
}
$env:PSModulePath = $savedModulePath

# 2. Pipeline binding: 100,000 objects by property name.
$count = 100000
$start = [datetime]::SpecifyKind([datetime]::new(2026, 11, 20), 'Utc')
$objects = foreach ($i in 0..($count - 1)) { [pscustomobject]@{ Time = $start.AddSeconds($i).ToString('yyyy-MM-ddTHH:mm:ssZ'); Message = "event $i" } }
$floorPostmortem = [PostmortemBench.FloorPostmortem]::new()
$floorSets = Measure-Median { $objects | Invoke-BindingFloorSets -Postmortem $floorPostmortem } 3
$floor = Measure-Median { $objects | Invoke-BindingFloor -Postmortem 'x' } 3
$cmdlet = Measure-Median { $objects | Add-TimelineEvent -Postmortem (New-Postmortem 'bench') } 3
$script = Measure-Median { $objects | Add-TimelineEventScript -Postmortem (New-Postmortem 'bench') } 3
$scriptLite = Measure-Median { $objects | Add-TimelineEventScriptLite -Postmortem (New-Postmortem 'bench') } 3
$scriptFloor = Measure-Median { $objects | Invoke-ScriptBindingFloor -Postmortem 'x' } 3
Add-Row "Pipeline: $count objects into Add-TimelineEvent by property name" $cmdlet 'do-nothing compiled cmdlet, the same parameters and parameter sets' $floorSets '<= 1.5x floor'
Add-Row "Pipeline: the same, against a one-set floor" $cmdlet 'do-nothing compiled cmdlet, the same parameters in one set' $floor 'reported'
Add-Row "Pipeline: $count objects into the script reference (bench/reference)" $script 'Add-TimelineEvent' $cmdlet '> 1 (the cmdlet is faster)' 'the same inputs as the cmdlet: time, text, milestone, source and their other names'
Add-Row "Pipeline: $count objects into a lighter script that takes fewer inputs" $scriptLite 'Add-TimelineEvent' $cmdlet 'reported' 'no milestone; not TimeGenerated or ProviderName: it does less'
Add-Row "Pipeline: the work alone, above each one's do-nothing floor: the script's" ($script - $scriptFloor) "the cmdlet's (Add-TimelineEvent less its floor)" ($cmdlet - $floorSets) 'reported' ("script floor {0:N1} ms (its parameters, one set)" -f $scriptFloor)
$jsonl = Join-Path $data 'pipeline.jsonl'
$writer = [System.IO.StreamWriter]::new($jsonl)
foreach ($i in 0..($count - 1)) { $writer.WriteLine('{"time":"' + $start.AddSeconds($i).ToString('yyyy-MM-ddTHH:mm:ssZ') + '","message":"event ' + $i + '"}') }
$writer.Dispose()
$events = @(Import-TimelineEvent -LiteralPath $jsonl)
$fast = Measure-Median { $events | Add-TimelineEvent -Postmortem (New-Postmortem 'bench') } 3
$eventFloor = Measure-Median { $events | Invoke-BindingFloor -Postmortem 'x' } 3
Add-Row "Pipeline: $count TimelineEvent objects (fast path)" $fast 'do-nothing compiled cmdlet, property binding' $eventFloor '<= 1.5x floor'

# 3. Rendering: 10,000 events and 1,000 action items.
$big = New-Postmortem 'Large incident' -Date 2026-11-20 -Severity P2 -Status Resolved -Author 'bench' -ExecutiveSummary 'One. Two.' -RootCause 'We had no guard.' -LessonsLearned 'One. Two.' -ServicesAffected x -UsersAffected 'all users' -DataLoss $false
foreach ($i in 0..9999) { [void] $big.Timeline.Add([Postmortems.TimelineEvent]::new($start.AddSeconds($i * 7), "Event $i | with `"text`" and <markup>", $(if ($i -eq 0) { 'FirstSymptom' } elseif ($i -eq 9999) { 'Resolved' } else { 'None' }), 'bench')) }
foreach ($i in 0..999) { $item = [Postmortems.ActionItem]::new("Add guard $i"); $item.Owner = 'team'; $item.DueDate = [datetime]'2026-12-20'; $item.Priority = 'P2'; $big.ActionItems.Add($item) }
$markdownText = $big | ConvertTo-PostmortemMarkdown
# The floor is Markdig itself, with the very pipeline the module renders through, on the module's own Markdown.
$floorPipeline = [Postmortems.Rendering.PostmortemHtml]::Pipeline
$markdig = $floorPipeline.GetType().Assembly.GetType('Markdig.Markdown')
$markdigFloor = Measure-Median { $markdig::ToHtml($markdownText, $floorPipeline, $null) }
$toMarkdown = Measure-Median { $big | ConvertTo-PostmortemMarkdown }
$toHtml = Measure-Median { $big | ConvertTo-PostmortemHtml -NoTimelineChart }
$toHtmlChart = Measure-Median { $big | ConvertTo-PostmortemHtml }
Add-Row 'Rendering: 10,000 events + 1,000 action items to Markdown' $toMarkdown 'Markdig ToHtml of the same Markdown' $markdigFloor '<= 1.5x floor'
Add-Row 'Rendering: the same to HTML (without the chart)' $toHtml 'Markdig ToHtml of the same Markdown' $markdigFloor '<= 1.5x floor'
Add-Row 'Rendering: the same to HTML with the timeline chart' $toHtmlChart 'Markdig ToHtml of the same Markdown' $markdigFloor 'reported'

# 4. Validation.
$validate = Measure-Median { $big | Test-Postmortem }
Add-Row 'Validation: Test-Postmortem on that postmortem' $validate '200 ms target' 200 '<= 200 ms'

# 5. Gathering: a 200 MB JSON-lines file and a 50 MB kubectl document.
$lines = Join-Path $data 'events-200mb.jsonl'
if (-not (Test-Path $lines) -or (Get-Item $lines).Length -lt 200MB) {
    $writer = [System.IO.StreamWriter]::new($lines)
    $i = 0
    $pad = 'x' * 120
    while ($writer.BaseStream.Length -lt 200MB) {
        $writer.WriteLine('{"@timestamp":"' + $start.AddMilliseconds($i * 37).ToString('yyyy-MM-ddTHH:mm:ss.fffZ') + '","level":"info","msg":"request ' + $i + ' served","detail":"' + $pad + '"}')
        $i++
    }
    $writer.Dispose()
}
# kubectl lists events by namespace and name, not by time: the document's times come in no order, as they do there.
$kube = Join-Path $data 'kubectl-50mb-unordered.json'
if (-not (Test-Path $kube) -or (Get-Item $kube).Length -lt 50MB) {
    $writer = [System.IO.StreamWriter]::new($kube)
    $writer.Write('{"apiVersion":"v1","kind":"List","items":[')
    $i = 0
    while ($writer.BaseStream.Length -lt 50MB) {
        if ($i) { $writer.Write(',') }
        $writer.Write('{"apiVersion":"v1","count":1,"firstTimestamp":"' + $start.AddSeconds(($i * 7919) % 172800).ToString('yyyy-MM-ddTHH:mm:ssZ') + '","involvedObject":{"kind":"Pod","name":"app-' + $i + '","namespace":"prod"},"kind":"Event","message":"Back-off restarting failed container app in pod app-' + $i + '","metadata":{"name":"app-' + $i + '.1","namespace":"prod"},"reason":"BackOff","type":"Warning"}' + "`n")
        $i++
    }
    $writer.Write(']}')
    $writer.Dispose()
}
$idle = Invoke-Child "Import-Module '$ModulePath'; New-Postmortem t | Out-Null; $reportPeak"
$oursLines = Invoke-Child "Import-Module '$ModulePath'; `$pm = New-Postmortem t; Import-TimelineEvent -LiteralPath '$lines' | Add-TimelineEvent -Postmortem `$pm; 'COUNT ' + `$pm.Timeline.Count; $reportPeak"
$streamLines = Invoke-Child "Import-Module '$ModulePath'; 'COUNT ' + (Import-TimelineEvent -LiteralPath '$lines' | Measure-Object).Count; $reportPeak"
$baseLines = Invoke-Child "Import-Module '$ModulePath'; `$pm = New-Postmortem t; Get-Content -LiteralPath '$lines' | ConvertFrom-Json | Select-Object @{n='Time';e={`$_.'@timestamp'}}, @{n='Message';e={`$_.msg}} | Add-TimelineEvent -Postmortem `$pm; 'COUNT ' + `$pm.Timeline.Count"
Add-Row 'Gathering: 200 MB JSON lines, Import-TimelineEvent | Add-TimelineEvent' $oursLines.Ms 'Get-Content | ConvertFrom-Json | Add-TimelineEvent' $baseLines.Ms '>= 3x faster (ratio <= 0.33)' ("{0} events" -f (($oursLines.Output | Where-Object { "$_" -like 'COUNT*' }) -replace 'COUNT ', ''))
Add-Row 'Gathering memory: 200 MB JSON lines streamed (Import-TimelineEvent | Measure-Object)' $streamLines.PeakMB 'idle module footprint (MB)' $idle.PeakMB '<= idle + 100 MB' ("peak {0} MB, idle {1} MB: {3} MB above idle; in {2:N0} ms" -f $streamLines.PeakMB, $idle.PeakMB, $streamLines.Ms, ($streamLines.PeakMB - $idle.PeakMB))
$oursKube = Invoke-Child "Import-Module '$ModulePath'; `$pm = New-Postmortem t; Import-TimelineEvent -LiteralPath '$kube' | Add-TimelineEvent -Postmortem `$pm; 'COUNT ' + `$pm.Timeline.Count"
$streamKube = Invoke-Child "Import-Module '$ModulePath'; 'COUNT ' + (Import-TimelineEvent -LiteralPath '$kube' | Measure-Object).Count; $reportPeak"
$baseKube = Invoke-Child "Import-Module '$ModulePath'; `$pm = New-Postmortem t; (Get-Content -LiteralPath '$kube' -Raw | ConvertFrom-Json).items | Select-Object @{n='Time';e={`$_.firstTimestamp}}, @{n='Message';e={`$_.message}} | Add-TimelineEvent -Postmortem `$pm; 'COUNT ' + `$pm.Timeline.Count"
Add-Row 'Gathering: 50 MB kubectl get events -o json, times in no order' $oursKube.Ms 'Get-Content -Raw | ConvertFrom-Json | Add-TimelineEvent' $baseKube.Ms '>= 3x faster (ratio <= 0.33)'
Add-Row 'Gathering memory: 50 MB kubectl document streamed' $streamKube.PeakMB 'idle module footprint (MB)' $idle.PeakMB '<= idle + 100 MB' ("peak {0} MB, idle {1} MB: {2} MB above idle" -f $streamKube.PeakMB, $idle.PeakMB, ($streamKube.PeakMB - $idle.PeakMB))

# 5b. Limits: a line that never ends. One line of 1 GB between two good lines, in JSON lines and in CSV, and a CSV
# whose quote opens before 1 GB and never closes. Each reader keeps at most 1 MiB of one record (TimelineGatherer.
# MaxRecordBytes), so the peak stays near idle; before the limits, the line was read whole. The files are written
# here (about 3 s each) and removed after.
function New-LongLineFile([string] $Path, [string] $Head, [string] $Tail) {
    $stream = [System.IO.File]::Create($Path)
    try {
        $bytes = [System.Text.Encoding]::UTF8.GetBytes($Head)
        $stream.Write($bytes, 0, $bytes.Length)
        $block = [byte[]]::new(1MB)
        [Array]::Fill($block, [byte][char]'a')
        foreach ($i in 1..1024) { $stream.Write($block, 0, $block.Length) }
        $bytes = [System.Text.Encoding]::UTF8.GetBytes($Tail)
        $stream.Write($bytes, 0, $bytes.Length)
    }
    finally { $stream.Dispose() }
}
$limitCases = @(
    @{ Case = 'Limits memory: JSON lines with one 1 GB line (the line is InvalidTimelineRecord, the next is read)'; File = 'one-gb-line.jsonl'
       Head = '{"time":"2026-11-20T14:00:00Z","msg":"first"}' + "`n" + '{"time":"2026-11-20T14:01:00Z","msg":"'
       Tail = '"}' + "`n" + '{"time":"2026-11-20T14:02:00Z","msg":"last"}' + "`n" }
    @{ Case = 'Limits memory: CSV with one 1 GB row (the row is InvalidTimelineRecord, the next is read)'; File = 'one-gb-row.csv'
       Head = "time,event`n2026-11-20T14:00:00Z,first`n2026-11-20T14:01:00Z,"; Tail = "`n2026-11-20T14:02:00Z,last`n" }
    @{ Case = 'Limits memory: CSV with a quote opened before 1 GB and never closed (TimelineSourceUnreadable at 1 MiB)'; File = 'one-gb-open-quote.csv'
       Head = "time,event`n2026-11-20T14:00:00Z,first`n2026-11-20T14:01:00Z,`""; Tail = "`n" }
)
foreach ($limit in $limitCases) {
    $path = Join-Path $data $limit.File
    New-LongLineFile $path $limit.Head $limit.Tail
    try {
        $run = Invoke-Child "Import-Module '$ModulePath'; `$n = @(Import-TimelineEvent -LiteralPath '$path' -ErrorVariable errs -ErrorAction SilentlyContinue).Count; 'COUNT ' + `$n + ' events, ' + `$errs.Count + ' error: ' + `$errs[0].FullyQualifiedErrorId.Split(',')[0]; $reportPeak"
    }
    finally {
        Remove-Item -LiteralPath $path -Force
    }
    $what = ($run.Output | Where-Object { "$_" -like 'COUNT*' }) -replace 'COUNT ', ''
    Add-Row $limit.Case $run.PeakMB 'idle module footprint (MB)' $idle.PeakMB '<= idle + 100 MB' ("peak {0} MB, idle {1} MB: {2} MB above idle; {3}; in {4:N0} ms" -f $run.PeakMB, $idle.PeakMB, ($run.PeakMB - $idle.PeakMB), $what, $run.Ms)
}

# 6. Round trip and corpus: 1,000 YAML and 1,000 Markdown postmortems.
$corpus = Join-Path $data 'corpus'
if (Test-Path $corpus) { Remove-Item $corpus -Recurse -Force }
New-Item -ItemType Directory -Path $corpus | Out-Null
$sample = New-Postmortem 'Corpus incident' -Date 2026-11-20 -Severity P2 -Status Resolved -Author 'bench' -ExecutiveSummary 'Checkout failed for 47 minutes. 3,100 customers were affected.' -RootCause 'We had no chain check.' -LessonsLearned 'Verify chains. Automate checks.'
foreach ($i in 0..9) { [void] $sample.Timeline.Add([Postmortems.TimelineEvent]::new($start.AddMinutes($i * 5), "Step $i", $(if ($i -eq 0) { 'FirstSymptom' } elseif ($i -eq 1) { 'Detected' } elseif ($i -eq 9) { 'Resolved' } else { 'None' }), 'bench')) }
$sample | Add-ContributingFactor 'No alert on chain errors' | Add-ActionItem 'Add a chain check' -Owner team -DueDate 2026-12-01 -Priority P1 | Out-Null
$export = Measure-Median { foreach ($i in 1..1000) { $sample | Export-Postmortem -Path (Join-Path $corpus "pm-$i.yaml") -Force } } 1
$exportMd = Measure-Median { foreach ($i in 1..1000) { $sample | Export-Postmortem -Path (Join-Path $corpus "pm-$i.md") -Force } } 1
# Each file its own id: the corpus is 2,000 postmortems, not one postmortem 2,000 times (which Measure-Postmortem and
# Get-ActionItem count once, from the file written last).
foreach ($file in Get-ChildItem -LiteralPath $corpus -File) {
    [System.IO.File]::WriteAllText($file.FullName, [System.IO.File]::ReadAllText($file.FullName).Replace($sample.Id.ToString('D'), [guid]::NewGuid().ToString('D')))
}
$importYaml = Measure-Median { Import-Postmortem -Path (Join-Path $corpus '*.yaml') } 3
$importMd = Measure-Median { Import-Postmortem -Path (Join-Path $corpus '*.md') } 3
$all = @(Import-Postmortem -Path (Join-Path $corpus '*'))
$measure = Measure-Median { $all | Measure-Postmortem } 3
Add-Row 'Corpus: Export-Postmortem of 1,000 YAML drafts (per document)' ($export / 1000) '' 0 'reported'
Add-Row 'Corpus: Export-Postmortem of 1,000 Markdown files (per document)' ($exportMd / 1000) '' 0 'reported'
Add-Row 'Corpus: Import-Postmortem of 1,000 YAML drafts (per document)' ($importYaml / 1000) '' 0 'reported'
Add-Row 'Corpus: Import-Postmortem of 1,000 Markdown files (per document)' ($importMd / 1000) '' 0 'reported'
Add-Row 'Corpus: Measure-Postmortem over 2,000 postmortems (per document)' ($measure / 2000) '' 0 'reported'

# The report.
$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '.*:\s*', ''
$memory = [math]::Round(((Get-Content /proc/meminfo -ErrorAction SilentlyContinue | Select-Object -First 1) -replace '\D', '') / 1MB, 1)
$lines = @(
    '# Benchmarks'
    ''
    ('Run {0:yyyy-MM-dd HH:mm} UTC on {1} ({2} cores, {3} GiB), {4}; .NET {5}, PowerShell {6}, Postmortem {7}.' -f [datetime]::UtcNow, $cpu, [Environment]::ProcessorCount, $memory, [System.Runtime.InteropServices.RuntimeInformation]::OSDescription, [Environment]::Version, $PSVersionTable.PSVersion, (Import-PowerShellDataFile $ModulePath).ModuleVersion)
    ''
    "Each figure is the median of several runs in one session (start-up: 11 rounds; pipeline: 3; rendering and validation: $Runs; gathering: 1), with its baseline measured in the same run. In-process cases are timed after a second of untimed warm-up runs. Ratio = case / baseline."
    ''
    '| Case | Result | Baseline | Baseline result | Ratio | Target | Note |'
    '|---|---:|---|---:|---:|---|---|'
)
foreach ($row in $rows) {
    $unit = if ($row.Case -like '*memory*') { 'MB' } else { 'ms' }
    # A pipe inside a cell would end it: the cases quote pipelines.
    $cells = @($row.Case, $row.Baseline, $row.Target, $row.Note) | ForEach-Object { "$_" -replace '\|', '\|' }
    $result = if ($row.Ms -lt 0.1) { '{0:N4}' -f $row.Ms } elseif ($row.Ms -lt 10) { '{0:N2}' -f $row.Ms } else { '{0:N1}' -f $row.Ms }
    $lines += ('| {0} | {1} {7} | {2} | {3} | {4} | {5} | {6} |' -f $cells[0], $result, $cells[1], $(if ($row.BaselineMs) { '{0:N1} {1}' -f $row.BaselineMs, $unit } else { '' }), $(if ([double]::IsNaN($row.Ratio)) { '' } else { '{0:N2}' -f $row.Ratio }), $cells[2], $cells[3], $unit)
}
$report = Join-Path $OutputFolder 'results.md'
$lines | Set-Content -LiteralPath $report -Encoding utf8NoBOM
Write-Host "Results written to $report"
