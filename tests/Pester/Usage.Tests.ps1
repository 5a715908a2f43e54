BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

Describe 'The usage line from the issue' {
    BeforeAll {
        Push-Location -LiteralPath $TestDrive
        try {
            New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 -Author 'platform team' |
              Add-TimelineEvent -Time 14:02 -Event 'Vault seal alert fired' -Milestone FirstSymptom |
              Add-TimelineEvent -Time 14:09 -Event 'On-call acknowledged the page' -Milestone Detected |
              Add-ActionItem -Action 'Add Grafana alert for OpenBao seal status with 5-minute threshold' -Owner platform -DueDate 2026-12-15 -Priority P2 |
              Export-Postmortem -Path ./openbao.md
        }
        finally {
            Pop-Location
        }
        $script:file = Join-Path $TestDrive 'openbao.md'
        $script:content = if (Test-Path -LiteralPath $script:file) { Get-Content -LiteralPath $script:file -Raw } else { '' }
    }

    It 'writes openbao.md in the current folder' {
        $script:file | Should -Exist
    }

    It 'starts the file with front matter, then the title heading' {
        $lines = $script:content -split "`n"
        $lines[0] | Should -BeExactly '---'
        $end = [array]::IndexOf($lines, '---', 1)
        $end | Should -BeGreaterThan 0
        $lines[$end + 2] | Should -BeExactly '# Postmortem: OpenBao sealed after node reboot'
    }

    It 'writes the header fields it was given' {
        $script:content | Should -Match '(?m)^\*\*Date:\*\* 2026-11-20\\$'
        $script:content | Should -Match '(?m)^\*\*Severity:\*\* P2\\$'
        $script:content | Should -Match '(?m)^\*\*Author\(s\):\*\* platform team\\$'
    }

    It 'writes both timeline rows, in order, at their UTC times of day' {
        $script:content | Should -Match '(?m)^\| 14:02 \| Vault seal alert fired \| First symptom \|$'
        $script:content | Should -Match '(?m)^\| 14:09 \| On-call acknowledged the page \| Detected \|$'
        $script:content.IndexOf('| 14:02 |') | Should -BeLessThan $script:content.IndexOf('| 14:09 |')
    }

    It 'writes the action item row with owner, due date and priority' {
        $script:content | Should -Match '(?m)^\| Add Grafana alert for OpenBao seal status with 5-minute threshold \| platform \| 2026-12-15 \| P2 \| Open \| \|$'
    }

    It 'emits nothing when -PassThru is not given' {
        Push-Location -LiteralPath $TestDrive
        try {
            $out = New-Postmortem -Title 'quiet' | Export-Postmortem -Path ./quiet.md
        }
        finally {
            Pop-Location
        }
        $out | Should -BeNullOrEmpty
        Join-Path $TestDrive 'quiet.md' | Should -Exist
    }
}
