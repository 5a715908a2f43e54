BeforeAll {
    Import-Module $env:POSTMORTEM_MODULE_PATH -Force

    . (Join-Path $PSScriptRoot 'CheckoutPostmortem.ps1')
    # It names no reviewer, so Submit-PostmortemReview names them.
    function New-GoodPostmortem([string] $Title = 'Checkout API returned 502s after certificate rotation', [string] $Context = 'Work') {
        New-CheckoutPostmortem -Title $Title -Context $Context
    }

    # The good postmortem at each point of the work review.
    function New-InReviewPostmortem([string] $Title = 'in review') {
        New-GoodPostmortem $Title | Submit-PostmortemReview -Reviewer 'Marcus Lee', 'Dana Okafor'
    }
    function New-ApprovedPostmortem([string] $Title = 'approved') {
        New-InReviewPostmortem $Title | Approve-Postmortem -Reviewer 'Marcus Lee' | Approve-Postmortem -Reviewer 'Dana Okafor'
    }
    function New-FinalPostmortem([string] $Title = 'final') {
        New-ApprovedPostmortem $Title | Complete-Postmortem
    }

    # The good postmortem with an Error finding (BlamelessLanguage at RootCause) and one with a Warning finding only
    # (VagueActionItem at ActionItems[4]).
    function New-BlamingPostmortem([string] $Title = 'blaming', [string] $Context = 'Work') {
        New-GoodPostmortem $Title $Context | Set-Postmortem -RootCause 'Engineer ran the wrong command'
    }
    function New-VaguePostmortem([string] $Title = 'vague') {
        New-GoodPostmortem $Title | Add-ActionItem 'Add more monitoring' -Owner platform -DueDate 2026-12-11 -Priority P2
    }

    # All of a postmortem as text, front matter included (state, sign-offs, unlocks), to show that nothing changed.
    function Get-Snapshot($Postmortem) {
        "State: $($Postmortem.State)`n" + ($Postmortem | ConvertTo-PostmortemMarkdown -FrontMatter | Out-String)
    }

    # Runs one command on a postmortem and splits what it wrote into output and errors.
    function Invoke-Move([scriptblock] $Move, $Postmortem) {
        $all = @(& $Move $Postmortem 2>&1)
        [pscustomobject]@{
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }

    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }

    $script:AllRules = @(
        'RequiredSection', 'ReviewersInWorkContext', 'SentenceCount', 'TimelineMilestones', 'SpecificTimes', 'MilestoneOrder', 'DuplicateMilestone'
        'StatusMatchesTimeline', 'DurationMatchesTimeline', 'DateMatchesTimeline', 'SeverityMatchesImpact', 'ImpactWindowOrder', 'ImpactWindowComplete'
        'BlamelessLanguage', 'BlamelessTimeline'
        'FiveWhysDepth', 'FiveWhysEndsInSystem', 'ActionItemComplete', 'ActionItemDueByPriority', 'VagueActionItem', 'ActionItemImperative'
        'ActionItemTargetsPerson', 'VagueQuantity', 'Hedging', 'TimelineTense', 'NoSecrets', 'SignedOffContentChanged', 'ReviewWithErrors'
        'FinalWarningsAcknowledged', 'ExternalVersionComplete', 'ExternalInternalDetail', 'ExternalBlameless', 'ExternalVagueQuantity', 'ExternalSignOffCurrent'
    )
}

Describe 'Document state' {
    It 'starts a new postmortem as a Draft, beside the incident''s own Status' {
        $pm = New-Postmortem 'Checkout 502s' -Status Ongoing
        $pm.State | Should -Be ([Postmortems.DocumentState]::Draft)
        $pm.Status | Should -Be 'Ongoing'
        $pm.IsLocked | Should -BeFalse
        @($pm.SignOffs) | Should -HaveCount 0
        @($pm.Unlocks) | Should -HaveCount 0
    }

    It 'has exactly the states Draft, InReview and Final' {
        [enum]::GetNames([Postmortems.DocumentState]) | Should -Be @('Draft', 'InReview', 'Final')
    }

    It 'keeps the incident Status apart from the document State through the whole review' {
        $pm = New-FinalPostmortem
        $pm.State | Should -Be 'Final'
        $pm.Status | Should -Be 'Resolved'
    }

    It 'builds the good postmortem free of Test-Postmortem errors, and free of any finding once in review (the tests below rely on it)' {
        @(New-GoodPostmortem | Test-Postmortem | Where-Object Severity -EQ 'Error') | Should -HaveCount 0
        @(New-InReviewPostmortem | Test-Postmortem) | Should -HaveCount 0
    }
}

