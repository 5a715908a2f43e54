BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # Every section filled, with text that Markdown, tables and YAML could each misread: pipes, line breaks,
    # Unicode, HTML, backticks, leading '#' and '-', a comma inside a name, a hand-set duration that differs from
    # the timeline's, an event with fractional seconds, one past midnight, two in the same minute.
    function New-FullPostmortem([string] $Title = "Cache | outage 障害 🔥 שלום <b>bold</b> ``x``") {
        New-Postmortem $Title -Date 2026-11-20 -Severity P2 -Status Resolved -Context Work `
            -Author 'Doe, Jane', 'Ann 障害' -Reviewer 'Bob | Q' -Duration '01:47' `
            -ExecutiveSummary "Pipes | in | text, <b>HTML</b> & <script>alert(1)</script>, ``backticks``, 障害 🔥 שלום`nsecond line`n`n# not a heading`n- not a bullet`n1. not numbered`n> not a quote" `
            -RootCause "Root cause line`n---`n  indented two`n_not set_ &amp; \back\slash\" `
            -LessonsLearned "#hashtag start`n-dash start" `
            -ServicesAffected 'cache-api', 'Doe, svc' -UsersAffected "all | users`nreally" -DataLoss $true `
            -DataLossDescription "rows | lost`nsecond" -RevenueImpact '$1,000 <i>est</i>' |
            Add-TimelineEvent '14:02:30.25' "Alert | fired 障害`nsecond line" -Milestone FirstSymptom -Source 'alertmanager' |
            Add-TimelineEvent '14:10' '# Detected <b>x</b>' -Milestone Detected -Source 'slack #inc' |
            Add-TimelineEvent '14:10' '- same minute, 🔥' -Source 'kubectl' |
            Add-TimelineEvent '2026-11-21T01:00Z' 'Resolved `ok`' -Milestone Resolved |
            Add-Why "why1 | a`nwhy line 2" | Add-Why '# why2' |
            Add-ContributingFactor '- cf', "cf2`nmore" |
            Add-Observation -WentWell 'ww 🔥' -WentPoorly "wp <b>`nx" |
            Add-ActionItem "Add alert | now`nline2" -Owner 'platform | team' -DueDate 2026-12-01 -Priority P1 -Status Done -DoneDate 2026-12-02 -Tracking 'https://x/PAY-1?a=1|2' |
            Add-ActionItem '# Add runbook' -Owner 'שלום' -Tracking 'PAY-2'
    }

    # A plain postmortem whose Markdown is easy to edit with -replace.
    function New-SimplePostmortem([string] $Title = 'Cache outage') {
        New-Postmortem $Title -Date 2026-11-20 -Severity P2 -Status Resolved -Context Work -Author 'Ann' -Reviewer 'Bob' `
            -ExecutiveSummary 'Summary.' -RootCause 'Root.' -LessonsLearned 'Lessons.' `
            -ServicesAffected 'cache' -UsersAffected 'all' -DataLoss $false -RevenueImpact 'none' |
            Add-TimelineEvent '14:02' 'Alert fired' -Milestone FirstSymptom -Source alertmanager |
            Add-TimelineEvent '14:10' 'On-call acked' -Milestone Detected -Source slack |
            Add-TimelineEvent '14:30' 'Rolled back' -Milestone MitigationApplied -Source kubectl |
            Add-TimelineEvent '15:00' 'Recovered' -Milestone Resolved -Source grafana |
            Add-Why 'w1' | Add-ContributingFactor 'cf1' | Add-Observation -WentWell 'ww1' -WentPoorly 'wp1' |
            Add-ActionItem 'Add alert' -Owner platform -DueDate 2026-12-01 -Priority P1 -Status Done -Tracking 'PAY-1' |
            Add-ActionItem 'Add runbook' -Owner sre -DueDate 2026-12-02 -Priority P2 -Tracking 'PAY-2'
    }

    # Every value of a postmortem as text, one entry per field, so two postmortems compare field by field.
    # Times are written with 'o', which keeps the ticks and the Kind (a UTC time ends in Z).
    function Get-PostmortemFields($Postmortem) {
        $p = $Postmortem
        [ordered]@{
            Id                  = "$($p.Id)"
            Title               = $p.Title
            Date                = if ($p.Date) { $p.Date.ToString('o') } else { '' }
            ExplicitDuration    = "$($p.ExplicitDuration)"
            Duration            = "$($p.Duration)"
            Severity            = "$($p.Severity)"
            Status              = "$($p.Status)"
            Context             = "$($p.Context)"
            Authors             = $p.Authors -join ' ¦ '
            Reviewers           = $p.Reviewers -join ' ¦ '
            ExecutiveSummary    = "$($p.ExecutiveSummary)"
            Timeline            = @($p.Timeline | ForEach-Object { "$($_.UtcTime.ToString('o')) ¦ $($_.Event) ¦ $($_.Milestone) ¦ $($_.Source)" }) -join "`n"
            ServicesAffected    = $p.Impact.ServicesAffected -join ' ¦ '
            UsersAffected       = "$($p.Impact.UsersAffected)"
            DataLoss            = "$($p.Impact.DataLoss)"
            DataLossDescription = "$($p.Impact.DataLossDescription)"
            RevenueImpact       = "$($p.Impact.RevenueImpact)"
            RootCause           = "$($p.RootCause)"
            Whys                = $p.Whys -join ' ¦ '
            ContributingFactors = $p.ContributingFactors -join ' ¦ '
            WentWell            = $p.WentWell -join ' ¦ '
            WentPoorly          = $p.WentPoorly -join ' ¦ '
            ActionItems         = @($p.ActionItems | ForEach-Object {
                    "$($_.Action) ¦ $($_.Owner) ¦ $(if ($_.DueDate) { $_.DueDate.ToString('yyyy-MM-dd') }) ¦ $($_.Priority) ¦ $($_.Status) ¦ $($_.Tracking)"
                }) -join "`n"
            LessonsLearned      = "$($p.LessonsLearned)"
        }
    }

    function Assert-SamePostmortem($Expected, $Actual) {
        $want = Get-PostmortemFields $Expected
        $got = Get-PostmortemFields $Actual
        foreach ($field in $want.Keys) {
            $got[$field] | Should -BeExactly $want[$field] -Because "$field should come back as it was written"
        }
    }

    # A new, empty folder under TestDrive, so tests that read '*' see only their own files.
    function New-TestFolder([string] $Name) {
        (New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name) -Force).FullName
    }

    # Writes text as UTF-8 without a BOM, with LF line endings, as a user's editor would; returns the path.
    function Write-TestFile([string] $Path, [string] $Content) {
        [System.IO.File]::WriteAllText($Path, ($Content -replace "`r`n", "`n"), [System.Text.UTF8Encoding]::new($false))
        $Path
    }

    # Runs Import-Postmortem and returns what it emitted, wrote as errors and wrote as warnings.
    function Invoke-Import {
        $errs = $null
        $warnings = $null
        $out = Import-Postmortem @args -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        [pscustomobject]@{ Output = @($out); Errors = @($errs); Warnings = @($warnings) }
    }

    # The error a bad file gives: InvalidPostmortemFile, InvalidData, and a message that starts with the file's path.
    function Assert-InvalidFileError($ErrorRecord, [string] $Path) {
        $ErrorRecord.FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemFile,*'
        $ErrorRecord.CategoryInfo.Category | Should -Be 'InvalidData'
        $ErrorRecord.TargetObject | Should -Be $Path
        $ErrorRecord.Exception.Message.StartsWith($Path) | Should -BeTrue -Because "the message should name the file first: '$($ErrorRecord.Exception.Message)'"
    }

    $script:TopLevelKeys = @(
        'id', 'title', 'date', 'duration', 'severity', 'status', 'context', 'state', 'authors', 'reviewers', 'executiveSummary',
        'timeline', 'impact', 'rootCause', 'whys', 'contributingFactors', 'wentWell', 'wentPoorly', 'trackingUrl', 'actionItems', 'lessonsLearned',
        'signOffs', 'unlocks'
    )
}

