BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    function New-SamplePostmortem {
        New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 |
            Add-TimelineEvent 14:02 'Vault seal alert fired — 5/5 pods' -Milestone FirstSymptom |
            Add-ActionItem 'Add Grafana alert for OpenBao seal status' -Owner platform
    }
}

Describe 'Export-Postmortem' {
    Context 'formats' {
        It 'writes the Markdown rendering with its front matter to a .md file' {
            $path = Join-Path $TestDrive 'report.md'
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem -Path $path
            $path | Should -Exist
            $content = [System.IO.File]::ReadAllText($path)
            $content | Should -BeExactly ($pm | ConvertTo-PostmortemMarkdown -FrontMatter)
            $content | Should -BeLike "---`nid: $($pm.Id)`n*---`n`n# Postmortem: OpenBao sealed after node reboot*"
            $content.EndsWith(($pm | ConvertTo-PostmortemMarkdown)) | Should -BeTrue
        }

        It 'writes Markdown for a .markdown file' {
            $path = Join-Path $TestDrive 'report.markdown'
            New-SamplePostmortem | Export-Postmortem -Path $path
            Get-Content -LiteralPath $path -Raw | Should -BeLike '---*# Postmortem: OpenBao sealed after node reboot*'
        }

        It 'writes a YAML draft to a .yaml or .yml file' {
            foreach ($name in 'draft.yaml', 'draft.yml') {
                $path = Join-Path $TestDrive $name
                $pm = New-SamplePostmortem
                $pm | Export-Postmortem -Path $path
                $content = [System.IO.File]::ReadAllText($path)
                $content | Should -BeLike "# Postmortem draft.*`nid: $($pm.Id)`ntitle: OpenBao sealed after node reboot`n*"
            }
        }

        It 'writes a standalone HTML page to a .html file' {
            $path = Join-Path $TestDrive 'report.html'
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem -Path $path
            $content = [System.IO.File]::ReadAllText($path)
            $content | Should -BeLike '<!DOCTYPE html>*'
            $content | Should -Match '<title>Postmortem: OpenBao sealed after node reboot</title>'
            $content | Should -BeExactly ($pm | ConvertTo-PostmortemHtml)
        }

        It 'writes HTML for a .htm file' {
            $path = Join-Path $TestDrive 'report.htm'
            New-SamplePostmortem | Export-Postmortem -Path $path
            Get-Content -LiteralPath $path -Raw | Should -BeLike '<!DOCTYPE html>*'
        }

        It 'picks the format from the extension regardless of case' {
            $path = Join-Path $TestDrive 'UPPER.MD'
            New-SamplePostmortem | Export-Postmortem -Path $path
            Get-Content -LiteralPath $path -Raw | Should -BeLike '---*# Postmortem:*'
        }

        It 'writes UTF-8 without a byte order mark, keeping non-ASCII text' {
            $path = Join-Path $TestDrive 'utf8.md'
            New-SamplePostmortem | Export-Postmortem -Path $path
            $bytes = [System.IO.File]::ReadAllBytes($path)
            $bytes[0] | Should -Not -Be 0xEF
            [System.Text.Encoding]::UTF8.GetString($bytes) | Should -Match 'Vault seal alert fired — 5/5 pods'
        }

        It 'throws ExportFormatNotSupported for an unknown extension, and writes nothing' {
            $path = Join-Path $TestDrive 'report.txt'
            $pm = New-SamplePostmortem
            { $pm | Export-Postmortem -Path $path } | Should -Throw -ErrorId 'ExportFormatNotSupported,*'
            $path | Should -Not -Exist
        }

        It 'throws ExportFormatNotSupported for a path with no extension' {
            $path = Join-Path $TestDrive 'report'
            $pm = New-SamplePostmortem
            { $pm | Export-Postmortem -Path $path } | Should -Throw -ErrorId 'ExportFormatNotSupported,*'
            $path | Should -Not -Exist
        }

        It 'makes ExportFormatNotSupported terminating even with -ErrorAction SilentlyContinue' {
            $pm = New-SamplePostmortem
            { $pm | Export-Postmortem -Path (Join-Path $TestDrive 'x.docx') -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'ExportFormatNotSupported,*'
        }
    }

    Context 'relative paths' {
        It 'resolves a relative path against the current PowerShell location' {
            Push-Location -LiteralPath $TestDrive
            try {
                New-SamplePostmortem | Export-Postmortem -Path ./relative.md
            }
            finally {
                Pop-Location
            }
            Join-Path $TestDrive 'relative.md' | Should -Exist
        }
    }

    Context 'PowerShell paths' {
        It 'writes to a path on a PowerShell drive' {
            New-SamplePostmortem | Export-Postmortem -Path 'TestDrive:/on-drive.md'
            Join-Path $TestDrive 'on-drive.md' | Should -Exist
        }

        It 'takes a path with wildcard characters literally' {
            $path = Join-Path $TestDrive 'incident[1].md'
            New-SamplePostmortem | Export-Postmortem -Path $path
            Test-Path -LiteralPath $path | Should -BeTrue
        }

        It 'writes ExportManyToOnePath for the second of two postmortems piped to one path<_>, and writes the first only' -ForEach '', ' with -Force' {
            $path = Join-Path $TestDrive "two$($_ -replace ' ', '').md"
            $force = $_ -ne ''
            (New-Postmortem 'first'), (New-Postmortem 'second'), (New-Postmortem 'third') |
                Export-Postmortem -Path $path -Force:$force -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 2
            $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ExportManyToOnePath,*' }
            $errs[0].TargetObject.Title | Should -Be 'second'
            $errs[0].Exception.Message | Should -Match ([regex]::Escape($path))
            $errs[0].Exception.Message | Should -Match 'ForEach-Object'
            (Import-Postmortem -LiteralPath $path).Title | Should -BeExactly 'first'
        }
    }

    Context 'text a file cannot hold' {
        It 'writes half of an emoji as the replacement character, for .<_>' -ForEach 'yaml', 'md', 'html', 'svg' {
            $path = Join-Path $TestDrive "half-emoji.$_"
            $pm = New-SamplePostmortem | Set-Postmortem -RootCause ('The gateway ' + [char]0xD83D + ' rejected the chain')
            $pm | Add-TimelineEvent 14:09 ('Paged the on-call ' + [char]0xD83D) | Out-Null
            $pm.RootCause | Should -BeExactly ('The gateway ' + [char]0xFFFD + ' rejected the chain')
            $pm | Export-Postmortem -Path $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 0
            $path | Should -Exist
            if ($_ -in 'yaml', 'md') {
                $back = Import-Postmortem -LiteralPath $path
                $back.RootCause | Should -BeExactly $pm.RootCause
                $back.Timeline[1].Event | Should -BeExactly ('Paged the on-call ' + [char]0xFFFD)
            }
        }

        It 'writes a NUL from a journald record to a .md as a reference, and reads it back' {
            $path = Join-Path $TestDrive 'journald.md'
            $pm = New-SamplePostmortem | Add-TimelineEvent 14:05 ('kernel: nf_conntrack' + [char]0 + ' table full') -Source journald
            $pm | Export-Postmortem -Path $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 0
            [IO.File]::ReadAllBytes($path) -contains 0 | Should -BeFalse
            (Import-Postmortem -LiteralPath $path).Timeline[1].Event | Should -BeExactly $pm.Timeline[1].Event
        }

        It 'writes that NUL to a .yaml draft, escaped, and reads it back' {
            $path = Join-Path $TestDrive 'journald.yaml'
            $pm = New-SamplePostmortem | Add-TimelineEvent 14:05 ('kernel: nf_conntrack' + [char]0 + ' table full') -Source journald
            $pm | Export-Postmortem -Path $path
            (Import-Postmortem -LiteralPath $path).Timeline[1].Event | Should -BeExactly $pm.Timeline[1].Event
        }

        It 'refuses text that would come back changed with PostmortemNotReloadable, and gives the same verdict with -WhatIf' {
            $pm = New-SamplePostmortem
            $pm.Authors.Add('  Priya   Natarajan  ')
            $pm | Export-Postmortem -Path (Join-Path $TestDrive 'whatif.yaml') -WhatIf -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemNotReloadable,*'
            $errs[0].Exception.Message | Should -Match 'Authors\[\d\]'
        }

        It 'leaves an existing file as it was with -Force' {
            $path = Join-Path $TestDrive 'kept.md'
            Set-Content -LiteralPath $path -Value 'hand-written notes' -NoNewline
            $pm = New-Postmortem 'spaces'
            $pm.Authors.Add('  Priya   Natarajan  ')
            $pm | Export-Postmortem -Path $path -Force -ErrorAction SilentlyContinue
            Get-Content -LiteralPath $path -Raw | Should -BeExactly 'hand-written notes'
        }
    }

    Context 'secrets' {
        It 'warns before writing a pasted password, naming what and where and Protect-Postmortem, and still writes the file' {
            $path = Join-Path $TestDrive 'secret.yaml'
            $pm = New-SamplePostmortem | Set-Postmortem -RootCause 'The app connected with postgres://app:S3cr3t-Pa55@db:5432/orders and DB_PASSWORD=hunter2x'
            $pm | Export-Postmortem -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match 'password in a URL in RootCause'
            $warnings[0].Message | Should -Match 'Protect-Postmortem'
            $warnings[0].Message | Should -Match ([regex]::Escape($path))
            $path | Should -Exist
            (Import-Postmortem -LiteralPath $path).RootCause | Should -BeExactly $pm.RootCause
        }

        It 'warns with -WhatIf too (the warning comes before -Confirm asks)' {
            $pm = New-SamplePostmortem | Set-Postmortem -RootCause 'DB_PASSWORD=hunter2x'
            $pm | Export-Postmortem -Path (Join-Path $TestDrive 'whatif-secret.md') -WhatIf -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
        }

        It 'says nothing for a postmortem without secrets' {
            New-SamplePostmortem | Export-Postmortem -Path (Join-Path $TestDrive 'clean.md') -WarningVariable warnings
            $warnings.Count | Should -Be 0
        }

        It 'warns for an .svg only of what the chart shows: the timeline' {
            $pm = New-SamplePostmortem | Set-Postmortem -RootCause 'DB_PASSWORD=hunter2x'
            $pm | Export-Postmortem -Path (Join-Path $TestDrive 'chart.svg') -WarningVariable warnings
            $warnings.Count | Should -Be 0
            $pm | Add-TimelineEvent 14:03 'curl -H "Authorization: Bearer abcdefghijklmnop1234"' | Out-Null
            $pm | Export-Postmortem -Path (Join-Path $TestDrive 'chart2.svg') -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match 'bearer token in Timeline\[1\]'
        }
    }

    Context 'racing writers' {
        It 'lets exactly one of many exports racing to one new path write it; the others get ExportFileExists' {
            $path = Join-Path $TestDrive 'race.yaml'
            $module = $env:POSTMORTEM_MODULE_PATH
            # Each runspace loads the module first, then all export at the same moment.
            $start = [DateTime]::UtcNow.AddSeconds(4)
            $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:module
                $pm = New-Postmortem "writer $_" -RootCause ('x' * 50000)
                $wait = $using:start - [DateTime]::UtcNow
                if ($wait -gt [TimeSpan]::Zero) { Start-Sleep -Duration $wait }
                $out = $pm | Export-Postmortem -Path $using:path -PassThru -ErrorAction SilentlyContinue -ErrorVariable errs
                [pscustomobject]@{ Title = $pm.Title; Written = $null -ne $out; Errors = @($errs | ForEach-Object FullyQualifiedErrorId) }
            }
            @($results | Where-Object Written).Count | Should -Be 1
            $losers = @($results | Where-Object { -not $_.Written })
            $losers.Count | Should -Be 7
            foreach ($loser in $losers) { $loser.Errors | Should -HaveCount 1; $loser.Errors[0] | Should -BeLike 'ExportFileExists,*' }
            (Import-Postmortem -LiteralPath $path).Title | Should -Be ($results | Where-Object Written).Title
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.tmp') | Should -BeNullOrEmpty
        }
    }

    Context 'existing files' {
        BeforeEach {
            $script:path = Join-Path $TestDrive 'existing.md'
            Set-Content -LiteralPath $script:path -Value 'hand-written notes' -NoNewline
        }

        It 'writes ExportFileExists and leaves the file''s content untouched' {
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem -Path $script:path -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists*'
            $errs[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            Get-Content -LiteralPath $script:path -Raw | Should -BeExactly 'hand-written notes'
        }

        It 'emits no FileInfo with -PassThru when the file exists' {
            $out = New-SamplePostmortem | Export-Postmortem -Path $script:path -PassThru -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
        }

        It 'replaces the file with -Force' {
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem -Path $script:path -Force
            [System.IO.File]::ReadAllText($script:path) | Should -BeExactly ($pm | ConvertTo-PostmortemMarkdown -FrontMatter)
        }

        It 'keeps the file''s permissions with -Force: a 0600 draft stays 0600' -Skip:$IsWindows {
            [System.IO.File]::SetUnixFileMode($script:path, [System.IO.UnixFileMode]'UserRead, UserWrite')
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem -Path $script:path -Force
            [System.IO.File]::GetUnixFileMode($script:path) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
            [System.IO.File]::ReadAllText($script:path) | Should -BeExactly ($pm | ConvertTo-PostmortemMarkdown -FrontMatter)
        }

        It 'writes through a symbolic link with -Force: the link stays, the file it points to gets the content' -Skip:$IsWindows {
            $link = Join-Path $TestDrive 'current.md'
            New-Item -ItemType SymbolicLink -Path $link -Target $script:path | Out-Null
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem -Path $link -Force
            (Get-Item -LiteralPath $link).LinkType | Should -Be 'SymbolicLink'
            (Get-Item -LiteralPath $link).LinkTarget | Should -Be $script:path
            [System.IO.File]::ReadAllText($script:path) | Should -BeExactly ($pm | ConvertTo-PostmortemMarkdown -FrontMatter)
            Remove-Item -LiteralPath $link
        }

        It 'does not write through a symbolic link without -Force: the link holds the name' -Skip:$IsWindows {
            $link = Join-Path $TestDrive 'current.md'
            New-Item -ItemType SymbolicLink -Path $link -Target $script:path | Out-Null
            New-SamplePostmortem | Export-Postmortem -Path $link -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
            Get-Content -LiteralPath $script:path -Raw | Should -BeExactly 'hand-written notes'
            Remove-Item -LiteralPath $link
        }

        It 'leaves no temporary files behind after -Force' {
            New-SamplePostmortem | Export-Postmortem -Path $script:path -Force
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.tmp') | Should -BeNullOrEmpty
        }

        It 'leaves an existing file unchanged with -WhatIf -Force' {
            New-SamplePostmortem | Export-Postmortem -Path $script:path -WhatIf -Force
            Get-Content -LiteralPath $script:path -Raw | Should -BeExactly 'hand-written notes'
        }
    }

    Context 'which files it replaces, with Save-Postmortem' {
        It 'exports a new postmortem again to the same draft without -Force, as its own file, and Save-Postmortem saves there next' {
            $path = Join-Path $TestDrive 'again.yaml'
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem $path
            $pm.SourcePath | Should -Be $path
            $pm | Set-Postmortem -RootCause 'The unseal keys were not on the node after the reboot.' | Out-Null
            $pm | Export-Postmortem $path -ErrorVariable errs
            $errs | Should -HaveCount 0
            (Import-Postmortem -LiteralPath $path).RootCause | Should -BeExactly 'The unseal keys were not on the node after the reboot.'
            $pm | Set-Postmortem -Severity P1 | Save-Postmortem -ErrorVariable errs
            $errs | Should -HaveCount 0
            (Import-Postmortem -LiteralPath $path).Severity | Should -Be 'P1'
        }

        It 'writes a postmortem read from a file back to it without -Force' {
            $path = Join-Path $TestDrive 'read.md'
            New-SamplePostmortem | Export-Postmortem $path
            $pm = Import-Postmortem -LiteralPath $path | Set-Postmortem -Severity P3
            $pm | Export-Postmortem $path -ErrorVariable errs
            $errs | Should -HaveCount 0
            (Import-Postmortem -LiteralPath $path).Severity | Should -Be 'P3'
        }

        It 'never writes over a teammate''s change to its own file: PostmortemFileChanged, unless -Force' {
            $path = Join-Path $TestDrive 'teammate.yaml'
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem $path
            $theirs = (Get-Content -LiteralPath $path -Raw) -replace 'severity: P2', 'severity: P1'
            [System.IO.File]::WriteAllText($path, $theirs)
            $pm | Export-Postmortem $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileChanged,*'
            $errs[0].Exception.Message | Should -BeLike '*changed on disk since*-Force*'
            [System.IO.File]::ReadAllText($path) | Should -BeExactly $theirs
            $pm | Export-Postmortem $path -WhatIf
            [System.IO.File]::ReadAllText($path) | Should -BeExactly $theirs
            $pm | Export-Postmortem $path -Force
            (Import-Postmortem -LiteralPath $path).Severity | Should -Be 'P2'
        }

        It 'replaces an existing <_> page without -Force, as Export-Csv does, and keeps it with -NoClobber' -ForEach 'html', 'svg' {
            $path = Join-Path $TestDrive "page.$_"
            Set-Content -LiteralPath $path -Value 'an older page' -NoNewline
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem $path -ErrorVariable errs
            $errs | Should -HaveCount 0
            [System.IO.File]::ReadAllText($path) | Should -Not -Be 'an older page'
            $pm.SourcePath | Should -BeNullOrEmpty
            Set-Content -LiteralPath $path -Value 'an older page' -NoNewline
            $pm | Export-Postmortem $path -NoClobber -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
            $errs[0].Exception.Message | Should -BeLike '*-NoClobber keeps*'
            [System.IO.File]::ReadAllText($path) | Should -BeExactly 'an older page'
        }

        It 'keeps a .md or .yaml it was not read from, naming Save-Postmortem for its own file' {
            $own = Join-Path $TestDrive 'own.yaml'
            $other = Join-Path $TestDrive 'other.yaml'
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem $own
            New-Postmortem 'someone else''s' | Export-Postmortem $other
            $before = [System.IO.File]::ReadAllText($other)
            $pm | Export-Postmortem $other -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
            $errs[0].Exception.Message | Should -BeLike "*was not read from it*use Save-Postmortem*-Force*"
            [System.IO.File]::ReadAllText($other) | Should -BeExactly $before
            $pm.SourcePath | Should -Be $own
        }

        It 'keeps even its own file with -NoClobber' {
            $path = Join-Path $TestDrive 'noclobber.yaml'
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem $path
            $before = [System.IO.File]::ReadAllText($path)
            $pm | Set-Postmortem -Severity P1 | Export-Postmortem $path -NoClobber -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists,*'
            [System.IO.File]::ReadAllText($path) | Should -BeExactly $before
        }

        It 'refuses -Force with -NoClobber before anything is written: ExportForceWithNoClobber' {
            $path = Join-Path $TestDrive 'both.yaml'
            { New-SamplePostmortem | Export-Postmortem $path -Force -NoClobber } | Should -Throw -ErrorId 'ExportForceWithNoClobber,*'
            $path | Should -Not -Exist
        }

        It 'gives a postmortem no file under -WhatIf, and keeps the file it has when exported elsewhere' {
            $pm = New-SamplePostmortem
            $pm | Export-Postmortem (Join-Path $TestDrive 'whatif-own.yaml') -WhatIf
            $pm.SourcePath | Should -BeNullOrEmpty
            $first = Join-Path $TestDrive 'first.yaml'
            $pm | Export-Postmortem $first
            $pm | Export-Postmortem (Join-Path $TestDrive 'copy.md')
            $pm.SourcePath | Should -Be $first
        }
    }

    Context '-WhatIf' {
        It 'writes nothing with -WhatIf' {
            $path = Join-Path $TestDrive 'whatif.md'
            $out = New-SamplePostmortem | Export-Postmortem -Path $path -WhatIf -PassThru
            $path | Should -Not -Exist
            $out | Should -BeNullOrEmpty
        }

        It 'supports ShouldProcess' {
            (Get-Command Export-Postmortem).Parameters.Keys | Should -Contain 'WhatIf'
            (Get-Command Export-Postmortem).Parameters.Keys | Should -Contain 'Confirm'
        }
    }

    Context '-PassThru' {
        It 'emits a FileInfo for the written file' {
            $path = Join-Path $TestDrive 'passthru.md'
            $out = @(New-SamplePostmortem | Export-Postmortem -Path $path -PassThru)
            $out.Count | Should -Be 1
            $out[0] | Should -BeOfType ([System.IO.FileInfo])
            $out[0].FullName | Should -Be ([System.IO.Path]::GetFullPath($path))
            $out[0].Exists | Should -BeTrue
            $out[0].Length | Should -BeGreaterThan 0
        }
    }

    Context 'a folder as the path' {
        It 'throws ExportPathIsFolder for a folder named <_>, saying to give a file name, and writes nothing' -ForEach 'drafts', 'report.md' {
            $folder = Join-Path $TestDrive $_
            New-Item -ItemType Directory -Path $folder | Out-Null
            foreach ($force in $false, $true) {
                $err = $null
                try { New-SamplePostmortem | Export-Postmortem -Path $folder -Force:$force -ErrorAction SilentlyContinue } catch { $err = $_ }
                $err.FullyQualifiedErrorId | Should -BeLike 'ExportPathIsFolder,*'
                $err.Exception.Message | Should -Match 'is a folder'
                $err.Exception.Message | Should -Match 'file name'
                $err.Exception.Message | Should -Not -Match 'already exists'
            }
            @(Get-ChildItem -LiteralPath $folder -Force) | Should -BeNullOrEmpty
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.tmp') | Should -BeNullOrEmpty
        }
    }

    Context 'temporary files' {
        It 'removes what a killed export to the same file left more than an hour ago, and nothing else' {
            $path = Join-Path $TestDrive 'killed.yaml'
            $stale = Join-Path $TestDrive '.killed.yaml.postmortem-0123abcd.tmp'
            $fresh = Join-Path $TestDrive '.killed.yaml.postmortem-89abcdef.tmp'
            $other = Join-Path $TestDrive '.killed.yaml.backup.tmp'
            foreach ($file in $stale, $fresh, $other) { Set-Content -LiteralPath $file -Value 'partial' }
            (Get-Item -LiteralPath $stale -Force).LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-2)
            (Get-Item -LiteralPath $other -Force).LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-2)
            New-SamplePostmortem | Export-Postmortem -Path $path
            $stale | Should -Not -Exist
            $fresh | Should -Exist
            $other | Should -Exist
            Remove-Item -LiteralPath $fresh, $other -Force
        }
    }

    Context 'missing folder' {
        It 'writes ExportFolderNotFound and creates nothing' {
            $folder = Join-Path $TestDrive 'no-such-folder'
            $path = Join-Path $folder 'report.md'
            New-SamplePostmortem | Export-Postmortem -Path $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExportFolderNotFound*'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $folder | Should -Not -Exist
        }
    }
}
