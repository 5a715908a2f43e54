<#
.SYNOPSIS
    Derives the verb lexicon ActionItemImperative reads, and the English word list blame detection reads, from WordNet 3.0.

.DESCRIPTION
    ActionItemImperative asks whether an action item starts with a verb. Rather than a hand-kept list, it reads a
    lexicon derived from WordNet 3.0 (Princeton University), a maintained lexical database whose licence allows
    redistribution with its notice. This script writes that lexicon and the notice:

        src/Postmortem.Core/Rules/Lexicon/verbs.txt          the lexicon, embedded in Postmortem.Core
        src/Postmortem.Core/Rules/Lexicon/WordNet-LICENSE.txt WordNet's licence, as its data files carry it
        src/Postmortem.Core/Rules/Lexicon/words.txt          every single-word lower-case noun, adjective and adverb
                                                             lemma that is not a verb, with noun.exc's and adj.exc's
                                                             forms: blame detection asks it whether a word at the
                                                             head of a clause is English or a person's name or handle
                                                             ("paladox drops the database"); embedded too

    verbs.txt holds three sections, one entry a line, all lower-case single words:

        [verbs]  a verb's base form, then its flags: n (also a noun), a (also an adjective),
                 o (WordNet has the verb with "of", as "dispose of", "think of"). From index.verb, index.noun,
                 index.adj and the "_of" lemmas of index.verb.
        [forms]  an irregular inflected form and its base form ("written write"), from verb.exc; a regular
                 form ("added") is found by rule.
        [nouns]  a noun that names an action and is not itself a verb, and the verb it derives from
                 ("removal remove"), from data.noun's derivation pointers (+) into data.verb; only nouns
                 ending in -al, -ment, -tion, -sion, -ance, -ence, -age, -ure, -ery, -sis or -ing, so the
                 file names actions, not agents ("owner") or things.

    The file's header repeats WordNet's licence, so the notice travels with every copy of the data, including the
    one built into the assembly.

    To regenerate (Debian or Ubuntu; the data lives in /usr/share/wordnet):

        apt-get install -y wordnet-base
        dotnet pwsh ./tools/lexicon/Build-VerbLexicon.ps1

    Elsewhere, download WordNet 3.0's database and pass its dict folder: -WordNetPath ./WordNet-3.0/dict. The output
    is deterministic: the same WordNet gives the same bytes, so a diff shows what changed.

.PARAMETER WordNetPath
    The folder holding WordNet 3.0's data.*, index.* and verb.exc files.

.PARAMETER OutputPath
    The folder to write verbs.txt and WordNet-LICENSE.txt into.
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

# Lines of an index or data file without the licence at its head (those lines start with two spaces).
function Read-WordNetLines([string] $Name) {
    foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile $Name))) {
        if ($line.Length -gt 0 -and -not $line.StartsWith('  ')) { $line }
    }
}

# The lemmas of an index file: the first field of each line.
function Read-IndexLemmas([string] $Name) {
    $set = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
    foreach ($line in Read-WordNetLines $Name) { [void] $set.Add($line.Substring(0, $line.IndexOf(' '))) }
    , $set
}

$single = [regex]::new('^[a-z]+$')
$ordinal = [StringComparer]::Ordinal

$verbLemmas = Read-IndexLemmas 'index.verb'
$nounLemmas = Read-IndexLemmas 'index.noun'
$adjLemmas = Read-IndexLemmas 'index.adj'
# An irregular comparative ("better good") is an adjective too, though index.adj holds only "good".
foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile 'adj.exc'))) {
    $fields = $line.Split(' ', [StringSplitOptions]::RemoveEmptyEntries)
    if ($fields.Count -ge 2) { [void] $adjLemmas.Add($fields[0]) }
}

$verbs = [System.Collections.Generic.SortedSet[string]]::new($ordinal)
$withOf = [System.Collections.Generic.HashSet[string]]::new($ordinal)
foreach ($lemma in $verbLemmas) {
    if ($single.IsMatch($lemma)) { [void] $verbs.Add($lemma) }
    elseif ($lemma.EndsWith('_of') -and $single.IsMatch($lemma.Substring(0, $lemma.Length - 3))) {
        [void] $withOf.Add($lemma.Substring(0, $lemma.Length - 3))
    }
}

