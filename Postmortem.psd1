@{
    RootModule           = 'Postmortem.dll'
    # Loaded before the cmdlets: it loads the core and its libraries into the module's own load context.
    NestedModules        = @('Postmortem.Init.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '748f1f30-c3ab-4deb-a64e-09d88c974ba6'
    Author               = 'Postmortem contributors'
    CompanyName          = 'Postmortem contributors'
    Copyright            = '(c) Postmortem contributors. MIT License.'
    Description          = 'Write blameless incident postmortems in the pipeline: timeline, impact, 5-whys root cause, action items, lessons learned; render them to Markdown and HTML.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('Postmortem.format.ps1xml')
    CmdletsToExport      = @(
        'New-Postmortem'
        'Set-Postmortem'
        'Add-TimelineEvent'
        'Remove-TimelineEvent'
        'Set-TimelineEvent'
        'Add-ActionItem'
        'Remove-ActionItem'
        'Set-ActionItem'
        'Add-ContributingFactor'
        'Add-PostmortemLink'
        'Remove-ContributingFactor'
        'Add-Why'
        'Remove-Why'
        'Add-Observation'
        'Remove-Observation'
        'ConvertTo-PostmortemMarkdown'
        'ConvertTo-PostmortemHtml'
        'Export-Postmortem'
        'Save-Postmortem'
        'Test-Postmortem'
        'Get-PostmortemRule'
        'Import-Postmortem'
        'Import-TimelineEvent'
        'Publish-Postmortem'
        'Publish-ActionItemReport'
        'Sync-ActionItem'
        'Merge-Postmortem'
        'Connect-BookStack'
        'Disconnect-BookStack'
        'Get-PostmortemMetric'
        'Measure-Postmortem'
        'Get-ActionItem'
        'Submit-PostmortemReview'
        'Approve-Postmortem'
        'Complete-Postmortem'
        'Unlock-Postmortem'
        'Protect-Postmortem'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('postmortem', 'incident', 'sre', 'blameless', 'markdown', 'bookstack', 'PSEdition_Core', 'PSEdition_Desktop')
        }
    }
}
