<#
.SYNOPSIS
    A work postmortem whose timeline is gathered from objects piped in: alert JSON and chat messages.
.DESCRIPTION
    The checkout API returned 502s after an automated certificate rotation. The events come from Alertmanager's
    webhook payload (read by Import-TimelineEvent) and from chat messages (any object with a time and a text
    binds by property name).
    Writes checkout-502.md and checkout-502.html to -OutputFolder.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Postmortem/Postmortem.psd1'),
    [string] $OutputFolder = (Join-Path $PSScriptRoot '../out/demo')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$pm = New-Postmortem 'Checkout API returned 502s after certificate rotation' -Date 2026-11-20 -Context Work `
    -Author 'Priya Natarajan', 'payments SRE' -Reviewer 'Marcus Lee', 'Dana Okafor'

# The alerts, as Alertmanager's webhook delivered them. Import-TimelineEvent tells the format from the content
# and marks the first firing alert as the first symptom.
@'
{
  "version": "4", "status": "resolved", "receiver": "payments-oncall",
  "alerts": [
    {
      "status": "resolved",
      "labels": { "alertname": "CheckoutHigh5xxRate", "service": "checkout-api", "severity": "critical" },
      "annotations": { "summary": "38% of checkout requests failed with 502" },
      "startsAt": "2026-11-20T09:12:04Z",
      "endsAt": "2026-11-20T10:02:41Z"
    }
  ]
}
'@ | Import-TimelineEvent | Add-TimelineEvent -Postmortem $pm
$pm | Add-TimelineEvent -Time '2026-11-20T10:02:41Z' -Event 'Error rate and dashboards confirmed stable; incident closed' -Milestone Resolved | Out-Null

# Chat messages with local times in UTC+01:00, as someone pasted them from the incident channel.
$chat = @(
    [pscustomobject]@{ Time = '2026-11-20 10:15:10 +01:00'; Text = 'Ack, looking at checkout 502s'; Milestone = 'Detected' }
    [pscustomobject]@{ Time = '2026-11-20 10:21:00 +01:00'; Text = 'Opened #inc-checkout; pulling gateway logs'; Milestone = 'InvestigationStarted' }
    [pscustomobject]@{ Time = '2026-11-20 10:38:30 +01:00'; Text = "Gateway says 'unable to get local issuer certificate': the new bundle has no intermediate"; Milestone = 'RootCauseIdentified' }
    [pscustomobject]@{ Time = '2026-11-20 10:52:00 +01:00'; Text = 'Rolled back to the previous certificate bundle'; Milestone = 'MitigationApplied' }
    [pscustomobject]@{ Time = '2026-11-20 10:59:15 +01:00'; Text = 'Checkout success rate back to 99.8%'; Milestone = 'ServiceRestored' }
)
$chat | Add-TimelineEvent -Postmortem $pm -Source slack

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
    Add-ActionItem 'Raise gateway TLS handshake errors from debug to warning level' -Owner platform -DueDate 2026-12-11 -Priority P2 |
    Out-Null

# Check it against the seed's rules before it is shared.
$findings = @($pm | Test-Postmortem)
if ($findings) { $findings | Format-Table | Out-String | Write-Host } else { Write-Host 'Test-Postmortem: no findings.' }

New-Item -ItemType Directory -Path $OutputFolder -Force | Out-Null
$pm | Export-Postmortem -Path (Join-Path $OutputFolder 'checkout-502.md') -Force -PassThru | Select-Object -ExpandProperty FullName
$pm | Export-Postmortem -Path (Join-Path $OutputFolder 'checkout-502.html') -Force -PassThru | Select-Object -ExpandProperty FullName
$pm | Format-Table | Out-String | Write-Host
$pm.ActionItems | Format-Table | Out-String | Write-Host
