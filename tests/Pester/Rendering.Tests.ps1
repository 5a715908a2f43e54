BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    $script:Sections = @(
        'Executive Summary', 'Timeline', 'Impact', 'Root Cause', 'Contributing Factors',
        'What Went Well', 'What Went Poorly', 'Action Items', 'Lessons Learned'
    )

    # The body of a "## Heading" section in the Markdown, up to the next "## " heading.
    function Get-SectionBody([string] $Markdown, [string] $Heading) {
        $match = [regex]::Match($Markdown, "(?s)(?:^|\n)## $([regex]::Escape($Heading))\n\n(.*?)(?=\n## |\z)")
        if (-not $match.Success) { throw "No section '## $Heading'." }
        $match.Groups[1].Value.Trim()
    }

    # Pipes that separate cells: those not escaped with a backslash.
    function Get-CellSeparatorCount([string] $Row) {
        ([regex]::Matches($Row, '(?<!\\)\|')).Count
    }

    $script:Full = New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 -Status Resolved `
            -Author 'platform team' -Reviewer 'sre' -ExecutiveSummary 'OpenBao sealed for 98 minutes.' `
            -RootCause 'The auto-unseal key was not mounted after a reboot.' -LessonsLearned 'Reboot-test stateful services.' `
            -ServicesAffected 'openbao' -UsersAffected 'internal only' -DataLoss $false -RevenueImpact 'none' |
        Add-TimelineEvent 14:02 'Vault seal alert fired' -Milestone FirstSymptom |
        Add-TimelineEvent 14:09 'On-call acknowledged the page' -Milestone Detected |
        Add-TimelineEvent 15:40 'Unsealed' -Milestone Resolved |
        Add-Why 'The vault sealed' |
        Add-ContributingFactor 'No alert on seal status' |
        Add-Observation -WentWell 'Fast page' -WentPoorly 'Keys hard to find' |
        Add-ActionItem 'Add Grafana alert for OpenBao seal status' -Owner platform -DueDate 2026-12-15 -Priority P2
}

Describe 'ConvertTo-PostmortemMarkdown' {
    Context 'template sections' {
        It 'emits one string' {
            $out = @($script:Full | ConvertTo-PostmortemMarkdown)
            $out.Count | Should -Be 1
            $out[0] | Should -BeOfType ([string])
        }

        It 'starts with the title heading' {
            $md = New-Postmortem 'OpenBao sealed after node reboot' | ConvertTo-PostmortemMarkdown
            $md | Should -BeLike '# Postmortem: OpenBao sealed after node reboot*'
        }

        It 'takes the postmortem positionally too' {
            ConvertTo-PostmortemMarkdown (New-Postmortem 'positional') | Should -BeLike '# Postmortem: positional*'
        }

        It 'keeps every template section, in order, in a <Name> postmortem' -ForEach @(
            @{ Name = 'empty'; Get = { New-Postmortem 'empty' } }
            @{ Name = 'full'; Get = { $script:Full } }
        ) {
            $md = & $Get | ConvertTo-PostmortemMarkdown
            $headings = @([regex]::Matches($md, '(?m)^## (.+)$') | ForEach-Object { $_.Groups[1].Value })
            $headings | Should -Be $script:Sections
        }

        It 'shows "_Not yet written._" in the empty <_> section' -ForEach @(
            'Executive Summary', 'Timeline', 'Root Cause', 'Contributing Factors', 'What Went Well', 'What Went Poorly',
            'Action Items', 'Lessons Learned'
        ) {
            $md = New-Postmortem 'empty' | ConvertTo-PostmortemMarkdown
            Get-SectionBody $md $_ | Should -BeExactly '_Not yet written._'
        }

        It 'shows each empty impact field as _not set_' {
            $md = New-Postmortem 'empty' | ConvertTo-PostmortemMarkdown
            Get-SectionBody $md 'Impact' | Should -BeExactly (@(
                '- **Services affected:** _not set_'
                '- **Users affected:** _not set_'
                '- **Data loss:** _not set_'
                '- **Revenue/SLA impact:** _not set_'
            ) -join "`n")
        }

        It 'shows every empty header field as _not set_' {
            $md = New-Postmortem 'empty' | ConvertTo-PostmortemMarkdown
            foreach ($field in 'Date', 'Duration', 'Severity', 'Status', 'Author\(s\)', 'Reviewers') {
                $md | Should -Match "(?m)^\*\*$($field):\*\* _not set_\\?$"
            }
        }

        It 'does not say "_Not yet written._" in any section of a filled-in postmortem' {
            $md = $script:Full | ConvertTo-PostmortemMarkdown
            $md | Should -Not -Match '_Not yet written\._'
        }

        It 'writes the timeline as a Time (UTC) | Event | Milestone table' {
            $body = Get-SectionBody ($script:Full | ConvertTo-PostmortemMarkdown) 'Timeline'
            $body | Should -BeExactly (@(
                '| Time (UTC) | Event | Milestone |'
                '|------------|-------|-----------|'
                '| 14:02 | Vault seal alert fired | First symptom |'
                '| 14:09 | On-call acknowledged the page | Detected |'
                '| 15:40 | Unsealed | Resolved |'
            ) -join "`n")
        }

        It 'shows the date on the first row and where the day changes when the timeline crosses midnight' {
            $md = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 23:50 'late' | Add-TimelineEvent '2026-11-21T00:10Z' 'early' |
                Add-TimelineEvent '2026-11-21T00:30Z' 'later' | ConvertTo-PostmortemMarkdown
            $md | Should -Match '(?m)^\| 2026-11-20 23:50 \| late \| \|$'
            $md | Should -Match '(?m)^\| 2026-11-21 00:10 \| early \| \|$'
            $md | Should -Match '(?m)^\| 00:30 \| later \| \|$'
        }

        It 'writes the action items as an Action | Owner | Due Date | Priority | Status | Tracking table' {
            $body = Get-SectionBody ($script:Full | ConvertTo-PostmortemMarkdown) 'Action Items'
            $body | Should -BeExactly (@(
                '| Action | Owner | Due Date | Priority | Status | Tracking |'
                '|--------|-------|----------|----------|--------|----------|'
                '| Add Grafana alert for OpenBao seal status | platform | 2026-12-15 | P2 | Open | |'
            ) -join "`n")
        }

        It 'writes Data loss: No when -DataLoss $false' {
            Get-SectionBody ($script:Full | ConvertTo-PostmortemMarkdown) 'Impact' | Should -Match '(?m)^- \*\*Data loss:\*\* No$'
        }
    }

    Context 'user text cannot change the document''s structure' {
        It 'escapes a | in an event text so the row keeps three columns' {
            $md = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'kubectl get pods | grep openbao' | ConvertTo-PostmortemMarkdown
            $row = ($md -split "`n") | Where-Object { $_ -like '| 14:02 |*' }
            @($row).Count | Should -Be 1
            Get-CellSeparatorCount $row | Should -Be 4
            $row | Should -BeExactly '| 14:02 | kubectl get pods \| grep openbao | |'
        }

        It 'escapes a | in an action item so the row keeps six columns' {
            $md = New-Postmortem x | Add-ActionItem 'Pipe logs | to Loki' -Owner 'a|b' -Tracking 'x|y' | ConvertTo-PostmortemMarkdown
            $row = ($md -split "`n") | Where-Object { $_ -like '| Pipe logs*' }
            Get-CellSeparatorCount $row | Should -Be 7
        }

        It 'keeps a multi-line event in one table row' {
            $md = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 "first line`nsecond line" | ConvertTo-PostmortemMarkdown
            $md | Should -Match '(?m)^\| 14:02 \| first line<br>second line \| \|$'
        }

        It 'escapes a leading # so a summary line cannot become a heading' {
            $md = New-Postmortem x -ExecutiveSummary "# not a heading`n## nor this" | ConvertTo-PostmortemMarkdown
            $md | Should -Not -Match '(?m)^#+ not a heading'
            $md | Should -Not -Match '(?m)^## nor this'
            @([regex]::Matches($md, '(?m)^## ')).Count | Should -Be $script:Sections.Count
        }

        It 'escapes raw HTML in user text' {
            $md = New-Postmortem x -ExecutiveSummary '<script>alert(1)</script>' | ConvertTo-PostmortemMarkdown
            $md | Should -Not -Match '(?<!\\)<script>'
        }
    }
}

