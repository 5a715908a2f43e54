<#
.SYNOPSIS
    The good work postmortem several test files start from, built the way examples/work-checkout-502.ps1 builds its
    one: Test-Postmortem finds no error in it. 7 timeline events (09:12 to 10:02 UTC), 4 whys, 2 contributing factors,
    2 WentWell, 1 WentPoorly and 4 action items, so whatever a test adds lands at a known index (Timeline[7],
    Whys[4], WentPoorly[1], ActionItems[4]). Dot-source it in BeforeAll, after importing the module.
#>
function New-CheckoutPostmortem {
    param(
        [string] $Title = 'Checkout API returned 502s after certificate rotation',
        [string] $Context = 'Work',
        [string[]] $Reviewer = @()
    )
    $reviewers = if ($Reviewer) { @{ Reviewer = $Reviewer } } else { @{} }
    $pm = New-Postmortem $Title -Date 2026-11-20 -Context $Context -Author 'Priya Natarajan', 'payments SRE' @reviewers
    @(
        [pscustomobject]@{ Time = '2026-11-20T09:12:04Z'; Text = 'CheckoutHigh5xxRate firing: 38% of requests failed'; Milestone = 'FirstSymptom'; Source = 'alertmanager' }
        [pscustomobject]@{ Time = '2026-11-20 10:15:10 +01:00'; Text = 'Ack, looking at checkout 502s'; Milestone = 'Detected'; Source = 'slack' }
        [pscustomobject]@{ Time = '2026-11-20 10:21:00 +01:00'; Text = 'Opened #inc-checkout; pulling gateway logs'; Milestone = 'InvestigationStarted'; Source = 'slack' }
        [pscustomobject]@{ Time = '2026-11-20 10:38:30 +01:00'; Text = "Gateway says 'unable to get local issuer certificate': the new bundle has no intermediate"; Milestone = 'RootCauseIdentified'; Source = 'slack' }
        [pscustomobject]@{ Time = '2026-11-20 10:52:00 +01:00'; Text = 'Rolled back to the previous certificate bundle'; Milestone = 'MitigationApplied'; Source = 'slack' }
        [pscustomobject]@{ Time = '2026-11-20 10:59:15 +01:00'; Text = 'Checkout success rate back to 99.8%'; Milestone = 'ServiceRestored'; Source = 'slack' }
        [pscustomobject]@{ Time = '2026-11-20T10:02:41Z'; Text = 'CheckoutHigh5xxRate resolved'; Milestone = 'Resolved'; Source = 'alertmanager' }
    ) | Add-TimelineEvent -Postmortem $pm
    $pm | Set-Postmortem -Severity P2 -Status Resolved `
        -ExecutiveSummary 'Checkout was unavailable for 47 minutes on 2026-11-20 because the API gateway rejected a new TLS certificate bundle. About 3,100 customers could not complete a purchase. Service was restored by rolling the bundle back.' `
        -ServicesAffected 'checkout-api', 'mobile app checkout' -UsersAffected 'about 3,100 customers' -DataLoss $false `
        -RevenueImpact 'Estimated $41,000 in delayed orders; the 99.9% monthly SLA was breached.' `
        -RootCause "The certificate rotation job uploaded a bundle without the intermediate certificate. The gateway validates the full chain on reload, so every upstream TLS handshake failed.`n`nWe had no check in the rotation pipeline that a bundle forms a complete chain before it is deployed." `
        -LessonsLearned 'Automating certificate rotation removed a manual step, and with it the only check of the chain. Every automated change to production needs a verification step of its own.' |
        Add-Why 'Why did checkout fail? The gateway rejected every upstream TLS handshake.' |
        Add-Why 'Why were handshakes rejected? The deployed bundle lacked the intermediate certificate.' |
        Add-Why 'Why did it lack it? The rotation job concatenated only the leaf certificate and the key.' |
        Add-Why 'Why was that not caught? The pipeline had no chain-verification step before deploy.' |
        Add-ContributingFactor 'No alert on certificate chain errors in the gateway', 'The rotation runbook had no rollback section' |
        Add-Observation -WentWell 'The 5xx alert fired 3 minutes after the reload', 'The bundle rollback worked as expected' |
        Add-Observation -WentPoorly '26 minutes to identify the root cause, because gateway TLS errors were logged at debug level only' |
        Add-ActionItem 'Add `openssl verify` of the full chain to the rotation pipeline before deploy' -Owner 'payments SRE' -DueDate 2026-12-04 -Priority P1 -Tracking PAY-1423 |
        Add-ActionItem 'Add Prometheus alert for gateway certificate chain errors with a 5-minute threshold' -Owner observability -DueDate 2026-12-11 -Priority P2 |
        Add-ActionItem 'Update the rotation runbook with the rollback steps' -Owner 'payments SRE' -DueDate 2026-12-18 -Priority P3 |
        Add-ActionItem 'Raise gateway TLS handshake errors from debug to warning level' -Owner platform -DueDate 2026-12-11 -Priority P2
}