Describe 'Export-Postmortem to a YAML draft' {
    BeforeAll {
        $script:full = New-FullPostmortem
        $script:draftPath = Join-Path $TestDrive 'draft.yaml'
        $script:full | Export-Postmortem -Path $script:draftPath
        $script:draft = [System.IO.File]::ReadAllText($script:draftPath)
    }

    It 'writes the top-level keys in the fixed order, each once' {
        $keys = @([regex]::Matches($script:draft, '(?m)^([A-Za-z]+):') | ForEach-Object { $_.Groups[1].Value })
        $keys | Should -Be $script:TopLevelKeys
    }

    It 'writes the same key order for an empty postmortem, so every draft shows every section to fill in' {
        $path = Join-Path $TestDrive 'empty-draft.yaml'
        New-Postmortem 'Just a title' | Export-Postmortem -Path $path
        $keys = @([regex]::Matches([System.IO.File]::ReadAllText($path), '(?m)^([A-Za-z]+):') | ForEach-Object { $_.Groups[1].Value })
        $keys | Should -Be $script:TopLevelKeys
    }

    It 'starts with the id and the title as plain values' {
        $script:draft | Should -Match "(?m)^id: $($script:full.Id)\ntitle: "
    }

    It 'writes multi-line text as a |- block scalar, one indented line per line' {
        $script:draft | Should -Match '(?m)^rootCause: \|-\n  Root cause line\n  ---\n    indented two\n  _not set_ &amp; \\back\\slash\\\n'
        $script:draft | Should -Match '(?m)^lessonsLearned: \|-\n  #hashtag start\n  -dash start$'
        $script:draft | Should -Match '(?m)^  - action: \|-\n      Add alert \| now\n      line2$'
    }

    It 'writes UTF-8 without a byte order mark and with LF line endings' {
        $bytes = [System.IO.File]::ReadAllBytes($script:draftPath)
        $bytes[0] | Should -Be ([byte][char]'#')
        $bytes | Should -Not -Contain ([byte]13)
        $text = [System.Text.UTF8Encoding]::new($false, $true).GetString($bytes)
        $text | Should -Match '障害'
        $text | Should -Match 'שלום'
    }

    It 'writes Unicode text as itself, not as \U escapes, so the draft reads and edits by hand' {
        $script:draft | Should -Not -Match '\\U[0-9A-Fa-f]{8}'
        # Emoji go in a |- block, where YamlDotNet writes them as they are.
        $script:draft | Should -Match '(?m)^title: (\|-\n\s+)?.*障害 🔥 שלום'
        $script:draft | Should -Match '(?m)^  - (\|-\n\s+)?ww 🔥$'
    }

    It 'reads back a value edited by hand with -replace, and keeps everything else' {
        $edited = Join-Path $TestDrive 'edited.yaml'
        $text = [System.IO.File]::ReadAllText($script:draftPath)
        $text = $text -replace '(?m)^severity: P2$', 'severity: P1' -replace '(?m)^status: Resolved$', 'status: Ongoing'
        $text = $text -replace '(?m)^lessonsLearned: \|-\n  #hashtag start\n  -dash start', "lessonsLearned: |-`n  Edited first line`n  edited second line"
        Set-Content -LiteralPath $edited -Value $text -NoNewline

        $pm = Import-Postmortem -Path $edited
        $pm.Severity | Should -Be 'P1'
        $pm.Status | Should -Be 'Ongoing'
        $pm.LessonsLearned | Should -BeExactly "Edited first line`nedited second line"
        $pm.Id | Should -Be $script:full.Id
        $pm.RootCause | Should -BeExactly $script:full.RootCause
        $pm.Timeline.Count | Should -Be 4
    }

    It 'reads a short draft written by hand, placing times of day on its date' {
        $path = Write-TestFile (Join-Path $TestDrive 'by-hand.yaml') @'
title: Disk full on db1
date: 2026-11-20
severity: P3
timeline:
  - time: 09:15
    event: Disk alert fired
    milestone: Detected
  - time: 08:50
    event: Backup job started
rootCause: |
  The backup wrote to the data disk.
  Nothing cleaned it up.
'@
        $pm = Import-Postmortem -Path $path
        $pm.Title | Should -BeExactly 'Disk full on db1'
        $pm.Severity | Should -Be 'P3'
        $pm.Id | Should -Not -Be ([guid]::Empty)
        @($pm.Timeline | ForEach-Object { $_.UtcTime.ToString('o') }) | Should -Be @('2026-11-20T08:50:00.0000000Z', '2026-11-20T09:15:00.0000000Z')
        $pm.Timeline[1].Milestone | Should -Be 'Detected'
        $pm.Timeline[0].Source | Should -BeExactly 'manual'
        $pm.RootCause | Should -BeExactly "The backup wrote to the data disk.`nNothing cleaned it up."
    }
}

Describe 'Import-Postmortem: paths' {
    BeforeAll {
        $script:folder = New-TestFolder 'paths'
        New-SimplePostmortem 'from yaml' | Export-Postmortem -Path (Join-Path $script:folder 'a.yaml')
        New-SimplePostmortem 'from yml' | Export-Postmortem -Path (Join-Path $script:folder 'b.yml')
        New-SimplePostmortem 'from md' | Export-Postmortem -Path (Join-Path $script:folder 'c.md')
        New-SimplePostmortem 'from markdown' | Export-Postmortem -Path (Join-Path $script:folder 'd.markdown')
        New-SimplePostmortem 'with brackets' | Export-Postmortem -Path (Join-Path $script:folder 'incident[1].md')
    }

    It 'reads .yaml, .yml, .md and .markdown files with a wildcard -Path, one postmortem per file' {
        $out = @(Import-Postmortem -Path (Join-Path $script:folder '[a-d].*'))
        $out.Count | Should -Be 4
        $out | ForEach-Object { $_ | Should -BeOfType ([Postmortems.Postmortem]) }
        @($out.Title) | Should -Be @('from yaml', 'from yml', 'from md', 'from markdown')
    }

    It 'reads only the files a wildcard matches' {
        $out = @(Import-Postmortem -Path (Join-Path $script:folder '*.y*ml'))
        @($out.Title) | Should -Be @('from yaml', 'from yml')
    }

    It 'reads several paths given to -Path, in the order given' {
        $out = @(Import-Postmortem -Path (Join-Path $script:folder 'c.md'), (Join-Path $script:folder 'a.yaml'))
        @($out.Title) | Should -Be @('from md', 'from yaml')
    }

    It 'takes paths piped in as strings' {
        $out = @((Join-Path $script:folder 'b.yml'), (Join-Path $script:folder 'd.markdown') | Import-Postmortem)
        @($out.Title) | Should -Be @('from yml', 'from markdown')
    }

    It 'reads a file whose name has [brackets] with -<_>' -ForEach 'LiteralPath', 'LP', 'PSPath' {
        $parameters = @{ $_ = (Join-Path $script:folder 'incident[1].md') }
        $out = @(Import-Postmortem @parameters)
        $out.Count | Should -Be 1
        $out[0].Title | Should -BeExactly 'with brackets'
    }

    It 'reads each file Get-ChildItem pipes in, including one with [brackets] in its name' {
        $out = @(Get-ChildItem -LiteralPath $script:folder -Filter '*.md' | Sort-Object Name | Import-Postmortem)
        @($out.Title) | Should -Be @('from md', 'with brackets')
    }

    It 'remembers the file each postmortem was read from in SourcePath' {
        $out = @(Get-ChildItem -LiteralPath $script:folder -Filter '*.y*ml' | Sort-Object Name | Import-Postmortem)
        @($out.SourcePath) | Should -Be @((Join-Path $script:folder 'a.yaml'), (Join-Path $script:folder 'b.yml'))
    }

    It 'runs Get-ChildItem *.md | Import-Postmortem | Test-Postmortem with the findings for each file' {
        $files = @(Get-ChildItem -Path (Join-Path $script:folder '*.md') | Sort-Object Name)
        $records = @($files | Import-Postmortem | Test-Postmortem)
        $expected = @($files | ForEach-Object { Import-Postmortem -LiteralPath $_.FullName | Test-Postmortem })
        $expected.Count | Should -BeGreaterThan 0
        @($records | ForEach-Object { "$($_.PostmortemTitle): $_" }) | Should -Be @($expected | ForEach-Object { "$($_.PostmortemTitle): $_" })
        @($records.PostmortemTitle | Select-Object -Unique) | Should -Be @('from md', 'with brackets')
    }

    It 'resolves relative paths against the PowerShell location, not the process''s current directory' {
        Push-Location -LiteralPath $script:folder
        try {
            (Import-Postmortem -Path ./a.yaml).Title | Should -BeExactly 'from yaml'
            (Import-Postmortem -Path '*.markdown').Title | Should -BeExactly 'from markdown'
            (Import-Postmortem -LiteralPath 'incident[1].md').Title | Should -BeExactly 'with brackets'
            @(Test-Postmortem -Path ./c.md -Quiet) | Should -HaveCount 1
            (ConvertTo-PostmortemMarkdown -LiteralPath ./b.yml) | Should -BeLike '# Postmortem: from yml*'
        }
        finally {
            Pop-Location
        }
    }

    It 'reads a path on a PowerShell drive' {
        $out = @(Import-Postmortem -Path 'TestDrive:/paths/a.yaml')
        $out.Count | Should -Be 1
        $out[0].Title | Should -BeExactly 'from yaml'
    }
}

