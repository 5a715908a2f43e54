BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    function New-ChartPostmortem {
        New-Postmortem 'Disk full on db-2' -Date 2026-11-20 -Severity P3 -Status Resolved |
            Add-TimelineEvent '14:00' 'Disk alert fired' -Milestone FirstSymptom |
            Add-TimelineEvent '14:02' 'On-call acknowledged' -Milestone Detected |
            Add-TimelineEvent '14:03' 'Logs <pulled> & read' |
            Add-TimelineEvent '14:05' 'Old WAL files removed' -Milestone MitigationApplied |
            Add-TimelineEvent '14:07' 'Writes succeed' -Milestone ServiceRestored |
            Add-TimelineEvent '14:10' 'Stable' -Milestone Resolved
    }

    # Debian's chromium renders the page; the test setup installs it where it can (root with apt-get), else skips.
    $script:chromium = (Get-Command chromium, chromium-browser -ErrorAction SilentlyContinue | Select-Object -First 1).Source
    $script:skipReason = $null
    if (-not $script:chromium -and $IsLinux -and (Get-Command apt-get -ErrorAction SilentlyContinue) -and ((& id -u) -eq '0')) {
        & apt-get update -qq *> $null
        & apt-get install -y -qq chromium *> $null
        $script:chromium = (Get-Command chromium -ErrorAction SilentlyContinue).Source
    }
    if (-not $script:chromium) { $script:skipReason = 'Chromium is not installed and cannot be installed here (needs root and apt-get); the screenshot test is skipped.' }
}

Describe 'The timeline chart' {
    It 'is in the HTML page above the Timeline table, and left out with -NoTimelineChart' {
        $pm = New-ChartPostmortem
        $html = $pm | ConvertTo-PostmortemHtml
        $html.IndexOf('<svg') | Should -BeGreaterThan $html.IndexOf('<h2>Timeline</h2>')
        $html.IndexOf('<svg') | Should -BeLessThan $html.IndexOf('<table class="pm-timeline">')
        $pm | ConvertTo-PostmortemHtml -NoTimelineChart | Should -Not -Match '<svg'
        $pm | ConvertTo-PostmortemHtml -Fragment -NoTimelineChart | Should -Not -Match '<svg'
    }

    It 'is written alone by Export-Postmortem to a .svg file, as valid XML with user text escaped' {
        $path = Join-Path $TestDrive 'chart.svg'
        New-ChartPostmortem | Export-Postmortem -Path $path
        [xml] $svg = Get-Content -LiteralPath $path -Raw
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        (Get-Content -LiteralPath $path -Raw) | Should -Match 'Logs &lt;pulled&gt; &amp; read'
    }

    It 'is refused for a .svg of a postmortem without events, and no file is written' {
        $path = Join-Path $TestDrive 'empty.svg'
        New-Postmortem 'empty' | Export-Postmortem -Path $path -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportNothingToWrite,*'
        $path | Should -Not -Exist
    }

    It 'leaves out the chart of an exported .html with -NoTimelineChart' {
        $path = Join-Path $TestDrive 'plain.html'
        New-ChartPostmortem | Export-Postmortem -Path $path -NoTimelineChart
        Get-Content -LiteralPath $path -Raw | Should -Not -Match '<svg'
    }

    It 'renders in headless Chromium, which takes a screenshot of the page' {
        if ($script:skipReason) { Set-ItResult -Skipped -Because $script:skipReason; return }
        $page = Join-Path $TestDrive 'page.html'
        $shot = Join-Path $TestDrive 'page.png'
        New-ChartPostmortem | Export-Postmortem -Path $page
        $userData = Join-Path $TestDrive 'chromium-profile'
        & $script:chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking `
            --disable-component-update --disable-sync "--user-data-dir=$userData" --window-size=1000,900 "--screenshot=$shot" "file://$page" *> $null
        $shot | Should -Exist
        $bytes = [System.IO.File]::ReadAllBytes($shot)
        $bytes.Length | Should -BeGreaterThan 10000
        # A PNG starts with its signature.
        [System.BitConverter]::ToString($bytes, 0, 4) | Should -Be '89-50-4E-47'
    }
}
