BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    . (Join-Path $PSScriptRoot 'HostText.ps1')
    # 4 action items; ActionItems[0] is PAY-1423, owned by payments SRE, due 2026-12-04, P1.
}

Describe 'Set-ActionItem by index' {
    It 'changes the owner, due date, priority, status, tracking and action of ActionItems[n]' {
        $pm = New-CheckoutPostmortem
        $out = $pm | Set-ActionItem 1 -Owner 'Dana Okafor' -DueDate 2027-01-15 -Priority P1 -Status Done -Tracking OBS-77 -Action 'Add a Prometheus alert on gateway chain errors'
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        $item = $pm.ActionItems[1]
        $item.Owner | Should -BeExactly 'Dana Okafor'
        $item.DueDate | Should -Be ([datetime]'2027-01-15')
        $item.Priority | Should -Be 'P1'
        $item.Status | Should -Be 'Done'
        $item.Tracking | Should -BeExactly 'OBS-77'
        $item.Action | Should -BeExactly 'Add a Prometheus alert on gateway chain errors'
        $pm.ActionItems[0].Owner | Should -BeExactly 'payments SRE'
    }

    It 'clears the owner, due date, priority and tracking with $null' {
        $pm = New-CheckoutPostmortem
        $pm | Set-ActionItem 0 -Owner $null -DueDate $null -Priority $null -Tracking '' | Out-Null
        $pm.ActionItems[0].Owner | Should -BeNullOrEmpty
        $pm.ActionItems[0].DueDate | Should -BeNullOrEmpty
        $pm.ActionItems[0].Priority | Should -BeNullOrEmpty
        $pm.ActionItems[0].Tracking | Should -BeNullOrEmpty
    }

    It 'refuses a blank action and changes nothing' {
        $pm = New-CheckoutPostmortem
        $pm | Set-ActionItem 0 -Action ' ' -Owner nobody -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPostmortemValue,*'
        $pm.ActionItems[0].Owner | Should -BeExactly 'payments SRE'
    }

    It 'reports an index past the end as ActionItemNotFound, naming the range' {
        $pm = New-CheckoutPostmortem
        $pm | Set-ActionItem 4 -Status Done -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ActionItemNotFound,*'
        $errs[0].Exception.Message | Should -BeLike '*no ActionItems`[4`]*ActionItems`[0`] to ActionItems`[3`]*'
    }

    It 'changes nothing with -WhatIf, and says what would change' {
        $pm = New-CheckoutPostmortem
        $said = Get-HostText { $pm | Set-ActionItem 0 -Status Done -Owner $null -WhatIf }
        $pm.ActionItems[0].Status | Should -Be 'Open'
        $pm.ActionItems[0].Owner | Should -BeExactly 'payments SRE'
        $said | Should -BeLike '*Set action item*no owner*status Done*ActionItems`[0`]*'
    }

    It 'on a final postmortem changes the status and tracking, and refuses the rest: PostmortemLocked' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm | Set-ActionItem 0 -Status Done -Tracking PAY-1500 -ErrorAction Stop | Out-Null
        $pm.ActionItems[0].Status | Should -Be 'Done'
        $pm.ActionItems[0].Tracking | Should -BeExactly 'PAY-1500'
        $pm | Set-ActionItem 1 -Owner nobody -Status Done -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $errs[0].Exception.Message | Should -BeLike '*Unlock-Postmortem*'
        $pm.ActionItems[1].Owner | Should -BeExactly 'observability'
        $pm.ActionItems[1].Status | Should -Be 'Open'
    }
}

Describe 'Set-ActionItem with items from the pipeline' {
    It 'changes the items filtered from the very list, and passes the postmortem on once with -PassThru' {
        $pm = New-CheckoutPostmortem
        $out = @($pm.ActionItems | Where-Object Owner -eq 'payments SRE' | Set-ActionItem -Postmortem $pm -Owner 'Priya Natarajan' -PassThru)
        $out | Should -HaveCount 1
        [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
        @($pm.ActionItems | Where-Object Owner -eq 'Priya Natarajan') | Should -HaveCount 2
        @($pm.ActionItems | Where-Object Owner -eq 'payments SRE') | Should -HaveCount 0
    }

    It 'reports an item of another postmortem and leaves it alone' {
        $pm = New-CheckoutPostmortem
        $other = New-CheckoutPostmortem
        $other.ActionItems[0] | Set-ActionItem -Postmortem $pm -Status Done -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ActionItemNotFound,*'
        $other.ActionItems[0].Status | Should -Be 'Open'
    }

    It 'changes nothing with -WhatIf' {
        $pm = New-CheckoutPostmortem
        $pm.ActionItems | Set-ActionItem -Postmortem $pm -Status Done -WhatIf
        @($pm.ActionItems | Where-Object Status -eq 'Done') | Should -HaveCount 0
    }
}
