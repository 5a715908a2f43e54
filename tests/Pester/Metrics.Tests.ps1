BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # A UTC [datetime], to compare with FromTime/ToTime and the events' UtcTime.
    function Get-Utc([string] $Text) {
        [datetime]::SpecifyKind([datetime]::ParseExact($Text, 'yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture), 'Utc')
    }

    function Get-Minutes([double] $Minutes) { [timespan]::FromMinutes($Minutes) }

    # A postmortem as a user writes one: New-Postmortem, then one Add-TimelineEvent per milestone (a UTC time of
    # day on the postmortem's date), with an ordinary event in between that marks no milestone.
    function New-Incident([string] $Title, [string] $Date, [string] $Severity, [string] $Status, [System.Collections.IDictionary] $Milestones) {
        $params = @{ Title = $Title; Date = $Date }
        if ($Severity) { $params['Severity'] = $Severity }
        if ($Status) { $params['Status'] = $Status }
        $pm = New-Postmortem @params
        foreach ($milestone in $Milestones.Keys) {
            $null = $pm | Add-TimelineEvent $Milestones[$milestone] "$milestone of $Title" -Milestone $milestone -Source pager
        }
        $null = $pm | Add-TimelineEvent '09:59' 'Deploy finished (no milestone)' -Source ci
        $pm
    }

    # The corpus: eight postmortems whose clocks, factors and action items the tests below work out by hand.
    # Every incident's first symptom is at 10:00 UTC, so each clock is the minutes after 10:00 of its end minus
    # those of its start.
    function New-Corpus {
        $c = [ordered]@{}
        # P1 ------------------------------------------------------------------------------------------------------
        # A: detect 5, mitigate 20, restore 45, resolve 10:05 -> 11:05 = 60
        $c.A = New-Incident 'Checkout outage' 2026-11-02 P1 Resolved ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:05'; MitigationApplied = '10:20'; ServiceRestored = '10:45'; Resolved = '11:05' }) |
            Add-ContributingFactor 'No alerting on disk usage.', 'Runbook out of date' |
            Add-ActionItem 'Add disk usage alert' -Owner platform -DueDate 2026-11-20 -Priority P1 |
            Add-ActionItem 'Update checkout runbook' -Owner sre-oncall -DueDate 2026-11-10 -Priority P2 -Status Done
        # B: detect 12, mitigate 30, restore 50, resolve 10:12 -> 12:12 = 120
        $c.B = New-Incident 'Login failures' 2026-11-05 P1 Resolved ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:12'; MitigationApplied = '10:30'; ServiceRestored = '10:50'; Resolved = '12:12' }) |
            Add-ContributingFactor 'no  alerting on DISK usage', 'Single point of failure' |
            Add-ActionItem 'Remove the single auth database' -Owner platform-auth -DueDate 2026-12-15 -Priority P1
        # C: detect 40, mitigate 70, restore 100, resolve 10:40 -> 12:10 = 90. Names the alerting factor twice.
        $c.C = New-Incident 'Payment timeouts' 2026-11-10 P1 Resolved ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:40'; MitigationApplied = '11:10'; ServiceRestored = '11:40'; Resolved = '12:10' }) |
            Add-ContributingFactor 'No alerting on disk usage!', 'no alerting on disk usage', 'Config drift' |
            Add-ActionItem 'Alert on payment latency' -Owner Platform -DueDate 2026-11-30 -Priority P2 |
            Add-ActionItem 'Reconcile config with Git' -Owner dba -Priority P3
        # P2 ------------------------------------------------------------------------------------------------------
        # D: detect 2, mitigate 10, restore 15, resolve 10:02 -> 10:40 = 38
        $c.D = New-Incident 'Search slow' 2026-11-03 P2 Resolved ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:02'; MitigationApplied = '10:10'; ServiceRestored = '10:15'; Resolved = '10:40' }) |
            Add-ContributingFactor 'Runbook out of date.' |
            Add-ActionItem 'Review search runbook' -Owner sre-oncall -DueDate 2026-12-01 -Priority P3
        # E: detect 8, no MitigationApplied so mitigate falls back to ServiceRestored = 30, restore 30, resolve 10:08 -> 11:00 = 52
        $c.E = New-Incident 'Cache stampede' 2026-11-08 P2 Resolved ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:08'; ServiceRestored = '10:30'; Resolved = '11:00' }) |
            Add-ContributingFactor 'Single point of failure;', 'RUNBOOK OUT OF DATE' |
            Add-ActionItem 'Add request coalescing' -Owner platform -DueDate 2026-11-15 -Priority P2 -Status Done
        # F: detect 4, mitigate 25, restore 35, no Resolved so resolve falls back to ServiceRestored: 10:04 -> 10:35 = 31
        $c.F = New-Incident 'Queue backlog' 2026-11-12 P2 Resolved ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:04'; MitigationApplied = '10:25'; ServiceRestored = '10:35' }) |
            Add-ContributingFactor 'Config drift'
        # G: ongoing; detect 6, mitigate 16, no restore, no resolve
        $c.G = New-Incident 'Disk full' 2026-11-20 P2 Ongoing ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:06'; MitigationApplied = '10:16' }) |
            Add-ContributingFactor 'No alerting on disk usage' |
            Add-ActionItem 'Clean up old snapshots' -DueDate 2026-11-25
        # No severity, no status ----------------------------------------------------------------------------------
        # H: detect 1, no mitigate (no MitigationApplied, no ServiceRestored), restore falls back to Resolved = 30,
        #    resolve 10:01 -> 10:30 = 29
        $c.H = New-Incident 'Certificate expiry' 2026-11-15 $null $null ([ordered]@{
                FirstSymptom = '10:00'; Detected = '10:01'; Resolved = '10:30' }) |
            Add-ContributingFactor 'Expired certificate' |
            Add-ActionItem 'Automate certificate renewal' -Owner security -DueDate 2026-11-16 -Priority P1
        $c
    }

    # Writes the corpus as a user's folder would hold it: YAML drafts in one subfolder, Markdown in another, and
    # files that are not postmortems beside them. Returns the folder.
    function Export-Corpus([System.Collections.IDictionary] $Corpus, [string] $Folder) {
        $yaml = New-Item -ItemType Directory -Path (Join-Path $Folder 'drafts') -Force
        $md = New-Item -ItemType Directory -Path (Join-Path $Folder 'published/2026') -Force
        foreach ($key in 'A', 'C', 'E', 'G') { $null = $Corpus[$key] | Export-Postmortem (Join-Path $yaml "$key.yaml") }
        foreach ($key in 'B', 'D', 'F', 'H') { $null = $Corpus[$key] | Export-Postmortem (Join-Path $md "$key.md") }
        Set-Content -Path (Join-Path $Folder 'notes.txt') -Value 'not a postmortem'
        Set-Content -Path (Join-Path $md 'index.json') -Value '{}'
        $Folder
    }

    # Reads a table as Format-Table writes it, given the column labels it should have: finds the header line and
    # cuts each row at the positions where the labels start, so a test checks which value is under which header.
    # Returns the rows of the first such table, up to its first blank line, as dictionaries keyed by label.
    function ConvertFrom-FormattedTable([string] $Text, [string[]] $Labels) {
        $lines = @($Text -split "`r?`n")
        $found = $null
        for ($i = 0; $i -lt $lines.Count - 1 -and $null -eq $found; $i++) {
            $positions = @{}
            foreach ($label in $Labels) {
                $m = [regex]::Match($lines[$i], "(?<=^| )$([regex]::Escape($label))(?= |$)")
                if ($m.Success) { $positions[$label] = $m.Index }
            }
            if ($positions.PSBase.Count -eq $Labels.Count -and $lines[$i + 1] -match '^[- ]+$') { $found = $i }
        }
        if ($null -eq $found) { throw "No table with the columns $($Labels -join ', ') in:`n$Text" }
        $ordered = @($Labels | Sort-Object { $positions[$_] })
        $rows = foreach ($line in $lines[($found + 2)..($lines.Count - 1)]) {
            if (-not $line.Trim()) { break }
            $row = [ordered]@{}
            for ($c = 0; $c -lt $ordered.Count; $c++) {
                $start = $positions[$ordered[$c]]
                $end = if ($c -eq $ordered.Count - 1) { $line.Length } else { [Math]::Min($line.Length, $positions[$ordered[$c + 1]]) }
                $row[$ordered[$c]] = if ($start -ge $end) { '' } else { $line.Substring($start, $end - $start).Trim() }
            }
            $row
        }
        , @($rows)
    }

    # A folder with one postmortem written twice, as a draft and as Markdown (the same id, a change between them), and
    # another postmortem; the file given as -Newer is made the one written last. Returns the folder.
    function New-TwiceFolder([string] $Name, [string] $Newer) {
        $folder = (New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name) -Force).FullName
        $pm = New-Postmortem 'Cache outage' -Date 2026-11-20 -Severity P1 | Add-ActionItem 'Add cache alert' -Owner platform -DueDate 2026-11-25
        $pm | Export-Postmortem (Join-Path $folder 'cache.yaml')
        $null = $pm | Set-Postmortem -Severity P2 | Add-ActionItem 'Warm the cache on deploy' -Owner platform
        $pm | Export-Postmortem (Join-Path $folder 'cache.md')
        New-Postmortem 'Other' -Date 2026-11-02 -Severity P3 | Export-Postmortem (Join-Path $folder 'other.yaml')
        $older = if ($Newer -eq 'cache.md') { 'cache.yaml' } else { 'cache.md' }
        (Get-Item (Join-Path $folder $older)).LastWriteTimeUtc = [datetime]::new(2026, 11, 21, 9, 0, 0, [System.DateTimeKind]::Utc)
        (Get-Item (Join-Path $folder $Newer)).LastWriteTimeUtc = [datetime]::new(2026, 11, 22, 9, 0, 0, [System.DateTimeKind]::Utc)
        $folder
    }
}

