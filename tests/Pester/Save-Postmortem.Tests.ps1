BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    # A draft on disk, read back: the postmortem knows its file (SourcePath) and what the file held.
    function New-SavedDraft([string] $Name = 'draft.yaml') {
        $path = Join-Path $TestDrive $Name
        New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 |
            Add-TimelineEvent 14:02 'Vault seal alert fired' -Milestone FirstSymptom |
            Export-Postmortem -Path $path -Force
        Import-Postmortem -LiteralPath $path
    }
}

Describe 'Save-Postmortem' {
    Context 'writing back' {
        It 'writes the postmortem back to the <_> it was read from, in its format' -ForEach 'draft.yaml', 'page.md' {
            $pm = New-SavedDraft $_
            $pm | Set-Postmortem -RootCause 'The unseal keys were not on the node after reboot.' | Out-Null
            $out = $pm | Save-Postmortem
            $out | Should -BeNullOrEmpty
            (Import-Postmortem -LiteralPath $pm.SourcePath).RootCause | Should -BeExactly 'The unseal keys were not on the node after reboot.'
            [System.IO.File]::ReadAllText($pm.SourcePath) | Should -BeExactly ([Postmortems.Serialization.PostmortemFile]::Render($pm, $pm.SourcePath))
        }

        It 'saves again after the next change: its own save is no change on disk' {
            $pm = New-SavedDraft
            $pm | Set-Postmortem -Severity P3 | Save-Postmortem
            $pm | Set-Postmortem -Severity P1 | Save-Postmortem -ErrorVariable errs
            $errs.Count | Should -Be 0
            (Import-Postmortem -LiteralPath $pm.SourcePath).Severity | Should -Be 'P1'
        }

        It 'emits the postmortem with -PassThru' {
            $pm = New-SavedDraft
            $out = @($pm | Save-Postmortem -PassThru)
            $out.Count | Should -Be 1
            [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
        }

        It 'keeps the file''s permissions' -Skip:$IsWindows {
            $pm = New-SavedDraft
            [System.IO.File]::SetUnixFileMode($pm.SourcePath, [System.IO.UnixFileMode]'UserRead, UserWrite')
            $pm | Set-Postmortem -Severity P3 | Save-Postmortem
            [System.IO.File]::GetUnixFileMode($pm.SourcePath) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        }
    }

    Context 'a file changed on disk' {
        BeforeEach {
            $script:pm = New-SavedDraft
            $script:teammates = (Get-Content -LiteralPath $script:pm.SourcePath -Raw) -replace 'Vault seal alert fired', 'Vault seal alert fired for openbao-0'
            Set-Content -LiteralPath $script:pm.SourcePath -Value $script:teammates -NoNewline
            $script:pm | Set-Postmortem -Severity P1 | Out-Null
        }

        It 'writes PostmortemFileChanged and leaves the teammate''s change as it is' {
            $script:pm | Save-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileChanged,*'
            $errs[0].Exception.Message | Should -Match 'changed on disk'
            $errs[0].Exception.Message | Should -Match '-Force'
            Get-Content -LiteralPath $script:pm.SourcePath -Raw | Should -BeExactly $script:teammates
        }

        It 'gives the same verdict with -WhatIf' {
            $script:pm | Save-Postmortem -WhatIf -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileChanged,*'
        }

        It 'writes over it with -Force' {
            $script:pm | Save-Postmortem -Force
            (Import-Postmortem -LiteralPath $script:pm.SourcePath).Severity | Should -Be 'P1'
        }

        It 'writes PostmortemFileChanged when the file was deleted since, and makes it again only with -Force' {
            Remove-Item -LiteralPath $script:pm.SourcePath
            $script:pm | Save-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemFileChanged,*'
            $errs[0].Exception.Message | Should -Match 'no longer exists'
            $script:pm.SourcePath | Should -Not -Exist
            $script:pm | Save-Postmortem -Force
            $script:pm.SourcePath | Should -Exist
        }
    }

    Context 'refusals' {
        It 'writes PostmortemNotFromFile for a postmortem read from no file, pointing to Export-Postmortem' {
            New-Postmortem 'never saved' | Save-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemNotFromFile,*'
            $errs[0].Exception.Message | Should -Match 'Export-Postmortem'
        }

        It 'refuses text that would come back changed with PostmortemNotReloadable and leaves the file as it was' {
            $pm = New-SavedDraft 'page.md'
            $before = Get-Content -LiteralPath $pm.SourcePath -Raw
            $pm.Authors.Add('  Priya   Natarajan  ')
            $pm | Save-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemNotReloadable,*'
            $errs[0].Exception.Message | Should -Match 'Authors'
            Get-Content -LiteralPath $pm.SourcePath -Raw | Should -BeExactly $before
        }

        It 'saves half of an emoji as the replacement character and a NUL in a .md, and reads both back' {
            $pm = New-SavedDraft 'page.md'
            $pm | Set-Postmortem -RootCause ('cut ' + [char]0xD83D) | Add-TimelineEvent 14:05 ('kernel: table full' + [char]0) -Source journald | Save-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 0
            $back = Import-Postmortem -LiteralPath $pm.SourcePath
            $back.RootCause | Should -BeExactly ('cut ' + [char]0xFFFD)
            @($back.Timeline | Where-Object Source -EQ 'journald')[0].Event | Should -BeExactly ('kernel: table full' + [char]0)
        }

        It 'warns of a secret and still saves' {
            $pm = New-SavedDraft
            $pm | Set-Postmortem -RootCause 'DB_PASSWORD=hunter2x was in the log' | Save-Postmortem -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match 'password in RootCause'
            $warnings[0].Message | Should -Match 'Protect-Postmortem'
            (Import-Postmortem -LiteralPath $pm.SourcePath).RootCause | Should -Match 'hunter2x'
        }
    }

    Context '-WhatIf' {
        It 'writes nothing with -WhatIf' {
            $pm = New-SavedDraft
            $before = Get-Content -LiteralPath $pm.SourcePath -Raw
            $out = $pm | Set-Postmortem -Severity P4 | Save-Postmortem -WhatIf -PassThru
            $out | Should -BeNullOrEmpty
            Get-Content -LiteralPath $pm.SourcePath -Raw | Should -BeExactly $before
        }

        It 'supports ShouldProcess' {
            (Get-Command Save-Postmortem).Parameters.Keys | Should -Contain 'WhatIf'
            (Get-Command Save-Postmortem).Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}
