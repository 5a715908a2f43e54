<#
.SYNOPSIS
    Builds the module's MAML help (en-US/Postmortem.dll-Help.xml) from docs/<Cmdlet>.md, read with Markdig.
.DESCRIPTION
    platyPS is not available here, so this does what platyPS v2 does: the words come from the Markdown in docs/,
    the syntax (parameter sets, types, positions, pipeline input, wildcards, aliases) from the built module itself,
    so the help cannot disagree with the code. build.ps1 runs it in a fresh pwsh after laying the module out.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The build's own Markdig, in this process's default load context; the module keeps its copy in its own.
Add-Type -Path (Join-Path (Split-Path $ModulePath) 'Dependencies/Markdig.dll')
$module = Import-Module $ModulePath -PassThru -Force

$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$shouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run: nothing is written or sent.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Get-InlineText($container) {
    if ($null -eq $container) { return '' }
    $text = [System.Text.StringBuilder]::new()
    foreach ($inline in $container) {
        switch ($inline.GetType().Name) {
            'LiteralInline' { [void] $text.Append($inline.Content.ToString()) }
            'CodeInline' { [void] $text.Append($inline.Content) }
            'LineBreakInline' { [void] $text.Append(' ') }
            'HtmlEntityInline' { [void] $text.Append($inline.Transcoded.ToString()) }
            'AutolinkInline' { [void] $text.Append($inline.Url) }
            default {
                if ($inline -is [Markdig.Syntax.Inlines.ContainerInline]) { [void] $text.Append((Get-InlineText $inline)) }
            }
        }
    }
    $text.ToString()
}

# The paragraphs of a run of blocks; list items become "- item" paragraphs.
function Get-Paragraphs($blocks) {
    foreach ($block in $blocks) {
        if ($block -is [Markdig.Syntax.ParagraphBlock]) { Get-InlineText $block.Inline }
        elseif ($block -is [Markdig.Syntax.ListBlock]) {
            foreach ($item in $block) { '- ' + ((Get-Paragraphs $item) -join ' ') }
        }
        elseif ($block -is [Markdig.Syntax.FencedCodeBlock]) { $block.Lines.ToString() }
    }
}

function Read-Doc([string] $path) {
    $document = [Markdig.Markdown]::Parse((Get-Content -LiteralPath $path -Raw))
    $doc = @{ Sections = @{}; Examples = [System.Collections.Generic.List[object]]::new(); Parameters = @{}; Inputs = [System.Collections.Generic.List[object]]::new(); Outputs = [System.Collections.Generic.List[object]]::new() }
    $section = $null
    $sub = $null
    foreach ($block in $document) {
        if ($block -is [Markdig.Syntax.HeadingBlock] -and $block.Level -eq 2) {
            $section = (Get-InlineText $block.Inline).Trim().ToUpperInvariant()
            $doc.Sections[$section] = [System.Collections.Generic.List[object]]::new()
            $sub = $null
            continue
        }
        if ($block -is [Markdig.Syntax.HeadingBlock] -and $block.Level -eq 3 -and $section) {
            $sub = @{ Title = (Get-InlineText $block.Inline).Trim(); Blocks = [System.Collections.Generic.List[object]]::new() }
            switch ($section) {
                'EXAMPLES' { $doc.Examples.Add($sub) }
                'PARAMETERS' { $doc.Parameters[$sub.Title.TrimStart('-')] = $sub }
                'INPUTS' { $doc.Inputs.Add($sub) }
                'OUTPUTS' { $doc.Outputs.Add($sub) }
            }
            continue
        }
        if ($sub) { $sub.Blocks.Add($block) }
        elseif ($section) { $doc.Sections[$section].Add($block) }
    }
    $doc
}

function Write-Paras([System.Xml.XmlWriter] $w, [string[]] $paragraphs) {
    $w.WriteStartElement('maml', 'description', $ns.maml)
    foreach ($p in $paragraphs) { $w.WriteElementString('para', $ns.maml, $p) }
    $w.WriteEndElement()
}