Describe 'ConvertTo-PostmortemHtml' {
    Context 'standalone page' {
        BeforeAll { $script:page = $script:Full | ConvertTo-PostmortemHtml }

        It 'starts with the DOCTYPE declaration' {
            $script:page | Should -BeLike '<!DOCTYPE html>*'
        }

        It 'has a title element naming the postmortem' {
            $script:page | Should -Match '<title>Postmortem: OpenBao sealed after node reboot</title>'
        }

        It 'has a style sheet in the head' {
            $script:page | Should -Match '(?s)<head>.*<style>.+</style>.*</head>'
        }

        It 'wraps the body in an html element and closes it' {
            $script:page | Should -Match '<html lang="en">'
            $script:page.TrimEnd() | Should -BeLike '*</html>'
        }

        It 'renders every template section as an h2 heading, in order' {
            $headings = @([regex]::Matches($script:page, '<h2>(.*?)</h2>') | ForEach-Object { $_.Groups[1].Value })
            $headings | Should -Be $script:Sections
        }

        It 'renders the timeline and action items as tables' {
            $script:page | Should -Match '<th>Time \(UTC\)</th>\s*<th>Event</th>'
            $script:page | Should -Match '<td>14:02</td>\s*<td>Vault seal alert fired</td>'
            $script:page | Should -Match '<th>Action</th>\s*<th>Owner</th>\s*<th>Due Date</th>\s*<th>Priority</th>'
            $script:page | Should -Match '<td>Add Grafana alert for OpenBao seal status</td>\s*<td>platform</td>\s*<td>2026-12-15</td>\s*<td>P2</td>'
        }
    }

    Context 'fragment' {
        BeforeAll { $script:fragment = $script:Full | ConvertTo-PostmortemHtml -Fragment }

        It 'gives just the body, without the html, head, style or DOCTYPE of a page' {
            $script:fragment | Should -Not -Match '<html'
            $script:fragment | Should -Not -Match '<head'
            $script:fragment | Should -Not -Match '<!DOCTYPE'
            $script:fragment | Should -Not -Match '<style'
        }

        It 'starts with the title heading' {
            $script:fragment | Should -BeLike '<h1>Postmortem: OpenBao sealed after node reboot</h1>*'
        }

        It 'is the body of the standalone page' {
            $page = $script:Full | ConvertTo-PostmortemHtml
            $page.Contains($script:fragment) | Should -BeTrue
        }
    }

    Context 'user text is never markup' {
        It 'escapes a script tag in <_>' -ForEach @('the title', 'the executive summary', 'an event', 'an action item', 'a contributing factor') {
            $x = '<script>alert(1)</script>'
            $pm = switch ($_) {
                'the title' { New-Postmortem "Seal $x" }
                'the executive summary' { New-Postmortem t -ExecutiveSummary $x }
                'an event' { New-Postmortem t -Date 2026-11-20 | Add-TimelineEvent 14:02 $x }
                'an action item' { New-Postmortem t | Add-ActionItem $x -Owner $x }
                'a contributing factor' { New-Postmortem t | Add-ContributingFactor $x }
            }
            foreach ($html in ($pm | ConvertTo-PostmortemHtml), ($pm | ConvertTo-PostmortemHtml -Fragment)) {
                $html | Should -Match '&lt;script'
                $html | Should -Not -Match '<script'
            }
        }

        It 'escapes other raw tags and attributes' {
            $pm = New-Postmortem t -RootCause '<img src=x onerror=alert(1)> and <a href="javascript:alert(1)">link</a>'
            $html = $pm | ConvertTo-PostmortemHtml -Fragment
            $html | Should -Not -Match '<img'
            $html | Should -Not -Match '<a '
            $html | Should -Match '&lt;img'
        }

        It 'keeps an HTML entity typed in user text as the characters typed' {
            $pm = New-Postmortem t -ExecutiveSummary 'Copyright sign is &copy; and AT&T is a company'
            $html = $pm | ConvertTo-PostmortemHtml -Fragment
            $html | Should -Match '&amp;copy;'
            $html | Should -Match 'AT&amp;T'
            $html | Should -Not -Match '©'
        }

        It 'does not add a table column for a | in an event text' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'kubectl get pods | grep openbao'
            $html = $pm | ConvertTo-PostmortemHtml -Fragment -NoTimelineChart
            $table = [regex]::Match($html, '(?s)<h2>Timeline</h2>\s*<table class="pm-timeline">(.*?)</table>').Groups[1].Value
            @([regex]::Matches($table, '<th>')).Count | Should -Be 3
            @([regex]::Matches($table, '<td>')).Count | Should -Be 3
            @([regex]::Matches($table, '<td></td>')).Count | Should -Be 1
            $table | Should -Match '<td>kubectl get pods \| grep openbao</td>'
        }

        It 'keeps a multi-line event in its table cell, the lines joined by a br tag' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 "first line`nsecond line"
            $html = $pm | ConvertTo-PostmortemHtml -Fragment -NoTimelineChart
            $html | Should -Not -Match '<p>\s*first line'
            $html | Should -Match '(?s)<h2>Timeline</h2>\s*<table class="pm-timeline">'
            $html | Should -Match '<td>14:02</td>\s*<td>first line<br />second line</td>'
        }

        It 'keeps a multi-line action in its table cell, the lines joined by a br tag' {
            $pm = New-Postmortem x | Add-ActionItem "Add the alert`nand document it" -Owner platform
            $html = $pm | ConvertTo-PostmortemHtml -Fragment
            $html | Should -Match '(?s)<h2>Action Items</h2>\s*<table class="pm-action-items">'
            $html | Should -Match '<td>Add the alert<br />and document it</td>\s*<td>platform</td>'
        }

        It 'keeps a literal br tag typed in an event as text' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'a <br> b'
            $html = $pm | ConvertTo-PostmortemHtml -Fragment
            $html | Should -Match '<td>a &lt;br&gt; b</td>'
        }
    }
}
