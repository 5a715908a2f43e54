BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    . (Join-Path $PSScriptRoot 'HostText.ps1')
    # 4 whys and 2 contributing factors.
}

Describe 'Remove-Why' {
    It 'removes Whys[n] by index and passes the postmortem on' {
        $pm = New-CheckoutPostmortem
        $keep = @($pm.Whys[0], $pm.Whys[1], $pm.Whys[2])
        $out = $pm | Remove-Why 3
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        @($pm.Whys) | Should -Be $keep
    }

    It 'removes whys by their text from the pipeline, and reports a text that is not there' {
        $pm = New-CheckoutPostmortem
        $pm.Whys | Where-Object { $_ -like 'Why did it lack it*' } | Remove-Why -Postmortem $pm
        $pm.Whys.Count | Should -Be 3
        Remove-Why -Postmortem $pm -Text 'Why not?' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EntryNotFound,*'
        $errs[0].Exception.Message | Should -BeLike "*why 'Why not?' is not in Whys*"
        $pm.Whys.Count | Should -Be 3
    }

    It 'removes by position when two whys read the same, and every copy when given the text' {
        $pm = New-Postmortem 'repeated' | Add-Why 'Why A?', 'Why B?', 'Why A?'
        $pm | Remove-Why 2 | Out-Null
        @($pm.Whys) | Should -Be @('Why A?', 'Why B?')
        $pm | Add-Why 'Why A?' | Out-Null
        Remove-Why -Postmortem $pm -Text 'Why A?'
        @($pm.Whys) | Should -Be @('Why B?')
    }

    It 'says what would go with -WhatIf and removes nothing' {
        $pm = New-CheckoutPostmortem
        $said = Get-HostText { $pm | Remove-Why 0 -WhatIf }
        $said | Should -BeLike '*Remove why*Why did checkout fail?*'
        $pm.Whys.Count | Should -Be 4
    }

    It 'reports an index past the end as EntryNotFound, naming the range' {
        $pm = New-CheckoutPostmortem
        $pm | Remove-Why 4 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EntryNotFound,*'
        $errs[0].Exception.Message | Should -BeLike '*no Whys`[4`]*Whys`[0`] to Whys`[3`]*'
    }

    It 'changes nothing on a final postmortem: PostmortemLocked' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm.Whys | Remove-Why -Postmortem $pm -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $pm.Whys.Count | Should -Be 4
    }
}

Describe 'Remove-ContributingFactor' {
    It 'removes by index and by text, with -PassThru once at the end' {
        $pm = New-CheckoutPostmortem
        $pm | Remove-ContributingFactor 1 | Out-Null
        @($pm.ContributingFactors) | Should -Be @('No alert on certificate chain errors in the gateway')
        $out = @('No alert on certificate chain errors in the gateway' | Remove-ContributingFactor -Postmortem $pm -PassThru)
        $out | Should -HaveCount 1
        @($pm.ContributingFactors) | Should -HaveCount 0
    }
}

Describe 'Remove-Observation' {
    It 'removes from the list -Section names, by index and by text, leaving the other list alone' {
        $pm = New-CheckoutPostmortem   # 2 WentWell, 1 WentPoorly
        $pm | Remove-Observation -Section WentWell 0 | Out-Null
        @($pm.WentWell) | Should -Be @('The bundle rollback worked as expected')
        $pm.WentPoorly.Count | Should -Be 1
        $pm.WentPoorly | Remove-Observation -Postmortem $pm -Section WentPoorly
        $pm.WentPoorly.Count | Should -Be 0
        $pm.WentWell.Count | Should -Be 1
    }

    It 'names the list in its errors, and refuses a -Section that is no list' {
        $pm = New-CheckoutPostmortem
        $pm | Remove-Observation -Section WentPoorly 3 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EntryNotFound,*'
        $errs[0].Exception.Message | Should -BeLike '*no WentPoorly`[3`]*WentPoorly`[0`] to WentPoorly`[0`]*'
        { $pm | Remove-Observation -Section Lessons 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Removing a text with the postmortem piped in' {
    It '<Command> takes the text first or as -Text from a piped postmortem, removes it and passes the postmortem on' -ForEach @(
        @{ Command = 'Remove-Why'; List = 'Whys'; Extra = @{} }
        @{ Command = 'Remove-ContributingFactor'; List = 'ContributingFactors'; Extra = @{} }
        @{ Command = 'Remove-Observation'; List = 'WentWell'; Extra = @{ Section = 'WentWell' } }
    ) {
        $pm = New-CheckoutPostmortem
        $first, $second = $pm.$List[0], $pm.$List[1]
        $out = $pm | & $Command $first @Extra
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        @($pm.$List) | Should -Not -Contain $first
        $out = $pm | & $Command -Text $second @Extra
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        @($pm.$List) | Should -Not -Contain $second
    }

    It 'removes the README''s factor by text: $pm | Remove-ContributingFactor ''No alert ...''' {
        $pm = New-CheckoutPostmortem
        $pm | Remove-ContributingFactor 'No alert on certificate chain errors in the gateway' | Out-Null
        @($pm.ContributingFactors) | Should -HaveCount 1
        @($pm.ContributingFactors) | Should -Not -Contain 'No alert on certificate chain errors in the gateway'
    }

    It 'still takes a number as the index, and -Postmortem with -Text and no pipeline' {
        $pm = New-CheckoutPostmortem
        $last = $pm.Whys[3]
        $pm | Remove-Why 3 | Out-Null
        @($pm.Whys) | Should -Not -Contain $last
        $first = $pm.Whys[0]
        Remove-Why -Postmortem $pm -Text $first
        @($pm.Whys) | Should -Not -Contain $first
        $pm.Whys.Count | Should -Be 2
    }

    It 'names the entry that was meant when a text is only part of one: EntryNotFound, nothing removed' {
        $pm = New-CheckoutPostmortem
        $pm | Remove-ContributingFactor 'No alert on certificate...' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'EntryNotFound,*'
        $errs[0].Exception.Message | Should -BeLike "*Did you mean 'No alert on certificate chain errors in the gateway' (ContributingFactors``[0``])*"
        $pm.ContributingFactors.Count | Should -Be 2
    }

    It 'refuses a piped postmortem with neither index nor text: EntryNotGiven, nothing removed' {
        $pm = New-CheckoutPostmortem
        { $pm | Remove-Why -ErrorAction Stop } | Should -Throw -ErrorId 'EntryNotGiven,*'
        $pm.Whys.Count | Should -Be 4
    }

    It 'removes nothing from a final postmortem: PostmortemLocked, and the postmortem is passed on' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $out = $pm | Remove-Why $pm.Whys[0] -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        $pm.Whys.Count | Should -Be 4
    }

    It 'says what would go with -WhatIf and removes nothing' {
        $pm = New-CheckoutPostmortem
        $said = Get-HostText { $pm | Remove-Why $pm.Whys[0] -WhatIf | Out-Null }
        $said | Should -BeLike '*Remove why*Why did checkout fail?*'
        $pm.Whys.Count | Should -Be 4
    }
}
