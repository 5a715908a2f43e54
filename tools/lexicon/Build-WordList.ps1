<#
.SYNOPSIS
    Derives the list of English nouns, adjectives and adverbs blame detection reads from WordNet 3.0.

.DESCRIPTION
    Blame detection takes a word it does not know at the head of a clause, followed by what someone did, for a
    person's name or handle ("paladox drops the database", "MacFan4000 reverts his changes"). To know that
    "Replication stopped" or "Traffic shifted" starts with an English word, not a name, it reads a list of English
    words derived from WordNet 3.0 (Princeton University), whose licence allows redistribution with its notice:

        src/Postmortem.Core/Rules/Lexicon/words.txt   every single-word lower-case lemma of index.noun, index.adj and
                                                      index.adv that is not a verb (verbs.txt holds those), with the
                                                      plurals and other forms of noun.exc; embedded in Postmortem.Core

    The file's header repeats WordNet's licence (WordNet-LICENSE.txt, written by Build-VerbLexicon.ps1, holds it too).
    WordNet knows some first names ("sam", "alex" are not in it; "grant", "bill" are): a name that is also an English
    word is not taken for a person by this route, only by the postmortem's own people.

    To regenerate (Debian or Ubuntu; the data lives in /usr/share/wordnet):

        apt-get install -y wordnet-base
        dotnet pwsh ./tools/lexicon/Build-WordList.ps1

    The output is deterministic: the same WordNet gives the same bytes.

.PARAMETER WordNetPath
    The folder holding WordNet 3.0's index.* and noun.exc files.

.PARAMETER OutputPath
    The folder to write words.txt into.
#>
[CmdletBinding()]
param(
    [string] $WordNetPath = '/usr/share/wordnet',
    [string] $OutputPath = (Join-Path $PSScriptRoot '../../src/Postmortem.Core/Rules/Lexicon')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Get-WordNetFile([string] $Name) {
    $path = Join-Path $WordNetPath $Name
    if (-not (Test-Path -LiteralPath $path)) {
        throw "WordNet's $Name is not in '$WordNetPath'. Install it (apt-get install -y wordnet-base) or pass -WordNetPath <WordNet-3.0/dict>."
    }
    (Resolve-Path -LiteralPath $path).ProviderPath
}

$single = [regex]::new('^[a-z]+$')
$ordinal = [StringComparer]::Ordinal

function Read-Lemmas([string] $Name) {
    foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile $Name))) {
        if ($line.Length -eq 0 -or $line.StartsWith('  ')) { continue }
        $line.Substring(0, $line.IndexOf(' '))
    }
}

$verbs = [System.Collections.Generic.HashSet[string]]::new($ordinal)
foreach ($lemma in Read-Lemmas 'index.verb') { [void] $verbs.Add($lemma) }

$words = [System.Collections.Generic.SortedSet[string]]::new($ordinal)
foreach ($name in 'index.noun', 'index.adj', 'index.adv') {
    foreach ($lemma in Read-Lemmas $name) {
        if ($single.IsMatch($lemma) -and -not $verbs.Contains($lemma)) { [void] $words.Add($lemma) }
    }
}
# Irregular plurals and comparatives ("children", "indices", "better") are words too.
foreach ($name in 'noun.exc', 'adj.exc') {
    foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile $name))) {
        $form = $line.Split(' ')[0]
        if ($single.IsMatch($form) -and -not $verbs.Contains($form)) { [void] $words.Add($form) }
    }
}

$licence = foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile 'data.noun'))) {
    if (-not $line.StartsWith('  ')) { break }
    ($line -replace '^\s*\d+ ', '').TrimEnd()
}
if (-not ($licence -match 'WordNet 3\.0 Copyright')) { throw "data.noun in '$WordNetPath' does not start with WordNet 3.0's licence." }

$text = [System.Text.StringBuilder]::new()
$newLine = "`n"
[void] $text.Append('# English nouns, adjectives and adverbs that are not verbs, for blame detection, derived from WordNet 3.0 by').Append($newLine)
[void] $text.Append('# tools/lexicon/Build-WordList.ps1. Do not edit: run the script to regenerate. WordNet''s licence follows.').Append($newLine)
[void] $text.Append('#').Append($newLine)
foreach ($line in $licence) { [void] $text.Append(('# ' + $line).TrimEnd()).Append($newLine) }
[void] $text.Append('#').Append($newLine)
foreach ($word in $words) { [void] $text.Append($word).Append($newLine) }

$OutputPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)
$null = New-Item -ItemType Directory -Path $OutputPath -Force
$path = Join-Path $OutputPath 'words.txt'
[System.IO.File]::WriteAllText($path, $text.ToString(), [System.Text.UTF8Encoding]::new($false))
Write-Host ("{0}: {1} words, {2:N0} bytes" -f $path, $words.Count, (Get-Item $path).Length)