function Get-PipelineInput($parameter) {
    $kinds = @()
    if ($parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter([System.Xml.XmlWriter] $w, $info, $setParameter, [string[]] $description) {
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', ([string] [bool] $setParameter.IsMandatory).ToLowerInvariant())
    $w.WriteAttributeString('variableLength', 'true')
    $globbing = [bool] ($info.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $w.WriteAttributeString('globbing', ([string] $globbing).ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', (Get-PipelineInput $setParameter))
    $w.WriteAttributeString('position', $(if ($setParameter.Position -ge 0) { [string] $setParameter.Position } else { 'named' }))
    $w.WriteAttributeString('aliases', $(if ($info.Aliases.Count) { $info.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('name', $ns.maml, $info.Name)
    Write-Paras $w $description
    $isSwitch = $info.ParameterType -eq [System.Management.Automation.SwitchParameter]
    # A nullable parameter (TimeSpan?) takes what its type takes: the help names that type, not Nullable`1.
    $type = [Nullable]::GetUnderlyingType($info.ParameterType) ?? $info.ParameterType
    $w.WriteStartElement('command', 'parameterValue', $ns.command)
    $w.WriteAttributeString('required', ([string] (-not $isSwitch)).ToLowerInvariant())
    $w.WriteAttributeString('variableLength', 'false')
    $w.WriteString($type.Name)
    $w.WriteEndElement()
    $w.WriteStartElement('dev', 'type', $ns.dev)
    $w.WriteElementString('name', $ns.maml, $type.FullName)
    $w.WriteEndElement()
    $w.WriteElementString('defaultValue', $ns.dev, 'None')
    $w.WriteEndElement()
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force | Out-Null
$w = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
$missing = @()
foreach ($command in ($module.ExportedCmdlets.Values | Sort-Object Name)) {
    $docPath = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $docPath)) { $missing += $command.Name; continue }
    $doc = Read-Doc $docPath
    $paramDescription = { param($name) if ($shouldProcessText.ContainsKey($name)) { @($shouldProcessText[$name]) } elseif ($doc.Parameters.ContainsKey($name)) { @(Get-Paragraphs $doc.Parameters[$name].Blocks) } else { @() } }

    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('name', $ns.command, $command.Name)
    $w.WriteElementString('verb', $ns.command, $command.Verb)
    $w.WriteElementString('noun', $ns.command, $command.Noun)
    Write-Paras $w @(Get-Paragraphs $doc.Sections['SYNOPSIS'])
    $w.WriteEndElement()
    Write-Paras $w @(Get-Paragraphs $doc.Sections['DESCRIPTION'])

    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('name', $ns.maml, $command.Name)
        foreach ($p in ($set.Parameters | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 1000 } }, { -not $_.IsMandatory })) {
            Write-Parameter $w $command.Parameters[$p.Name] $p (& $paramDescription $p.Name)
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($info in ($command.Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' } | Sort-Object Name)) {
        # The attributes of the parameter's first set stand for all; the syntax above gives each set's own.
        $first = $info.ParameterSets.Values | Select-Object -First 1
        $setParameter = [pscustomobject]@{
            IsMandatory = [bool] ($info.ParameterSets.Values | Where-Object IsMandatory)
            Position = $first.Position
            ValueFromPipeline = [bool] ($info.ParameterSets.Values | Where-Object ValueFromPipeline)
            ValueFromPipelineByPropertyName = [bool] ($info.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName)
        }
        Write-Parameter $w $info $setParameter (& $paramDescription $info.Name)
    }
    $w.WriteEndElement()

    foreach ($kind in @(@{ Items = $doc.Inputs; List = 'inputTypes'; Item = 'inputType' }, @{ Items = $doc.Outputs; List = 'returnValues'; Item = 'returnValue' })) {
        $w.WriteStartElement('command', $kind.List, $ns.command)
        foreach ($entry in $kind.Items) {
            $w.WriteStartElement('command', $kind.Item, $ns.command)
            $w.WriteStartElement('dev', 'type', $ns.dev)
            $w.WriteElementString('name', $ns.maml, $entry.Title)
            $w.WriteEndElement()
            Write-Paras $w @(Get-Paragraphs $entry.Blocks)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }

    if ($doc.Sections.ContainsKey('NOTES')) {
        $w.WriteStartElement('maml', 'alertSet', $ns.maml)
        $w.WriteStartElement('maml', 'alert', $ns.maml)
        foreach ($p in @(Get-Paragraphs $doc.Sections['NOTES'])) { $w.WriteElementString('para', $ns.maml, $p) }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }

    $w.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $doc.Examples) {
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('title', $ns.maml, "-------------------------- $($example.Title) --------------------------")
        $code = ($example.Blocks | Where-Object { $_ -is [Markdig.Syntax.FencedCodeBlock] } | ForEach-Object { $_.Lines.ToString() }) -join "`n"
        $w.WriteElementString('code', $ns.dev, $code)
        $w.WriteStartElement('dev', 'remarks', $ns.dev)
        foreach ($p in @(Get-Paragraphs ($example.Blocks | Where-Object { $_ -isnot [Markdig.Syntax.FencedCodeBlock] }))) { $w.WriteElementString('para', $ns.maml, $p) }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in @(Get-Paragraphs $doc.Sections['RELATED LINKS'])) {
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $w.WriteElementString('linkText', $ns.maml, $link.TrimStart('-', ' '))
        $w.WriteElementString('uri', $ns.maml, '')
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Dispose()
if ($missing) { Write-Warning "No help in $DocsPath for: $($missing -join ', ')" }
Write-Host "Help written to $OutputPath"