Describe 'Round trip through Export-Postmortem and Import-Postmortem' {
    BeforeAll {
        $script:full = New-FullPostmortem
        $script:folder = New-TestFolder 'round-trip'
    }

    It 'gives back every field of a full postmortem through a .<_> file' -ForEach 'yaml', 'yml', 'md', 'markdown' {
        $path = Join-Path $script:folder "full.$_"
        $script:full | Export-Postmortem -Path $path
        $back = Import-Postmortem -LiteralPath $path
        Assert-SamePostmortem -Expected $script:full -Actual $back
    }

    It 'keeps the id, exact times, milestones, sources, status and tracking through a .<_> file' -ForEach 'yaml', 'md' {
        $path = Join-Path $script:folder "details.$_"
        $script:full | Export-Postmortem -Path $path
        $back = Import-Postmortem -LiteralPath $path
        $back.Id | Should -Be $script:full.Id
        $back.Timeline[0].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 14, 2, 30, [System.DateTimeKind]::Utc).AddMilliseconds(250))
        $back.Timeline[0].UtcTime.Kind | Should -Be 'Utc'
        @($back.Timeline.Milestone) | Should -Be @('FirstSymptom', 'Detected', 'None', 'Resolved')
        @($back.Timeline.Source) | Should -Be @('alertmanager', 'slack #inc', 'kubectl', 'manual')
        @($back.ActionItems.Status) | Should -Be @('Done', 'Open')
        $back.ActionItems[0].DoneDate | Should -Be ([datetime]'2026-12-02')
        @($back.ActionItems.Tracking) | Should -Be @('https://x/PAY-1?a=1|2', 'PAY-2')
        $back.ExplicitDuration | Should -Be ([timespan]'01:47:00')
        $back.Context | Should -Be 'Work'
    }

    It 'exports an imported .<_> file to the same bytes again' -ForEach 'yaml', 'md' {
        $first = Join-Path $script:folder "first.$_"
        $second = Join-Path $script:folder "second.$_"
        $script:full | Export-Postmortem -Path $first
        Import-Postmortem -LiteralPath $first | Export-Postmortem -Path $second
        [System.IO.File]::ReadAllText($second) | Should -BeExactly ([System.IO.File]::ReadAllText($first))
    }

    It 'reads a .md file back into a YAML draft and the draft back, with nothing lost' {
        $md = Join-Path $script:folder 'chain.md'
        $yaml = Join-Path $script:folder 'chain.yaml'
        $script:full | Export-Postmortem -Path $md
        Import-Postmortem -LiteralPath $md | Export-Postmortem -Path $yaml
        Assert-SamePostmortem -Expected $script:full -Actual (Import-Postmortem -LiteralPath $yaml)
    }
}

