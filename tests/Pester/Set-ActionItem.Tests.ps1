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

Describe 'Set-ActionItem statuses: in progress, done on a day, won''t do for a reason' {
    It 'on a final postmortem records the day an item was done and why another won''t be done, and corrects each alone' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm | Set-ActionItem 0 -Status Done -DoneDate 2026-12-01 -ErrorAction Stop |
            Set-ActionItem 1 -Status WontDo -Reason 'The gateway alerts on chain errors itself since v2.14' -ErrorAction Stop |
            Set-ActionItem 2 -Status InProgress -ErrorAction Stop | Out-Null
        $pm.IsLocked | Should -BeTrue
        $pm.ActionItems[0].StatusText | Should -BeExactly 'Done (2026-12-01)'
        $pm.ActionItems[1].StatusText | Should -BeExactly "Won't do: The gateway alerts on chain errors itself since v2.14"
        $pm.ActionItems[2].Status | Should -Be 'InProgress'

        $pm | Set-ActionItem 0 -DoneDate 2026-12-02 -ErrorAction Stop | Set-ActionItem 1 -Reason 'Covered by the gateway alert' -ErrorAction Stop | Out-Null
        $pm.ActionItems[0].DoneDate | Should -Be ([datetime]'2026-12-02')
        $pm.ActionItems[1].StatusReason | Should -BeExactly 'Covered by the gateway alert'
        ($pm | ConvertTo-PostmortemMarkdown) | Should -Match "\| P2 \| Won't do: Covered by the gateway alert \|"
    }

    It 'records today (UTC) when set Done without a day, and an item already done keeps its day' {
        $pm = New-CheckoutPostmortem
        $before = [datetime]::UtcNow.Date
        $pm | Set-ActionItem 0, 1 -Status Done | Out-Null
        $pm.ActionItems[0].DoneDate | Should -BeGreaterOrEqual $before
        $pm.ActionItems[0].DoneDate | Should -BeLessOrEqual ([datetime]::UtcNow.Date)
        $pm | Set-ActionItem 1 -DoneDate 2026-11-30 | Set-ActionItem 1 -Status Done | Out-Null
        $pm.ActionItems[1].DoneDate | Should -Be ([datetime]'2026-11-30')
    }

    It 'refuses WontDo without a reason, with InvalidActionItemStatus, and changes no item' {
        $pm = New-CheckoutPostmortem -Context Homelab | Complete-Postmortem -Force
        $pm | Set-ActionItem 0, 1 -Status WontDo -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidActionItemStatus,*'
        "$($errs[0].CategoryInfo.Category)" | Should -Be 'InvalidArgument'
        $errs[0].Exception.Message | Should -BeLike "ActionItems``[0``]*needs its reason*-Reason*"
        @($pm.ActionItems.Status | Select-Object -Unique) | Should -Be @('Open')
    }

    It 'refuses a done date on an item that is not done, and a reason without WontDo, naming the item' {
        $pm = New-CheckoutPostmortem
        $pm | Set-ActionItem 2 -DoneDate 2026-12-01 -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidActionItemStatus,*'
        $errs[0].Exception.Message | Should -BeLike "ActionItems``[2``] 'Update the rotation runbook*Only a done item has a done date*-Status Done*"
        $pm | Set-ActionItem 2 -Status InProgress -Reason 'blocked' -ErrorVariable errs2 -ErrorAction SilentlyContinue | Out-Null
        $errs2[0].Exception.Message | Should -BeLike '*Only an item that won''t be done has a reason*'
        $pm.ActionItems[2].Status | Should -Be 'Open'
    }

    It 'says the reason and the day with -WhatIf, and changes nothing' {
        $pm = New-CheckoutPostmortem
        $said = Get-HostText { $pm | Set-ActionItem 1 -Status WontDo -Reason 'Covered elsewhere' -WhatIf }
        $said | Should -BeLike "*status WontDo, reason 'Covered elsewhere'*"
        $said = Get-HostText { $pm | Set-ActionItem 0 -Status Done -DoneDate 2026-12-01 -WhatIf }
        $said | Should -BeLike '*status Done, done 2026-12-01*'
        @($pm.ActionItems.Status | Select-Object -Unique) | Should -Be @('Open')
    }

    It 'sets a status with its reason on items piped from the list' {
        $pm = New-CheckoutPostmortem
        $pm.ActionItems | Where-Object Priority -EQ 'P3' | Set-ActionItem -Postmortem $pm -Status WontDo -Reason 'Runbooks moved to the wiki'
        @($pm.ActionItems | Where-Object Status -EQ 'WontDo').StatusReason | Should -Be @('Runbooks moved to the wiki')
    }

    It 'keeps the statuses, reasons and days through a saved .<_> file' -ForEach 'yaml', 'md' {
        $pm = New-CheckoutPostmortem
        $pm | Set-ActionItem 0 -Status Done -DoneDate 2026-12-01 | Set-ActionItem 1 -Status WontDo -Reason 'Covered | elsewhere' |
            Set-ActionItem 2 -Status InProgress | Out-Null
        $path = Join-Path $TestDrive "statuses.$_"
        $pm | Export-Postmortem -Path $path -Force
        $back = Import-Postmortem -LiteralPath $path
        @($back.ActionItems.StatusText) | Should -Be @($pm.ActionItems.StatusText)
        $back.ActionItems[1].StatusReason | Should -BeExactly 'Covered | elsewhere'
    }
}

Describe 'Add-ActionItem statuses' {
    It 'adds an item done on a day, or one that won''t be done with its reason' {
        $pm = New-CheckoutPostmortem |
            Add-ActionItem 'Roll back the bundle' -Owner 'payments SRE' -Priority P1 -Status Done -DoneDate 2026-11-20 |
            Add-ActionItem 'Page the payments lead on chain errors' -Owner 'payments SRE' -Priority P2 -Status WontDo -Reason 'The on-call is paged already'
        $pm.ActionItems[4].StatusText | Should -BeExactly 'Done (2026-11-20)'
        $pm.ActionItems[5].StatusText | Should -BeExactly "Won't do: The on-call is paged already"
    }

    It 'refuses <Name> with InvalidActionItemStatus and adds nothing' -ForEach @(
        @{ Name = 'WontDo without a reason'; Splat = @{ Status = 'WontDo' }; Message = '*needs its reason*' }
        @{ Name = 'a reason with Open'; Splat = @{ Reason = 'why' }; Message = '*would be Open*-Status WontDo*' }
        @{ Name = 'a done date without Done'; Splat = @{ DoneDate = '2026-12-01' }; Message = '*Only a done item has a done date*' }
    ) {
        $pm = New-CheckoutPostmortem
        $out = $pm | Add-ActionItem 'Add a chain check' @Splat -ErrorVariable errs -ErrorAction SilentlyContinue
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidActionItemStatus,*'
        $errs[0].Exception.Message | Should -BeLike $Message
        $pm.ActionItems.Count | Should -Be 4
    }
}