$forms = [System.Collections.Generic.SortedDictionary[string, string]]::new($ordinal)
foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile 'verb.exc'))) {
    $fields = $line.Split(' ', [StringSplitOptions]::RemoveEmptyEntries)
    if ($fields.Count -lt 2 -or -not $single.IsMatch($fields[0]) -or -not $verbs.Contains($fields[1])) { continue }
    if ($fields[0] -ne $fields[1] -and -not $forms.ContainsKey($fields[0])) { $forms[$fields[0]] = $fields[1] }
}

# data.verb: each synset's words by its offset, for the derivation pointers of data.noun.
$verbWords = [System.Collections.Generic.Dictionary[string, string[]]]::new($ordinal)
foreach ($line in Read-WordNetLines 'data.verb') {
    $fields = $line.Split(' ')
    $count = [Convert]::ToInt32($fields[3], 16)
    $words = [string[]]::new($count)
    for ($i = 0; $i -lt $count; $i++) { $words[$i] = $fields[4 + 2 * $i].ToLowerInvariant() }
    $verbWords[$fields[0]] = $words
}

function Get-CommonPrefixLength([string] $a, [string] $b) {
    $n = 0
    while ($n -lt $a.Length -and $n -lt $b.Length -and $a[$n] -eq $b[$n]) { $n++ }
    $n
}

$actionNoun = [regex]::new('(al|ment|tion|sion|ance|ence|age|ure|ery|sis|ing)$')
$nouns = [System.Collections.Generic.SortedDictionary[string, string]]::new($ordinal)
foreach ($line in Read-WordNetLines 'data.noun') {
    if ($line.IndexOf(' v ') -lt 0) { continue }   # no pointer into data.verb
    $fields = $line.Split(' ')
    $count = [Convert]::ToInt32($fields[3], 16)
    $pointers = [int] $fields[4 + 2 * $count]
    for ($p = 0; $p -lt $pointers; $p++) {
        $at = 4 + 2 * $count + 1 + 4 * $p
        if ($fields[$at] -ne '+' -or $fields[$at + 2] -ne 'v') { continue }
        $sourceTarget = $fields[$at + 3]
        $source = [Convert]::ToInt32($sourceTarget.Substring(0, 2), 16)
        $target = [Convert]::ToInt32($sourceTarget.Substring(2, 2), 16)
        if ($source -eq 0 -or $target -eq 0) { continue }
        $noun = $fields[4 + 2 * ($source - 1)]
        $verb = $verbWords[$fields[$at + 1]][$target - 1]
        if (-not $single.IsMatch($noun) -or -not $single.IsMatch($verb) -or $verbs.Contains($noun) -or -not $actionNoun.IsMatch($noun)) { continue }
        # Of several verbs ("removal": remove, take away), the one spelt most like the noun.
        if (-not $nouns.ContainsKey($noun) -or (Get-CommonPrefixLength $noun $verb) -gt (Get-CommonPrefixLength $noun $nouns[$noun])) {
            $nouns[$noun] = $verb
        }
    }
}

# WordNet's licence, exactly as the head of its data files carries it.
$licence = foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile 'data.verb'))) {
    if (-not $line.StartsWith('  ')) { break }
    ($line -replace '^\s*\d+ ', '').TrimEnd()
}
if (-not ($licence -match 'WordNet 3\.0 Copyright')) { throw "data.verb in '$WordNetPath' does not start with WordNet 3.0's licence." }