Describe 'Markdown front matter' {
    BeforeAll {
        $script:full = New-FullPostmortem
        $script:path = Join-Path $TestDrive 'front.md'
        $script:full | Export-Postmortem -Path $script:path
        $script:text = [System.IO.File]::ReadAllText($script:path)
        $script:lines = $script:text -split "`n"
        $script:close = [array]::IndexOf($script:lines, '---', 1)
        $script:front = $script:lines[1..($script:close - 1)] -join "`n"
    }

    It 'opens the file with front matter between two --- lines, then the page' {
        $script:lines[0] | Should -BeExactly '---'
        $script:close | Should -BeGreaterThan 1
        ($script:lines[($script:close + 1)..($script:lines.Count - 1)] -join "`n").TrimStart("`n") |
            Should -BeExactly ($script:full | ConvertTo-PostmortemMarkdown)
    }

    It 'holds the id, the context and the hand-set duration' {
        $script:front | Should -Match "(?m)^id: $($script:full.Id)$"
        $script:front | Should -Match '(?m)^context: Work$'
        $script:front | Should -Match '(?m)^duration: 01:47$'
    }

    It 'holds each event''s exact time, milestone and source' {
        # Each entry also carries a digest of its row's text, so it finds its row again after rows move.
        $script:front | Should -Match ([regex]::Escape("{time: '2026-11-20T14:02:30.2500000Z', milestone: FirstSymptom, source: `"alertmanager`", digest: ") + '[0-9a-f]{8}}')
        $script:front | Should -Match ([regex]::Escape("{time: '2026-11-20T14:10:00Z', source: `"kubectl`", digest: ") + '[0-9a-f]{8}}')
        $script:front | Should -Match ([regex]::Escape("{time: '2026-11-21T01:00:00Z', milestone: Resolved, source: `"manual`", digest: ") + '[0-9a-f]{8}}')
    }

    It 'holds each action item''s status and tracking' {
        $script:front | Should -Match ([regex]::Escape('{status: Done, doneDate: 2026-12-02, digest: ') + '[0-9a-f]{8}' + [regex]::Escape(', tracking: "https://x/PAY-1?a=1|2"}'))
        $script:front | Should -Match ([regex]::Escape('{status: Open, digest: ') + '[0-9a-f]{8}' + [regex]::Escape(', tracking: "PAY-2"}'))
    }

    It 'is not shown by ConvertTo-PostmortemMarkdown without -FrontMatter' {
        $page = $script:full | ConvertTo-PostmortemMarkdown
        $page | Should -BeLike '# Postmortem: *'
        $page | Should -Not -Match '(?m)^---$'
        $page | Should -Not -Match "$($script:full.Id)"
        $page | Should -Not -Match '(?m)^(id|context|duration|timeline|actionItems):'
        # Sources, milestones, status and tracking are on the page itself; the exact time is the front matter's.
        $page | Should -Not -Match '14:02:30\.25'
    }

    It 'is shown by ConvertTo-PostmortemMarkdown -FrontMatter exactly as Export-Postmortem writes it' {
        $script:full | ConvertTo-PostmortemMarkdown -FrontMatter | Should -BeExactly $script:text
    }
}

Describe 'Import-Postmortem: Markdown edited by hand' {
    BeforeAll {
        $script:original = New-SimplePostmortem
        $script:folder = New-TestFolder 'hand-edited'
        $script:original | Export-Postmortem -Path (Join-Path $script:folder 'base.md')
        $script:base = [System.IO.File]::ReadAllText((Join-Path $script:folder 'base.md'))

        function Import-Edited([string] $Name, [string] $Text) {
            Invoke-Import -LiteralPath (Write-TestFile (Join-Path $script:folder $Name) $Text)
        }
    }

    It 'reads a file with extra blank lines everywhere' {
        $result = Import-Edited 'blank-lines.md' ($script:base -replace "`n`n", "`n`n`n`n")
        $result.Errors | Should -BeNullOrEmpty
        Assert-SamePostmortem -Expected $script:original -Actual $result.Output[0]
    }

    It 'reads tables with other column alignment' {
        $text = $script:base -replace '\|------------\|-------\|', '|:---|---:|' -replace '\|--------\|-------\|----------\|----------\|', '|:--|:-:|--:|---|'
        $text | Should -Match ([regex]::Escape('|:---|---:|'))
        $result = Import-Edited 'alignment.md' $text
        $result.Errors | Should -BeNullOrEmpty
        Assert-SamePostmortem -Expected $script:original -Actual $result.Output[0]
    }

    It 'puts moved timeline rows back in time order, each with its own milestone and source' {
        $rows = '(\| 14:02 \| Alert fired [^\n]*\n)(\| 14:10 \| On-call acked [^\n]*\n)(\| 14:30 \| Rolled back [^\n]*\n)(\| 15:00 \| Recovered [^\n]*\n)'
        $text = $script:base -replace $rows, '$4$2$1$3'
        $text | Should -Match '\| 15:00 \| Recovered [^\n]*\n\| 14:10 '
        $result = Import-Edited 'moved-rows.md' $text
        $result.Errors | Should -BeNullOrEmpty
        $pm = $result.Output[0]
        @($pm.Timeline.Event) | Should -Be @('Alert fired', 'On-call acked', 'Rolled back', 'Recovered')
        @($pm.Timeline.Milestone) | Should -Be @('FirstSymptom', 'Detected', 'MitigationApplied', 'Resolved')
        @($pm.Timeline.Source) | Should -Be @('alertmanager', 'slack', 'kubectl', 'grafana')
        Assert-SamePostmortem -Expected $script:original -Actual $pm
    }

    It 'keeps milestones and sources with their rows when rows are deleted or added' {
        $text = $script:base -replace '\| 14:30 \| Rolled back [^\n]*\n', '' -replace '(\| 14:02 \| Alert fired [^\n]*\n)', "`$1| 14:05 | Paged the DBA | |`n"
        $result = Import-Edited 'deleted-added-row.md' $text
        $result.Errors | Should -BeNullOrEmpty
        $pm = $result.Output[0]
        @($pm.Timeline.Event) | Should -Be @('Alert fired', 'Paged the DBA', 'On-call acked', 'Recovered')
        @($pm.Timeline.Milestone) | Should -Be @('FirstSymptom', 'None', 'Detected', 'Resolved')
        @($pm.Timeline.Source) | Should -Be @('alertmanager', 'manual', 'slack', 'grafana')
    }

    Context 'two events in the same minute' {
        BeforeAll {
            $script:sameMinute = New-Postmortem 'same minute' -Date 2026-11-20 |
                Add-TimelineEvent '14:02' 'Alert fired' -Milestone FirstSymptom -Source alertmanager |
                Add-TimelineEvent '14:10' 'On-call acked' -Milestone Detected -Source slack |
                Add-TimelineEvent '14:10' 'Dashboard opened' -Source grafana
            $script:sameMinuteText = $script:sameMinute | ConvertTo-PostmortemMarkdown -FrontMatter
        }

        It 'keeps each row''s milestone and source when the two rows are swapped' {
            $text = $script:sameMinuteText -replace '(\| 14:10 \| On-call acked [^\n]*\n)(\| 14:10 \| Dashboard opened [^\n]*\n)', '$2$1'
            $text | Should -Match 'Dashboard opened [^\n]*\n\| 14:10 \| On-call acked'
            $result = Import-Edited 'same-minute-swapped.md' $text
            $result.Errors | Should -BeNullOrEmpty
            @($result.Output[0].Timeline | ForEach-Object { "$($_.Event): $($_.Milestone) $($_.Source)" }) |
                Should -Be @('Alert fired: FirstSymptom alertmanager', 'Dashboard opened: None grafana', 'On-call acked: Detected slack')
        }

        It 'does not give a deleted row''s milestone and source to the row left in its minute' {
            $text = $script:sameMinuteText -replace '\| 14:10 \| On-call acked [^\n]*\n', ''
            $result = Import-Edited 'same-minute-deleted.md' $text
            $result.Errors | Should -BeNullOrEmpty
            @($result.Output[0].Timeline | ForEach-Object { "$($_.Event): $($_.Milestone) $($_.Source)" }) |
                Should -Be @('Alert fired: FirstSymptom alertmanager', 'Dashboard opened: None grafana')
        }
    }

    It 'keeps each action item''s status and tracking with its row when the rows are moved' {
        $text = $script:base -replace '(\| Add alert [^\n]*\n)(\| Add runbook [^\n]*\n)', '$2$1'
        $text | Should -Match '\| Add runbook [^\n]*\n\| Add alert '
        $result = Import-Edited 'moved-actions.md' $text
        $result.Errors | Should -BeNullOrEmpty
        $items = $result.Output[0].ActionItems
        @($items.Action) | Should -Be @('Add runbook', 'Add alert')
        @($items | ForEach-Object { "$($_.Action): $($_.Status) $($_.Tracking)" }) | Should -Be @('Add runbook: Open PAY-2', 'Add alert: Done PAY-1')
    }

    It 'reads a file with an optional section missing' {
        $text = $script:base -replace '(?s)## What Went Well\n\n- ww1\n\n', '' -replace '(?s)\n## Lessons Learned\n\nLessons\.\n?$', "`n"
        $text | Should -Not -Match 'What Went Well|Lessons Learned'
        $result = Import-Edited 'missing-section.md' $text
        $result.Errors | Should -BeNullOrEmpty
        $result.Warnings | Should -BeNullOrEmpty
        $pm = $result.Output[0]
        $pm.WentWell.Count | Should -Be 0
        $pm.LessonsLearned | Should -BeNullOrEmpty
        @($pm.WentPoorly) | Should -Be @('wp1')
        $pm.ActionItems.Count | Should -Be 2
        $pm.Timeline.Count | Should -Be 4
    }

    It 'reads sections under other heading levels (### Timeline, # Impact, #### Action Items)' {
        $text = $script:base -replace '(?m)^## Timeline$', '### Timeline' -replace '(?m)^## Impact$', '# Impact' -replace '(?m)^## Action Items$', '#### Action Items'
        $result = Import-Edited 'headings.md' $text
        $result.Errors | Should -BeNullOrEmpty
        Assert-SamePostmortem -Expected $script:original -Actual $result.Output[0]
    }

    It 'reads a file saved with Windows line endings and a byte order mark' {
        $path = Join-Path $script:folder 'windows.md'
        [System.IO.File]::WriteAllText($path, ($script:base -replace "`n", "`r`n"), [System.Text.UTF8Encoding]::new($true))
        $result = Invoke-Import -LiteralPath $path
        $result.Errors | Should -BeNullOrEmpty
        Assert-SamePostmortem -Expected $script:original -Actual $result.Output[0]
    }

    It 'reads a file written by hand with no front matter, placing times of day on the Date line''s date' {
        $result = Import-Edited 'no-front-matter.md' @'
# Postmortem: Disk full on db1

**Date:** 2026-11-20
**Severity:** P3
**Status:** Resolved
**Author(s):** Ann, Bob

## Executive Summary

The primary database ran out of disk.

## Timeline

| Time (UTC) | Event |
|---|---|
| 09:15 | Disk alert fired |
| 08:50 | Backup job started |
| 2026-11-21 00:10 | Old backups deleted |

## Action Items

| Action | Owner | Due Date | Priority |
|:---|:---|:---|:---|
| Add disk alert at 80% | dba | 2026-12-01 | P2 |
'@
        $result.Errors | Should -BeNullOrEmpty
        $pm = $result.Output[0]
        $pm.Title | Should -BeExactly 'Disk full on db1'
        $pm.Id | Should -Not -Be ([guid]::Empty)
        $pm.Date | Should -Be ([datetime]'2026-11-20')
        $pm.Severity | Should -Be 'P3'
        $pm.Status | Should -Be 'Resolved'
        @($pm.Authors) | Should -Be @('Ann', 'Bob')
        $pm.ExecutiveSummary | Should -BeExactly 'The primary database ran out of disk.'
        @($pm.Timeline | ForEach-Object { $_.UtcTime.ToString('o') }) |
            Should -Be @('2026-11-20T08:50:00.0000000Z', '2026-11-20T09:15:00.0000000Z', '2026-11-21T00:10:00.0000000Z')
        @($pm.Timeline.Event) | Should -Be @('Backup job started', 'Disk alert fired', 'Old backups deleted')
        @($pm.Timeline.Milestone | Select-Object -Unique) | Should -Be @('None')
        @($pm.Timeline.Source | Select-Object -Unique) | Should -Be @('manual')
        $pm.ActionItems.Count | Should -Be 1
        $pm.ActionItems[0].Owner | Should -BeExactly 'dba'
        $pm.ActionItems[0].DueDate | Should -Be ([datetime]'2026-12-01')
        $pm.ActionItems[0].Status | Should -Be 'Open'
    }

    It 'gives each file read without front matter an id of its own' {
        $text = "# Postmortem: no id`n`n**Date:** 2026-11-20`n"
        $a = (Import-Edited 'no-id-a.md' $text).Output[0]
        $b = (Import-Edited 'no-id-b.md' $text).Output[0]
        $a.Id | Should -Not -Be ([guid]::Empty)
        $a.Id | Should -Not -Be $b.Id
    }

    It 'keeps a link and a nested list typed into the Markdown, and warns of an extra table cell by its line' {
        $rootCause = 'The certificate expired; see [the runbook](https://wiki.example/runbooks/tls).'
        $factor = "Alerting gaps:`n- no alert on expiry`n  - the check ran weekly`n- the pager went to the old team"
        $text = $script:base -replace '(?m)^Root\.$', $rootCause `
            -replace '(?m)^- cf1$', "- Alerting gaps:`n  - no alert on expiry`n    - the check ran weekly`n  - the pager went to the old team" `
            -replace '(\| 14:10 \| On-call acked[^\n]*\|)\n', "`$1 paged Ann by phone |`n"
        $path = Write-TestFile (Join-Path $script:folder 'links-lists-cells.md') $text
        $pm = Import-Postmortem -LiteralPath $path -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $pm.RootCause | Should -BeExactly $rootCause
        @($pm.ContributingFactors) | Should -Be @($factor)
        @($pm.Timeline.Event) | Should -Be @('Alert fired', 'On-call acked', 'Rolled back', 'Recovered')
        $line = [array]::FindIndex($text.Split("`n"), [Predicate[string]] { param($l) $l.Contains('paged Ann by phone') }) + 1
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match ([regex]::Escape("$path, line $line`: ") + ".*'paged Ann by phone'.*not read")

        # Exported again, the link and the list are Markdown still, and read back the same.
        $again = Join-Path $script:folder 'links-lists-cells-again.md'
        $pm | Export-Postmortem -Path $again
        $written = [System.IO.File]::ReadAllText($again)
        $written | Should -Match ([regex]::Escape('see [the runbook](https://wiki.example/runbooks/tls).'))
        $written | Should -Match ([regex]::Escape("- Alerting gaps:`n  - no alert on expiry`n    - the check ran weekly"))
        $back = Import-Postmortem -LiteralPath $again -ErrorAction Stop
        $back.RootCause | Should -BeExactly $rootCause
        @($back.ContributingFactors) | Should -Be @($factor)
        $back | ConvertTo-PostmortemHtml | Should -Match ([regex]::Escape('<a href="https://wiki.example/runbooks/tls">the runbook</a>'))
    }
}

Describe 'Export-Postmortem writes safely' {
    It 'leaves an existing .<_> file unchanged without -Force, with ExportFileExists' -ForEach 'yaml', 'md' {
        $path = Join-Path $TestDrive "kept.$_"
        Set-Content -LiteralPath $path -Value 'hand-written notes' -NoNewline
        New-SimplePostmortem | Export-Postmortem -Path $path -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($path))
        Get-Content -LiteralPath $path -Raw | Should -BeExactly 'hand-written notes'
    }

    It 'replaces an existing .<_> file with -Force and leaves no temporary file' -ForEach 'yaml', 'md' {
        $folder = New-TestFolder "force-$_"
        $path = Join-Path $folder "replaced.$_"
        Set-Content -LiteralPath $path -Value 'old' -NoNewline
        $pm = New-SimplePostmortem
        $pm | Export-Postmortem -Path $path -Force
        (Import-Postmortem -LiteralPath $path).Id | Should -Be $pm.Id
        @(Get-ChildItem -LiteralPath $folder -Force | ForEach-Object Name) | Should -Be @("replaced.$_")
    }

    It 'writes no .<_> file with -WhatIf' -ForEach 'yaml', 'yml', 'md' {
        $path = Join-Path $TestDrive "whatif.$_"
        $out = New-SimplePostmortem | Export-Postmortem -Path $path -WhatIf -PassThru
        $out | Should -BeNullOrEmpty
        $path | Should -Not -Exist
    }

    It 'leaves an existing .<_> file unchanged with -WhatIf -Force' -ForEach 'yaml', 'md' {
        $path = Join-Path $TestDrive "whatif-force.$_"
        Set-Content -LiteralPath $path -Value 'hand-written notes' -NoNewline
        New-SimplePostmortem | Export-Postmortem -Path $path -WhatIf -Force
        Get-Content -LiteralPath $path -Raw | Should -BeExactly 'hand-written notes'
    }
}

Describe 'Import-Postmortem: bad input' {
    BeforeAll {
        $script:folder = New-TestFolder 'bad'
    }

    Context 'malformed YAML' {
        It 'says to indent with spaces, not tabs, for a tab in the indentation' {
            $path = Write-TestFile (Join-Path $script:folder 'tab.yaml') "title: x`nseverity: P2`nauthors:`n  - Ann`n`t- Ben`n"
            $result = Invoke-Import -LiteralPath $path
            $result.Errors.Count | Should -Be 1
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line 5: this is not valid YAML") + '.*indent with spaces, not tabs')
        }

        # Line is a pattern: where YAML notices an unclosed [ list depends on the parser, on its line or the next.
        It 'names the file and the line for <Name>' -ForEach @(
            @{ Name = 'a key indented under a plain value'; Line = '2'; Text = "title: x`n  bad: indent`ndate: 2026-11-20`n" }
            @{ Name = 'an unterminated quote'; Line = '2'; Text = "date: 2026-11-20`ntitle: 'unterminated`nseverity: P2`n" }
            @{ Name = 'an unclosed { mapping'; Line = '3'; Text = "title: x`nimpact: {usersAffected: all`n" }
            @{ Name = 'an unclosed [ list followed by another key'; Line = '[23]'; Text = "title: x`nauthors: [Ann`ndate: 2026-11-20`n" }
            @{ Name = 'a tab indenting line 6 after blank lines'; Line = '6'; Text = "title: x`n`n`n`n`n`tdate: 2026-11-20`n" }
            @{ Name = 'a tab indenting a key under impact'; Line = '3'; Text = "title: x`nimpact:`n`tusersAffected: all`n" }
        ) {
            $path = Write-TestFile (Join-Path $script:folder 'malformed.yaml') $Text
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            $result.Errors.Count | Should -Be 1
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line ") + $Line + ': this is not valid YAML')
        }

        It 'refuses a key written twice, naming the line of the second' {
            $path = Write-TestFile (Join-Path $script:folder 'twice.yaml') "title: a`nseverity: P2`ntitle: b`n"
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line 3: ") + ".*'title'.*twice")
        }

        It 'refuses Markdown front matter that never ends, naming line 1' {
            $path = Write-TestFile (Join-Path $script:folder 'open-front-matter.md') "---`nid: 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b`n# Postmortem: x`n"
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line 1: ") + '.*never ends')
        }
    }

    Context 'wrong types' {
        It 'names the value and its line for <Name> in a YAML draft' -ForEach @(
            @{ Name = 'severity P7'; Text = "title: x`ndate: 2026-11-20`nseverity: P7`n"; Value = 'P7'; Line = 3 }
            @{ Name = 'date 2026-13-45'; Text = "title: x`ndate: 2026-13-45`n"; Value = '2026-13-45'; Line = 2 }
            @{ Name = 'status Fixed'; Text = "title: x`nstatus: Fixed`n"; Value = 'Fixed'; Line = 2 }
            @{ Name = 'dataLoss maybe'; Text = "title: x`nimpact:`n  dataLoss: maybe`n"; Value = 'maybe'; Line = 3 }
            @{ Name = 'timeline time 25:00'; Text = "title: x`ndate: 2026-11-20`ntimeline:`n  - time: '25:00'`n    event: late`n"; Value = '25:00'; Line = 4 }
            @{ Name = 'action item dueDate soon'; Text = "title: x`nactionItems:`n  - action: Add alert`n    dueDate: soon`n"; Value = 'soon'; Line = 4 }
        ) {
            $path = Write-TestFile (Join-Path $script:folder 'types.yaml') $Text
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            $result.Errors.Count | Should -Be 1
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line $Line`: "))
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("'$Value'"))
        }

        It 'names the value and its line for a <Name> in an exported Markdown file' -ForEach @(
            @{ Name = 'Date 2026-13-45'; Find = '**Date:** 2026-11-20'; Replace = '**Date:** 2026-13-45'; Value = '2026-13-45' }
            @{ Name = 'Severity P7'; Find = '**Severity:** P2'; Replace = '**Severity:** P7'; Value = 'P7' }
            @{ Name = 'Status Fixed'; Find = '**Status:** Resolved'; Replace = '**Status:** Fixed'; Value = 'Fixed' }
            @{ Name = 'due date 2026-13-45'; Find = '| 2026-12-02 |'; Replace = '| 2026-13-45 |'; Value = '2026-13-45' }
            @{ Name = 'timeline time 25:30'; Find = '| 14:30 |'; Replace = '| 25:30 |'; Value = '25:30' }
        ) {
            $text = (New-SimplePostmortem | ConvertTo-PostmortemMarkdown -FrontMatter).Replace($Find, $Replace)
            $path = Write-TestFile (Join-Path $script:folder 'types.md') $text
            $line = [array]::IndexOf(($text -split "`n"), ($text -split "`n" | Where-Object { $_.Contains($Replace) } | Select-Object -First 1)) + 1
            $line | Should -BeGreaterThan 0
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            $result.Errors.Count | Should -Be 1
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line $line`: "))
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("'$Value'"))
        }

        It 'names the file''s own line for a bad value in the front matter' {
            $text = (New-SimplePostmortem | ConvertTo-PostmortemMarkdown -FrontMatter) -replace '(?m)^context: Work$', 'context: Office'
            $path = Write-TestFile (Join-Path $script:folder 'front-matter.md') $text
            $line = [array]::IndexOf(($text -split "`n"), 'context: Office') + 1
            $line | Should -Be 3
            $result = Invoke-Import -LiteralPath $path
            $result.Errors.Count | Should -Be 1
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match "'Office'"
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("line $line`: "))
        }
    }

    Context 'unknown keys' {
        It 'warns about an unknown key with its name and line, and reads the rest' {
            $path = Write-TestFile (Join-Path $script:folder 'unknown.yaml') "title: Cache outage`ncolour: red`nseverity: P2`nimpact:`n  usersAffected: all`n  blastRadius: big`n"
            $pm = Import-Postmortem -LiteralPath $path -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
            $pm.Title | Should -BeExactly 'Cache outage'
            $pm.Severity | Should -Be 'P2'
            $pm.Impact.UsersAffected | Should -BeExactly 'all'
            $warnings.Count | Should -Be 2
            "$($warnings[0])" | Should -Match ([regex]::Escape("$path, line 2: ") + ".*'colour'")
            "$($warnings[1])" | Should -Match ([regex]::Escape("$path, line 6: ") + ".*'blastRadius'")
        }
    }

    Context 'files that are not postmortems' {
        It 'refuses <Name> with InvalidPostmortemFile naming the file' -ForEach @(
            @{ Name = 'a Markdown file that is not a postmortem'; File = 'shopping.md'; Text = "# Shopping list`n`n- eggs`n- milk`n"; Expect = 'not a postmortem' }
            @{ Name = 'an empty .yaml file'; File = 'empty.yaml'; Text = ''; Expect = 'empty' }
            @{ Name = 'an empty .md file'; File = 'empty.md'; Text = ''; Expect = 'empty' }
            @{ Name = 'a .yaml file of blank lines'; File = 'blank.yaml'; Text = "  `n`n"; Expect = 'empty' }
            @{ Name = 'a YAML list instead of keys'; File = 'list.yaml'; Text = "- a`n- b`n"; Expect = 'not a postmortem draft' }
            @{ Name = 'a YAML draft without a title'; File = 'untitled.yaml'; Text = "date: 2026-11-20`nseverity: P2`n"; Expect = "no 'title:'" }
            @{ Name = 'a .txt file'; File = 'notes.txt'; Text = "title: x`n"; Expect = '.yaml, .yml, .md' }
            @{ Name = 'a .html file'; File = 'page.html'; Text = "<h1>Postmortem: x</h1>`n"; Expect = '.yaml, .yml, .md' }
        ) {
            $path = Write-TestFile (Join-Path $script:folder $File) $Text
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            $result.Errors.Count | Should -Be 1
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape($Expect))
        }

        It 'refuses a binary file' {
            $path = Join-Path $script:folder 'binary.yaml'
            [System.IO.File]::WriteAllBytes($path, [byte[]](0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x00))
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match 'binary'
        }

        It 'reads a draft in UTF-16 <Name>, as Windows PowerShell 5.1 writes one' -ForEach @(
            @{ Name = 'with a byte order mark (Out-File, Set-Content -Encoding Unicode)'; Encoding = [System.Text.UnicodeEncoding]::new($false, $true) }
            @{ Name = 'without a byte order mark'; Encoding = [System.Text.UnicodeEncoding]::new($false, $false) }
            @{ Name = 'big-endian with a byte order mark (-Encoding BigEndianUnicode)'; Encoding = [System.Text.UnicodeEncoding]::new($true, $true) }
        ) {
            $path = Join-Path $script:folder 'utf16.yaml'
            [System.IO.File]::WriteAllText($path, "title: Caf$([char]0xE9) down`r`ndate: 2026-11-20`r`nseverity: P2`r`n", $Encoding)
            $result = Invoke-Import -LiteralPath $path
            $result.Errors | Should -BeNullOrEmpty
            $result.Output[0].Title | Should -BeExactly "Caf$([char]0xE9) down"
            $result.Output[0].Severity | Should -Be 'P2'
        }

        It 'reads a Markdown postmortem saved as UTF-16 by Out-File' {
            $path = Join-Path $script:folder 'utf16.md'
            New-SimplePostmortem | ConvertTo-PostmortemMarkdown -FrontMatter | Out-File -LiteralPath $path -Encoding unicode
            $result = Invoke-Import -LiteralPath $path
            $result.Errors | Should -BeNullOrEmpty
            $result.Output[0].Title | Should -BeExactly (New-SimplePostmortem).Title
        }

        It 'refuses a file that is not UTF-8' {
            $path = Join-Path $script:folder 'latin1.yaml'
            [System.IO.File]::WriteAllBytes($path, [System.Text.Encoding]::Latin1.GetBytes("title: Caf$([char]0xE9) down`n"))
            $result = Invoke-Import -LiteralPath $path
            $result.Output | Should -BeNullOrEmpty
            Assert-InvalidFileError $result.Errors[0] $path
            $result.Errors[0].Exception.Message | Should -Match 'UTF-8'
        }

        It 'refuses a file over 32 MB at once, without reading it' {
            $path = Join-Path $script:folder 'huge.yaml'
            $stream = [System.IO.File]::Open($path, [System.IO.FileMode]::CreateNew)
            try { $stream.SetLength(33MB) } finally { $stream.Dispose() }
            try {
                $elapsed = Measure-Command { $script:huge = Invoke-Import -LiteralPath $path }
                $script:huge.Output | Should -BeNullOrEmpty
                Assert-InvalidFileError $script:huge.Errors[0] $path
                $script:huge.Errors[0].Exception.Message | Should -Match '33 MB'
                $script:huge.Errors[0].Exception.Message | Should -Match '32 MB'
                $elapsed.TotalSeconds | Should -BeLessThan 5
            }
            finally {
                Remove-Item -LiteralPath $path -Force
            }
        }
    }

    Context 'paths that are not files' {
        It 'writes PostmortemFileNotFound for a missing file given to -<_>' -ForEach 'Path', 'LiteralPath' {
            $path = Join-Path $script:folder 'no-such-file.yaml'
            $parameters = @{ $_ = $path }
            $result = Invoke-Import @parameters
            $result.Output | Should -BeNullOrEmpty
            $result.Errors.Count | Should -Be 1
            $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileNotFound,*'
            $result.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape($path))
        }

        It 'says a folder given to -<_> is a folder, and how to read the files in it' -ForEach 'Path', 'LiteralPath' {
            $folder = New-TestFolder 'a-folder'
            $parameters = @{ $_ = $folder }
            $result = Invoke-Import @parameters
            $result.Output | Should -BeNullOrEmpty
            $result.Errors.Count | Should -Be 1
            $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileNotFound,*'
            $result.Errors[0].Exception.Message | Should -Match ([regex]::Escape("'$folder' is a folder"))
        }
    }

    Context 'Markdown nested thousands deep' {
        It 'refuses <Name> at once with InvalidPostmortemFile naming the line, and reads the other files' -ForEach @(
            @{ Name = 'a list nested 2,000 deep'; Body = (0..1999 | ForEach-Object { (' ' * (2 * $_)) + '- x' }) -join "`n"; Line = 39 }
            @{ Name = 'block quotes 2,000 deep'; Body = ('>' * 2000) + ' x'; Line = 7 }
            @{ Name = 'brackets 10,000 deep'; Body = ('[' * 10000) + 'x' + (']' * 10000); Line = 7 }
        ) {
            $folder = New-TestFolder 'deep'
            $path = Write-TestFile (Join-Path $folder '1-deep.md') ("# Postmortem: Deep`n`n**Date:** 2026-11-20`n`n## Executive Summary`n`n" + $Body + "`n")
            New-SimplePostmortem 'after' | Export-Postmortem -Path (Join-Path $folder '2-after.md') -Force   # one folder for every case
            $elapsed = Measure-Command { $script:deep = Invoke-Import -Path (Join-Path $folder '*.md') }
            @($script:deep.Output.Title) | Should -Be @('after')
            $script:deep.Errors.Count | Should -Be 1
            Assert-InvalidFileError $script:deep.Errors[0] $path
            $script:deep.Errors[0].Exception.Message | Should -Match ([regex]::Escape("$path, line $Line`: ") + '.*deep')
            $elapsed.TotalSeconds | Should -BeLessThan 5
        }
    }

    Context 'one bad file in a batch' {
        BeforeAll {
            $script:batch = New-TestFolder 'batch'
            New-SimplePostmortem 'first' | Export-Postmortem -Path (Join-Path $script:batch '1-first.md')
            $script:badPath = Write-TestFile (Join-Path $script:batch '2-bad.md') "# Not a postmortem`n"
            New-SimplePostmortem 'third' | Export-Postmortem -Path (Join-Path $script:batch '3-third.yaml')
            $script:badYamlPath = Write-TestFile (Join-Path $script:batch '4-bad.yaml') "title: x`nseverity: P7`n"
            New-SimplePostmortem 'fifth' | Export-Postmortem -Path (Join-Path $script:batch '5-fifth.md')
        }

        It 'writes a non-terminating error for each bad file and still reads the others (-Path wildcard)' {
            $result = Invoke-Import -Path (Join-Path $script:batch '*')
            @($result.Output.Title) | Should -Be @('first', 'third', 'fifth')
            $result.Errors.Count | Should -Be 2
            Assert-InvalidFileError $result.Errors[0] $script:badPath
            Assert-InvalidFileError $result.Errors[1] $script:badYamlPath
        }

        It 'writes a non-terminating error for each bad file and still reads the others (Get-ChildItem piped)' {
            $errs = $null
            $out = @(Get-ChildItem -LiteralPath $script:batch | Sort-Object Name | Import-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($out.Title) | Should -Be @('first', 'third', 'fifth')
            $errs.Count | Should -Be 2
            $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemFile,*' }
        }

        It 'still reads the other files when one holds an unclosed [ list' {
            $folder = New-TestFolder 'batch-unclosed'
            New-SimplePostmortem 'first' | Export-Postmortem -Path (Join-Path $folder '1-first.yaml')
            $bad = Write-TestFile (Join-Path $folder '2-bad.yaml') "title: x`nauthors: [Ann`ndate: 2026-11-20`n"
            New-SimplePostmortem 'third' | Export-Postmortem -Path (Join-Path $folder '3-third.yaml')
            $result = Invoke-Import -Path (Join-Path $folder '*.yaml')
            @($result.Output.Title) | Should -Be @('first', 'third')
            $result.Errors.Count | Should -Be 1
            Assert-InvalidFileError $result.Errors[0] $bad
        }

        It 'stops at the bad file with -ErrorAction Stop, with the same ErrorId' {
            { Import-Postmortem -LiteralPath $script:badPath -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPostmortemFile,*'
        }
    }
}

Describe 'Import-Postmortem: YAML is read safely' {
    BeforeAll {
        $script:folder = New-TestFolder 'safe'

        # "Billion laughs": 9 levels of anchors, each aliasing the one before 9 times (9^9 strings if expanded).
        $lines = @('title: laughs', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
        $previous = 'a'
        foreach ($name in 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i') {
            $lines += "${name}: &$name [" + ((1..9 | ForEach-Object { "*$previous" }) -join ',') + ']'
            $previous = $name
        }
        $script:laughs = $lines -join "`n"
    }

    It 'refuses the type tag <Tag> with InvalidPostmortemFile' -ForEach @(
        @{ Tag = '!!python/object' }
        @{ Tag = '!System.IO.FileInfo' }
        @{ Tag = '!<tag:yaml.org,2002:str>' }
    ) {
        $path = Write-TestFile (Join-Path $script:folder 'tagged.yaml') "title: $Tag x`ndate: 2026-11-20`n"
        $result = Invoke-Import -LiteralPath $path
        $result.Output | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        Assert-InvalidFileError $result.Errors[0] $path
        $result.Errors[0].Exception.Message | Should -Match 'line 1: type tags'
    }

    It 'refuses a type tag in a Markdown file''s front matter' {
        $path = Write-TestFile (Join-Path $script:folder 'tagged.md') "---`nid: !System.IO.FileInfo x`n---`n# Postmortem: x`n"
        $result = Invoke-Import -LiteralPath $path
        $result.Output | Should -BeNullOrEmpty
        Assert-InvalidFileError $result.Errors[0] $path
        $result.Errors[0].Exception.Message | Should -Match 'type tags'
    }

    It 'refuses an alias-expansion bomb in a YAML draft within 5 seconds' {
        $path = Write-TestFile (Join-Path $script:folder 'laughs.yaml') $script:laughs
        $elapsed = Measure-Command { $script:bomb = Invoke-Import -LiteralPath $path }
        $elapsed.TotalSeconds | Should -BeLessThan 5
        $script:bomb.Output | Should -BeNullOrEmpty
        $script:bomb.Errors.Count | Should -Be 1
        Assert-InvalidFileError $script:bomb.Errors[0] $path
        $script:bomb.Errors[0].Exception.Message | Should -Match 'anchors'
    }

    It 'refuses an alias-expansion bomb in a Markdown file''s front matter within 5 seconds' {
        $path = Write-TestFile (Join-Path $script:folder 'laughs.md') "---`n$($script:laughs -replace 'title: laughs', 'id: 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b')`n---`n# Postmortem: laughs`n"
        $elapsed = Measure-Command { $script:bomb = Invoke-Import -LiteralPath $path }
        $elapsed.TotalSeconds | Should -BeLessThan 5
        $script:bomb.Output | Should -BeNullOrEmpty
        Assert-InvalidFileError $script:bomb.Errors[0] $path
    }

    It 'refuses a single alias (*name) too, since a draft never needs one' {
        $path = Write-TestFile (Join-Path $script:folder 'alias.yaml') "title: x`nauthors:`n  - *someone`n"
        $result = Invoke-Import -LiteralPath $path
        $result.Output | Should -BeNullOrEmpty
        Assert-InvalidFileError $result.Errors[0] $path
    }
}

Describe 'Test-Postmortem, ConvertTo-PostmortemMarkdown and ConvertTo-PostmortemHtml read files' {
    BeforeAll {
        $script:folder = New-TestFolder 'readers'
        $script:simple = New-SimplePostmortem 'simple one'
        $script:full = New-FullPostmortem 'full one'
        $script:simplePath = Join-Path $script:folder 'simple.md'
        $script:fullPath = Join-Path $script:folder 'full[2].yaml'
        $script:simple | Export-Postmortem -Path $script:simplePath
        $script:full | Export-Postmortem -Path $script:fullPath
        $script:expectedRecords = @(@($script:simple | Test-Postmortem) + @($script:full | Test-Postmortem) | ForEach-Object { "$($_.PostmortemTitle): $_" })
    }

    It 'Test-Postmortem -Path gives the findings file by file, in order' {
        $records = @(Test-Postmortem -Path $script:simplePath, (Join-Path $script:folder 'full`[2`].yaml'))
        $script:expectedRecords.Count | Should -BeGreaterThan 0
        @($records | ForEach-Object { "$($_.PostmortemTitle): $_" }) | Should -Be $script:expectedRecords
    }

    It 'Test-Postmortem -LiteralPath and piped Get-ChildItem give the same findings' {
        $literal = @(Test-Postmortem -LiteralPath $script:simplePath, $script:fullPath)
        $piped = @(Get-Item -LiteralPath $script:simplePath, $script:fullPath | Test-Postmortem)
        @($literal | ForEach-Object { "$($_.PostmortemTitle): $_" }) | Should -Be $script:expectedRecords
        @($piped | ForEach-Object { "$($_.PostmortemTitle): $_" }) | Should -Be $script:expectedRecords
    }

    It 'Test-Postmortem -Quiet gives one answer per file' {
        $answers = @(Test-Postmortem -LiteralPath $script:simplePath, $script:fullPath -Quiet)
        $answers | Should -Be @(($script:simple | Test-Postmortem -Quiet), ($script:full | Test-Postmortem -Quiet))
        $strict = @(Get-Item -LiteralPath $script:simplePath, $script:fullPath | Test-Postmortem -Quiet -Strict)
        $strict | Should -Be @(($script:simple | Test-Postmortem -Quiet -Strict), ($script:full | Test-Postmortem -Quiet -Strict))
    }

    It 'Test-Postmortem writes a non-terminating error for a bad file and checks the others' {
        $bad = Write-TestFile (Join-Path $script:folder 'bad.md') "# Not a postmortem`n"
        $answers = @(Test-Postmortem -LiteralPath $script:simplePath, $bad, $script:fullPath -Quiet -ErrorVariable errs -ErrorAction SilentlyContinue)
        $answers.Count | Should -Be 2
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemFile,*'
        $errs[0].Exception.Message.StartsWith($bad) | Should -BeTrue
    }

    It 'ConvertTo-PostmortemMarkdown -Path renders the file as it renders the object' {
        ConvertTo-PostmortemMarkdown -Path $script:simplePath | Should -BeExactly ($script:simple | ConvertTo-PostmortemMarkdown)
        ConvertTo-PostmortemMarkdown -LiteralPath $script:fullPath -FrontMatter | Should -BeExactly ($script:full | ConvertTo-PostmortemMarkdown -FrontMatter)
    }

    It 'ConvertTo-PostmortemMarkdown gives one document per file piped from Get-ChildItem' {
        $out = @(Get-ChildItem -LiteralPath $script:folder | Where-Object Name -ne 'bad.md' | Sort-Object Name | ConvertTo-PostmortemMarkdown)
        $out | Should -Be @(($script:full | ConvertTo-PostmortemMarkdown), ($script:simple | ConvertTo-PostmortemMarkdown))
    }

    It 'ConvertTo-PostmortemHtml -Path and -LiteralPath render pages and fragments as for the object' {
        ConvertTo-PostmortemHtml -Path $script:simplePath | Should -BeExactly ($script:simple | ConvertTo-PostmortemHtml)
        ConvertTo-PostmortemHtml -LiteralPath $script:fullPath -Fragment | Should -BeExactly ($script:full | ConvertTo-PostmortemHtml -Fragment)
        Get-Item -LiteralPath $script:fullPath | ConvertTo-PostmortemHtml | Should -BeExactly ($script:full | ConvertTo-PostmortemHtml)
    }
}
