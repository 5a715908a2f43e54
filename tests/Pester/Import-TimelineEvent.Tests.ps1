BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

Describe 'Import-TimelineEvent' {
    BeforeAll {
        $script:fixtures = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../fixtures/timeline'))

        # The full path of a sample file, read where it lies.
        function Get-Fixture([string] $Name) { Join-Path $script:fixtures $Name }

        # Copies a sample file into the test drive (under another name or folder when asked) and returns its path.
        function Copy-Fixture([string] $Name, [string] $As = $Name, [string] $Folder = $TestDrive) {
            $null = New-Item -ItemType Directory -Path $Folder -Force
            $target = Join-Path $Folder $As
            Copy-Item -LiteralPath (Get-Fixture $Name) -Destination $target
            $target
        }

        # An ISO 8601 time with an offset as a DateTime of Kind Utc, to compare event times with.
        function Get-UtcTime([string] $Text) { [datetimeoffset]::Parse($Text, [cultureinfo]::InvariantCulture).UtcDateTime }

        # Moves the local time zone off UTC (on Linux and macOS the zone follows TZ), so a time that was read or
        # compared as local time would show. Asia/Kolkata is +05:30 all year.
        function Enter-TimeZone([string] $Id = 'Asia/Kolkata') {
            $script:savedTz = $env:TZ
            if (-not $IsWindows -and (Test-Path "/usr/share/zoneinfo/$Id")) {
                $env:TZ = $Id
                [System.TimeZoneInfo]::ClearCachedData()
            }
        }
        function Exit-TimeZone {
            $env:TZ = $script:savedTz
            [System.TimeZoneInfo]::ClearCachedData()
        }
    }

    Context 'the usage line from the issue' {
        BeforeAll {
            $null = Copy-Fixture 'kubectl-events.json' -As 'events.json'
            $pm = New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20
            Push-Location -LiteralPath $TestDrive
            try {
                $script:output = Import-TimelineEvent -Path ./events.json | Where-Object Time -ge '2026-11-20T13:50Z' | Add-TimelineEvent -Postmortem $pm
            }
            finally {
                Pop-Location
            }
            $script:pm = $pm
        }

        It 'adds the kubectl events to $pm.Timeline in time order' {
            $script:pm.Timeline.Count | Should -Be 3
            @($script:pm.Timeline.UtcTime) | Should -Be @(
                (Get-UtcTime '2026-11-20T13:58:41Z')
                (Get-UtcTime '2026-11-20T14:00:30.412318Z')
                (Get-UtcTime '2026-11-20T14:01:12Z'))
            $script:pm.Timeline[0].Event | Should -BeExactly 'Node k3s-2: Rebooted: Node k3s-2 has been rebooted, boot id: 4c1f0e2a-61d7-4b0e-9a4a-1e6a7d0c9b11'
            $script:pm.Timeline[1].Event | Should -BeExactly 'Pod vault/openbao-0: Scheduled: Successfully assigned vault/openbao-0 to k3s-2'
        }

        It 'keeps the source kubectl and stores the times in UTC' {
            @($script:pm.Timeline.Source | Sort-Object -Unique) | Should -Be @('kubectl')
            @($script:pm.Timeline.UtcTime.Kind | Sort-Object -Unique) | Should -Be @('Utc')
        }

        It 'writes nothing to the pipeline' {
            $script:output | Should -BeNullOrEmpty
        }

        It 'leaves out the events before 13:50Z' {
            $folder = Join-Path $TestDrive 'early'
            $path = Copy-Fixture 'kubectl-events.json' -As 'events.json' -Folder $folder
            (Get-Content -LiteralPath $path -Raw).Replace('2026-11-20T13:58:41Z', '2026-11-20T13:40:00Z') | Set-Content -LiteralPath $path -NoNewline
            $pm = New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20
            Push-Location -LiteralPath $folder
            try {
                Import-TimelineEvent -Path ./events.json | Where-Object Time -ge '2026-11-20T13:50Z' | Add-TimelineEvent -Postmortem $pm
            }
            finally {
                Pop-Location
            }
            $pm.Timeline.Count | Should -Be 2
            @($pm.Timeline.Event) | Should -Not -Contain 'Node k3s-2: Rebooted: Node k3s-2 has been rebooted, boot id: 4c1f0e2a-61d7-4b0e-9a4a-1e6a7d0c9b11'
        }

        It 'keeps the same events when the local time zone is east of UTC' {
            Enter-TimeZone 'Asia/Kolkata'
            try {
                if ([System.TimeZoneInfo]::Local.GetUtcOffset([datetime]'2026-11-20') -eq [timespan]::Zero) {
                    Set-ItResult -Skipped -Because 'the local time zone could not be moved off UTC here'
                    return
                }
                $folder = Join-Path $TestDrive 'kolkata'
                $null = Copy-Fixture 'kubectl-events.json' -As 'events.json' -Folder $folder
                $pm = New-Postmortem -Title 'OpenBao sealed after node reboot' -Date 2026-11-20
                Push-Location -LiteralPath $folder
                try {
                    Import-TimelineEvent -Path ./events.json | Where-Object Time -ge '2026-11-20T13:50Z' | Add-TimelineEvent -Postmortem $pm
                }
                finally {
                    Pop-Location
                }
                # 13:58:41Z, 14:00:30Z and 14:01:12Z are all after 13:50Z wherever the user sits.
                $pm.Timeline.Count | Should -Be 3
            }
            finally {
                Exit-TimeZone
            }
        }
    }

    Context 'reading files' {
        It 'emits Postmortems.TimelineEvent objects with Source set from -Path' {
            $events = @(Import-TimelineEvent -Path (Get-Fixture 'kubectl-events.json'))
            $events.Count | Should -Be 3
            foreach ($e in $events) {
                $e | Should -BeOfType ([Postmortems.TimelineEvent])
                $e.Source | Should -BeExactly 'kubectl'
            }
        }

        It 'takes the file as the first positional parameter' {
            $events = @(Import-TimelineEvent (Get-Fixture 'journal.json'))
            $events.Count | Should -Be 3
            @($events.Source | Sort-Object -Unique) | Should -Be @('journald')
        }

        It 'resolves wildcards in -Path and reads every file that matches' {
            $folder = Join-Path $TestDrive 'wild'
            $null = Copy-Fixture 'kubectl-events.json' -Folder $folder
            $null = Copy-Fixture 'journal.json' -Folder $folder
            $null = Copy-Fixture 'app-log.jsonl' -Folder $folder
            $events = @(Import-TimelineEvent -Path (Join-Path $folder '*.json'))
            $events.Count | Should -Be 6
            @($events.Source | Sort-Object -Unique) | Should -Be @('journald', 'kubectl')
        }

        It 'resolves a relative -Path against the current location' {
            $folder = Join-Path $TestDrive 'relative'
            $null = Copy-Fixture 'slack-incident.json' -Folder $folder
            Push-Location -LiteralPath $folder
            try {
                $events = @(Import-TimelineEvent -Path ./slack-*.json)
            }
            finally {
                Pop-Location
            }
            $events.Count | Should -Be 4
            @($events.Source | Sort-Object -Unique) | Should -Be @('slack')
        }

        It 'reads a file whose name has brackets with -<_>' -ForEach @('LiteralPath', 'PSPath', 'LP') {
            $path = Copy-Fixture 'alertmanager-webhook.json' -As 'alerts[prod].json'
            $parameters = @{ $_ = $path }
            $events = @(Import-TimelineEvent @parameters)
            $events.Count | Should -Be 3
            @($events.Source | Sort-Object -Unique) | Should -Be @('alertmanager')
        }

        It 'reads the files Get-ChildItem pipes in' {
            $folder = Join-Path $TestDrive 'gci'
            $null = Copy-Fixture 'kubectl-events.yaml' -Folder $folder
            $null = Copy-Fixture 'journal.json' -As 'journal[1].json' -Folder $folder
            $events = @(Get-ChildItem -LiteralPath $folder | Import-TimelineEvent)
            $events.Count | Should -Be 5
            @($events | Where-Object Source -eq 'kubectl').Count | Should -Be 2
            @($events | Where-Object Source -eq 'journald').Count | Should -Be 3
        }
    }

    Context 'text from the pipeline' {
        It 'reads the lines of Get-Content x.json as one document' {
            $fromFile = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json'))
            $fromText = @(Get-Content -LiteralPath (Get-Fixture 'kubectl-events.json') | Import-TimelineEvent)
            $fromText.Count | Should -Be 3
            @($fromText.Event) | Should -Be @($fromFile.Event)
            @($fromText.UtcTime) | Should -Be @($fromFile.Time)
            @($fromText.Source | Sort-Object -Unique) | Should -Be @('kubectl')
        }

        It 'reads Get-Content -Raw of a YAML file' {
            $events = @(Get-Content -LiteralPath (Get-Fixture 'kubectl-events.yaml') -Raw | Import-TimelineEvent)
            $events.Count | Should -Be 2
            $events[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:05Z')
            $events[1].Source | Should -BeExactly 'kubectl'
        }

        It 'reads JSON lines from a here-string' {
            $events = @(@'
{"time":"2026-11-20T14:02:00Z","message":"Vault seal alert fired"}
{"time":"2026-11-20T14:09:00Z","message":"On-call acknowledged the page"}
'@ | Import-TimelineEvent)
            $events.Count | Should -Be 2
            @($events.Event) | Should -Be @('Vault seal alert fired', 'On-call acknowledged the page')
            $events[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:09:00Z')
            @($events.Source | Sort-Object -Unique) | Should -Be @('jsonlines')
        }

        It 'reads CSV from a here-string' {
            $events = @(@'
time,message
2026-11-20T14:02:00Z,Vault seal alert fired
2026-11-20T14:09:00Z,"Paged, then acknowledged"
'@ | Import-TimelineEvent)
            $events.Count | Should -Be 2
            $events[1].Event | Should -BeExactly 'Paged, then acknowledged'
            @($events.Source | Sort-Object -Unique) | Should -Be @('csv')
        }

        It 'names the pipeline input and the line in the errors for piped text' {
            $events = @(Get-Content -LiteralPath (Get-Fixture 'malformed.jsonl') | Import-TimelineEvent -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 2
            $errs.Count | Should -Be 3
            @($errs.TargetObject) | Should -Be @('pipeline input:2', 'pipeline input:3', 'pipeline input:4')
            $errs[1].Exception.Message | Should -BeLike "pipeline input, line 3*'not a time'*"
        }

        It 'writes TimelineSourceUnreadable when only blank text comes down the pipeline' {
            $events = '', '   ' | Import-TimelineEvent -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
        }
    }

    Context 'format detection and -Format' {
        It 'detects <File> from its content and sets Source <Source>' -ForEach @(
            @{ File = 'kubectl-events.json'; Count = 3; Source = 'kubectl' }
            @{ File = 'kubectl-events.yaml'; Count = 2; Source = 'kubectl' }
            @{ File = 'events-k8s-io.json'; Count = 1; Source = 'kubectl' }
            @{ File = 'alertmanager-webhook.json'; Count = 3; Source = 'alertmanager' }
            @{ File = 'alertmanager-v2-alerts.json'; Count = 1; Source = 'alertmanager' }
            @{ File = 'slack-incident.json'; Count = 4; Source = 'slack' }
            @{ File = 'journal.json'; Count = 3; Source = 'journald' }
            @{ File = 'app-log.jsonl'; Count = 3; Source = 'jsonlines' }
        ) {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture $File))
            $events.Count | Should -Be $Count
            @($events.Source | Sort-Object -Unique) | Should -Be @($Source)
        }

        It 'detects CSV and sets Source csv when the rows have no Source column' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'semicolon.csv') -TimeProperty when -MessageProperty what)
            $events.Count | Should -Be 1
            $events[0].Source | Should -BeExactly 'csv'
        }

        It 'takes Source from a CSV Source column' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'events.csv'))
            @($events.Source) | Should -Be @('alertmanager', 'ntfy', 'manual')
        }

        It 'reads content as the -Format it is told rather than the one it looks like' {
            $text = '[{"ts":"2026-11-20T14:02:00Z","text":"deploy started","user":"ci"}]'
            $guessed = @($text | Import-TimelineEvent)
            $guessed[0].Source | Should -BeExactly 'slack'
            $forced = @($text | Import-TimelineEvent -Format JsonLines)
            $forced.Count | Should -Be 1
            $forced[0].Source | Should -BeExactly 'jsonlines'
            $forced[0].Event | Should -BeExactly 'deploy started'
            $forced[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
        }

        It 'reads a journald export as plain JSON lines with -Format JsonLines' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json') -Format JsonLines -TimeProperty __REALTIME_TIMESTAMP -MessageProperty MESSAGE)
            $events.Count | Should -Be 3
            @($events.Source | Sort-Object -Unique) | Should -Be @('jsonlines')
            $events[0].Event | Should -BeExactly 'Startup finished in 4.210s (kernel) + 21.532s (userspace) = 25.742s.'
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T13:58:41Z')
        }

        It 'completes -Format with the seven formats' {
            $line = 'Import-TimelineEvent -Format '
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            @($completions.CompletionText | Sort-Object) | Should -Be @('Alertmanager', 'Csv', 'Journald', 'JsonLines', 'KubernetesEvents', 'Slack', 'Text')
        }

        It 'rejects an unknown -Format with the binding error that lists the six' {
            $err = { Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json') -Format Syslog } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
            $err.Exception.Message | Should -BeLike '*Syslog*KubernetesEvents, Alertmanager, Slack, Journald, Csv, JsonLines*'
        }

        It 'says it cannot tell the format of unknown.txt and names the candidates' {
            $err = { Import-TimelineEvent -LiteralPath (Get-Fixture 'unknown.txt') -ErrorAction Stop } | Should -Throw -PassThru
            $err.Exception.Message | Should -BeLike '*unknown.txt*cannot tell the format*KubernetesEvents, Alertmanager, Slack, Journald, Csv, JsonLines*'
        }

        It 'tells someone who piped a file name instead of the file how to read the file' {
            $err = { './alerts.json' | Import-TimelineEvent -ErrorAction Stop } | Should -Throw -ErrorId 'TimelineSourceUnreadable,*' -PassThru
            $err.Exception.Message | Should -BeLike "*'./alerts.json' was read as the events' text, not as a file*Import-TimelineEvent -Path './alerts.json'*Get-Item './alerts.json' | Import-TimelineEvent*"
        }

        It 'gives the TimelineSourceUnreadable ErrorId for content it cannot tell' {
            { Import-TimelineEvent -LiteralPath (Get-Fixture 'unknown.txt') -ErrorAction Stop } | Should -Throw -ErrorId 'TimelineSourceUnreadable,*'
        }

        It 'writes a non-terminating TimelineSourceUnreadable error for content it cannot tell' {
            $events = Import-TimelineEvent -LiteralPath (Get-Fixture 'unknown.txt') -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].Exception.Message | Should -BeLike '*KubernetesEvents, Alertmanager, Slack, Journald, Csv, JsonLines*'
        }

        It 'writes a non-terminating TimelineSourceUnreadable error for piped text it cannot tell' {
            $events = 'just some words', 'without any structure' | Import-TimelineEvent -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].Exception.Message | Should -BeLike 'pipeline input*KubernetesEvents, Alertmanager, Slack, Journald, Csv, JsonLines*'
        }
    }

    Context 'times and texts per format' {
        # Every time must come out the same whatever the local zone is.
        BeforeAll { Enter-TimeZone 'Asia/Kolkata' }
        AfterAll { Exit-TimeZone }

        It 'gives every event of <_> a time of Kind Utc' -ForEach @(
            'kubectl-events.json', 'kubectl-events.yaml', 'events-k8s-io.json', 'alertmanager-webhook.json', 'alertmanager-v2-alerts.json',
            'slack-incident.json', 'journal.json', 'app-log.jsonl', 'events.csv'
        ) {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture $_))
            $events.Count | Should -BeGreaterThan 0
            @($events.UtcTime.Kind | Sort-Object -Unique) | Should -Be @('Utc')
        }

        It 'reads kubectl JSON: firstTimestamp, eventTime with a fraction, and the object, reason and message' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') | Sort-Object Time)
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T13:58:41Z')
            $events[0].Event | Should -BeExactly 'Node k3s-2: Rebooted: Node k3s-2 has been rebooted, boot id: 4c1f0e2a-61d7-4b0e-9a4a-1e6a7d0c9b11'
            $events[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:00:30.412318Z')
            $events[1].Event | Should -BeExactly 'Pod vault/openbao-0: Scheduled: Successfully assigned vault/openbao-0 to k3s-2'
        }

        It 'says how many times a repeated kubectl event happened and when last' {
            $backOff = Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') | Where-Object Event -like '*BackOff*'
            $backOff.UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:01:12Z')
            $backOff.Event | Should -BeExactly 'Pod gitea/gitea-7d9c5b8f4-xk2lp: BackOff: Back-off restarting failed container gitea in pod gitea-7d9c5b8f4-xk2lp_gitea(2a0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c) (14 times, last at 2026-11-20 15:14:03 UTC)'
        }

        It 'reads kubectl YAML to the same event as kubectl JSON' {
            $yaml = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.yaml'))
            $json = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json'))
            $yaml[0].UtcTime | Should -Be $json[0].Time
            $yaml[0].Event | Should -BeExactly $json[0].Event
            $yaml[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:05Z')
            $yaml[1].Event | Should -BeExactly 'Pod vault/openbao-0: Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 (3 times, last at 2026-11-20 14:06:40 UTC)'
        }

        It 'reads events.k8s.io/v1: regarding, note and series' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'events-k8s-io.json'))
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:05Z')
            $events[0].Event | Should -BeExactly 'Pod vault/openbao-0: Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 (5 times, last at 2026-11-20 14:06:40 UTC)'
        }

        It 'gives a resolved Alertmanager webhook alert a firing event at startsAt and a resolved one at endsAt' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') | Where-Object Event -like '*VaultSealed*' | Sort-Object Time)
            $events.Count | Should -Be 2
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
            $events[0].Event | Should -BeExactly 'Alert VaultSealed (openbao-0) firing: OpenBao is sealed'
            $events[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T15:21:30Z')
            $events[1].Event | Should -BeExactly 'Alert VaultSealed (openbao-0) resolved'
        }

        It 'converts a startsAt with an offset (15:04+01:00) to 14:04Z and adds no resolved event for a firing alert' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') | Where-Object Event -like '*GiteaDown*')
            $events.Count | Should -Be 1
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:04:00Z')
            $events[0].UtcTime.Kind | Should -Be 'Utc'
            $events[0].Event | Should -BeExactly 'Alert GiteaDown (gitea.gitea:3000) firing: Gitea is not answering HTTP checks'
        }

        It 'gives an active alert of the Alertmanager v2 list one firing event at startsAt' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-v2-alerts.json'))
            $events.Count | Should -Be 1
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:12:00Z')
            $events[0].Event | Should -BeExactly 'Alert NextcloudErrors (nextcloud) firing: Nextcloud returns 5xx for 10% of requests'
        }

        It 'reads Slack ts as epoch seconds, to the second (its decimals are a sequence, not a fraction)' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-incident.json'))
            @($events.UtcTime) | Should -Be @(
                (Get-UtcTime '2026-11-20T14:09:00Z')
                (Get-UtcTime '2026-11-20T14:15:00Z')
                (Get-UtcTime '2026-11-20T14:31:00Z')
                (Get-UtcTime '2026-11-20T15:20:00Z'))
        }

        It 'names the Slack author and shows links, mentions and escapes as a person reads them' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-incident.json'))
            $events[0].Event | Should -BeExactly 'ana: Vault seal alert just fired, looking'
            $events[1].Event | Should -BeExactly 'Ben Okafor: gitea & nextcloud are in CrashLoopBackOff, see the pods dashboard (https://grafana.home/d/k8s) @U04ANA'
            @($events.Event) | Should -Not -Contain '<@U04BEN> has joined the channel'
        }

        It 'reads journald __REALTIME_TIMESTAMP as microseconds and names the unit and host' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json'))
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T13:58:41Z')
            $events[0].Event | Should -BeExactly 'init.scope on k3s-2: Startup finished in 4.210s (kernel) + 21.532s (userspace) = 25.742s.'
            $events[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:01:00.123456Z')
        }

        It 'reads a journald MESSAGE written as an array of bytes as text' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json'))
            $events[2].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
            $events[2].Event | Should -BeExactly 'openbao.service on k3s-2: Core is sealed'
        }

        It 'reads JSON-lines times as ISO 8601, epoch seconds and epoch milliseconds' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'app-log.jsonl'))
            @($events.UtcTime) | Should -Be @(
                (Get-UtcTime '2026-11-20T14:02:11.532Z')
                (Get-UtcTime '2026-11-20T14:03:20Z')
                (Get-UtcTime '2026-11-20T14:04:20.123Z'))
            @($events.Event) | Should -Be @('vault: permission denied reading secret gitea/db', 'retrying secret read in 30s', 'giving up after 3 attempts')
        }

        It 'converts CSV times with offsets to UTC' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'events.csv'))
            @($events.UtcTime) | Should -Be @(
                (Get-UtcTime '2026-11-20T14:02:00Z')
                (Get-UtcTime '2026-11-20T14:09:00Z')
                (Get-UtcTime '2026-11-20T14:31:00Z'))
        }

        It 'reads CSV fields with quoted commas, doubled quotes and line breaks' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'events.csv'))
            $events.Count | Should -Be 3
            $events[1].Event | Should -BeExactly 'On-call acknowledged the page, "investigating"'
            $events[2].Event | Should -BeExactly "Unsealed OpenBao`nwith three key shares"
        }

        It 'takes the milestone of each CSV row from its Milestone column' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'events.csv'))
            @($events.Milestone) | Should -Be @('FirstSymptom', 'Detected', 'MitigationApplied')
        }

        It 'reads a CSV that PowerShell wrote with Export-Csv and a byte order mark' {
            $path = Join-Path $TestDrive 'exported.csv'
            [pscustomobject]@{ Time = '2026-11-20T15:02:00+01:00'; Event = 'Vault seal alert fired, paging' } | Export-Csv -LiteralPath $path -Encoding utf8BOM
            $events = @(Import-TimelineEvent -LiteralPath $path)
            $events.Count | Should -Be 1
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
            $events[0].Event | Should -BeExactly 'Vault seal alert fired, paging'
        }

        It 'places times of day alone on -Date' {
            $text = "time,message`n14:02,Vault seal alert fired`n"
            $events = @($text | Import-TimelineEvent -Date 2026-11-20)
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
            $events[0].UtcTime.Kind | Should -Be 'Utc'
        }

        It 'reports a time of day alone as InvalidTimelineRecord without -Date' {
            $events = "time,message`n14:02,Vault seal alert fired`n" | Import-TimelineEvent -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord,*'
            $errs[0].Exception.Message | Should -BeLike "*line 2*'14:02'*"
        }
    }

    Context 'encodings and binary files' {
        It 'reads a one-line JSON file that Windows PowerShell wrote as UTF-16 (<_>)' -ForEach 'unicode', 'bigendianunicode' {
            $path = Join-Path $TestDrive "alert-$_.json"
            '{"time":"2026-11-20T14:02:00Z","message":"Vault seal alert fired"}' | Out-File -LiteralPath $path -Encoding $_
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            $errs | Should -BeNullOrEmpty
            $events.Count | Should -Be 1
            $events[0].Event | Should -BeExactly 'Vault seal alert fired'
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
        }

        It 'refuses binary content as not text, with TimelineSourceUnreadable and no control character echoed' {
            $path = Join-Path $TestDrive 'garbage.bin'
            $bytes = [byte[]]::new(4096)
            [System.Random]::new(7).NextBytes($bytes)
            [System.IO.File]::WriteAllBytes($path, $bytes)
            $events = Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].Exception.Message | Should -BeLike '*garbage.bin: this is not text (it holds NUL bytes)*'
            $errs[0].Exception.Message | Should -Not -Match '[\x00-\x08\x0B-\x1F\x7F]'
        }
    }

    Context 'limits on one line or record' {
        It 'stops a CSV at a quote that is never closed, naming its line, instead of swallowing the rows after it' {
            $path = Join-Path $TestDrive 'open-quote.csv'
            Set-Content -LiteralPath $path -Value @(
                'time,event'
                '2026-11-20T14:00:00Z,first'
                '2026-11-20T14:01:00Z,"one quote, never closed'
                '2026-11-20T14:02:00Z,second'
                '2026-11-20T14:03:00Z,third')
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($events.Event) | Should -Be @('first')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].Exception.Message | Should -BeLike '*open-quote.csv, line 3: the quoted field that opens on this line is never closed*Check the quotes on line 3*'
        }

        It 'reports a JSON line longer than 1 MiB as InvalidTimelineRecord naming the file and line, and reads the next' {
            $path = Join-Path $TestDrive 'long-line.jsonl'
            $writer = [System.IO.StreamWriter]::new($path)
            try {
                $writer.WriteLine('{"time":"2026-11-20T14:00:00Z","msg":"first"}')
                $writer.WriteLine('{"time":"2026-11-20T14:01:00Z","msg":"' + ('a' * 2MB) + '"}')
                $writer.WriteLine('{"time":"2026-11-20T14:02:00Z","msg":"last"}')
            }
            finally { $writer.Dispose() }
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($events.Event) | Should -Be @('first', 'last')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord,*'
            $errs[0].TargetObject | Should -BeExactly "${path}:2"
            $errs[0].Exception.Message | Should -BeLike '*long-line.jsonl, line 2 (record 2): this line is longer than 1 MiB*'
        }
    }

    Context 'times outside 1900 to 2100' {
        It 'refuses a -Date outside 1900 to 2100 before reading, as text or as a [datetime]' -ForEach @(
            @{ Date = '0001-01-01' }, @{ Date = [datetime]'0001-01-01' }, @{ Date = [datetime]'2101-01-01' }
        ) {
            $path = Join-Path $TestDrive 'year-one.csv'
            Set-Content -LiteralPath $path -Value 'time,message', '00:30+05:45,pushed before year 1', '2026-11-20T14:02Z,a full time'
            $err = $null
            try { Import-TimelineEvent -LiteralPath $path -Date $Date -ErrorAction Stop | Out-Null } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime,*'
            $err.Exception.Message | Should -Match '^-Date: .*1900.*2100'
        }

        It 'reports a time that its offset pushes out of 1900 to 2100 as InvalidTimelineRecord naming the line, and reads the rest' {
            $path = Join-Path $TestDrive 'year-1900.csv'
            Set-Content -LiteralPath $path -Value 'time,message', '00:30+05:45,pushed before 1900', '2026-11-20T14:02Z,a full time'
            $events = @(Import-TimelineEvent -LiteralPath $path -Date 1900-01-01 -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($events.Event) | Should -Be @('a full time')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord,*'
            $errs[0].TargetObject | Should -BeExactly "${path}:2"
            $errs[0].Exception.Message | Should -BeLike "*year-1900.csv, line 2 (record 1): '00:30+05:45'*1900*"
        }

        It 'reports a typo''d year as InvalidTimelineRecord naming the line' {
            $text = '{"time":"0026-11-20T14:02:00Z","msg":"typo"}', '{"time":"2026-11-20T14:03:00Z","msg":"fine"}'
            $events = @($text | Import-TimelineEvent -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($events.Event) | Should -Be @('fine')
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -BeLike "*pipeline input, line 1 (record 1): '0026-11-20T14:02:00Z' falls before 1900; a timeline takes times from 1900 to 2100*"
        }
    }

    Context 'Slack -Reaction' {
        It 'keeps only the messages marked with -Reaction <_>' -ForEach @('pushpin', ':pushpin:') {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-incident.json') -Reaction $_)
            @($events.Event) | Should -Be @(
                'ana: Vault seal alert just fired, looking'
                "ana: openbao-0 is sealed after the reboot, that's it"
                'ana: unsealed with three shares :tada:')
        }

        It 'matches a reaction whatever its skin tone' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-incident.json') -Reaction '+1')
            @($events.Event) | Should -Be @("ana: openbao-0 is sealed after the reboot, that's it")
        }
    }

    Context '-TimeProperty and -MessageProperty' {
        It 'reads a tab-separated file with its columns named occurred and note' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'tab-separated.tsv') -TimeProperty occurred -MessageProperty note)
            $events.Count | Should -Be 2
            @($events.UtcTime) | Should -Be @((Get-UtcTime '2026-11-20T14:02:00Z'), (Get-UtcTime '2026-11-20T14:03:00Z'))
            @($events.Event) | Should -Be @('disk at 91%', 'disk at 95%')
            @($events.Source | Sort-Object -Unique) | Should -Be @('csv')
        }

        It 'reads a semicolon-separated file with its columns named when and what' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'semicolon.csv') -TimeProperty when -MessageProperty what)
            $events.Count | Should -Be 1
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
            $events[0].Event | Should -BeExactly 'Vault seal alert fired (a semicolon-separated export)'
        }

        It 'reports <File> without -TimeProperty as unreadable, listing its columns and mentioning -TimeProperty' -ForEach @(
            @{ File = 'semicolon.csv'; Columns = 'when, what' }
            @{ File = 'tab-separated.tsv'; Columns = 'occurred, note, host' }
        ) {
            $events = Import-TimelineEvent -LiteralPath (Get-Fixture $File) -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].Exception.Message | Should -BeLike "*$File*"
            $errs[0].Exception.Message | Should -BeLike '*-TimeProperty*'
            $errs[0].Exception.Message | Should -BeLike "*$Columns*"
        }

        It 'names a -TimeProperty that is not a column, with the columns there are' {
            $events = Import-TimelineEvent -LiteralPath (Get-Fixture 'tab-separated.tsv') -TimeProperty stamp -MessageProperty note -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -BeLike "*'stamp'*occurred, note, host*"
        }

        It 'reads JSON-lines properties with other names, nested ones written a.b' {
            $events = @(@'
{"at":"2026-11-20T14:02:00Z","log":{"msg":"vault: permission denied"}}
{"at":"2026-11-20T14:03:00Z","log":{"msg":"retrying"}}
'@ | Import-TimelineEvent -TimeProperty at -MessageProperty log.msg)
            $events.Count | Should -Be 2
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
            @($events.Event) | Should -Be @('vault: permission denied', 'retrying')
            @($events.Source | Sort-Object -Unique) | Should -Be @('jsonlines')
        }
    }

    Context '-Since and -Until' {
        # The strings must be read as instants, not as local times.
        BeforeAll { Enter-TimeZone 'Asia/Kolkata' }
        AfterAll { Exit-TimeZone }

        It 'keeps the events at or after -Since' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') -Since '2026-11-20T14:00Z' | Sort-Object Time)
            @($events.UtcTime) | Should -Be @((Get-UtcTime '2026-11-20T14:00:30.412318Z'), (Get-UtcTime '2026-11-20T14:01:12Z'))
        }

        It 'keeps the events at or before -Until' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') -Until '2026-11-20T14:01Z' | Sort-Object Time)
            @($events.UtcTime) | Should -Be @((Get-UtcTime '2026-11-20T13:58:41Z'), (Get-UtcTime '2026-11-20T14:00:30.412318Z'))
        }

        It 'keeps the window between -Since and -Until, both ends included' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json') -Since '2026-11-20T13:58:41Z' -Until '2026-11-20T14:01:00.123456Z')
            @($events.UtcTime) | Should -Be @((Get-UtcTime '2026-11-20T13:58:41Z'), (Get-UtcTime '2026-11-20T14:01:00.123456Z'))
        }

        It 'takes a -Since with an offset as that instant' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-incident.json') -Since '2026-11-20T15:30+01:00')
            @($events.UtcTime) | Should -Be @((Get-UtcTime '2026-11-20T14:31:00Z'), (Get-UtcTime '2026-11-20T15:20:00Z'))
        }

        It 'takes a -Since without an offset as UTC' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'app-log.jsonl') -Since '2026-11-20 14:03')
            @($events.Event) | Should -Be @('retrying secret read in 30s', 'giving up after 3 attempts')
        }

        It 'windows piped text too' {
            $events = @(Get-Content -LiteralPath (Get-Fixture 'journal.json') | Import-TimelineEvent -Until '2026-11-20T14:00Z')
            @($events.Event) | Should -Be @('init.scope on k3s-2: Startup finished in 4.210s (kernel) + 21.532s (userspace) = 25.742s.')
        }

        It 'reads -Since and -Until as the events are read: <Name>' -ForEach @(
            @{ Name = 'a syslog time'; Window = @{ Since = 'Oct 21 23:09:00'; Date = '2018-10-21' } }
            @{ Name = 'a time of day on a European -Date'; Window = @{ Since = '23:09'; Date = '21.10.2018' } }
            @{ Name = 'epoch seconds'; Window = @{ Since = '1540163340' } }
            @{ Name = 'a common log format time'; Window = @{ Since = '21/Oct/2018:23:09:00 +0000'; Until = '2018-10-21T23:10Z' } }
            @{ Name = 'local Berlin time'; Window = @{ Since = '2018-10-22 01:09'; TimeZone = 'Europe/Berlin' } }
        ) {
            $log = Join-Path $TestDrive 'nginx.log'
            "2018-10-21T23:05:00Z upstream timed out`n2018-10-21T23:09:19Z upstream timed out again`n2018-10-21T23:30:00Z recovered" | Set-Content -LiteralPath $log
            # Local Berlin time reads the log's Z times as UTC still: an offset written in a time wins.
            $events = @(Import-TimelineEvent -LiteralPath $log -Pattern '^(?<time>\S+) (?<message>.*)$' @Window -ErrorAction Stop)
            $events[0].Event | Should -Be 'upstream timed out again'
            $events[0].Time | Should -Be ([datetimeoffset]'2018-10-21T23:09:19Z')
        }

        It 'stops, before reading, on a -Since it cannot read: <Name>' -ForEach @(
            @{ Name = 'a time of day without -Date'; Window = @{ Since = '23:09' }; Id = 'InvalidTimelineTime'; Says = 'no day for it to fall on.*-Date' }
            @{ Name = 'a date that reads two ways'; Window = @{ Since = '02/11/2018 10:00' }; Id = 'AmbiguousTimelineTime'; Says = '-Culture' }
            @{ Name = 'no time at all'; Window = @{ Since = 'yesterday' }; Id = 'InvalidTimelineTime'; Says = 'is not a time' }
            @{ Name = '-Since after -Until'; Window = @{ Since = '2018-10-21T23:20Z'; Until = '2018-10-21T23:00Z' }; Id = 'InvalidTimelineOption'; Says = 'Swap them' }
        ) {
            $err = $null
            try { Import-TimelineEvent -LiteralPath (Get-Fixture 'app-log.jsonl') @Window -ErrorAction Stop | Out-Null } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $err.Exception.Message | Should -Match $Says
        }

        It 'warns that every event fell outside the window, not that no line matched' {
            $log = Join-Path $TestDrive 'window.log'
            "2018-10-21T23:05:00Z upstream timed out`n2018-10-21T23:09:19Z recovered" | Set-Content -LiteralPath $log
            $events = @(Import-TimelineEvent -LiteralPath $log -Pattern '^(?<time>\S+) (?<message>.*)$' -Since '2018-10-22T00:00Z' -WarningVariable warned -WarningAction SilentlyContinue)
            $events | Should -HaveCount 0
            $warned[0].Message | Should -Match 'none of its 2 events falls at or after -Since 2018-10-22 00:00 \(UTC\)'
            $warned[0].Message | Should -Not -Match 'matched -Pattern'
        }
    }

    Context '-Milestone' {
        It 'marks the earliest event with -Milestone and no other' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') -Milestone Detected)
            $events.Count | Should -Be 3
            $marked = @($events | Where-Object Milestone -ne 'None')
            $marked.Count | Should -Be 1
            $marked[0].Milestone | Should -Be ([Postmortems.Milestone]::Detected)
            $marked[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T13:58:41Z')
        }

        It 'marks the earliest event kept by -Since, even when it is not first in the file' {
            # The file lists 14:01:12 before 14:00:30.
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') -Since '2026-11-20T14:00Z' -Milestone InvestigationStarted)
            $events.Count | Should -Be 2
            $marked = @($events | Where-Object Milestone -ne 'None')
            $marked.Count | Should -Be 1
            $marked[0].Milestone | Should -Be ([Postmortems.Milestone]::InvestigationStarted)
            $marked[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:00:30.412318Z')
        }

        It 'marks the first firing Alertmanager alert FirstSymptom by default' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json'))
            $marked = @($events | Where-Object Milestone -ne 'None')
            $marked.Count | Should -Be 1
            $marked[0].Milestone | Should -Be ([Postmortems.Milestone]::FirstSymptom)
            $marked[0].Event | Should -BeExactly 'Alert VaultSealed (openbao-0) firing: OpenBao is sealed'
        }

        It 'marks the first firing alert kept by -Since FirstSymptom, not a resolved one' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') -Since '2026-11-20T14:03Z')
            $events.Count | Should -Be 2
            $marked = @($events | Where-Object Milestone -ne 'None')
            $marked.Count | Should -Be 1
            $marked[0].Milestone | Should -Be ([Postmortems.Milestone]::FirstSymptom)
            $marked[0].Event | Should -BeExactly 'Alert GiteaDown (gitea.gitea:3000) firing: Gitea is not answering HTTP checks'
        }

        It 'marks the v2 list''s alert FirstSymptom by default' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-v2-alerts.json'))
            $events[0].Milestone | Should -Be ([Postmortems.Milestone]::FirstSymptom)
        }

        It 'marks nothing with -Milestone None, even for Alertmanager' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') -Milestone None)
            $events.Count | Should -Be 3
            @($events.Milestone | Sort-Object -Unique) | Should -Be @('None')
        }

        It 'marks nothing by default in <_>' -ForEach @('kubectl-events.json', 'slack-incident.json', 'journal.json', 'app-log.jsonl') {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture $_))
            @($events.Milestone | Sort-Object -Unique) | Should -Be @('None')
        }

        It 'rejects an unknown -Milestone at binding' {
            { Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json') -Milestone Escalated } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        }
    }

    Context 'errors' {
        It 'reads malformed.jsonl to 2 events and 3 non-terminating InvalidTimelineRecord errors' {
            $path = Get-Fixture 'malformed.jsonl'
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($events.Event) | Should -Be @('first good line', 'last good line')
            $errs.Count | Should -Be 3
            foreach ($e in $errs) {
                $e.FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord,*'
                $e.CategoryInfo.Category | Should -Be 'InvalidData'
            }
        }

        It 'names the file and the line of each record it skipped' {
            $path = Get-Fixture 'malformed.jsonl'
            $null = Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue
            @($errs.TargetObject) | Should -Be @("${path}:2", "${path}:3", "${path}:4")
            $errs[0].Exception.Message | Should -BeLike '*malformed.jsonl, line 2*not valid JSON*'
            $errs[1].Exception.Message | Should -BeLike "*malformed.jsonl, line 3*'not a time'*"
            $errs[2].Exception.Message | Should -BeLike '*malformed.jsonl, line 4*-TimeProperty*'
        }

        It 'stops at the first InvalidTimelineRecord under -ErrorAction Stop' {
            { Import-TimelineEvent -LiteralPath (Get-Fixture 'malformed.jsonl') -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimelineRecord,*'
        }

        It 'names the line and record of a Slack message with an unparsable ts and reads the others' {
            $path = Copy-Fixture 'slack-incident.json' -As 'slack-bad-ts.json'
            (Get-Content -LiteralPath $path -Raw).Replace('"1795184100.000400"', '"yesterday"') | Set-Content -LiteralPath $path -NoNewline
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 3
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord,*'
            $errs[0].TargetObject | Should -BeExactly "${path}:17"
            $errs[0].Exception.Message | Should -BeLike "*slack-bad-ts.json, line 17 (record 3)*'yesterday'*"
        }

        It 'names the line of a kubectl YAML item with an unparsable time' {
            $path = Copy-Fixture 'kubectl-events.yaml' -As 'events-bad.yaml'
            (Get-Content -LiteralPath $path -Raw).Replace('"2026-11-20T14:02:05Z"', '"soon"') | Set-Content -LiteralPath $path -NoNewline
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 1
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -BeLike "*events-bad.yaml, line 18*'soon'*"
        }

        It 'names the line of a CSV row after a row with a line break, and reads the rows after it' {
            $path = Copy-Fixture 'events.csv' -As 'events-bad.csv'
            Add-Content -LiteralPath $path -Value 'whenever,bad row,,', '2026-11-20T15:00:00Z,row after the bad one,,'
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 4
            $events[3].Event | Should -BeExactly 'row after the bad one'
            $errs.Count | Should -Be 1
            $errs[0].TargetObject | Should -BeExactly "${path}:6"
            $errs[0].Exception.Message | Should -BeLike "*line 6*'whenever'*"
        }

        It 'writes a non-terminating TimelineSourceUnreadable error naming the file and a line for a truncated document' {
            $path = Get-Fixture 'kubectl-events-truncated.json'
            $events = Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].TargetObject | Should -BeExactly $path
            $errs[0].Exception.Message | Should -BeLike '*kubectl-events-truncated.json, line *'
        }

        It 'names the last line of a truncated document, where it ends' {
            $path = Get-Fixture 'kubectl-events-truncated.json'
            $lastLine = @(Get-Content -LiteralPath $path).Count
            $null = Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message -match 'kubectl-events-truncated\.json, line (\d+):' | Should -BeTrue
            [int] $Matches[1] | Should -Be $lastLine
        }

        It 'emits the events before the point where a kubectl list is cut off' {
            $path = Join-Path $TestDrive 'cut.json'
            $lines = Get-Content -LiteralPath (Get-Fixture 'kubectl-events.json')
            $cut = [array]::IndexOf($lines, ($lines -match '"reason": "Scheduled"')[0])
            Set-Content -LiteralPath $path -Value $lines[0..$cut]
            $events = @(Import-TimelineEvent -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 2
            $events[1].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:01:12Z')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
        }

        It 'writes TimelineFileNotFound for a missing file with -<_>' -ForEach @('Path', 'LiteralPath') {
            $missing = Join-Path $TestDrive 'no-such-events.json'
            $parameters = @{ $_ = $missing }
            $events = Import-TimelineEvent @parameters -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -BeNullOrEmpty
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineFileNotFound,*'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].Exception.Message | Should -BeLike '*no-such-events.json*'
        }

        It 'throws TimelineFileNotFound for a missing file under -ErrorAction Stop' {
            { Import-TimelineEvent -Path (Join-Path $TestDrive 'no-such-events.json') -ErrorAction Stop } | Should -Throw -ErrorId 'TimelineFileNotFound,*'
        }

        It 'writes TimelineFileNotFound for a folder and suggests a wildcard' {
            $folder = Join-Path $TestDrive 'a-folder'
            $null = New-Item -ItemType Directory -Path $folder -Force
            $null = Import-TimelineEvent -LiteralPath $folder -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineFileNotFound,*'
            $errs[0].Exception.Message | Should -BeLike '*is a folder*-Path*'
        }

        It 'reads the other files when one is truncated, one is missing and one has bad records' {
            $paths = @(
                (Get-Fixture 'kubectl-events-truncated.json')
                (Get-Fixture 'app-log.jsonl')
                (Join-Path $TestDrive 'no-such-events.json')
                (Get-Fixture 'malformed.jsonl')
                (Get-Fixture 'journal.json')
            )
            $events = @(Import-TimelineEvent -Path $paths -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 8
            @($events | Where-Object Source -eq 'journald').Count | Should -Be 3
            @($events | Where-Object Source -eq 'jsonlines').Count | Should -Be 5
            @($errs | Where-Object FullyQualifiedErrorId -like 'TimelineSourceUnreadable,*').Count | Should -Be 1
            @($errs | Where-Object FullyQualifiedErrorId -like 'TimelineFileNotFound,*').Count | Should -Be 1
            @($errs | Where-Object FullyQualifiedErrorId -like 'InvalidTimelineRecord,*').Count | Should -Be 3
        }

        It 'reads the other files when the format of one cannot be told' {
            $paths = (Get-Fixture 'app-log.jsonl'), (Get-Fixture 'unknown.txt'), (Get-Fixture 'journal.json')
            $events = @(Import-TimelineEvent -Path $paths -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 6
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TimelineSourceUnreadable,*'
            $errs[0].Exception.Message | Should -BeLike '*unknown.txt*'
        }
    }

    Context 'adding imported events to a postmortem' {
        It 'keeps the Source and Milestone of the events piped into Add-TimelineEvent -Postmortem' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 3
            @($pm.Timeline.Source | Sort-Object -Unique) | Should -Be @('alertmanager')
            @($pm.Timeline.Milestone) | Should -Be @('FirstSymptom', 'None', 'None')
            $pm.Timeline[0].Event | Should -BeExactly 'Alert VaultSealed (openbao-0) firing: OpenBao is sealed'
            $pm.Timeline.DurationStart.UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:00Z')
        }

        It 'keeps the milestones and sources of CSV rows' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'events.csv') | Add-TimelineEvent -Postmortem $pm
            @($pm.Timeline.Milestone) | Should -Be @('FirstSymptom', 'Detected', 'MitigationApplied')
            @($pm.Timeline.Source) | Should -Be @('alertmanager', 'ntfy', 'manual')
        }

        It 'puts events from several sources into one timeline in time order' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json'), (Get-Fixture 'slack-incident.json'), (Get-Fixture 'kubectl-events.json') |
                Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 10
            $times = @($pm.Timeline.Time)
            @($times | Sort-Object) | Should -Be $times
            $pm.Timeline[0].Source | Should -BeExactly 'kubectl'
            $pm.Timeline[9].Event | Should -BeExactly 'Alert VaultSealed (openbao-0) resolved'
        }

        It 'emits nothing without -PassThru' {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json') | Add-TimelineEvent -Postmortem $pm
            $out | Should -BeNullOrEmpty
            $pm.Timeline.Count | Should -Be 3
        }

        It 'emits the postmortem once, at the end, with -PassThru' {
            $pm = New-Postmortem x -Date 2026-11-20
            $out = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'journal.json') | Add-TimelineEvent -Postmortem $pm -PassThru)
            $out.Count | Should -Be 1
            [object]::ReferenceEquals($out[0], $pm) | Should -BeTrue
            $out[0].Timeline.Count | Should -Be 3
        }

        It 'adds the events of a file imported twice only once' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') | Add-TimelineEvent -Postmortem $pm
            Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 3
        }

        It 'adds an Alertmanager file imported twice only once, keeping one FirstSymptom' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') | Add-TimelineEvent -Postmortem $pm
            Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 3
            @($pm.Timeline | Where-Object Milestone -eq 'FirstSymptom').Count | Should -Be 1
        }

        It 'adds the kubectl events found in both the JSON and the YAML export once' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') | Add-TimelineEvent -Postmortem $pm
            Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.yaml') | Add-TimelineEvent -Postmortem $pm
            # The reboot is in both; the readiness probe only in the YAML.
            $pm.Timeline.Count | Should -Be 4
            @($pm.Timeline | Where-Object Event -like 'Node k3s-2: Rebooted*').Count | Should -Be 1
        }

        It 'keeps the same text at the same time from another source' {
            $pm = New-Postmortem x -Date 2026-11-20
            @'
{"time":"2026-11-20T14:02:00Z","message":"Vault seal alert fired","source":"alertmanager"}
{"time":"2026-11-20T14:02:00Z","message":"Vault seal alert fired","source":"ntfy"}
{"time":"2026-11-20T14:02:00Z","message":"Vault seal alert fired","source":"ntfy"}
'@ | Import-TimelineEvent | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 2
            @($pm.Timeline.Source) | Should -Be @('alertmanager', 'ntfy')
        }

        It 'gives an event already in the timeline the milestone a second import marks it with' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') | Add-TimelineEvent -Postmortem $pm
            Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') -Milestone Detected | Add-TimelineEvent -Postmortem $pm
            $pm.Timeline.Count | Should -Be 3
            $pm.Timeline[0].Milestone | Should -Be ([Postmortems.Milestone]::Detected)
            $pm.Timeline[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T13:58:41Z')
        }

        It 'writes the imported events into the Markdown timeline at their UTC times, with seconds when they have them' {
            $pm = New-Postmortem x -Date 2026-11-20
            Import-TimelineEvent -LiteralPath (Get-Fixture 'alertmanager-webhook.json') | Add-TimelineEvent -Postmortem $pm
            $markdown = $pm | ConvertTo-PostmortemMarkdown
            $markdown | Should -Match '(?m)^\| 14:02:00 \| Alert VaultSealed \(openbao-0\) firing: OpenBao is sealed <sub>alertmanager</sub> \| First symptom \|$'
            $markdown | Should -Match '(?m)^\| 14:04:00 \| Alert GiteaDown \(gitea\.gitea:3000\) firing: Gitea is not answering HTTP checks <sub>alertmanager</sub> \| \|$'
            $markdown | Should -Match '(?m)^\| 15:21:30 \| Alert VaultSealed \(openbao-0\) resolved <sub>alertmanager</sub> \| \|$'
        }
    }

    Context 'plain-text logs, -Collapse, Slack names, warnings and -Verbose' {
        BeforeAll {
            $script:logPattern = '^(?<time>\S+ \S+)\s+(?<level>\w+)\s+(?<message>.*)$'
        }

        It 'reads a plain-text log with -Pattern, skipping the lines that do not match' {
            $events = @(Import-TimelineEvent -Path (Get-Fixture 'app.log') -Pattern $logPattern -ErrorVariable errs)
            $errs | Should -BeNullOrEmpty
            $events.Count | Should -Be 7
            $events[0].UtcTime | Should -Be (Get-UtcTime '2026-11-20T14:02:11Z')
            $events[0].Event | Should -BeExactly 'api started, listening on 10.0.4.17:8080'
            @($events.Source | Sort-Object -Unique) | Should -Be @('log')
        }

        It 'names file and line when a time in the log cannot be read, and reads the rest' {
            $events = @(Import-TimelineEvent -Path (Get-Fixture 'app-bad-time.log') -Pattern $logPattern -ErrorVariable errs -ErrorAction SilentlyContinue)
            $events.Count | Should -Be 2
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord,*'
            $errs[0].TargetObject | Should -BeLike '*app-bad-time.log:2'
        }

        It 'refuses a -Pattern without the named group message, saying how to write it' {
            $err = { Import-TimelineEvent -Path (Get-Fixture 'app.log') -Pattern '^(?<time>\S+ \S+) (.*)$' } |
                Should -Throw -ErrorId 'InvalidTimelinePattern,*' -PassThru
            $err.Exception.Message | Should -BeLike '*(?<message>...)*for example*'
        }

        It 'tells how to read a plain-text log when no format reads it' {
            $err = { Import-TimelineEvent -LiteralPath (Get-Fixture 'unknown.txt') -ErrorAction Stop } | Should -Throw -PassThru
            $err.Exception.Message | Should -BeLike "*-Pattern*'2026-11-20 14:02:11 ERROR connection refused'*(?<time>*(?<message>*"
        }

        It 'folds repeats with -Collapse into one event that says how many and until when' {
            $events = @(Import-TimelineEvent -Path (Get-Fixture 'app.log') -Pattern $logPattern -Collapse '00:01:00' | Sort-Object UtcTime)
            $events.Count | Should -Be 5
            $events[1].Event | Should -BeExactly 'db: connection to 10.0.4.21:5432 refused (attempt 1, request 7f3a9c2e) (3 times, last at 2026-11-20 14:02:20 UTC)'
        }

        It 'folds repeats with -Collapse in JSON lines as well' {
            $events = @(@'
{"time":"2026-11-20T14:00:00Z","msg":"disk 91% full on 10.0.0.7"}
{"time":"2026-11-20T14:00:30Z","msg":"disk 92% full on 10.0.0.7"}
{"time":"2026-11-20T14:01:00Z","msg":"disk 93% full on 10.0.0.8"}
'@ | Import-TimelineEvent -Collapse ([timespan]::FromMinutes(1)))
            $events.Count | Should -Be 1
            $events[0].Event | Should -BeExactly 'disk 91% full on 10.0.0.7 (3 times, last at 2026-11-20 14:01:00 UTC)'
        }

        It 'refuses a -Collapse of zero' {
            { Import-TimelineEvent -Path (Get-Fixture 'app.log') -Pattern $logPattern -Collapse 0 } | Should -Throw -ErrorId 'InvalidTimelineOption,*'
        }

        It 'names Slack mentions and authors through the users.json at the export''s root' {
            $export = Join-Path $TestDrive 'export'
            $null = Copy-Fixture 'slack-export/users.json' -As 'users.json' -Folder $export
            $day = Copy-Fixture 'slack-export/incident/2026-11-20.json' -As '2026-11-20.json' -Folder (Join-Path $export 'incident')
            $events = @(Import-TimelineEvent -LiteralPath $day)
            $events[0].Event | Should -BeExactly 'Ana Lima: @tomas can you look at the db failover?'
            $events[1].Event | Should -BeExactly 'tomas: on it, @Ana Lima @U05OTHER'
        }

        It 'takes names from -User over the export''s' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-export/incident/2026-11-20.json') -User @{ U05TOMAS = 'Tomas K.'; '@U05OTHER' = 'lee' })
            $events[1].Event | Should -BeExactly 'Tomas K.: on it, @Ana Lima @lee'
        }

        It 'keeps Slack times to the second' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-export/incident/2026-11-20.json'))
            $events.UtcTime | ForEach-Object { $_ | Should -Be (Get-UtcTime '2026-11-20T14:09:00Z') }
        }

        It 'warns when no message has the -Reaction, naming the reactions there' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'slack-export/incident/2026-11-20.json') -Reaction pushpn -WarningVariable warns -WarningAction SilentlyContinue)
            $events.Count | Should -Be 0
            $warns.Count | Should -Be 1
            $warns[0].Message | Should -BeLike "*'pushpn'*eyes, pushpin*"
        }

        It 'warns when a -Format matches nothing in a non-empty file' {
            $events = @(Import-TimelineEvent -LiteralPath (Get-Fixture 'kubectl-events.json') -Format Slack -WarningVariable warns -WarningAction SilentlyContinue)
            $events.Count | Should -Be 0
            $warns.Count | Should -Be 1
            $warns[0].Message | Should -BeLike '*read as Slack (-Format), and none gave an event*'
        }

        It 'says with -Verbose which format it read and how many records were read, kept, skipped and collapsed' {
            $verbose = Import-TimelineEvent -Path (Get-Fixture 'app.log') -Pattern $logPattern -Collapse '00:01:00' -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $verbose.Message | Should -BeLike '*app.log: read as Text: 8 records read, 5 events kept, 1 skipped, 2 collapsed into others, 0 with errors.'
            $json = Import-TimelineEvent -LiteralPath (Get-Fixture 'app-log.jsonl') -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $json.Message | Should -BeLike '*app-log.jsonl: read as JsonLines: 3 records read, 3 events kept, 0 skipped, 0 collapsed into others, 0 with errors.'
        }
    }
}