Describe 'Review moves that are allowed' {
    Context 'at work' {
        It 'goes Draft -> InReview -> Final with the README''s commands, passing the same postmortem down the pipeline' {
            $pm = New-GoodPostmortem
            $out = $pm | Submit-PostmortemReview -Reviewer 'Marcus Lee', 'Dana Okafor' |
                Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'Timeline checked against PagerDuty' |
                Approve-Postmortem -Reviewer 'Dana Okafor' |
                Complete-Postmortem
            @($out).Count | Should -Be 1
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.State | Should -Be 'Final'
            $pm.IsLocked | Should -BeTrue
            @($pm.SignOffs.Reviewer) | Should -Be @('Marcus Lee', 'Dana Okafor')
        }

        It 'moves a draft to InReview with Submit-PostmortemReview and names the reviewers, in order' {
            $pm = New-GoodPostmortem
            $out = $pm | Submit-PostmortemReview -Reviewer 'Marcus Lee', 'Dana Okafor'
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.State | Should -Be 'InReview'
            @($pm.Reviewers) | Should -Be @('Marcus Lee', 'Dana Okafor')
        }

        It 'takes -Reviewer by position' {
            $pm = New-GoodPostmortem | Submit-PostmortemReview 'Marcus Lee'
            @($pm.Reviewers) | Should -Be @('Marcus Lee')
            $pm.State | Should -Be 'InReview'
        }

        It 'submits a work postmortem whose reviewers New-Postmortem already named, without naming them again' {
            $pm = New-Postmortem 'named early' -Context Work -Reviewer 'Marcus Lee' | Submit-PostmortemReview
            $pm.State | Should -Be 'InReview'
            @($pm.Reviewers) | Should -Be @('Marcus Lee')
        }

        It 'adds reviewers to a postmortem in review, once each whatever the case' {
            $pm = New-InReviewPostmortem | Submit-PostmortemReview -Reviewer 'marcus lee', 'Sam Chen'
            $pm.State | Should -Be 'InReview'
            @($pm.Reviewers) | Should -Be @('Marcus Lee', 'Dana Okafor', 'Sam Chen')
        }

        It 'records a dated sign-off in UTC with the reviewer, the comment and no acknowledged rules' {
            $pm = New-InReviewPostmortem
            $before = [datetime]::UtcNow
            $out = $pm | Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'Timeline checked against PagerDuty'
            $after = [datetime]::UtcNow
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.State | Should -Be 'InReview'
            @($pm.SignOffs) | Should -HaveCount 1
            $signOff = $pm.SignOffs[0]
            $signOff.Reviewer | Should -BeExactly 'Marcus Lee'
            $signOff.Comment | Should -BeExactly 'Timeline checked against PagerDuty'
            @($signOff.AcknowledgedRules) | Should -HaveCount 0
            $signOff.Date.Kind | Should -Be ([System.DateTimeKind]::Utc)
            $signOff.Date | Should -BeGreaterOrEqual $before
            $signOff.Date | Should -BeLessOrEqual $after
        }

        It 'warns a reviewer approving a postmortem with Test-Postmortem errors how many and which, and records the approval' {
            $pm = New-BlamingPostmortem | Submit-PostmortemReview -Reviewer 'Marcus Lee'
            $warnings = @($pm | Approve-Postmortem -Reviewer 'Marcus Lee' 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
            $warnings | Should -HaveCount 1
            "$($warnings[0])" | Should -BeLike "'blaming' still has 1 error from Test-Postmortem (BlamelessLanguage at RootCause)*Complete-Postmortem will not make it final*"
            @($pm.SignOffs) | Should -HaveCount 1
        }

        It 'warns of the errors of a draft it refuses to approve, beside the refusal' {
            $pm = New-BlamingPostmortem
            $out = @($pm | Approve-Postmortem -Reviewer 'Marcus Lee' -ErrorAction SilentlyContinue -ErrorVariable errs 3>&1)
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
            "$(@($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })[0])" | Should -BeLike "'blaming' still has 1 error from Test-Postmortem*"
            @($pm.SignOffs) | Should -HaveCount 0
        }

        It 'says nothing of errors when Test-Postmortem finds none' {
            $pm = New-InReviewPostmortem
            @($pm | Approve-Postmortem -Reviewer 'Marcus Lee' 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -HaveCount 0
        }

        It 'takes -Reviewer by position and leaves Comment empty without -Comment' {
            $pm = New-InReviewPostmortem | Approve-Postmortem 'Dana Okafor'
            $pm.SignOffs[0].Reviewer | Should -BeExactly 'Dana Okafor'
            $pm.SignOffs[0].Comment | Should -BeNullOrEmpty
        }

        It 'signs off under the name the postmortem gives the reviewer, whatever case is typed' {
            $pm = New-InReviewPostmortem | Approve-Postmortem -Reviewer 'dana OKAFOR'
            $pm.SignOffs[0].Reviewer | Should -BeExactly 'Dana Okafor'
        }

        It 'keeps one sign-off per reviewer: approving again replaces the first' {
            $pm = New-InReviewPostmortem | Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'first read' |
                Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'second read'
            @($pm.SignOffs) | Should -HaveCount 1
            $pm.SignOffs[0].Comment | Should -BeExactly 'second read'
        }

        It 'says with -Verbose who has still to approve, then that Complete-Postmortem can make it final' {
            $pm = New-InReviewPostmortem
            $first = $pm | Approve-Postmortem -Reviewer 'Marcus Lee' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            "$first" | Should -BeLike '*Waiting for Dana Okafor*'
            $second = $pm | Approve-Postmortem -Reviewer 'Dana Okafor' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            "$second" | Should -BeLike '*Complete-Postmortem*'
        }

        It 'makes a work postmortem Final and locked once every named reviewer has approved' {
            $pm = New-ApprovedPostmortem
            $out = $pm | Complete-Postmortem -ErrorVariable errs
            $errs | Should -HaveCount 0
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.State | Should -Be 'Final'
            $pm.IsLocked | Should -BeTrue
        }

        It 'unlocks a final postmortem with a reason, back to InReview, and finalizes it again after review' {
            $pm = New-FinalPostmortem | Unlock-Postmortem -Reason 'Corrected the detection time'
            $pm.State | Should -Be 'InReview'
            $pm.IsLocked | Should -BeFalse
            $pm | Approve-Postmortem -Reviewer 'Marcus Lee' | Approve-Postmortem -Reviewer 'Dana Okafor' | Complete-Postmortem | Out-Null
            $pm.State | Should -Be 'Final'
        }

        It 'asks every reviewer to approve again after an unlock, since the text changed after their sign-off' {
            $pm = New-FinalPostmortem | Unlock-Postmortem -Reason 'Corrected the detection time'
            @($pm.SignOffs) | Should -HaveCount 2
            $pm | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
            $errs[0].Exception.Message | Should -BeLike "*waits for 'Marcus Lee', 'Dana Okafor' to approve again*unlocked*"
            $pm.State | Should -Be 'InReview'
            $pm | Approve-Postmortem -Reviewer 'Marcus Lee' | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs[0].Exception.Message | Should -BeLike "*waits for 'Dana Okafor' to approve again*"
            $pm | Approve-Postmortem -Reviewer 'Dana Okafor' | Complete-Postmortem | Out-Null
            $pm.State | Should -Be 'Final'
        }

        It 'waits for a reviewer added after an unlock before it is final again' {
            $pm = New-FinalPostmortem | Unlock-Postmortem -Reason 'Security should read it too' |
                Submit-PostmortemReview -Reviewer 'Sam Chen'
            $pm | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs | Should -HaveCount 1
            $errs[0].Exception.Message | Should -BeLike "*'Sam Chen'*"
            $pm.State | Should -Be 'InReview'
            $pm | Approve-Postmortem -Reviewer 'Sam Chen' | Approve-Postmortem -Reviewer 'Marcus Lee' |
                Approve-Postmortem -Reviewer 'Dana Okafor' | Complete-Postmortem | Out-Null
            $pm.State | Should -Be 'Final'
        }
    }

    Context 'at home' {
        It 'lets the author finalize a homelab draft with Complete-Postmortem, no review needed' {
            $pm = New-GoodPostmortem 'homelab' Homelab
            $out = $pm | Complete-Postmortem -ErrorVariable errs
            $errs | Should -HaveCount 0
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.State | Should -Be 'Final'
            $pm.IsLocked | Should -BeTrue
            @($pm.SignOffs) | Should -HaveCount 0
        }

        It 'lets a homelab postmortem go to review without naming a reviewer' {
            $pm = New-GoodPostmortem 'homelab' Homelab | Submit-PostmortemReview -ErrorVariable errs
            $errs | Should -HaveCount 0
            $pm.State | Should -Be 'InReview'
            @($pm.Reviewers) | Should -HaveCount 0
        }

        It 'records the approval of someone the homelab postmortem does not name, and the author finalizes it from review' {
            $pm = New-GoodPostmortem 'homelab' Homelab | Submit-PostmortemReview |
                Approve-Postmortem -Reviewer 'a friend from the homelab forum' -Comment 'Reads well'
            $pm.SignOffs[0].Reviewer | Should -BeExactly 'a friend from the homelab forum'
            $pm | Complete-Postmortem | Out-Null
            $pm.State | Should -Be 'Final'
        }
    }
}

Describe 'Review moves that are refused' {
    # Each refused move: a non-terminating PostmortemStateRefused error whose message says what to do, and the
    # postmortem passes on unchanged.
    It 'refuses to <Name>, says <Says>, and passes the postmortem on unchanged' -ForEach @(
        @{ Name = 'submit a work draft that names no reviewer'; Setup = { New-GoodPostmortem }
            Move = { param($p) $p | Submit-PostmortemReview }; Says = '*names no reviewer*Submit-PostmortemReview -Reviewer*' }
        @{ Name = 'submit a work draft whose only reviewer is blank'; Setup = { New-GoodPostmortem }
            Move = { param($p) $p | Submit-PostmortemReview -Reviewer '   ' }; Says = '*names no reviewer*' }
        @{ Name = 'approve a draft'; Setup = { New-GoodPostmortem }
            Move = { param($p) $p | Approve-Postmortem -Reviewer 'Marcus Lee' }; Says = "*draft*Submit-PostmortemReview -Reviewer 'Marcus Lee'*" }
        @{ Name = 'approve for someone who is not a reviewer at work'; Setup = { New-InReviewPostmortem }
            Move = { param($p) $p | Approve-Postmortem -Reviewer 'Eve' }; Says = "*Eve is not a reviewer*'Marcus Lee', 'Dana Okafor'*Submit-PostmortemReview -Reviewer 'Eve'*" }
        @{ Name = 'approve for a misspelt reviewer at work'; Setup = { New-InReviewPostmortem }
            Move = { param($p) $p | Approve-Postmortem -Reviewer 'Marcus Le' }; Says = "Marcus Le is not a reviewer of 'in review'; did you mean Marcus Lee? Approve-Postmortem -Reviewer 'Marcus Lee'.*" }
        @{ Name = 'approve with an unknown rule acknowledged'; Setup = { New-InReviewPostmortem }
            Move = { param($p) $p | Approve-Postmortem -Reviewer 'Marcus Lee' -Acknowledge 'NoSuchRule' }; Says = "*'NoSuchRule' is not a rule*Get-PostmortemRule*" }
        @{ Name = 'complete a work draft that was never reviewed'; Setup = { New-GoodPostmortem }
            Move = { param($p) $p | Complete-Postmortem }; Says = '*has not been reviewed*Submit-PostmortemReview*' }
        @{ Name = 'complete a work draft that was never reviewed, even with -Force'; Setup = { New-GoodPostmortem }
            Move = { param($p) $p | Complete-Postmortem -Force }; Says = '*has not been reviewed*' }
        @{ Name = 'complete a work postmortem a reviewer has not approved'; Setup = { New-InReviewPostmortem | Approve-Postmortem -Reviewer 'Marcus Lee' }
            Move = { param($p) $p | Complete-Postmortem }; Says = "*waits for 'Dana Okafor'*Approve-Postmortem -Reviewer*" }
        @{ Name = 'complete a postmortem with Test-Postmortem errors'; Setup = { New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee' }
            Move = { param($p) $p | Complete-Postmortem }; Says = '*1 error(s) from Test-Postmortem (BlamelessLanguage at RootCause)*-Force*' }
        @{ Name = 'unlock a draft'; Setup = { New-GoodPostmortem }
            Move = { param($p) $p | Unlock-Postmortem -Reason 'why not' }; Says = '*not final*nothing to unlock*' }
        @{ Name = 'unlock a postmortem in review'; Setup = { New-InReviewPostmortem }
            Move = { param($p) $p | Unlock-Postmortem -Reason 'why not' }; Says = '*not final*nothing to unlock*' }
        @{ Name = 'submit a final postmortem for review'; Setup = { New-FinalPostmortem }
            Move = { param($p) $p | Submit-PostmortemReview -Reviewer 'Sam Chen' }; Says = '*final and locked*Unlock-Postmortem -Reason*' }
        @{ Name = 'approve a final postmortem'; Setup = { New-FinalPostmortem }
            Move = { param($p) $p | Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'again' }; Says = '*final already*Unlock-Postmortem -Reason*' }
        @{ Name = 'complete a final postmortem again'; Setup = { New-FinalPostmortem }
            Move = { param($p) $p | Complete-Postmortem }; Says = '*final already*' }
        @{ Name = 'unlock with a blank reason'; Setup = { New-FinalPostmortem }
            Move = { param($p) $p | Unlock-Postmortem -Reason '   ' }; Says = "*Say why it is unlocked: -Reason*" }
    ) {
        $pm = & $Setup
        $before = Get-Snapshot $pm
        $result = Invoke-Move $Move $pm
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        [object]::ReferenceEquals($result.Errors[0].TargetObject, $pm) | Should -BeTrue
        $result.Errors[0].Exception.Message | Should -BeLike $Says
        $result.Output | Should -HaveCount 1
        [object]::ReferenceEquals($result.Output[0], $pm) | Should -BeTrue
        Get-Snapshot $pm | Should -BeExactly $before
    }

    It 'goes on with the other postmortems in the pipeline after a refusal' {
        $work = New-GoodPostmortem 'never reviewed'
        $homelab = New-GoodPostmortem 'homelab' Homelab
        $out = @($work, $homelab | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs | Should -HaveCount 1
        $errs[0].Exception.Message | Should -BeLike "'never reviewed'*"
        $out | Should -HaveCount 2
        $work.State | Should -Be 'Draft'
        $homelab.State | Should -Be 'Final'
    }

    It 'stops on a refusal under -ErrorAction Stop, with the same ErrorId' {
        $pm = New-GoodPostmortem
        { $pm | Approve-Postmortem -Reviewer 'Marcus Lee' -ErrorAction Stop } | Should -Throw -ErrorId 'PostmortemStateRefused,*'
        $pm.State | Should -Be 'Draft'
    }

    It 'does not let -Force finalize a work postmortem before every named reviewer has approved' {
        # The review at work is "every named reviewer approves"; -Force is documented for Test-Postmortem errors only.
        $pm = New-InReviewPostmortem | Approve-Postmortem -Reviewer 'Marcus Lee'
        $pm | Complete-Postmortem -Force -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $pm.State | Should -Be 'InReview'
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
        $errs[0].Exception.Message | Should -BeLike "*'Dana Okafor'*"
    }
}

Describe 'Complete-Postmortem and Test-Postmortem errors' {
    It 'finalizes a postmortem with errors when given -Force' {
        $pm = New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee'
        $pm | Complete-Postmortem -Force -ErrorVariable errs | Out-Null
        $errs | Should -HaveCount 0
        $pm.State | Should -Be 'Final'
    }

    It 'refuses a homelab draft with errors too, and -Force finalizes it' {
        $pm = New-BlamingPostmortem 'homelab blaming' Homelab
        $pm | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
        $errs[0].Exception.Message | Should -BeLike '*BlamelessLanguage at RootCause*-Force*'
        $pm.State | Should -Be 'Draft'
        $pm | Complete-Postmortem -Force | Out-Null
        $pm.State | Should -Be 'Final'
    }

    It 'counts a secret (NoSecrets) as an error that stops it' {
        $pm = New-GoodPostmortem 'leaky' Homelab | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Pasted the connection: password=hunter2'
        $pm | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].Exception.Message | Should -BeLike '*NoSecrets at Timeline`[7`]*'
        $pm.State | Should -Be 'Draft'
    }

    It 'lists the first three errors and says there are more' {
        $pm = New-GoodPostmortem 'many errors' Homelab | Set-Postmortem -RootCause 'Engineer ran the wrong command' |
            Add-TimelineEvent '2026-11-20T10:30:00Z' 'password=hunter2' | Add-TimelineEvent '2026-11-20T10:31:00Z' 'token=abcdefgh1234' |
            Add-TimelineEvent '2026-11-20T10:32:00Z' 'pwd=s3cr3tpass'
        $pm | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].Exception.Message | Should -BeLike '*4 error(s)*; ...)*'
    }

    It 'is not stopped by warnings' {
        $pm = New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee'
        @($pm | Test-Postmortem).Severity | Should -Be @('Warning')
        $pm | Complete-Postmortem -ErrorVariable errs | Out-Null
        $errs | Should -HaveCount 0
        $pm.State | Should -Be 'Final'
    }
}

Describe 'Locking a final postmortem' {
    BeforeAll {
        # An e-mail address and an IP address that Protect-Postmortem would replace, if it were allowed to.
        function New-LockedPostmortem {
            New-GoodPostmortem 'locked' |
                Add-Observation -WentWell 'The on-call engineer was reached at oncall@example.org from 10.0.4.17 within a minute' |
                Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee' | Complete-Postmortem
        }
    }

    It 'refuses <Name> on a final postmortem with PostmortemLocked, changes nothing and passes it on' -ForEach @(
        @{ Name = 'Add-TimelineEvent'; Change = { param($p) $p | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Postmortem meeting held' -Milestone None } }
        @{ Name = 'Add-ActionItem'; Change = { param($p) $p | Add-ActionItem 'Add a chain check to staging' -Owner platform -DueDate 2026-12-11 -Priority P2 } }
        @{ Name = 'Add-Why'; Change = { param($p) $p | Add-Why 'Why was there no check? Nobody owned the rotation job.' } }
        @{ Name = 'Add-ContributingFactor'; Change = { param($p) $p | Add-ContributingFactor 'The staging gateway does not validate the chain' } }
        @{ Name = 'Add-Observation -WentWell'; Change = { param($p) $p | Add-Observation -WentWell 'Customers were told within 10 minutes' } }
        @{ Name = 'Add-Observation -WentPoorly'; Change = { param($p) $p | Add-Observation -WentPoorly 'The status page was updated late' } }
        @{ Name = 'Set-Postmortem'; Change = { param($p) $p | Set-Postmortem -Severity P1 -RootCause 'changed' } }
        @{ Name = 'Set-Postmortem -Title'; Change = { param($p) $p | Set-Postmortem -Title 'A new title' } }
        @{ Name = 'Protect-Postmortem'; Change = { param($p) $p | Protect-Postmortem -EmailAddress -IPAddress -Name 'Marcus Lee' } }
    ) {
        $pm = New-LockedPostmortem
        $before = Get-Snapshot $pm
        $result = Invoke-Move $Change $pm
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $result.Errors[0].Exception.Message | Should -BeLike "'locked' is final and locked*Unlock-Postmortem -Reason*"
        $result.Output | Should -HaveCount 1
        [object]::ReferenceEquals($result.Output[0], $pm) | Should -BeTrue
        Get-Snapshot $pm | Should -BeExactly $before
        $pm.State | Should -Be 'Final'
    }

    It 'refuses events piped to Add-TimelineEvent -Postmortem with one PostmortemLocked error and adds none' {
        $pm = New-LockedPostmortem
        $before = Get-Snapshot $pm
        $events = @(
            [pscustomobject]@{ Time = '2026-11-20T10:30:00Z'; Text = 'Postmortem meeting held' }
            [pscustomobject]@{ Time = '2026-11-20T10:40:00Z'; Text = 'Action items filed' }
        )
        $out = @($events | Add-TimelineEvent -Postmortem $pm -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        $out | Should -HaveCount 1
        [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
        Get-Snapshot $pm | Should -BeExactly $before
    }

    It 'stops on a locked postmortem under -ErrorAction Stop, with the same ErrorId' {
        $pm = New-LockedPostmortem
        { $pm | Add-Why 'one more' -ErrorAction Stop } | Should -Throw -ErrorId 'PostmortemLocked,*'
        @($pm.Whys) | Should -HaveCount 4
    }

    It 'still lets a final postmortem be checked, rendered and exported' {
        $pm = New-LockedPostmortem
        @($pm | Test-Postmortem) | Should -HaveCount 0
        $pm | ConvertTo-PostmortemMarkdown | Should -BeLike '*# Postmortem: locked*'
        $path = Join-Path $TestDrive 'locked-export.yaml'
        $pm | Export-Postmortem -Path $path -ErrorVariable errs
        $errs | Should -HaveCount 0
        Test-Path -LiteralPath $path | Should -BeTrue
    }

    It 'takes changes again after Unlock-Postmortem' {
        $pm = New-LockedPostmortem | Unlock-Postmortem -Reason 'Add the meeting to the timeline'
        $pm | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Postmortem meeting held' -ErrorVariable errs | Out-Null
        $pm | Add-Why 'Why was there no check? Nobody owned the rotation job.' -ErrorVariable errs2 | Out-Null
        $errs | Should -HaveCount 0
        $errs2 | Should -HaveCount 0
        @($pm.Timeline) | Should -HaveCount 8
        @($pm.Whys) | Should -HaveCount 5
    }

    Context 'Unlock-Postmortem' {
        It 'records the unlock''s date (UTC, now) and reason, and puts the postmortem back in review' {
            $pm = New-LockedPostmortem
            $before = [datetime]::UtcNow
            $out = $pm | Unlock-Postmortem -Reason 'Corrected the detection time'
            $after = [datetime]::UtcNow
            [object]::ReferenceEquals($out, $pm) | Should -BeTrue
            $pm.State | Should -Be 'InReview'
            $pm.IsLocked | Should -BeFalse
            @($pm.Unlocks) | Should -HaveCount 1
            $pm.Unlocks[0].Reason | Should -BeExactly 'Corrected the detection time'
            $pm.Unlocks[0].Date.Kind | Should -Be ([System.DateTimeKind]::Utc)
            $pm.Unlocks[0].Date | Should -BeGreaterOrEqual $before
            $pm.Unlocks[0].Date | Should -BeLessOrEqual $after
        }

        It 'takes -Reason by position' {
            $pm = New-LockedPostmortem | Unlock-Postmortem 'Corrected the detection time'
            $pm.Unlocks[0].Reason | Should -BeExactly 'Corrected the detection time'
        }

        It 'keeps every unlock, oldest first' {
            $pm = New-LockedPostmortem | Unlock-Postmortem -Reason 'first fix' | Approve-Postmortem 'Marcus Lee' | Complete-Postmortem |
                Unlock-Postmortem -Reason 'second fix'
            @($pm.Unlocks.Reason) | Should -Be @('first fix', 'second fix')
            $pm.Unlocks[0].Date | Should -BeLessOrEqual $pm.Unlocks[1].Date
        }

        It 'makes -Reason mandatory' {
            $reason = (Get-Command Unlock-Postmortem).Parameters['Reason']
            $mandatory = @($reason.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | ForEach-Object Mandatory)
            $mandatory | Should -Contain $true
        }

        It 'rejects an empty -Reason when binding, leaving the postmortem locked' {
            $pm = New-LockedPostmortem
            { $pm | Unlock-Postmortem -Reason '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            $pm.State | Should -Be 'Final'
            @($pm.Unlocks) | Should -HaveCount 0
        }
    }
}

Describe 'The review record survives the file round trip' {
    BeforeAll {
        # Final after one unlock: two sign-offs (one with a comment that YAML could misread, one acknowledging a
        # warning) and the unlock's reason.
        function New-ReviewedPostmortem {
            New-VaguePostmortem 'Checkout 502s reviewed' |
                Submit-PostmortemReview -Reviewer 'Marcus Lee', 'Dana Okafor' |
                Approve-Postmortem -Reviewer 'Marcus Lee' | Approve-Postmortem -Reviewer 'Dana Okafor' |
                Complete-Postmortem |
                Unlock-Postmortem -Reason 'Corrected the detection time: 09:15, not 09:20' |
                Approve-Postmortem -Reviewer 'Marcus Lee' -Comment "Timeline checked: 'ok' # against PagerDuty`nSecond line - with a dash" |
                Approve-Postmortem -Reviewer 'Dana Okafor' -Acknowledge VagueActionItem, SentenceCount |
                Complete-Postmortem
        }
        function Get-ReviewRecord($Postmortem) {
            [ordered]@{
                State     = "$($Postmortem.State)"
                Reviewers = $Postmortem.Reviewers -join ' | '
                SignOffs  = @($Postmortem.SignOffs | ForEach-Object { "$($_.Reviewer) ¦ $($_.Date.ToString('o')) ¦ $($_.Comment) ¦ $($_.AcknowledgedRules -join ',')" }) -join "`n"
                Unlocks   = @($Postmortem.Unlocks | ForEach-Object { "$($_.Date.ToString('o')) ¦ $($_.Reason)" }) -join "`n"
            }
        }
    }

    It 'keeps the state, sign-offs and unlocks through Export-Postmortem to .<Extension> and Import-Postmortem' -ForEach @(
        @{ Extension = 'yaml' }
        @{ Extension = 'md' }
    ) {
        $pm = New-ReviewedPostmortem
        $pm.State | Should -Be 'Final'
        $path = Join-Path $TestDrive "reviewed.$Extension"
        $pm | Export-Postmortem -Path $path -Force
        $back = Import-Postmortem -LiteralPath $path -ErrorAction Stop
        $expected = Get-ReviewRecord $pm
        $actual = Get-ReviewRecord $back
        foreach ($key in $expected.Keys) { $actual[$key] | Should -BeExactly $expected[$key] -Because "$key should read back as it was written" }
        $back.SignOffs[0].Date.Kind | Should -Be ([System.DateTimeKind]::Utc)
        $back.Unlocks[0].Date.Kind | Should -Be ([System.DateTimeKind]::Utc)
        @($back.SignOffs[1].AcknowledgedRules) | Should -Be @('VagueActionItem', 'SentenceCount')
    }

    It 'reads a final postmortem back from .<Extension> still locked' -ForEach @(
        @{ Extension = 'yaml' }
        @{ Extension = 'md' }
    ) {
        $path = Join-Path $TestDrive "locked.$Extension"
        New-ReviewedPostmortem | Export-Postmortem -Path $path -Force
        $back = Import-Postmortem -LiteralPath $path
        $back.IsLocked | Should -BeTrue
        $back | Add-Why 'one more' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemLocked,*'
        @($back.Whys) | Should -HaveCount 4
    }

    It 'keeps <State> through .<Extension>' -ForEach @(
        @{ State = 'Draft'; Extension = 'yaml' }
        @{ State = 'Draft'; Extension = 'md' }
        @{ State = 'InReview'; Extension = 'yaml' }
        @{ State = 'InReview'; Extension = 'md' }
    ) {
        $pm = if ($State -eq 'Draft') { New-GoodPostmortem } else { New-InReviewPostmortem | Approve-Postmortem 'Dana Okafor' -Comment 'LGTM' }
        $path = Join-Path $TestDrive "state-$State.$Extension"
        $pm | Export-Postmortem -Path $path -Force
        $back = Import-Postmortem -LiteralPath $path
        $back.State | Should -Be $State
        $expected = Get-ReviewRecord $pm
        $actual = Get-ReviewRecord $back
        foreach ($key in $expected.Keys) { $actual[$key] | Should -BeExactly $expected[$key] -Because "$key should read back as it was written" }
    }

    It 'lets the review go on after the round trip: the imported postmortem is approved and finalized' {
        $path = Join-Path $TestDrive 'continue.yaml'
        New-InReviewPostmortem | Approve-Postmortem 'Marcus Lee' | Export-Postmortem -Path $path -Force
        $back = Import-Postmortem -LiteralPath $path | Approve-Postmortem 'Dana Okafor' | Complete-Postmortem
        $back.State | Should -Be 'Final'
        @($back.SignOffs.Reviewer) | Should -Be @('Marcus Lee', 'Dana Okafor')
    }

    It 'writes the state, sign-offs and unlocks into the YAML draft where a person can read them' {
        $path = Join-Path $TestDrive 'readable.yaml'
        New-ReviewedPostmortem | Export-Postmortem -Path $path -Force
        $text = Get-Content -LiteralPath $path -Raw
        $text | Should -Match '(?m)^state: Final$'
        $text | Should -Match '(?m)^signOffs:'
        $text | Should -Match '(?m)^\s*- reviewer: Marcus Lee$'
        $text | Should -Match '(?m)^unlocks:'
        $text | Should -Match 'Corrected the detection time'
    }
}

Describe 'Test-Postmortem rules for the review' {
    It 'lists NoSecrets, ReviewWithErrors and FinalWarningsAcknowledged with Get-PostmortemRule' {
        $rules = @(Get-PostmortemRule)
        ($rules | Where-Object Name -EQ 'NoSecrets').Severity | Should -Be 'Error'
        ($rules | Where-Object Name -EQ 'ReviewWithErrors').Severity | Should -Be 'Error'
        ($rules | Where-Object Name -EQ 'FinalWarningsAcknowledged').Severity | Should -Be 'Warning'
    }

    Context 'ReviewWithErrors' {
        It 'flags a postmortem in review with errors outstanding, naming the rules' {
            $pm = New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee'
            $record = @($pm | Test-Postmortem | Where-Object RuleName -EQ 'ReviewWithErrors')
            $record | Should -HaveCount 1
            $record[0].Severity | Should -Be 'Error'
            $record[0].Target | Should -BeExactly 'State'
            $record[0].Section | Should -Be 'Header'
            $record[0].Message | Should -BeLike '*in review with 1 error(s) outstanding (BlamelessLanguage)*'
            $record[0].Suggestion | Should -Not -BeNullOrEmpty
        }

        It 'does not flag a draft with the same errors' {
            $pm = New-BlamingPostmortem
            @($pm | Test-Postmortem).RuleName | Should -Not -Contain 'ReviewWithErrors'
            @($pm | Test-Postmortem).RuleName | Should -Contain 'BlamelessLanguage'
        }

        It 'does not flag a postmortem in review without errors, even with warnings' {
            $pm = New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee'
            @($pm | Test-Postmortem).RuleName | Should -Be @('VagueActionItem')
        }

        It 'still sees the other rules'' errors when Test-Postmortem -Rule ReviewWithErrors runs it alone' {
            $pm = New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee'
            $records = @($pm | Test-Postmortem -Rule ReviewWithErrors)
            @($records.RuleName) | Should -Be @('ReviewWithErrors')
            $records[0].Message | Should -BeLike '*BlamelessLanguage*'
        }

        It 'makes Test-Postmortem -Quiet answer $false for a postmortem in review with errors' {
            New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee' | Test-Postmortem -Quiet | Should -BeFalse
        }
    }

    Context 'FinalWarningsAcknowledged' {
        It 'flags a final postmortem with a warning nobody acknowledged, and says how to acknowledge it' {
            $pm = New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee' | Complete-Postmortem
            $record = @($pm | Test-Postmortem | Where-Object RuleName -EQ 'FinalWarningsAcknowledged')
            $record | Should -HaveCount 1
            $record[0].Severity | Should -Be 'Warning'
            $record[0].Target | Should -BeExactly 'State'
            $record[0].Message | Should -BeLike '*final with warnings nobody acknowledged: VagueActionItem*'
            $record[0].Suggestion | Should -BeLike '*Approve-Postmortem -Reviewer*-Acknowledge VagueActionItem*'
        }

        It 'records -Acknowledge in the sign-off, and the acknowledged warning no longer flags the final postmortem' {
            $pm = New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee' |
                Approve-Postmortem -Reviewer 'Marcus Lee' -Acknowledge VagueActionItem | Complete-Postmortem
            @($pm.SignOffs[0].AcknowledgedRules) | Should -Be @('VagueActionItem')
            $records = @($pm | Test-Postmortem)
            @($records.RuleName) | Should -Not -Contain 'FinalWarningsAcknowledged'
            # The warning itself is still there for anyone to read; it is accepted, not hidden.
            @($records.RuleName) | Should -Contain 'VagueActionItem'
        }

        It 'clears the finding after an unlock, an acknowledging approval and a new Complete-Postmortem' {
            $pm = New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee' | Complete-Postmortem
            @($pm | Test-Postmortem).RuleName | Should -Contain 'FinalWarningsAcknowledged'
            $pm | Unlock-Postmortem -Reason 'Accept the vague action item' |
                Approve-Postmortem -Reviewer 'Marcus Lee' -Acknowledge VagueActionItem | Complete-Postmortem | Out-Null
            @($pm | Test-Postmortem).RuleName | Should -Not -Contain 'FinalWarningsAcknowledged'
        }

        It 'names only the warnings not acknowledged when several are open' {
            $pm = New-VaguePostmortem | Set-Postmortem -ExecutiveSummary 'Checkout failed on 2026-11-20 and there was some downtime. About 3,100 customers could not pay.' |
                Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee' -Acknowledge VagueActionItem | Complete-Postmortem
            $record = @($pm | Test-Postmortem | Where-Object RuleName -EQ 'FinalWarningsAcknowledged')
            $record | Should -HaveCount 1
            $record[0].Message | Should -BeLike '*: VagueQuantity.'
        }

        It 'takes an acknowledgement whatever the case of the rule name' {
            $pm = New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee' |
                Approve-Postmortem -Reviewer 'Marcus Lee' -Acknowledge vagueactionitem | Complete-Postmortem
            @($pm | Test-Postmortem).RuleName | Should -Not -Contain 'FinalWarningsAcknowledged'
        }

        It 'does not flag a postmortem in review with warnings, nor a final one without' {
            @(New-VaguePostmortem | Submit-PostmortemReview 'Marcus Lee' | Test-Postmortem).RuleName | Should -Not -Contain 'FinalWarningsAcknowledged'
            @(New-FinalPostmortem | Test-Postmortem) | Should -HaveCount 0
        }

        It 'refuses an unknown rule name in -Acknowledge and records no sign-off' {
            $pm = New-InReviewPostmortem
            $pm | Approve-Postmortem -Reviewer 'Marcus Lee' -Acknowledge VagueActionItem, 'VagueActionItems' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
            $errs[0].Exception.Message | Should -BeLike "'VagueActionItems' is not a rule*"
            @($pm.SignOffs) | Should -HaveCount 0
        }
    }

    Context 'tab completion of -Acknowledge' {
        It 'completes every rule name' {
            @((Get-Completion 'Approve-Postmortem -Reviewer x -Acknowledge ').CompletionText) | Should -Be $script:AllRules
        }

        It 'completes a partial rule name' {
            @((Get-Completion 'Approve-Postmortem -Reviewer x -Acknowledge Vague').CompletionText) | Should -Be @('VagueActionItem', 'VagueQuantity')
        }

        It 'completes the second name of a list' {
            @((Get-Completion 'Approve-Postmortem -Reviewer x -Acknowledge VagueActionItem, Sentence').CompletionText) | Should -Be @('SentenceCount')
        }

        It 'shows each rule''s severity and description in the tooltip' {
            $match = Get-Completion 'Approve-Postmortem -Reviewer x -Acknowledge FinalWarnings'
            $match[0].ToolTip | Should -BeLike 'Warning: *final postmortem*'
        }
    }
}

Describe 'NoSecrets' {
    It 'finds a <Kind> in the root cause, as an Error targeting RootCause' -ForEach @(
        @{ Kind = 'AWS access key'; Text = 'The deploy log printed AKIAIOSFODNN7EXAMPLE in clear.' }
        @{ Kind = 'AWS secret key'; Text = 'The env dump had aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY in it.' }
        @{ Kind = 'GitHub token'; Text = 'The runner used ghp_1234567890abcdefghijklmnopqrstuvwxyzAB to clone.' }
        @{ Kind = 'GitHub token'; Text = 'The runner used github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789 to clone.' }
        @{ Kind = 'Slack token'; Text = 'The bot posted with xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp.' }
        @{ Kind = 'Slack webhook'; Text = 'Alerts went to https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX only.' }
        @{ Kind = 'Vault token'; Text = 'The job read VAULT_TOKEN=hvs.CAESIJ3kbJ8aZ0h9f0aZ0h9f0aZ0h9f0a from the runner.' }
        @{ Kind = 'JWT'; Text = 'The request carried eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U as a cookie.' }
        @{ Kind = 'private key'; Text = "The key was pasted:`n-----BEGIN OPENSSH PRIVATE KEY-----`nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ`n-----END OPENSSH PRIVATE KEY-----`nand shared in the channel." }
        @{ Kind = 'private key'; Text = "-----BEGIN RSA PRIVATE KEY-----`nMIIEowIBAAKCAQEA7bq`n-----END RSA PRIVATE KEY-----" }
        @{ Kind = 'password'; Text = 'The job ran psql with password=hunter2 on the command line.' }
        @{ Kind = 'password'; Text = 'The config held {"password": "hunter2"} in clear.' }
        @{ Kind = 'password'; Text = 'The app connected with Server=db01;User Id=app;Password=S3cr3t!;Encrypt=true.' }
        @{ Kind = 'bearer token'; Text = "The curl was: curl -H 'Authorization: Bearer abcdef0123456789abcdef0123456789' https://api.example.org" }
        @{ Kind = 'password in a URL'; Text = 'The job used postgres://app:S3cr3t@db.internal:5432/app for the migration.' }
        @{ Kind = 'password in a URL'; Text = 'The proxy was https://deploy:Tr0ub4dor@proxy.example.org:3128 at the time.' }
    ) {
        $pm = New-GoodPostmortem | Set-Postmortem -RootCause $Text
        $records = @($pm | Test-Postmortem -Rule NoSecrets)
        $records | Should -HaveCount 1
        $records[0].RuleName | Should -BeExactly 'NoSecrets'
        $records[0].Severity | Should -Be 'Error'
        $records[0].Target | Should -BeExactly 'RootCause'
        $records[0].Section | Should -Be 'RootCause'
        $records[0].Message | Should -BeLike "*RootCause holds what looks like a $Kind*"
        $records[0].Suggestion | Should -BeLike '*Protect-Postmortem*rotate*'
    }

    It 'finds a secret in <Target>, naming it as the Target in section <Section>' -ForEach @(
        @{ Target = 'Title'; Section = 'Header'; Put = { param($p) $p | Set-Postmortem -Title 'Outage after token=abcdefgh1234 leaked' } }
        @{ Target = 'ExecutiveSummary'; Section = 'ExecutiveSummary'; Put = { param($p) $p | Set-Postmortem -ExecutiveSummary 'Checkout failed for 47 minutes. The key AKIAIOSFODNN7EXAMPLE was logged.' } }
        @{ Target = 'Authors[1]'; Section = 'Header'; Put = { param($p) $p | Set-Postmortem -Author 'Priya Natarajan', 'password=hunter2' } }
        @{ Target = 'Reviewers[0]'; Section = 'Header'; Put = { param($p) $p | Submit-PostmortemReview -Reviewer 'pwd=hunter2' } }
        @{ Target = 'Timeline[7]'; Section = 'Timeline'; Put = { param($p) $p | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Ran psql with password=hunter2' } }
        @{ Target = 'Timeline[7].Source'; Section = 'Timeline'; Put = { param($p) $p | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Postmortem meeting held' -Source 'https://bot:hunter2@chat.example.org' } }
        @{ Target = 'Impact.ServicesAffected[1]'; Section = 'Impact'; Put = { param($p) $p | Set-Postmortem -ServicesAffected 'checkout-api', 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp' } }
        @{ Target = 'Impact.UsersAffected'; Section = 'Impact'; Put = { param($p) $p | Set-Postmortem -UsersAffected 'about 3,100 customers; list at https://u:pw123@crm.example.org' } }
        @{ Target = 'Impact.DataLossDescription'; Section = 'Impact'; Put = { param($p) $p | Set-Postmortem -DataLossDescription 'None, but api_key=abcd1234efgh5678 was logged' } }
        @{ Target = 'Impact.RevenueImpact'; Section = 'Impact'; Put = { param($p) $p | Set-Postmortem -RevenueImpact 'Estimated $41,000; finance used Bearer abcdef0123456789abcdef0123456789' } }
        @{ Target = 'RootCause'; Section = 'RootCause'; Put = { param($p) $p | Set-Postmortem -RootCause 'The job printed ghp_1234567890abcdefghijklmnopqrstuvwxyzAB.' } }
        @{ Target = 'Whys[4]'; Section = 'RootCause'; Put = { param($p) $p | Add-Why 'Why was the key in the log? The job echoed secret=s3cr3tvalue on start.' } }
        @{ Target = 'ContributingFactors[2]'; Section = 'ContributingFactors'; Put = { param($p) $p | Add-ContributingFactor 'The runbook showed password=hunter2 as an example that worked' } }
        @{ Target = 'WentWell[2]'; Section = 'WentWell'; Put = { param($p) $p | Add-Observation -WentWell 'Rotation of AKIAIOSFODNN7EXAMPLE took 5 minutes' } }
        @{ Target = 'WentPoorly[1]'; Section = 'WentPoorly'; Put = { param($p) $p | Add-Observation -WentPoorly 'The Slack token xoxp-1234567890-0987654321-AbCdEfGh was pasted in the channel' } }
        @{ Target = 'ActionItems[4]'; Section = 'ActionItems'; Put = { param($p) $p | Add-ActionItem 'Rotate the key AKIAIOSFODNN7EXAMPLE' -Owner platform -DueDate 2026-12-11 -Priority P1 } }
        @{ Target = 'ActionItems[4].Owner'; Section = 'ActionItems'; Put = { param($p) $p | Add-ActionItem 'Rotate the database credential' -Owner 'token=abcdefgh1234' -DueDate 2026-12-11 -Priority P1 } }
        @{ Target = 'ActionItems[4].Tracking'; Section = 'ActionItems'; Put = { param($p) $p | Add-ActionItem 'Rotate the database credential' -Owner platform -DueDate 2026-12-11 -Priority P1 -Tracking 'https://jira:Sup3rS3cret@tracker.example.org/PAY-1424' } }
        @{ Target = 'LessonsLearned'; Section = 'LessonsLearned'; Put = { param($p) $p | Set-Postmortem -LessonsLearned 'Never paste eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U into chat.' } }
        @{ Target = 'SignOffs[0].Comment'; Section = 'Header'; Put = { param($p) $p | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee' -Comment 'Checked with my password=hunter2 login' } }
    ) {
        $pm = New-GoodPostmortem
        & $Put $pm | Out-Null
        $records = @($pm | Test-Postmortem -Rule NoSecrets)
        $records | Should -HaveCount 1
        $records[0].Target | Should -BeExactly $Target
        $records[0].Section | Should -Be $Section
        $records[0].Severity | Should -Be 'Error'
        $records[0].Message | Should -BeLike "$([WildcardPattern]::Escape($Target)) holds what looks like a *"
    }

    It 'reports each secret, in each field that holds one' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Pasted: password=hunter2 and AKIAIOSFODNN7EXAMPLE' |
            Add-ActionItem 'Rotate the database credential' -Owner platform -DueDate 2026-12-11 -Priority P1 -Tracking 'https://u:pw123@tracker.example.org/x'
        $records = @($pm | Test-Postmortem -Rule NoSecrets)
        @($records.Target) | Should -Be @('Timeline[7]', 'Timeline[7]', 'ActionItems[4].Tracking')
    }

    It 'does not take "<Text>" for a secret' -ForEach @(
        @{ Text = 'Rolled back to commit 3f2a7c1e9b4d4e8aa1c25d6e7f809a1b3c4d5e6f' }
        @{ Text = 'Rolled back to 3f2a7c1' }
        @{ Text = 'Request 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b failed with a 502' }
        @{ Text = 'The password reset flow timed out' }
        @{ Text = 'The log showed password=*** (masked)' }
        @{ Text = 'The job reads token: ${VAULT_TOKEN} from the environment' }
        @{ Text = 'Bearer tokens expired after the clock skew' }
        @{ Text = 'The dashboard https://grafana.example.org/d/abc?orgId=1 showed the spike' }
        @{ Text = 'AKIA is the prefix of AWS access keys' }
        @{ Text = 'The gateway at 10.0.4.17 rejected the handshake at 14:02:33' }
    ) {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' $Text
        @($pm | Test-Postmortem -Rule NoSecrets) | Should -HaveCount 0
    }

    It 'finds a password in an environment-variable assignment such as <Text>' -ForEach @(
        @{ Text = 'DB_PASSWORD=hunter2' }
        @{ Text = 'POSTGRES_PASSWORD: Sup3rS3cret' }
    ) {
        # Logs and CI output print credentials this way; the rule's description promises password assignments.
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' "The job's environment printed $Text"
        $records = @($pm | Test-Postmortem -Rule NoSecrets)
        $records | Should -HaveCount 1
        $records[0].Target | Should -BeExactly 'Timeline[7]'
    }

    It 'finds the password in a URL that has no user name, such as redis://:password@host' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'The worker connected to redis://:hunter2@cache.internal:6379/0'
        $records = @($pm | Test-Postmortem -Rule NoSecrets)
        $records | Should -HaveCount 1
        $records[0].Message | Should -BeLike '*password in a URL*'
    }

    It 'makes Test-Postmortem -Quiet answer $false for a postmortem with a secret' {
        New-GoodPostmortem | Set-Postmortem -RootCause 'The job printed password=hunter2.' | Test-Postmortem -Quiet | Should -BeFalse
    }
}

Describe 'Protect-Postmortem' {
    It 'passes the same postmortem on, so it fits before Export-Postmortem' {
        $pm = New-GoodPostmortem
        $out = $pm | Protect-Postmortem
        @($out).Count | Should -Be 1
        [object]::ReferenceEquals($out, $pm) | Should -BeTrue
        (Get-Command Protect-Postmortem).OutputType.Type | Should -Contain ([Postmortems.Postmortem])
    }

    It 'changes nothing in a postmortem with nothing to protect' {
        $pm = New-GoodPostmortem
        $before = Get-Snapshot $pm
        $pm | Protect-Postmortem -EmailAddress -IPAddress -Name 'Ana Lima' | Out-Null
        Get-Snapshot $pm | Should -BeExactly $before
    }

    It 'replaces the <Kind> with [REDACTED]: "<Expected>"' -ForEach @(
        @{ Kind = 'AWS access key'; Text = 'The deploy log printed AKIAIOSFODNN7EXAMPLE in clear.'; Expected = 'The deploy log printed [REDACTED] in clear.' }
        @{ Kind = 'AWS secret key'; Text = 'The dump had aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY in it.'; Expected = 'The dump had aws_secret_access_key = [REDACTED] in it.' }
        @{ Kind = 'GitHub token'; Text = 'The runner used ghp_1234567890abcdefghijklmnopqrstuvwxyzAB to clone.'; Expected = 'The runner used [REDACTED] to clone.' }
        @{ Kind = 'Slack token'; Text = 'The bot posted with xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp today.'; Expected = 'The bot posted with [REDACTED] today.' }
        @{ Kind = 'JWT'; Text = 'The cookie was eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U then.'; Expected = 'The cookie was [REDACTED] then.' }
        @{ Kind = 'private key'; Text = "The key was pasted:`n-----BEGIN OPENSSH PRIVATE KEY-----`nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ`n-----END OPENSSH PRIVATE KEY-----`nand shared."; Expected = "The key was pasted:`n[REDACTED]`nand shared." }
        @{ Kind = 'password'; Text = 'The job ran psql with password=hunter2 on the command line.'; Expected = 'The job ran psql with password=[REDACTED] on the command line.' }
        @{ Kind = 'connection string'; Text = 'The app used Server=db01;User Id=app;Password=S3cr3t!;Encrypt=true.'; Expected = 'The app used Server=db01;User Id=app;Password=[REDACTED];Encrypt=true.' }
        @{ Kind = 'bearer token'; Text = 'The call sent Authorization: Bearer abcdef0123456789abcdef0123456789 to the API.'; Expected = 'The call sent Authorization: Bearer [REDACTED] to the API.' }
        @{ Kind = 'password in a URL'; Text = 'The job used postgres://app:S3cr3t@db.internal:5432/app for it.'; Expected = 'The job used postgres://app:[REDACTED]@db.internal:5432/app for it.' }
    ) {
        $pm = New-GoodPostmortem | Set-Postmortem -RootCause $Text
        $pm | Protect-Postmortem | Out-Null
        $pm.RootCause | Should -BeExactly $Expected
        @($pm | Test-Postmortem -Rule NoSecrets) | Should -HaveCount 0
    }

    It 'redacts secrets in every field, names and sources included, so Test-Postmortem -Rule NoSecrets finds nothing after it' {
        $pm = New-GoodPostmortem 'Outage after token=abcdefgh1234 leaked' |
            Set-Postmortem -Author 'Priya Natarajan', 'password=hunter2' -ServicesAffected 'checkout-api', 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp' `
                -UsersAffected 'list at https://u:pw123@crm.example.org' -LessonsLearned 'Never paste AKIAIOSFODNN7EXAMPLE into chat.' |
            Add-TimelineEvent '2026-11-20T10:30:00Z' 'Ran psql with password=hunter2' -Source 'https://bot:hunter2@chat.example.org' |
            Add-Why 'Why was the key in the log? The job echoed secret=s3cr3tvalue on start.' |
            Add-ContributingFactor 'The runbook showed ghp_1234567890abcdefghijklmnopqrstuvwxyzAB as an example' |
            Add-Observation -WentPoorly 'The Slack token xoxp-1234567890-0987654321-AbCdEfGh was pasted in the channel' |
            Add-ActionItem 'Rotate the key AKIAIOSFODNN7EXAMPLE' -Owner 'token=abcdefgh1234' -DueDate 2026-12-11 -Priority P1 -Tracking 'https://jira:Sup3rS3cret@tracker.example.org/PAY-1424' |
            Submit-PostmortemReview -Reviewer 'Marcus Lee' |
            Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'Checked with my password=hunter2 login'
        @($pm | Test-Postmortem -Rule NoSecrets).Count | Should -BeGreaterThan 10
        $pm | Protect-Postmortem | Out-Null
        @($pm | Test-Postmortem -Rule NoSecrets) | Should -HaveCount 0
        $pm.Title | Should -BeExactly 'Outage after token=[REDACTED] leaked'
        $pm.Authors[1] | Should -BeExactly 'password=[REDACTED]'
        $pm.Authors[0] | Should -BeExactly 'Priya Natarajan'
        $pm.Impact.ServicesAffected[1] | Should -BeExactly '[REDACTED]'
        $pm.Timeline[7].Event | Should -BeExactly 'Ran psql with password=[REDACTED]'
        $pm.Timeline[7].Source | Should -BeExactly 'https://bot:[REDACTED]@chat.example.org'
        $pm.Timeline[7].UtcTime | Should -Be ([datetime]::new(2026, 11, 20, 10, 30, 0, [System.DateTimeKind]::Utc))
        $pm.ActionItems[4].Action | Should -BeExactly 'Rotate the key [REDACTED]'
        $pm.ActionItems[4].Owner | Should -BeExactly 'token=[REDACTED]'
        $pm.ActionItems[4].Tracking | Should -BeExactly 'https://jira:[REDACTED]@tracker.example.org/PAY-1424'
        $pm.SignOffs[0].Comment | Should -BeExactly 'Checked with my password=[REDACTED] login'
        $pm.SignOffs[0].Reviewer | Should -BeExactly 'Marcus Lee'
        $pm.State | Should -Be 'InReview'
    }

    It 'keeps e-mail addresses, IP addresses and names unless asked' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Ana Lima (ana.lima@example.org) restarted 10.0.4.17'
        $pm | Protect-Postmortem | Out-Null
        $pm.Timeline[7].Event | Should -BeExactly 'Ana Lima (ana.lima@example.org) restarted 10.0.4.17'
    }

    It 'replaces e-mail addresses with [email] given -EmailAddress' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Paged ana.lima@example.org and ops+pager@mail.example.co.uk' |
            Set-Postmortem -RootCause 'The alert went to oncall@example.org, which nobody read.'
        $pm | Protect-Postmortem -EmailAddress | Out-Null
        $pm.Timeline[7].Event | Should -BeExactly 'Paged [email] and [email]'
        $pm.RootCause | Should -BeExactly 'The alert went to [email], which nobody read.'
    }

    It 'replaces IPv4 and IPv6 addresses with [ip-address] given -IPAddress' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Gateway 10.0.4.17 and fd00::17 failed; [2001:db8::1]:8443 and fe80::1ff:fe23:4567:890a too; ::1 was fine' |
            Add-Observation -WentPoorly 'The dashboard for 192.168.1.20 was stale'
        $pm | Protect-Postmortem -IPAddress | Out-Null
        $pm.Timeline[7].Event | Should -BeExactly 'Gateway [ip-address] and [ip-address] failed; [[ip-address]]:8443 and [ip-address] too; [ip-address] was fine'
        $pm.WentPoorly[1] | Should -BeExactly 'The dashboard for [ip-address] was stale'
    }

    It 'leaves times, timestamps and version numbers alone given -IPAddress' {
        $text = 'At 14:02:33 (2026-11-20T14:05:10Z, 10:15:10 +01:00) version 1.2.3 took 00:47:00 and 12:30:45.123'
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' $text
        $pm | Protect-Postmortem -IPAddress | Out-Null
        $pm.Timeline[7].Event | Should -BeExactly $text
    }

    It 'replaces names with roles from a hashtable given -Name, in every piece of text, whatever the case' {
        $pm = New-GoodPostmortem 'Ana Lima''s rollback' | Add-TimelineEvent '2026-11-20T10:30:00Z' 'ana lima confirmed the rollback' |
            Set-Postmortem -RootCause 'Ana Lima had no way to see the chain.' |
            Add-Observation -WentWell 'Bob Stone joined within 2 minutes' |
            Add-ActionItem 'Give Ana Lima''s team a chain check in the pipeline' -Owner platform -DueDate 2026-12-11 -Priority P2
        $pm | Protect-Postmortem -Name @{ 'Ana Lima' = 'the on-call engineer'; 'Bob Stone' = 'the incident commander' } | Out-Null
        $pm.Title | Should -BeExactly 'the on-call engineer''s rollback'
        $pm.Timeline[7].Event | Should -BeExactly 'the on-call engineer confirmed the rollback'
        $pm.RootCause | Should -BeExactly 'the on-call engineer had no way to see the chain.'
        $pm.WentWell[2] | Should -BeExactly 'the incident commander joined within 2 minutes'
        $pm.ActionItems[4].Action | Should -BeExactly 'Give the on-call engineer''s team a chain check in the pipeline'
    }

    It 'replaces the longest name first and whole words only' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Ana Lima paged Ana; Anabel and Banana stayed'
        $pm | Protect-Postmortem -Name @{ 'Ana' = 'an engineer'; 'Ana Lima' = 'the on-call engineer' } | Out-Null
        $pm.Timeline[7].Event | Should -BeExactly 'the on-call engineer paged an engineer; Anabel and Banana stayed'
    }

    It 'replaces names given alone with [person]' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Bob Stone handed over to Ana'
        $pm | Protect-Postmortem -Name 'Bob Stone', 'Ana' | Out-Null
        $pm.Timeline[7].Event | Should -BeExactly '[person] handed over to [person]'
    }

    It 'replaces a single name given alone with [person]' {
        $pm = New-GoodPostmortem | Set-Postmortem -RootCause 'Bob Stone found the missing intermediate.'
        $pm | Protect-Postmortem -Name 'Bob Stone' | Out-Null
        $pm.RootCause | Should -BeExactly '[person] found the missing intermediate.'
    }

    It 'keeps the names of authors, reviewers and owners, who are named on purpose' {
        $pm = New-GoodPostmortem | Set-Postmortem -Author 'Ana Lima' |
            Add-ActionItem 'Add a chain check to staging' -Owner 'Ana Lima' -DueDate 2026-12-11 -Priority P2 |
            Submit-PostmortemReview -Reviewer 'Marcus Lee' | Approve-Postmortem 'Marcus Lee'
        $pm | Protect-Postmortem -Name 'Ana Lima', 'Marcus Lee' | Out-Null
        @($pm.Authors) | Should -Be @('Ana Lima')
        @($pm.Reviewers) | Should -Be @('Marcus Lee')
        $pm.ActionItems[4].Owner | Should -BeExactly 'Ana Lima'
        $pm.SignOffs[0].Reviewer | Should -BeExactly 'Marcus Lee'
    }

    It 'does it all in one call, and reports the counts with -Verbose' {
        $pm = New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Ana (ana@example.org) on 10.0.4.17 and fd00::17 ran psql with password=hunter2 at 09:30:15'
        $verbose = $pm | Protect-Postmortem -EmailAddress -IPAddress -Name @{ 'Ana' = 'the on-call engineer' } -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $pm.Timeline[7].Event | Should -BeExactly 'the on-call engineer ([email]) on [ip-address] and [ip-address] ran psql with password=[REDACTED] at 09:30:15'
        "$verbose" | Should -BeLike '*1 secret(s), 1 e-mail address(es), 2 IP address(es), 1 name(s) replaced*'
    }

    It 'replaces e-mail and IP addresses and names in sign-off comments too' {
        # Sign-off comments are written to the YAML draft and the Markdown front matter, so they leave the machine.
        $pm = New-InReviewPostmortem | Approve-Postmortem -Reviewer 'Marcus Lee' -Comment 'Ana Lima confirmed by mail (ana@example.org) from 10.0.4.17'
        $pm | Protect-Postmortem -EmailAddress -IPAddress -Name @{ 'Ana Lima' = 'the on-call engineer' } | Out-Null
        $pm.SignOffs[0].Comment | Should -BeExactly 'the on-call engineer confirmed by mail ([email]) from [ip-address]'
    }

    It 'protects what Export-Postmortem writes when it runs first in the pipeline' -ForEach @(
        @{ Extension = 'md' }
        @{ Extension = 'yaml' }
    ) {
        $path = Join-Path $TestDrive "protected.$Extension"
        New-GoodPostmortem | Add-TimelineEvent '2026-11-20T10:30:00Z' 'Ana paged ana@example.org about 10.0.4.17 with password=hunter2' |
            Protect-Postmortem -EmailAddress -IPAddress -Name 'Ana' | Export-Postmortem -Path $path -Force
        $text = Get-Content -LiteralPath $path -Raw
        $text | Should -Not -Match 'hunter2'
        $text | Should -Not -Match 'ana@example\.org'
        $text | Should -Not -Match '10\.0\.4\.17'
        $back = Import-Postmortem -LiteralPath $path
        $back.Timeline[7].Event | Should -BeExactly '[person] paged [email] about [ip-address] with password=[REDACTED]'
        @($back | Test-Postmortem -Rule NoSecrets) | Should -HaveCount 0
    }

    It 'takes several postmortems from the pipeline' {
        $a = New-GoodPostmortem 'a' | Set-Postmortem -RootCause 'password=hunter2 was logged.'
        $b = New-GoodPostmortem 'b' | Set-Postmortem -RootCause 'AKIAIOSFODNN7EXAMPLE was logged.'
        $out = @($a, $b | Protect-Postmortem)
        $out | Should -HaveCount 2
        $a.RootCause | Should -BeExactly 'password=[REDACTED] was logged.'
        $b.RootCause | Should -BeExactly '[REDACTED] was logged.'
    }
}

Describe 'Complete-Postmortem with the team''s rule settings' {
    It 'judges errors by the settings file Test-Postmortem uses, so a rule the team made a warning does not block' {
        $settings = Join-Path $TestDrive 'team.psd1'
        "@{ Rules = @{ BlamelessLanguage = @{ Severity = 'Warning' } } }" | Set-Content -LiteralPath $settings
        $pm = New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee'
        @($pm | Test-Postmortem -Settings $settings | Where-Object Severity -eq 'Error') | Should -HaveCount 0

        $pm | Complete-Postmortem -Settings $settings -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs | Should -HaveCount 0
        $pm.State | Should -Be 'Final'
    }

    It 'still refuses with the default rules, which make blame an error' {
        $pm = New-BlamingPostmortem | Submit-PostmortemReview 'Marcus Lee' | Approve-Postmortem 'Marcus Lee'
        $pm | Complete-Postmortem -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PostmortemStateRefused,*'
        $pm.State | Should -Not -Be 'Final'
    }

    It 'stops with SettingsNotFound for a settings file that is not there, before any postmortem changes' {
        $pm = New-GoodPostmortem | Submit-PostmortemReview 'Marcus Lee'
        { $pm | Complete-Postmortem -Settings (Join-Path $TestDrive 'missing.psd1') -ErrorAction Stop } | Should -Throw -ErrorId 'SettingsNotFound,*'
        $pm.State | Should -Be 'InReview'
    }
}
