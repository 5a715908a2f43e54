# The start-up floor: a binary module with a manifest whose cmdlets do nothing. Importing it costs what importing
# any such module costs, before a module's own work.
@{
    RootModule        = 'PostmortemBenchFloor.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0c0e2c39-55a4-4e53-8f61-6a1c33b1d7e2'
    Description       = 'Do-nothing cmdlets for the Postmortem benchmarks.'
    CmdletsToExport   = @('Invoke-BindingFloor', 'Invoke-BindingFloorSets')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