Describe 'Get-PostmortemMetric' {
    BeforeAll {
        $script:corpus = New-Corpus
        $script:a = $script:corpus.A
        $script:metrics = @($script:a | Get-PostmortemMetric)
        function Get-Metric([object[]] $Metrics, [string] $Name) { $Metrics | Where-Object Name -EQ $Name }
    }

    Context 'the four standard clocks of one postmortem' {
        It 'gives TimeToDetect, TimeToMitigate, TimeToRestore and TimeToResolve, in that order, for the postmortem' {
            @($script:metrics.Name) | Should -Be @('TimeToDetect', 'TimeToMitigate', 'TimeToRestore', 'TimeToResolve')
            @($script:metrics.PostmortemTitle | Select-Object -Unique) | Should -Be @('Checkout outage')
            @($script:metrics.PostmortemId | Select-Object -Unique) | Should -Be @($script:a.Id)
        }

        It 'measures TimeToDetect from FirstSymptom (10:00) to Detected (10:05): 5 minutes' {
            $m = Get-Metric $script:metrics TimeToDetect
            $m.Value | Should -Be (Get-Minutes 5)
            $m.From | Should -Be ([Postmortems.Milestone]::FirstSymptom)
            $m.To | Should -Be ([Postmortems.Milestone]::Detected)
            $m.FromTime | Should -Be (Get-Utc '2026-11-02 10:00')
            $m.ToTime | Should -Be (Get-Utc '2026-11-02 10:05')
            $m.UsedFallback | Should -BeFalse
            $m.Reason | Should -BeNullOrEmpty
        }

        It 'measures TimeToMitigate from FirstSymptom to MitigationApplied (10:20): 20 minutes' {
            $m = Get-Metric $script:metrics TimeToMitigate
            $m.Value | Should -Be (Get-Minutes 20)
            "$($m.From) -> $($m.To)" | Should -Be 'FirstSymptom -> MitigationApplied'
            $m.ToTime | Should -Be (Get-Utc '2026-11-02 10:20')
            $m.UsedFallback | Should -BeFalse
        }

        It 'measures TimeToRestore from FirstSymptom to ServiceRestored (10:45): 45 minutes' {
            $m = Get-Metric $script:metrics TimeToRestore
            $m.Value | Should -Be (Get-Minutes 45)
            "$($m.From) -> $($m.To)" | Should -Be 'FirstSymptom -> ServiceRestored'
            $m.ToTime | Should -Be (Get-Utc '2026-11-02 10:45')
        }

        It 'measures TimeToResolve from Detected (10:05) to Resolved (11:05), the same as the template''s Duration' {
            $m = Get-Metric $script:metrics TimeToResolve
            $m.Value | Should -Be (Get-Minutes 60)
            "$($m.From) -> $($m.To)" | Should -Be 'Detected -> Resolved'
            $m.Value | Should -Be $script:a.Duration
        }

        It 'reports the times of the very events it ran between' {
            $m = Get-Metric $script:metrics TimeToResolve
            $detected = $script:a.Timeline | Where-Object Milestone -EQ 'Detected'
            $resolved = $script:a.Timeline | Where-Object Milestone -EQ 'Resolved'
            $m.FromTime | Should -Be $detected.UtcTime
            $m.ToTime | Should -Be $resolved.UtcTime
            $m.FromTime.Kind | Should -Be 'Utc'
        }

        It 'gives one set of clocks for each postmortem piped in' {
            $all = @($script:corpus.Values | Get-PostmortemMetric)
            $all.Count | Should -Be 32
            @($all | Where-Object Name -EQ TimeToResolve | ForEach-Object PostmortemTitle) |
                Should -Be @($script:corpus.Values.Title)
        }
    }

    Context 'fallbacks and missing milestones' {
        It 'falls back to ServiceRestored for TimeToMitigate when there is no MitigationApplied, and says so' {
            # E: FirstSymptom 10:00, no MitigationApplied, ServiceRestored 10:30
            $m = $script:corpus.E | Get-PostmortemMetric -Name TimeToMitigate
            $m.Value | Should -Be (Get-Minutes 30)
            $m.To | Should -Be ([Postmortems.Milestone]::ServiceRestored)
            $m.UsedFallback | Should -BeTrue
            $m.Reason | Should -Be 'Used ServiceRestored for the missing MitigationApplied.'
        }

        It 'falls back to FirstSymptom and ServiceRestored for TimeToResolve when Detected and Resolved are missing' {
            $pm = New-Incident 'No detection' 2026-11-20 P3 Ongoing ([ordered]@{ FirstSymptom = '10:00'; ServiceRestored = '10:55' })
            $m = $pm | Get-PostmortemMetric -Name TimeToResolve
            $m.Value | Should -Be (Get-Minutes 55)
            "$($m.From) -> $($m.To)" | Should -Be 'FirstSymptom -> ServiceRestored'
            $m.UsedFallback | Should -BeTrue
            $m.Reason | Should -Be 'Used FirstSymptom for the missing Detected and ServiceRestored for the missing Resolved.'
        }

        It 'gives no value, only a reason, when a milestone is missing' {
            # G is ongoing: FirstSymptom 10:00, Detected 10:06, MitigationApplied 10:16, nothing after.
            $g = @($script:corpus.G | Get-PostmortemMetric)
            $restore = Get-Metric $g TimeToRestore
            $restore.Value | Should -BeNullOrEmpty
            $restore.Reason | Should -Be 'The timeline has no ServiceRestored or Resolved milestone.'
            $restore.From | Should -Be ([Postmortems.Milestone]::FirstSymptom)
            $restore.FromTime | Should -Be (Get-Utc '2026-11-20 10:00')
            $restore.To | Should -BeNullOrEmpty
            $restore.ToTime | Should -BeNullOrEmpty
            $restore.UsedFallback | Should -BeFalse
            (Get-Metric $g TimeToResolve).Value | Should -BeNullOrEmpty
            (Get-Metric $g TimeToResolve).Reason | Should -Be 'The timeline has no Resolved or ServiceRestored milestone.'
            (Get-Metric $g TimeToDetect).Value | Should -Be (Get-Minutes 6)
        }

        It 'names every missing milestone when the timeline has none' {
            $m = @(New-Postmortem 'Empty' | Get-PostmortemMetric)
            @($m | Where-Object { $null -ne $_.Value }) | Should -BeNullOrEmpty
            (Get-Metric $m TimeToDetect).Reason | Should -Be 'The timeline has no FirstSymptom and no Detected milestone.'
            (Get-Metric $m TimeToResolve).Reason |
                Should -Be 'The timeline has no Detected or FirstSymptom and no Resolved or ServiceRestored milestone.'
        }

        It 'gives no value rather than a negative one when the end milestone comes before the start' {
            $pm = New-Incident 'Backwards' 2026-11-20 P3 Resolved ([ordered]@{ Detected = '10:00'; FirstSymptom = '10:30' })
            $m = $pm | Get-PostmortemMetric -Name TimeToDetect
            $m.Value | Should -BeNullOrEmpty
            $m.Reason | Should -Be 'Detected (2026-11-20 10:00) comes before FirstSymptom (2026-11-20 10:30); check the timeline.'
        }
    }

    Context '-From and -To: a clock of your own' {
        It 'measures from -From to -To and names the clock after them' {
            # A: Detected 10:05 -> MitigationApplied 10:20 = 15 minutes
            $m = @($script:a | Get-PostmortemMetric -From Detected -To MitigationApplied)
            $m.Count | Should -Be 1
            $m[0].Name | Should -Be 'DetectedToMitigationApplied'
            $m[0].Value | Should -Be (Get-Minutes 15)
            "$($m[0].From) -> $($m[0].To)" | Should -Be 'Detected -> MitigationApplied'
            $m[0].UsedFallback | Should -BeFalse
        }

        It 'takes the first milestone present when several are given, and says a fallback was used' {
            # E has no MitigationApplied: Detected 10:08 -> ServiceRestored 10:30 = 22 minutes
            $m = $script:corpus.E | Get-PostmortemMetric -From Detected -To MitigationApplied, ServiceRestored
            $m.Value | Should -Be (Get-Minutes 22)
            $m.To | Should -Be ([Postmortems.Milestone]::ServiceRestored)
            $m.UsedFallback | Should -BeTrue
            $m.Reason | Should -Be 'Used ServiceRestored for the missing MitigationApplied.'
        }

        It 'gives no value and a reason when your milestone is missing' {
            $m = $script:corpus.E | Get-PostmortemMetric -From Detected -To MitigationApplied
            $m.Value | Should -BeNullOrEmpty
            $m.Reason | Should -Be 'The timeline has no MitigationApplied milestone.'
        }

        It 'refuses -<Given> without -<Missing>, saying to give both' -ForEach @(
            @{ Given = 'From'; Missing = 'To' }
            @{ Given = 'To'; Missing = 'From' }
        ) {
            $params = @{ $Given = 'Detected' }
            $err = { $script:a | Get-PostmortemMetric @params } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
            $err.Exception.Message | Should -BeLike '*-From and -To together*'
        }

        It 'refuses None at -<Side>, which marks no event, instead of timing from a plain event' -ForEach @(
            @{ Side = 'From'; Params = @{ From = 'None'; To = 'Detected' } }
            @{ Side = 'To'; Params = @{ From = 'Detected'; To = 'None' } }
        ) {
            $err = { $script:a | Get-PostmortemMetric @Params } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -BeLike 'None marks no event*-From Detected -To MitigationApplied*'
        }

        It 'refuses a milestone that does not exist' {
            { $script:a | Get-PostmortemMetric -From Detected -To Fixed } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        }
    }

    Context '-Name' {
        It 'gives only the clocks named, in any case, in the standard order' {
            $m = @($script:a | Get-PostmortemMetric -Name timetoresolve, TimeToDetect)
            @($m.Name) | Should -Be @('TimeToDetect', 'TimeToResolve')
            @($m.Value) | Should -Be @((Get-Minutes 5), (Get-Minutes 60))
        }

        It 'refuses a clock it does not know' {
            { $script:a | Get-PostmortemMetric -Name MTTR } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        }

        It 'tab-completes the four clock names' {
            $line = 'Get-PostmortemMetric -Name '
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            @($completions.CompletionText | Sort-Object) | Should -Be @('TimeToDetect', 'TimeToMitigate', 'TimeToResolve', 'TimeToRestore')
        }

        It 'tab-completes a partial name' {
            $line = 'Get-PostmortemMetric -Name TimeToRe'
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object) |
                Should -Be @('TimeToResolve', 'TimeToRestore')
        }

        It 'says in each tooltip which milestones the clock runs between, fallbacks included' {
            $line = 'Get-PostmortemMetric -Name '
            $tips = @{}
            foreach ($c in (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches) { $tips[$c.CompletionText] = $c.ToolTip }
            $tips['TimeToDetect'] | Should -Be 'TimeToDetect: from FirstSymptom to Detected'
            $tips['TimeToMitigate'] | Should -Be 'TimeToMitigate: from FirstSymptom to MitigationApplied (else ServiceRestored)'
            $tips['TimeToRestore'] | Should -Be 'TimeToRestore: from FirstSymptom to ServiceRestored (else Resolved)'
            $tips['TimeToResolve'] | Should -Be 'TimeToResolve: from Detected (else FirstSymptom) to Resolved (else ServiceRestored)'
        }
    }

    Context 'files' {
        BeforeAll {
            $script:folder = Export-Corpus $script:corpus (Join-Path $TestDrive 'metric-files')
        }

        It 'reads the files given with -Path, wildcards allowed' {
            # drafts/ holds A, C, E and G; their TimeToResolve: 60, 90, 52 and none.
            $m = @(Get-PostmortemMetric -Path (Join-Path $script:folder 'drafts/*.yaml') -Name TimeToResolve | Sort-Object PostmortemTitle)
            @($m.PostmortemTitle) | Should -Be @('Cache stampede', 'Checkout outage', 'Disk full', 'Payment timeouts')
            @($m.Value) | Should -Be @((Get-Minutes 52), (Get-Minutes 60), $null, (Get-Minutes 90))
        }

        It 'reads the files piped from Get-ChildItem, and gives the same clocks as the postmortems in memory' {
            $fromFiles = @(Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Get-PostmortemMetric)
            $fromFiles.Count | Should -Be 32
            foreach ($key in $script:corpus.Keys) {
                $expected = @($script:corpus[$key] | Get-PostmortemMetric)
                $actual = @($fromFiles | Where-Object PostmortemId -EQ $script:corpus[$key].Id)
                @($actual.Value) | Should -Be @($expected.Value) -Because "$key ($($script:corpus[$key].Title)) should measure the same from its file"
                @($actual.Reason) | Should -Be @($expected.Reason)
            }
        }

        It 'reports a missing file as an error and still reads the others' {
            $paths = (Join-Path $script:folder 'drafts/A.yaml'), (Join-Path $script:folder 'drafts/nope.yaml')
            $m = @(Get-PostmortemMetric -Path $paths -Name TimeToDetect -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($m.PostmortemTitle) | Should -Be @('Checkout outage')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileNotFound,*'
        }

        It 'reads a file path piped as text, or refuses it, but never measures an empty postmortem titled with the path' {
            $path = Join-Path $script:folder 'drafts/A.yaml'
            $m = @($path | Get-PostmortemMetric -Name TimeToDetect -ErrorAction SilentlyContinue)
            @($m.PostmortemTitle) | Should -Not -Contain $path
        }
    }

    Context 'format' {
        It 'shows as a table with the columns Metric, Value, From, To and Note, the value as HH:MM' {
            $rows = ConvertFrom-FormattedTable ($script:corpus.E | Get-PostmortemMetric | Out-String -Width 200) 'Metric', 'Value', 'From', 'To', 'Note'
            $rows.Count | Should -Be 4
            $rows[0]['Metric'] | Should -Be 'TimeToDetect'
            $rows[0]['Value'] | Should -Be '00:08'
            $rows[0]['From'] | Should -Be 'FirstSymptom'
            $rows[0]['To'] | Should -Be 'Detected'
            $rows[1]['Value'] | Should -Be '00:30'
            $rows[1]['To'] | Should -Be 'ServiceRestored'
            $rows[1]['Note'] | Should -Be 'Used ServiceRestored for the missing MitigationApplied.'
        }

        It 'groups the table by postmortem title' {
            $text = $script:corpus.A, $script:corpus.B | Get-PostmortemMetric | Out-String -Width 200
            $text | Should -Match 'PostmortemTitle: Checkout outage'
            $text | Should -Match 'PostmortemTitle: Login failures'
        }

        It 'shows a clock without a value with an empty Value and the reason in Note' {
            $rows = ConvertFrom-FormattedTable ($script:corpus.G | Get-PostmortemMetric | Out-String -Width 200) 'Metric', 'Value', 'From', 'To', 'Note'
            $rows[2]['Metric'] | Should -Be 'TimeToRestore'
            $rows[2]['Value'] | Should -Be ''
            $rows[2]['Note'] | Should -Be 'The timeline has no ServiceRestored or Resolved milestone.'
        }

        It 'shows durations over a day as hours' {
            $pm = New-Postmortem 'Long' -Date 2026-11-20 |
                Add-TimelineEvent '10:00' 'start' -Milestone FirstSymptom |
                Add-TimelineEvent '2026-11-22T12:30Z' 'found' -Milestone Detected
            $rows = ConvertFrom-FormattedTable ($pm | Get-PostmortemMetric -Name TimeToDetect | Out-String -Width 200) 'Metric', 'Value', 'From', 'To', 'Note'
            $rows[0]['Value'] | Should -Be '50:30'
        }
    }
}

Describe 'Measure-Postmortem' {
    BeforeAll {
        $script:corpus = New-Corpus
        $script:folder = Export-Corpus $script:corpus (Join-Path $TestDrive 'postmortems')
        $script:measure = Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem | Measure-Postmortem -AsOf 2026-12-01
        function Get-Row([object[]] $Rows, [string] $Property, [string] $Value) { $Rows | Where-Object $Property -EQ $Value }
    }

    Context 'a folder of postmortems' {
        It 'counts every postmortem in the folder and its subfolders, and nothing else' {
            # 4 YAML drafts + 4 Markdown files; notes.txt and index.json are left out by -Include.
            $script:measure.Count | Should -Be 8
            $script:measure.AsOf | Should -Be ([datetime]'2026-12-01')
        }

        It 'counts the postmortems by severity, one without a severity as (not set)' {
            @($script:measure.Severity | ForEach-Object { "$($_.Severity)=$($_.Count)" }) | Should -Be @('(not set)=1', 'P1=3', 'P2=4')
        }

        It 'counts the postmortems by status' {
            # G is Ongoing, H has no status, the other six are Resolved.
            @($script:measure.Status | ForEach-Object { "$($_.Status)=$($_.Count)" }) | Should -Be @('(not set)=1', 'Ongoing=1', 'Resolved=6')
        }

        It 'gives the median and 90th percentile of each clock for P1, an odd count' {
            $p1 = Get-Row $script:measure.Severity Severity P1
            # n = 3: the median is the 2nd smallest; the 90th percentile is the ⌈0.9·3⌉ = ⌈2.7⌉ = 3rd smallest.
            # Detect   A 5,  B 12, C 40          -> sorted 5, 12, 40     -> median 12, p90 40
            $p1.MedianTimeToDetect | Should -Be (Get-Minutes 12)
            $p1.P90TimeToDetect | Should -Be (Get-Minutes 40)
            # Mitigate A 20, B 30, C 70          -> median 30, p90 70
            $p1.MedianTimeToMitigate | Should -Be (Get-Minutes 30)
            $p1.P90TimeToMitigate | Should -Be (Get-Minutes 70)
            # Restore  A 45, B 50, C 100         -> median 50, p90 100
            $p1.MedianTimeToRestore | Should -Be (Get-Minutes 50)
            $p1.P90TimeToRestore | Should -Be (Get-Minutes 100)
            # Resolve  A 60, B 120, C 90         -> sorted 60, 90, 120   -> median 90, p90 120
            $p1.MedianTimeToResolve | Should -Be (Get-Minutes 90)
            $p1.P90TimeToResolve | Should -Be (Get-Minutes 120)
        }

        It 'gives the median and 90th percentile of each clock for P2, leaving out the clocks that have no value' {
            $p2 = Get-Row $script:measure.Severity Severity P2
            # Detect   D 2, E 8, F 4, G 6        -> sorted 2, 4, 6, 8    -> n = 4, even: median (4 + 6) / 2 = 5;
            #                                                               p90 is the ⌈0.9·4⌉ = ⌈3.6⌉ = 4th: 8
            $p2.MedianTimeToDetect | Should -Be (Get-Minutes 5)
            $p2.P90TimeToDetect | Should -Be (Get-Minutes 8)
            # Mitigate D 10, E 30 (ServiceRestored stands in), F 25, G 16
            #                                    -> sorted 10, 16, 25, 30 -> median (16 + 25) / 2 = 20.5 = 20 min 30 s; p90 30
            $p2.MedianTimeToMitigate | Should -Be (Get-Minutes 20.5)
            $p2.P90TimeToMitigate | Should -Be (Get-Minutes 30)
            # Restore  D 15, E 30, F 35, G none  -> n = 3: median 30, p90 ⌈2.7⌉ = 3rd: 35
            $p2.MedianTimeToRestore | Should -Be (Get-Minutes 30)
            $p2.P90TimeToRestore | Should -Be (Get-Minutes 35)
            # Resolve  D 38, E 52, F 31 (ServiceRestored stands in), G none
            #                                    -> sorted 31, 38, 52    -> median 38, p90 52
            $p2.MedianTimeToResolve | Should -Be (Get-Minutes 38)
            $p2.P90TimeToResolve | Should -Be (Get-Minutes 52)
        }

        It 'leaves a statistic empty when no postmortem of that severity has the clock' {
            $none = Get-Row $script:measure.Severity Severity '(not set)'
            # H alone: detect 1, no mitigate, restore 30 (Resolved stands in), resolve 29.
            $none.MedianTimeToDetect | Should -Be (Get-Minutes 1)
            $none.MedianTimeToMitigate | Should -BeNullOrEmpty
            $none.P90TimeToMitigate | Should -BeNullOrEmpty
            $none.MedianTimeToRestore | Should -Be (Get-Minutes 30)
            $none.P90TimeToResolve | Should -Be (Get-Minutes 29)
        }

        It 'counts the same folder whether the files are piped to it directly or given with -Path' {
            $direct = Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Measure-Postmortem -AsOf 2026-12-01
            $byPath = Measure-Postmortem -Path (Join-Path $script:folder 'drafts/*.yaml'), (Join-Path $script:folder 'published/*/*.md') -AsOf 2026-12-01
            foreach ($m in $direct, $byPath) {
                $m.Count | Should -Be 8
                ($m.Severity | ConvertTo-Json -Compress) | Should -Be ($script:measure.Severity | ConvertTo-Json -Compress)
                ($m.ActionItems | ConvertTo-Json -Compress) | Should -Be ($script:measure.ActionItems | ConvertTo-Json -Compress)
            }
        }
    }

    Context 'a postmortem found twice in a folder: its .yaml and its .md' {
        It 'counts it once, from the file written last (<Newer>), and warns naming both files' -ForEach @(
            @{ Newer = 'cache.md'; Older = 'cache.yaml'; Severity = 'P2' }
            @{ Newer = 'cache.yaml'; Older = 'cache.md'; Severity = 'P1' }
        ) {
            $folder = New-TwiceFolder "twice-measure-$Newer" $Newer
            $m = Measure-Postmortem -Path (Join-Path $folder '*') -AsOf 2026-12-01 -WarningVariable warnings -WarningAction SilentlyContinue
            $m.Count | Should -Be 2
            @($m.Severity.Severity) | Should -Be @($Severity, 'P3')
            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike "*'Cache outage' (*) came 2 times*$Older*counted once, as '$(Join-Path $folder $Newer)', the file written last."
            "$($warnings[0])" | Should -BeLike "*'$(Join-Path $folder $Newer)' (last written 2026-11-22 09:00:00 UTC)*"
        }

        It 'counts it once when the files are piped from Get-ChildItem or Import-Postmortem too' {
            $folder = New-TwiceFolder 'twice-measure-piped' 'cache.md'
            (Get-ChildItem $folder | Measure-Postmortem -AsOf 2026-12-01 -WarningAction SilentlyContinue).Count | Should -Be 2
            (Import-Postmortem -Path (Join-Path $folder '*') | Measure-Postmortem -AsOf 2026-12-01 -WarningAction SilentlyContinue).Count | Should -Be 2
        }
    }

    Context 'the 90th percentile with more than nine values' {
        It 'is the nearest-rank value, the 9th smallest of ten, neither the largest nor interpolated' {
            # Ten P3 incidents detected 1 to 10 minutes after the first symptom.
            $ten = foreach ($minutes in 7, 3, 10, 1, 9, 5, 2, 8, 6, 4) {
                New-Incident "Blip $minutes" 2026-11-20 P3 Resolved ([ordered]@{ FirstSymptom = '10:00'; Detected = ('10:{0:00}' -f $minutes) })
            }
            $p3 = ($ten | Measure-Postmortem -AsOf 2026-12-01).Severity | Where-Object Severity -EQ P3
            $p3.Count | Should -Be 10
            # sorted 1..10: median (5 + 6) / 2 = 5.5 minutes; p90 the ⌈0.9·10⌉ = 9th smallest = 9 minutes
            $p3.MedianTimeToDetect | Should -Be (Get-Minutes 5.5)
            $p3.P90TimeToDetect | Should -Be (Get-Minutes 9)
        }
    }

    Context 'contributing factors' {
        It 'lists the most frequent factors first, counted once per postmortem whatever their case, spacing or end punctuation' {
            # no alerting on disk usage: A, B ('no  alerting on DISK usage'), C (twice: '...usage!' and '...usage'), G = 4
            # runbook out of date:       A, D ('...date.'), E ('RUNBOOK OUT OF DATE')                                   = 3
            # config drift:              C, F                                                                            = 2
            # single point of failure:   B, E ('...failure;')                                                            = 2
            # expired certificate:       H                                                                               = 1
            # Ties are listed alphabetically: Config drift before Single point of failure.
            $factors = @($script:measure.ContributingFactors)
            @($factors | ForEach-Object Count) | Should -Be @(4, 3, 2, 2, 1)
            $factors[0].Factor | Should -BeIn @('No alerting on disk usage.', 'no  alerting on DISK usage', 'No alerting on disk usage!', 'no alerting on disk usage', 'No alerting on disk usage')
            $factors[1].Factor | Should -BeIn @('Runbook out of date', 'Runbook out of date.', 'RUNBOOK OUT OF DATE')
            $factors[2].Factor | Should -Be 'Config drift'
            $factors[3].Factor | Should -BeIn @('Single point of failure', 'Single point of failure;')
            $factors[4].Factor | Should -Be 'Expired certificate'
        }

        It 'names the postmortems that list each factor' {
            $factors = @($script:measure.ContributingFactors)
            @($factors[0].Postmortems -split '; ' | Sort-Object) | Should -Be @('Checkout outage', 'Disk full', 'Login failures', 'Payment timeouts')
            @($factors[1].Postmortems -split '; ' | Sort-Object) | Should -Be @('Cache stampede', 'Checkout outage', 'Search slow')
        }

        It 'lists only the -Top most frequent' {
            $top = @((Import-Postmortem (Join-Path $script:folder 'drafts/*.yaml'), (Join-Path $script:folder 'published/*/*.md') |
                        Measure-Postmortem -Top 2 -AsOf 2026-12-01).ContributingFactors)
            $top.Count | Should -Be 2
            @($top | ForEach-Object Count) | Should -Be @(4, 3)
        }

        It 'takes a space before the end punctuation as the same factor' {
            $a = New-Postmortem 'A' | Add-ContributingFactor 'Runbook out of date !'
            $b = New-Postmortem 'B' | Add-ContributingFactor 'Runbook out of date'
            $factors = @(($a, $b | Measure-Postmortem -AsOf 2026-12-01).ContributingFactors)
            $factors.Count | Should -Be 1
            $factors[0].Count | Should -Be 2
        }

        It 'names each postmortem behind a count, even two with the same title' {
            # A recurring incident keeps its title; two "Disk full" postmortems both name the factor.
            $first = New-Postmortem 'Disk full' -Date 2026-10-01 | Add-ContributingFactor 'No log rotation'
            $second = New-Postmortem 'Disk full' -Date 2026-11-01 | Add-ContributingFactor 'No log rotation'
            $factor = ($first, $second | Measure-Postmortem -AsOf 2026-12-01).ContributingFactors[0]
            $factor.Count | Should -Be 2
            @($factor.Postmortems -split '; ').Count | Should -Be $factor.Count
        }
    }

    Context 'action items' {
        It 'counts the action items by priority: total, open, done and overdue as of -AsOf' {
            # As of 2026-12-01 (an item due that day is not yet overdue):
            #   (not set) G 'Clean up old snapshots' open, due 11-25 (overdue)              -> 1 total, 1 open, 0 done, 1 overdue
            #   P1        A 'Add disk usage alert' open, due 11-20 (overdue)
            #             B 'Remove the single auth database' open, due 12-15
            #             H 'Automate certificate renewal' open, due 11-16 (overdue)         -> 3 total, 3 open, 0 done, 2 overdue
            #   P2        A 'Update checkout runbook' done; E 'Add request coalescing' done
            #             C 'Alert on payment latency' open, due 11-30 (overdue)             -> 3 total, 1 open, 2 done, 1 overdue
            #   P3        C 'Reconcile config with Git' open, no due date
            #             D 'Review search runbook' open, due 12-01 (due that day)           -> 2 total, 2 open, 0 done, 0 overdue
            @($script:measure.ActionItems | ForEach-Object { '{0}: {1} total, {2} open, {3} done, {4} overdue' -f $_.Priority, $_.Total, $_.Open, $_.Done, $_.Overdue }) | Should -Be @(
                '(not set): 1 total, 1 open, 0 done, 1 overdue'
                'P1: 3 total, 3 open, 0 done, 2 overdue'
                'P2: 3 total, 1 open, 2 done, 1 overdue'
                'P3: 2 total, 2 open, 0 done, 0 overdue'
            )
        }

        It 'gives the median and oldest age of the open items, in days since the incident' {
            # Days from each incident to 2026-12-01: A 11-02 = 29, B 11-05 = 26, C 11-10 = 21, D 11-03 = 28, G 11-20 = 11, H 11-15 = 16
            #   (not set) open: G 11                -> median 11,  oldest 11
            #   P1        open: A 29, B 26, H 16    -> sorted 16, 26, 29: median 26, oldest 29
            #   P2        open: C 21 (the done ones do not count) -> median 21, oldest 21
            #   P3        open: C 21, D 28          -> median (21 + 28) / 2 = 24.5, oldest 28
            @($script:measure.ActionItems | ForEach-Object { '{0}: median {1}, oldest {2}' -f $_.Priority, $_.MedianOpenAgeDays, $_.OldestOpenAgeDays }) | Should -Be @(
                '(not set): median 11, oldest 11'
                'P1: median 26, oldest 29'
                'P2: median 21, oldest 21'
                'P3: median 24.5, oldest 28'
            )
        }

        It 'counts overdue against another day with -AsOf' {
            # As of 2026-11-30, 'Alert on payment latency' (due 11-30) is not overdue yet; the P1 items still are.
            $m = Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem | Measure-Postmortem -AsOf 2026-11-30
            $m.AsOf | Should -Be ([datetime]'2026-11-30')
            (Get-Row $m.ActionItems Priority P1).Overdue | Should -Be 2
            (Get-Row $m.ActionItems Priority P2).Overdue | Should -Be 0
            # Every age is one day less: P1 16, 25, 28 -> median 25, oldest 28
            (Get-Row $m.ActionItems Priority P1).MedianOpenAgeDays | Should -Be 25
            (Get-Row $m.ActionItems Priority P1).OldestOpenAgeDays | Should -Be 28
        }

        It 'gives no negative age with an -AsOf before an incident: that one is left out of the ages, with a warning' {
            # As of 2026-11-12, H (11-15) and G (11-20) had not happened: P1 ages A 10, B 7 (not H), (not set) has none.
            $m = Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem |
                Measure-Postmortem -AsOf 2026-11-12 -WarningVariable warned -WarningAction SilentlyContinue
            @($m.ActionItems | Where-Object { ($null -ne $_.OldestOpenAgeDays -and $_.OldestOpenAgeDays -lt 0) -or ($null -ne $_.MedianOpenAgeDays -and $_.MedianOpenAgeDays -lt 0) }) | Should -BeNullOrEmpty
            (Get-Row $m.ActionItems Priority P1).OldestOpenAgeDays | Should -Be 10
            (Get-Row $m.ActionItems Priority P1).MedianOpenAgeDays | Should -Be 8.5
            (Get-Row $m.ActionItems Priority '(not set)').OldestOpenAgeDays | Should -BeNullOrEmpty
            $later = @($warned | Where-Object { "$_" -like '*dated after -AsOf*' })
            $later | Should -HaveCount 1
            "$($later[0])" | Should -BeLike '2 of the postmortems are dated after -AsOf 2026-11-12:*left out of Open age and Oldest. Give -AsOf 2026-11-20 or later*'
        }

        It 'says nothing of dates with an -AsOf after every incident' {
            $null = Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem |
                Measure-Postmortem -AsOf 2026-12-01 -WarningVariable warned -WarningAction SilentlyContinue
            @($warned | Where-Object { "$_" -like '*dated after -AsOf*' }) | Should -BeNullOrEmpty
        }

        It 'counts against today (UTC) without -AsOf' {
            $today = [datetime]::UtcNow.Date
            $pm = New-Postmortem 'Recent' -Date $today.AddDays(-10) |
                Add-ActionItem 'Late' -DueDate $today.AddDays(-3) -Priority P1 |
                Add-ActionItem 'Due today' -DueDate $today -Priority P1
            $m = $pm | Measure-Postmortem
            $m.AsOf | Should -Be $today
            $p1 = Get-Row $m.ActionItems Priority P1
            $p1.Overdue | Should -Be 1
            $p1.OldestOpenAgeDays | Should -Be 10
        }
    }

    Context 'the report' {
        BeforeAll {
            $script:report = $script:measure | Out-String -Width 200
        }

        It 'opens with how many postmortems were measured and the day the action items were counted against' {
            $script:report.Trim() | Should -BeLike '8 postmortems; action items as of 2026-12-01*'
        }

        It 'shows its four parts in order: by severity, by status, contributing factors, action items' {
            $headings = 'By severity (median and 90th percentile, HH:MM):', 'By status:', 'Most frequent contributing factors:', 'Action items by priority:'
            $positions = @($headings | ForEach-Object { $script:report.IndexOf($_) })
            $positions | Should -Not -Contain -1
            @($positions | Sort-Object) | Should -Be $positions
        }

        It 'shows the severity table with each clock''s median and 90th percentile as HH:MM' {
            $start = $script:report.IndexOf('By severity')
            $lines = @($script:report.Substring($start, $script:report.IndexOf('By status:') - $start) -split "`r?`n")
            $lines | Where-Object { $_ -match '^Severity\s' } |
                Should -Match '^Severity +Count +Detect p50 +p90 +Mitigate p50 +p90 +Restore p50 +p90 +Resolve p50 +p90 *$'
            # Every column of P1 and P2 has a value, so the rows read left to right; the durations are rounded to the
            # nearest minute (P2's median time to mitigate, 20 min 30 s, shows as 00:21).
            ($lines | Where-Object { $_ -match '^P1\s' }) -split '\s+' | Should -Be @('P1', '3', '00:12', '00:40', '00:30', '01:10', '00:50', '01:40', '01:30', '02:00')
            ($lines | Where-Object { $_ -match '^P2\s' }) -split '\s+' | Should -Be @('P2', '4', '00:05', '00:08', '00:21', '00:30', '00:30', '00:35', '00:38', '00:52')
        }

        It 'shows the status, factor and action item tables' {
            $status = ConvertFrom-FormattedTable $script:report 'Status', 'Count'
            ($status | Where-Object { $_['Status'] -eq 'Resolved' })['Count'] | Should -Be '6'
            $factors = ConvertFrom-FormattedTable $script:report 'Count', 'Contributing factor'
            $factors[0]['Count'] | Should -Be '4'
            $factors[2]['Contributing factor'] | Should -Be 'Config drift'
            $items = ConvertFrom-FormattedTable $script:report 'Priority', 'Total', 'Open', 'Done', 'Overdue', 'Open age p50 (d)', 'Oldest (d)'
            $p3 = $items | Where-Object { $_['Priority'] -eq 'P3' }
            "$($p3['Total']) $($p3['Open']) $($p3['Overdue']) $($p3['Open age p50 (d)']) $($p3['Oldest (d)'])" | Should -Be '2 2 0 24.5 28'
        }
    }

    Context 'plain rows for Export-Csv and ConvertTo-Json' {
        It 'writes the severity rows to CSV with a column for each statistic' {
            $csv = @($script:measure.Severity | ConvertTo-Csv)
            $columns = ($csv[0] -replace '"', '') -split ','
            $columns | Should -Be @('Severity', 'Count', 'MedianTimeToDetect', 'P90TimeToDetect', 'MedianTimeToMitigate', 'P90TimeToMitigate',
                'MedianTimeToRestore', 'P90TimeToRestore', 'MedianTimeToResolve', 'P90TimeToResolve')
            $p2 = $csv | ConvertFrom-Csv | Where-Object Severity -EQ P2
            $p2.Count | Should -Be '4'
            [timespan]$p2.MedianTimeToMitigate | Should -Be (Get-Minutes 20.5)
            [timespan]$p2.P90TimeToResolve | Should -Be (Get-Minutes 52)
        }

        It 'writes the status and action item rows to a CSV file' {
            $path = Join-Path $TestDrive 'actions.csv'
            $script:measure.ActionItems | Export-Csv -Path $path
            $rows = @(Import-Csv $path)
            $rows.Count | Should -Be 4
            $rows[1].Priority | Should -Be 'P1'
            $rows[1].Overdue | Should -Be '2'
            $rows[1].OldestOpenAgeDays | Should -Be '29'
            @(($script:measure.Status | ConvertTo-Csv | ConvertFrom-Csv).Status) | Should -Be @('(not set)', 'Ongoing', 'Resolved')
        }

        It 'writes the contributing factors to CSV with the postmortems that name them, not a type name' {
            $rows = @($script:measure.ContributingFactors | ConvertTo-Csv | ConvertFrom-Csv)
            $rows[2].Count | Should -Be '2'
            $rows[2].Postmortems | Should -Not -BeLike 'System.*'
            $rows[2].Postmortems | Should -Match 'Payment timeouts'
            $rows[2].Postmortems | Should -Match 'Queue backlog'
        }

        It 'converts the whole measure to JSON and back with its counts and parts' {
            $back = $script:measure | ConvertTo-Json -Depth 5 | ConvertFrom-Json
            $back.Count | Should -Be 8
            @($back.Severity.Severity) | Should -Be @('(not set)', 'P1', 'P2')
            ($back.Severity | Where-Object Severity -EQ P1).P90TimeToResolve.TotalMinutes | Should -Be 120
            ($back.ActionItems | Where-Object Priority -EQ P3).MedianOpenAgeDays | Should -Be 24.5
            $back.ContributingFactors[2].Factor | Should -Be 'Config drift'
            @($back.ContributingFactors[2].Postmortems -split '; ' | Sort-Object) | Should -Be @('Payment timeouts', 'Queue backlog')
        }
    }
}

Describe 'Get-ActionItem' {
    BeforeAll {
        $script:corpus = New-Corpus
        $script:folder = Export-Corpus $script:corpus (Join-Path $TestDrive 'postmortems')
        $script:all = @(Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem | Get-ActionItem -AsOf 2026-12-01)
        function Get-Actions { @(Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem | Get-ActionItem -AsOf 2026-12-01 @args | ForEach-Object Action | Sort-Object) }
    }

    Context 'across postmortems' {
        It 'lists every action item of every postmortem' {
            $script:all.Count | Should -Be 9
            @($script:all.Action | Sort-Object) | Should -Be @(
                'Add disk usage alert', 'Add request coalescing', 'Alert on payment latency', 'Automate certificate renewal',
                'Clean up old snapshots', 'Reconcile config with Git', 'Remove the single auth database', 'Review search runbook',
                'Update checkout runbook')
        }

        It 'says which postmortem each item belongs to: title, id, date and the file it was read from' {
            $item = $script:all | Where-Object Action -EQ 'Alert on payment latency'
            $item.PostmortemTitle | Should -Be 'Payment timeouts'
            $item.PostmortemId | Should -Be $script:corpus.C.Id
            $item.PostmortemDate | Should -Be ([datetime]'2026-11-10')
            $item.PostmortemPath | Should -Be (Join-Path $script:folder 'drafts/C.yaml')
            $md = $script:all | Where-Object Action -EQ 'Automate certificate renewal'
            $md.PostmortemPath | Should -Be (Join-Path $script:folder 'published/2026/H.md')
            $md.PostmortemId | Should -Be $script:corpus.H.Id
        }

        It 'has no path for a postmortem that was never read from a file' {
            # A fresh corpus: the one above was exported, and its first file became each postmortem's own.
            $item = (New-Corpus).A | Get-ActionItem -AsOf 2026-12-01 | Select-Object -First 1
            $item.PostmortemTitle | Should -Be 'Checkout outage'
            $item.PostmortemPath | Should -BeNullOrEmpty
        }

        It 'carries the item''s own fields: owner, due date, priority, status, tracking' {
            $pm = New-Postmortem 'T' | Add-ActionItem 'Add alert' -Owner platform -DueDate 2026-12-15 -Priority P2 -Tracking 'OPS-123'
            $item = $pm | Get-ActionItem -AsOf 2026-12-01
            $item.Action | Should -Be 'Add alert'
            $item.Owner | Should -Be 'platform'
            $item.DueDate | Should -Be ([datetime]'2026-12-15')
            $item.Priority | Should -Be ([Postmortems.ActionPriority]::P2)
            $item.Status | Should -Be ([Postmortems.ActionItemStatus]::Open)
            $item.Tracking | Should -Be 'OPS-123'
            $item.Overdue | Should -BeFalse
            $item.DaysOverdue | Should -Be 0
        }

        It 'reads the files given with -Path, wildcards allowed, and files piped from Get-ChildItem' {
            $byPath = @(Get-ActionItem -Path (Join-Path $script:folder 'published/*/*.md') -AsOf 2026-12-01)
            # B, D, F, H: one item each but F, which has none.
            @($byPath.PostmortemTitle | Sort-Object) | Should -Be @('Certificate expiry', 'Login failures', 'Search slow')
            $piped = @(Get-ChildItem $script:folder -Recurse -Include *.yaml | Get-ActionItem -AsOf 2026-12-01)
            # A 2, C 2, E 1, G 1
            $piped.Count | Should -Be 6
            @($piped.PostmortemPath | Select-Object -Unique | Split-Path -Leaf | Sort-Object) | Should -Be @('A.yaml', 'C.yaml', 'E.yaml', 'G.yaml')
        }
    }

    Context 'a postmortem found twice in a folder: its .yaml and its .md' {
        It 'lists its action items once, from the file written last (<Newer>), and warns naming both files' -ForEach @(
            @{ Newer = 'cache.md'; Older = 'cache.yaml'; Actions = @('Add cache alert', 'Warm the cache on deploy') }
            @{ Newer = 'cache.yaml'; Older = 'cache.md'; Actions = @('Add cache alert') }
        ) {
            $folder = New-TwiceFolder "twice-items-$Newer" $Newer
            $items = @(Get-ActionItem -Path (Join-Path $folder '*') -AsOf 2026-12-01 -WarningVariable warnings -WarningAction SilentlyContinue)
            @($items.Action) | Should -Be $Actions
            @($items.PostmortemPath | Select-Object -Unique) | Should -Be @(Join-Path $folder $Newer)
            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike "*'Cache outage'*$Older*counted once, as '$(Join-Path $folder $Newer)', the file written last."
        }
    }

    Context 'filters' {
        It 'takes -Owner with wildcards, ignoring case' {
            # platform (A), platform-auth (B), Platform (C), platform (E)
            Get-Actions -Owner 'platform*' | Should -Be @('Add disk usage alert', 'Add request coalescing', 'Alert on payment latency', 'Remove the single auth database')
        }

        It 'takes -Owner without wildcards as the whole name, ignoring case' {
            Get-Actions -Owner 'PLATFORM' | Should -Be @('Add disk usage alert', 'Add request coalescing', 'Alert on payment latency')
        }

        It 'takes several owners' {
            Get-Actions -Owner 'sre-*', 'dba' | Should -Be @('Reconcile config with Git', 'Review search runbook', 'Update checkout runbook')
        }

        It 'takes -Status' {
            Get-Actions -Status Done | Should -Be @('Add request coalescing', 'Update checkout runbook')
            (Get-Actions -Status Open).Count | Should -Be 7
        }

        It 'takes -Priority' {
            Get-Actions -Priority P1 | Should -Be @('Add disk usage alert', 'Automate certificate renewal', 'Remove the single auth database')
        }

        It 'lists with -Overdue the open items past their due date as of -AsOf, with how many days late' {
            # As of 2026-12-01: due 11-20 -> 11 days, 11-30 -> 1, 11-25 -> 6, 11-16 -> 15. Due 12-01 is not late;
            # 'Update checkout runbook' (due 11-10) and 'Add request coalescing' (due 11-15) are done.
            $late = @(Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem |
                    Get-ActionItem -Overdue -AsOf 2026-12-01 | Sort-Object Action)
            @($late | ForEach-Object { "$($_.Action): $($_.DaysOverdue)" }) | Should -Be @(
                'Add disk usage alert: 11', 'Alert on payment latency: 1', 'Automate certificate renewal: 15', 'Clean up old snapshots: 6')
            @($late.Overdue | Select-Object -Unique) | Should -Be @($true)
        }

        It 'does not count an item due on the -AsOf day as overdue' {
            $late = @(Get-ChildItem $script:folder -Recurse -Include *.yaml, *.md | Import-Postmortem | Get-ActionItem -Overdue -AsOf 2026-11-30)
            @($late.Action) | Should -Not -Contain 'Alert on payment latency'
            ($late | Where-Object Action -EQ 'Add disk usage alert').DaysOverdue | Should -Be 10
        }

        It 'gives 0 days overdue to open items not yet due, items without a due date, and done items' {
            $byAction = @{}
            foreach ($i in $script:all) { $byAction[$i.Action] = $i }
            foreach ($action in 'Remove the single auth database', 'Reconcile config with Git', 'Review search runbook', 'Update checkout runbook') {
                $byAction[$action].Overdue | Should -BeFalse -Because "'$action' is not late"
                $byAction[$action].DaysOverdue | Should -Be 0
            }
        }

        It 'counts overdue against today (UTC) without -AsOf' {
            $today = [datetime]::UtcNow.Date
            $pm = New-Postmortem 'Recent' -Date $today.AddDays(-10) |
                Add-ActionItem 'Late' -DueDate $today.AddDays(-3) |
                Add-ActionItem 'Due today' -DueDate $today
            $late = @($pm | Get-ActionItem -Overdue)
            @($late.Action) | Should -Be @('Late')
            $late[0].DaysOverdue | Should -Be 3
        }

        It 'combines the filters' {
            Get-Actions -Owner 'platform*' -Overdue | Should -Be @('Add disk usage alert', 'Alert on payment latency')
            Get-Actions -Priority P1 -Overdue | Should -Be @('Add disk usage alert', 'Automate certificate renewal')
            Get-Actions -Status Done -Overdue | Should -BeNullOrEmpty
        }
    }

    Context 'the item itself' {
        It 'hands back the postmortem''s own action item in Item, so marking it Done changes the postmortem and saves with it' {
            $path = Join-Path $TestDrive 'follow-up.yaml'
            $null = $script:corpus.A | Export-Postmortem $path
            $pm = Import-Postmortem $path
            $item = $pm | Get-ActionItem -Owner platform
            [object]::ReferenceEquals($item.Item, $pm.ActionItems[0]) | Should -BeTrue
            $item.Item.Status = 'Done'
            $pm.ActionItems[0].Status | Should -Be ([Postmortems.ActionItemStatus]::Done)
            $pm | Export-Postmortem $item.PostmortemPath -Force
            (Import-Postmortem $path | Get-ActionItem -Owner platform).Status | Should -Be ([Postmortems.ActionItemStatus]::Done)
            @(Import-Postmortem $path | Get-ActionItem -Overdue -AsOf 2026-12-01) | Should -BeNullOrEmpty
        }
    }

    Context 'format' {
        It 'shows as a table with Due Date as yyyy-MM-dd, the days late only for late items, and the postmortem' {
            $text = $script:all | Sort-Object Action | Out-String -Width 200
            $rows = ConvertFrom-FormattedTable $text 'Due Date', 'Pri', 'Status', 'Late (d)', 'Owner', 'Action', 'Postmortem'
            $rows.Count | Should -Be 9
            $late = $rows | Where-Object { $_['Action'] -eq 'Add disk usage alert' }
            $late['Due Date'] | Should -Be '2026-11-20'
            $late['Pri'] | Should -Be 'P1'
            $late['Status'] | Should -Be 'Open'
            $late['Late (d)'] | Should -Be '11'
            $late['Owner'] | Should -Be 'platform'
            $late['Postmortem'] | Should -Be 'Checkout outage'
            $notLate = $rows | Where-Object { $_['Action'] -eq 'Remove the single auth database' }
            $notLate['Late (d)'] | Should -Be ''
            # No due date of its own: a P3 item of an incident on 2026-11-10 is due 84 days later by the shipped policy.
            ($rows | Where-Object { $_['Action'] -eq 'Reconcile config with Git' })['Due Date'] | Should -Be '2027-02-02 (policy)'
        }
    }

    Context 'plain objects for Export-Csv and ConvertTo-Json' {
        It 'converts to JSON and back with the postmortem, the item and how late it is' {
            $back = @($script:all | Sort-Object Action | ConvertTo-Json | ConvertFrom-Json)
            $back.Count | Should -Be 9
            $first = $back[0]
            $first.Action | Should -Be 'Add disk usage alert'
            $first.PostmortemTitle | Should -Be 'Checkout outage'
            $first.PostmortemId | Should -Be "$($script:corpus.A.Id)"
            $first.PostmortemPath | Should -Be (Join-Path $script:folder 'drafts/A.yaml')
            $first.Owner | Should -Be 'platform'
            ([datetime]$first.DueDate).ToString('yyyy-MM-dd') | Should -Be '2026-11-20'
            [Postmortems.ActionPriority]$first.Priority | Should -Be ([Postmortems.ActionPriority]::P1)
            [Postmortems.ActionItemStatus]$first.Status | Should -Be ([Postmortems.ActionItemStatus]::Open)
            $first.Overdue | Should -BeTrue
            $first.DaysOverdue | Should -Be 11
        }

        It 'writes to CSV with the priority and status by name and the due date readable' {
            $path = Join-Path $TestDrive 'items.csv'
            $script:all | Sort-Object Action | Export-Csv -Path $path
            $rows = @(Import-Csv $path)
            $rows.Count | Should -Be 9
            $rows[0].Action | Should -Be 'Add disk usage alert'
            $rows[0].PostmortemTitle | Should -Be 'Checkout outage'
            $rows[0].Priority | Should -Be 'P1'
            $rows[0].Status | Should -Be 'Open'
            $rows[0].DaysOverdue | Should -Be '11'
            ([datetime]$rows[0].DueDate).ToString('yyyy-MM-dd') | Should -Be '2026-11-20'
        }
    }
}

Describe 'Get-ActionItem and Measure-Postmortem with the due-date policy' {
    BeforeAll {
        # An incident on 2026-11-20: by the shipped policy a P1 item is due 2026-12-18, a P2 2027-01-15, a P3 2027-02-12.
        $script:pm = New-Postmortem 'Vault sealed after node reboot' -Date 2026-11-20 |
            Add-ActionItem 'Add seal alert' -Owner platform -Priority P1 |
            Add-ActionItem 'Add unseal runbook' -Owner platform -Priority P2 |
            Add-ActionItem 'Rotate recovery keys' -Owner security -Priority P3 -DueDate 2026-12-10 |
            Add-ActionItem 'Split the unseal keys' -Owner security -Priority P1 -Status InProgress |
            Add-ActionItem 'Move the keys to a hardware module' -Owner security -Priority P1 -Status WontDo -Reason 'No budget' |
            Add-ActionItem 'Add a reboot checklist' -Owner platform -Priority P1 -Status Done -DoneDate 2026-12-20 |
            Add-ActionItem 'Write down who holds the keys'
        $script:team = Join-Path $TestDrive 'team.psd1'
        Set-Content -LiteralPath $script:team -Value "@{`n    ActionItemDueDays = @{ P2 = 21 }`n}"
    }

    It 'lists with -Overdue -AsOf the items still to do past the policy''s day, saying the policy gave it' {
        $late = @($script:pm | Get-ActionItem -Overdue -AsOf 2026-12-20)
        @($late.Action) | Should -Be @('Add seal alert', 'Rotate recovery keys', 'Split the unseal keys')
        $seal = $late[0]
        $seal.DueDate | Should -Be ([datetime]'2026-12-18')
        "$($seal.DueDateFrom)" | Should -Be 'Policy'
        $seal.DaysOverdue | Should -Be 2
        $seal.Item.DueDate | Should -BeNullOrEmpty
        "$($late[1].DueDateFrom)" | Should -Be 'Item'
        $late[1].DaysOverdue | Should -Be 10
    }

    It 'never lists a done or won''t-do item as overdue, nor one with no due date and no priority' {
        $all = @($script:pm | Get-ActionItem -AsOf 2027-06-01)
        @($all | Where-Object Overdue | ForEach-Object Action) | Should -Not -Contain 'Move the keys to a hardware module'
        @($all | Where-Object Overdue | ForEach-Object Action) | Should -Not -Contain 'Add a reboot checklist'
        $unknown = $all | Where-Object Action -EQ 'Write down who holds the keys'
        $unknown.DueDate | Should -BeNullOrEmpty
        $unknown.DueDateFrom | Should -BeNullOrEmpty
        $unknown.Overdue | Should -BeFalse
    }

    It 'uses the team''s ActionItemDueDays from -Settings, the shipped days for the priorities it leaves out' {
        $late = @($script:pm | Get-ActionItem -Overdue -AsOf 2026-12-20 -Settings $script:team)
        @($late.Action) | Should -Be @('Add seal alert', 'Add unseal runbook', 'Rotate recovery keys', 'Split the unseal keys')
        ($late | Where-Object Action -EQ 'Add unseal runbook').DueDate | Should -Be ([datetime]'2026-12-11')
    }

    It 'shows the policy''s due date as such in the table, and each status in words' {
        $table = ConvertFrom-FormattedTable ($script:pm | Get-ActionItem -AsOf 2026-12-20 | Format-Table | Out-String -Width 200) 'Due Date', 'Pri', 'Status', 'Late (d)', 'Owner', 'Action', 'Postmortem'
        $seal = $table | Where-Object { $_['Action'] -eq 'Add seal alert' }
        $seal['Due Date'] | Should -BeExactly '2026-12-18 (policy)'
        $seal['Late (d)'] | Should -BeExactly '2'
        ($table | Where-Object { $_['Action'] -eq 'Rotate recovery keys' })['Due Date'] | Should -BeExactly '2026-12-10'
        ($table | Where-Object { $_['Action'] -eq 'Split the unseal keys' })['Status'] | Should -BeExactly 'In progress'
        ($table | Where-Object { $_['Action'] -eq 'Move the keys to a hardware module' })['Status'] | Should -BeExactly "Won't do: No budget"
        ($table | Where-Object { $_['Action'] -eq 'Add a reboot checklist' })['Status'] | Should -BeExactly 'Done (2026-12-20)'
    }

    It 'filters by several statuses' {
        @($script:pm | Get-ActionItem -Status InProgress, WontDo | ForEach-Object Action) | Should -Be @('Split the unseal keys', 'Move the keys to a hardware module')
    }

    It 'counts in Measure-Postmortem the open, in progress, done, won''t do and overdue items by the policy' {
        $p1 = (Measure-Postmortem -Postmortem $script:pm -AsOf 2026-12-20).ActionItems | Where-Object Priority -EQ 'P1'
        "$($p1.Total) $($p1.Open) $($p1.InProgress) $($p1.Done) $($p1.WontDo) $($p1.Overdue)" | Should -Be '4 2 1 1 1 2'
        $p2 = (Measure-Postmortem -Postmortem $script:pm -AsOf 2026-12-20 -Settings $script:team).ActionItems | Where-Object Priority -EQ 'P2'
        $p2.Overdue | Should -Be 1
    }

    It 'stops with SettingsNotFound for a missing settings file, and InvalidSettings naming the line for a bad one' {
        { $script:pm | Get-ActionItem -Settings (Join-Path $TestDrive 'nope.psd1') -ErrorAction Stop } |
            Should -Throw -ErrorId 'SettingsNotFound,Postmortems.Commands.GetActionItemCommand'
        $bad = Join-Path $TestDrive 'bad.psd1'
        Set-Content -LiteralPath $bad -Value "@{`n    ActionItemDueDays = @{ P4 = 10 }`n}"
        $err = { $script:pm | Get-ActionItem -Settings $bad -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSettings,Postmortems.Commands.GetActionItemCommand' -PassThru
        $err.Exception.Message | Should -BeLike 'bad.psd1, line 2: ActionItemDueDays.P4 is not a priority*'
    }
}
