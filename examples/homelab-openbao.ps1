<#
.SYNOPSIS
    A homelab postmortem built through the pipeline, every template section filled.
.DESCRIPTION
    OpenBao sealed itself after a node reboot and every service that reads secrets from it failed.
    Writes openbao-sealed.yaml (a draft, reloaded to check it), openbao-sealed.md and openbao-sealed.html to -OutputFolder.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Postmortem/Postmortem.psd1'),
    [string] $OutputFolder = (Join-Path $PSScriptRoot '../out/demo')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$pm = New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20 -Severity P2 -Status Resolved `
    -Context Homelab -Author 'platform team' `
    -ExecutiveSummary 'OpenBao stayed sealed for 1 hour and 34 minutes after node k3s-2 rebooted for a kernel update. Every service that reads secrets from it (Gitea, Nextcloud, the Ansible runner) failed to start or renew credentials. No data was lost.' `
    -ServicesAffected 'OpenBao', 'Gitea', 'Nextcloud', 'Ansible runner' -UsersAffected 'all household users (4)' `
    -DataLoss $false -RevenueImpact 'None (homelab)' `
    -RootCause 'OpenBao uses Shamir unsealing, and no auto-unseal was configured. When unattended-upgrades rebooted k3s-2, the OpenBao pod was rescheduled and came up sealed. The reboot window was not coordinated with the one person who holds the unseal keys, and nothing alerted on the sealed state, so services failed silently until a user noticed.' `
    -LessonsLearned 'A secret store that needs a human to unseal turns every unattended reboot into an outage. Auto-unseal, or at least an alert on seal status, has to exist before reboots are automated.'

# The timeline as it was copied from the alert history and the chat log.
$events = @'
Time,Event,Milestone,Source
2026-11-20T13:58:00Z,unattended-upgrades rebooted node k3s-2 for kernel 6.1.0-27,,journald
2026-11-20T14:02:00Z,Vault seal alert fired for openbao-0,FirstSymptom,alertmanager
2026-11-20T14:09:00Z,On-call acknowledged the page,Detected,ntfy
2026-11-20T14:15:00Z,Gitea and Nextcloud pods found in CrashLoopBackOff,InvestigationStarted,kubectl
2026-11-20T14:31:00Z,openbao-0 found sealed after rescheduling to k3s-2,RootCauseIdentified,kubectl
2026-11-20T15:20:00Z,OpenBao unsealed with three key shares,MitigationApplied,manual
2026-11-20T15:29:00Z,Gitea and Nextcloud healthy again,ServiceRestored,kubectl
2026-11-20T15:43:00Z,All pods stable for 15 minutes; monitoring confirmed,Resolved,grafana
'@ | ConvertFrom-Csv

$events | Add-TimelineEvent -Postmortem $pm

$pm |
    Add-Why 'Why did Gitea fail? It could not read its database password from OpenBao.' |
    Add-Why 'Why could it not? OpenBao was sealed.' |
    Add-Why 'Why was it sealed? The pod restarted after the node reboot, and Shamir unsealing needs a person.' |
    Add-Why 'Why did nobody unseal it sooner? No alert reached anyone for the sealed state, only for the failing apps.' |
    Add-Why 'Why was there no such alert? Seal status was never exported as a metric we alert on.' |
    Add-ContributingFactor 'No auto-unseal configured for OpenBao' |
    Add-ContributingFactor 'unattended-upgrades was allowed to reboot nodes at any hour' |
    Add-ContributingFactor 'The unseal procedure was documented only in a personal notes file' |
    Add-Observation -WentWell 'The seal alert fired within 4 minutes of the reboot' -WentPoorly 'It took 49 minutes to find the unseal keys' |
    Add-Observation -WentWell 'Unsealing with three key shares worked first time' |
    Add-ActionItem -Action 'Add Grafana alert for OpenBao seal status with 5-minute threshold' -Owner platform -DueDate 2026-12-15 -Priority P2 |
    Add-ActionItem -Action 'Configure OpenBao auto-unseal with the Transit engine on the NAS' -Owner platform -DueDate 2027-01-15 -Priority P1 |
    Add-ActionItem -Action 'Restrict unattended-upgrades reboots to Sunday 03:00-05:00' -Owner platform -DueDate 2026-12-01 -Priority P3 |
    Add-ActionItem -Action 'Document the unseal procedure in the Ansiblestack runbook' -Owner platform -DueDate 2026-12-05 -Priority P2 |
    Out-Null

# Check it against the seed's rules before it is shared.
$findings = @($pm | Test-Postmortem)
if ($findings) { $findings | Format-Table | Out-String | Write-Host } else { Write-Host 'Test-Postmortem: no findings.' }

New-Item -ItemType Directory -Path $OutputFolder -Force | Out-Null
# A YAML draft to keep in git and edit over the coming days; it reloads as the same postmortem.
$draft = Join-Path $OutputFolder 'openbao-sealed.yaml'
$pm | Export-Postmortem -Path $draft -Force
$reloaded = Import-Postmortem -Path $draft
if ($reloaded.Id -ne $pm.Id -or $reloaded.Timeline.Count -ne $pm.Timeline.Count) { throw "The draft $draft did not reload as written." }
Write-Host "Draft saved and reloaded: $draft"

$pm | Export-Postmortem -Path (Join-Path $OutputFolder 'openbao-sealed.md') -Force -PassThru | Select-Object -ExpandProperty FullName
$pm | Export-Postmortem -Path (Join-Path $OutputFolder 'openbao-sealed.html') -Force -PassThru | Select-Object -ExpandProperty FullName
$pm | Format-Table | Out-String | Write-Host
$pm.Timeline | Format-Table | Out-String | Write-Host
