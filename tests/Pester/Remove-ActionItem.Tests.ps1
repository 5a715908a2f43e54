BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    . (Join-Path $PSScriptRoot 'HostText.ps1')
    # 4 action items; ActionItems[2] is 'Update the rotation runbook with the rollback steps'.
}

Describe 'Remove-ActionItem by index' {
    It 'removes ActionItems[n] and passes the postmortem on' {
        $pm = New-CheckoutPostmortem
        $out = $pm | Remove-ActionItem 2
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        @($pm.ActionItems.Action) | Should -Not -Contain 'Update the rotation runbook with the rollback steps'
        $pm.ActionItems.Count | Should -Be 3
    }

    It 'takes several indexes, all counted in the list as it was, and reports one past the end' {
        $pm = New-CheckoutPostmortem
        $keep = @($pm.ActionItems[1], $pm.ActionItems[2])
        $pm | Remove-ActionItem -Index 3, 0, 9 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        @($pm.ActionItems) | Should -Be $keep
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ActionItemNotFound,*'
        $errs[0].Exception.Message | Should -BeLike '*no ActionItems`[9`]*ActionItems`[0`] to ActionItems`[3`]*'
    }

    It 'removes nothing with -WhatIf, and says what would go' {
        $pm = New-CheckoutPostmortem
        $said = Get-HostText { $pm | Remove-ActionItem 2 -WhatIf }
        $pm.ActionItems.Count | Should -Be 4
        $said | Should -BeLike '*Remove action item*Update the rotation runbook with the rollback steps in*'
    }

    It 'changes nothing on a final postmortem: PostmortemLocked' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm | Remove-ActionItem 0 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $pm.ActionItems.Count | Should -Be 4
    }
}

Describe 'Remove-ActionItem with items from the pipeline' {
    It 'removes the items filtered from the very list it changes, and -PassThru writes the postmortem once' {
        $pm = New-CheckoutPostmortem
        $out = @($pm.ActionItems | Where-Object Owner -eq 'payments SRE' | Remove-ActionItem -Postmortem $pm -PassThru)
        $out | Should -HaveCount 1
        [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
        @($pm.ActionItems.Owner) | Should -Be @('observability', 'platform')
    }

    It 'takes only the very objects in the postmortem: a look-alike from elsewhere is ActionItemNotFound' {
        $pm = New-CheckoutPostmortem
        $other = New-CheckoutPostmortem
        $other.ActionItems[0] | Remove-ActionItem -Postmortem $pm -ErrorVariable errs -ErrorAction SilentlyContinue
        $pm.ActionItems.Count | Should -Be 4
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ActionItemNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