$text = [System.Text.StringBuilder]::new()
$newLine = "`n"
[void] $text.Append('# English verbs for ActionItemImperative, derived from WordNet 3.0 by tools/lexicon/Build-VerbLexicon.ps1.').Append($newLine)
[void] $text.Append('# Do not edit: run the script to regenerate (it says how). WordNet''s licence follows, as WordNet-LICENSE.txt.').Append($newLine)
[void] $text.Append('#').Append($newLine)
foreach ($line in $licence) { [void] $text.Append(('# ' + $line).TrimEnd()).Append($newLine) }
[void] $text.Append('#').Append($newLine)
[void] $text.Append('# [verbs] base form, flags: n also a noun, a also an adjective, o WordNet has it with "of" ("dispose of")').Append($newLine)
[void] $text.Append('# [forms] irregular inflected form, base form').Append($newLine)
[void] $text.Append('# [nouns] a noun naming an action, not itself a verb, and its verb').Append($newLine)
[void] $text.Append('[verbs]').Append($newLine)
foreach ($verb in $verbs) {
    $flags = (@('n', 'a', 'o') | Where-Object {
            ($_ -eq 'n' -and $nounLemmas.Contains($verb)) -or ($_ -eq 'a' -and $adjLemmas.Contains($verb)) -or ($_ -eq 'o' -and $withOf.Contains($verb))
        }) -join ''
    [void] $text.Append($(if ($flags) { "$verb $flags" } else { $verb })).Append($newLine)
}
[void] $text.Append('[forms]').Append($newLine)
foreach ($entry in $forms.GetEnumerator()) { [void] $text.Append("$($entry.Key) $($entry.Value)").Append($newLine) }
[void] $text.Append('[nouns]').Append($newLine)
foreach ($entry in $nouns.GetEnumerator()) { [void] $text.Append("$($entry.Key) $($entry.Value)").Append($newLine) }

# words.txt: English words that are not verbs, so a word no list knows can be told from a name or a handle.
$words = [System.Collections.Generic.SortedSet[string]]::new($ordinal)
foreach ($set in $nounLemmas, $adjLemmas, (Read-IndexLemmas 'index.adv')) {
    foreach ($lemma in $set) {
        if ($single.IsMatch($lemma) -and -not $verbLemmas.Contains($lemma)) { [void] $words.Add($lemma) }
    }
}
foreach ($name in 'noun.exc', 'adj.exc') {
    foreach ($line in [System.IO.File]::ReadLines((Get-WordNetFile $name))) {
        $form = $line.Split(' ')[0]
        if ($single.IsMatch($form) -and -not $verbLemmas.Contains($form)) { [void] $words.Add($form) }
    }
}
$wordText = [System.Text.StringBuilder]::new()
[void] $wordText.Append('# English nouns, adjectives and adverbs that are not verbs, for blame detection, derived from WordNet 3.0 by').Append($newLine)
[void] $wordText.Append('# tools/lexicon/Build-VerbLexicon.ps1. Do not edit: run the script to regenerate. WordNet''s licence follows.').Append($newLine)
[void] $wordText.Append('#').Append($newLine)
foreach ($line in $licence) { [void] $wordText.Append(('# ' + $line).TrimEnd()).Append($newLine) }
[void] $wordText.Append('#').Append($newLine)
foreach ($word in $words) { [void] $wordText.Append($word).Append($newLine) }

$OutputPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)
$null = New-Item -ItemType Directory -Path $OutputPath -Force
$utf8 = [System.Text.UTF8Encoding]::new($false)
$lexiconPath = Join-Path $OutputPath 'verbs.txt'
[System.IO.File]::WriteAllText($lexiconPath, $text.ToString(), $utf8)
[System.IO.File]::WriteAllText((Join-Path $OutputPath 'WordNet-LICENSE.txt'), (($licence -join $newLine) + $newLine), $utf8)
$wordsPath = Join-Path $OutputPath 'words.txt'
[System.IO.File]::WriteAllText($wordsPath, $wordText.ToString(), $utf8)
Write-Host ("{0}: {1} verbs, {2} irregular forms, {3} action nouns, {4:N0} bytes" -f $lexiconPath, $verbs.Count, $forms.Count, $nouns.Count, (Get-Item $lexiconPath).Length)
Write-Host ("{0}: {1} words, {2:N0} bytes" -f $wordsPath, $words.Count, (Get-Item $wordsPath).Length)
