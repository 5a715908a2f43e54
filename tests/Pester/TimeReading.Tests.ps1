BeforeAll { Import-Module $env:POSTMORTEM_MODULE_PATH -Force }

# The one time reader behind Add-TimelineEvent -Time and Import-TimelineEvent: the formats logs write, -TimeFormat,
# -Culture, -TimeZone and -UtcOffset.
Describe 'Time reading in Add-TimelineEvent and Import-TimelineEvent' {
    BeforeAll {
        function Get-Utc([string] $Text) { [datetimeoffset]::Parse($Text, [cultureinfo]::InvariantCulture).UtcDateTime }
    }

    Context 'Add-TimelineEvent -Time' {
        It 'reads <Text>' -ForEach @(
            @{ Text = 'Sun Oct 21 23:09:19 +0000 2018' }
            @{ Text = 'Sun, 21 Oct 2018 23:09:19 +0000' }
            @{ Text = '2018-10-21 23:09:19 UTC' }
            @{ Text = '21/Oct/2018:23:09:19 +0000' }
            @{ Text = '1540163359000' }
        ) {
            $pm = New-Postmortem x -Date 2018-10-21 | Add-TimelineEvent $Text 'x'
            $pm.Timeline[0].UtcTime | Should -Be (Get-Utc '2018-10-21T23:09:19Z')
        }

        It 'reads epoch milliseconds given as a number' {
            $pm = New-Postmortem x -Date 2018-10-21 | Add-TimelineEvent -Time 1540163359000 -Event 'x'
            $pm.Timeline[0].UtcTime | Should -Be (Get-Utc '2018-10-21T23:09:19Z')
        }

        It 'reads a syslog time in the year of the postmortem' {
            $pm = New-Postmortem x -Date 2019-01-02 | Add-TimelineEvent 'Dec 31 23:09:19' 'x'
            $pm.Timeline[0].UtcTime | Should -Be (Get-Utc '2018-12-31T23:09:19Z')
        }

        It 'refuses an ambiguous date with AmbiguousTimelineTime naming both readings, and adds nothing' {
            $pm = New-Postmortem x -Date 2026-11-20
            $pm | Add-TimelineEvent '02/11/2026 10:00' 'x' -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0].FullyQualifiedErrorId | Should -BeLike 'AmbiguousTimelineTime*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -BeLike "*2 November 2026*11 February 2026*-TimeFormat 'dd/MM/yyyy HH:mm'*-Culture de-DE*"
            $pm.Timeline.Count | Should -Be 0
        }

        It 'reads an ambiguous date the way -Culture or -TimeFormat says' {
            $pm = New-Postmortem x -Date 2026-11-20
            $pm | Add-TimelineEvent '02/11/2026 10:00' 'de' -Culture de-DE | Out-Null
            $pm | Add-TimelineEvent '02/11/2026 10:01' 'us' -Culture en-US | Out-Null
            $pm | Add-TimelineEvent '02/11/2026 10:02' 'format' -TimeFormat 'dd/MM/yyyy HH:mm' | Out-Null
            ($pm.Timeline | Where-Object Event -eq 'de').UtcTime | Should -Be (Get-Utc '2026-11-02T10:00:00Z')
            ($pm.Timeline | Where-Object Event -eq 'us').UtcTime | Should -Be (Get-Utc '2026-02-11T10:01:00Z')
            ($pm.Timeline | Where-Object Event -eq 'format').UtcTime | Should -Be (Get-Utc '2026-11-02T10:02:00Z')
        }

        It 'reads piped CSV rows kept in Europe/Berlin, across the change to winter time' {
            $csv = Join-Path $TestDrive 'cet.csv'
            Set-Content -LiteralPath $csv -Value @('Time,Message', '2026-10-24 10:00,before', '30.11.2026 10:16,after', '2026-10-24T10:00:00Z,with its own offset')
            $pm = New-Postmortem x -Date 2026-11-20
            Import-Csv $csv | Add-TimelineEvent -Postmortem $pm -TimeZone Europe/Berlin
            ($pm.Timeline | Where-Object Event -eq 'before').UtcTime | Should -Be (Get-Utc '2026-10-24T08:00:00Z')
            ($pm.Timeline | Where-Object Event -eq 'after').UtcTime | Should -Be (Get-Utc '2026-11-30T09:16:00Z')
            ($pm.Timeline | Where-Object Event -eq 'with its own offset').UtcTime | Should -Be (Get-Utc '2026-10-24T10:00:00Z')
        }

        It 'reads a time of day with -UtcOffset' {
            $pm = New-Postmortem x -Date 2026-11-20 | Add-TimelineEvent 14:02 'x' -UtcOffset '+01:00'
            $pm.Timeline[0].UtcTime | Should -Be (Get-Utc '2026-11-20T13:02:00Z')
        }

        It 'refuses a local time that happened twice, saying both instants' {
            $pm = New-Postmortem x -Date 2026-10-25
            $pm | Add-TimelineEvent '2026-10-25 02:30' 'x' -TimeZone Europe/Berlin -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineTime*'
            $err[0].Exception.Message | Should -BeLike '*00:30 UTC (+02:00) or 2026-10-25 01:30 UTC (+01:00)*'
            $pm.Timeline.Count | Should -Be 0
        }

        It 'stops with InvalidTimeZone for a zone that is not one, before reading anything' {
            $pm = New-Postmortem x -Date 2026-11-20
            $err = { $pm | Add-TimelineEvent 14:02 'x' -TimeZone Europe/Berlinn -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidTimeZone*'
            $err.Exception.Message | Should -BeLike "*'Europe/Berlinn'*Europe/Berlin*"
            $pm.Timeline.Count | Should -Be 0
        }

        It 'stops with InvalidTimeZone for an offset that is not one, or both a zone and an offset' {
            $pm = New-Postmortem x -Date 2026-11-20
            { $pm | Add-TimelineEvent 14:02 'x' -UtcOffset '+25:00' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimeZone*'
            { $pm | Add-TimelineEvent 14:02 'x' -UtcOffset '+01:00' -TimeZone Europe/Berlin -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimeZone*'
        }

        It 'completes -TimeZone with the ids the machine knows' {
            $line = 'Add-TimelineEvent -TimeZone Europe/Ber'
            $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $result.CompletionMatches.CompletionText | Should -Contain 'Europe/Berlin'
        }
    }

    Context 'Import-TimelineEvent' {
        It 'reads a European CSV with -TimeFormat and -TimeZone' {
            $csv = Join-Path $TestDrive 'app.csv'
            Set-Content -LiteralPath $csv -Value @('time,message', '02.11.2026 10:00,Replica lagged', '30.11.2026 10:16,Primary failed over')
            $events = Import-TimelineEvent $csv -TimeFormat 'dd.MM.yyyy HH:mm' -TimeZone Europe/Berlin
            $events.UtcTime | Should -Be @((Get-Utc '2026-11-02T09:00:00Z'), (Get-Utc '2026-11-30T09:16:00Z'))
        }

        It 'reads JSON lines with the formats logs write' {
            $lines = @(
                '{"time":"Sun Oct 21 23:09:19 +0000 2018","msg":"twitter"}'
                '{"time":"21/Oct/2018:23:09:20 +0000","msg":"nginx"}'
                '{"time":"Oct 21 23:09:21","msg":"syslog"}'
                '{"time":"2018-10-21 23:09:22 UTC","msg":"utc"}'
            )
            $events = $lines | Import-TimelineEvent -Date 2018-10-21
            $events.UtcTime | Should -Be @((Get-Utc '2018-10-21T23:09:19Z'), (Get-Utc '2018-10-21T23:09:20Z'), (Get-Utc '2018-10-21T23:09:21Z'), (Get-Utc '2018-10-21T23:09:22Z'))
        }

        It 'refuses an ambiguous date with InvalidTimelineRecord naming file, line and both readings, and keeps the rest' {
            $csv = Join-Path $TestDrive 'us.csv'
            # The ambiguous date first: nothing in the file has said its order yet.
            Set-Content -LiteralPath $csv -Value @('time,message', '02/11/2026 10:00,either way', '13/02/2026 10:00,one way only')
            $events = Import-TimelineEvent $csv -ErrorVariable err -ErrorAction SilentlyContinue
            $events.Event | Should -Be @('one way only')
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimelineRecord*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -BeLike '*us.csv, line 2*2 November 2026*11 February 2026*'
        }

        It 'reads a later ambiguous date in the order an earlier date of the same file shows, and warns that it did' {
            $csv = Join-Path $TestDrive 'eu.csv'
            Set-Content -LiteralPath $csv -Value @('time,message', '13/02/2026 10:00,one way only', '02/11/2026 10:00,either way')
            $events = Import-TimelineEvent $csv -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop
            $events.Event | Should -Be @('one way only', 'either way')
            $events[1].Time | Should -Be ([datetimeoffset]'2026-11-02T10:00:00Z')
            $warned[0].Message | Should -BeLike "*1 date that could read two ways was read day first, as '13/02/2026 10:00' in the same source shows*"
        }

        It 'reports a file of ambiguous dates once, with a count, not once a line' {
            $csv = Join-Path $TestDrive 'many.csv'
            Set-Content -LiteralPath $csv -Value (@('time,message') + (1..300 | ForEach-Object { "02/11/2026 10:00,retry $_" }))
            $events = @(Import-TimelineEvent $csv -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
            $events | Should -HaveCount 0
            $err | Should -HaveCount 1
            $warned.Message | Should -Contain ($warned.Message | Where-Object { $_ -like '*299 more records (up to line 301) had dates that read two ways*' })
        }

        It 'reads the ambiguous date with -Culture en-US' {
            $events = '{"time":"02/11/2026 10:00","msg":"x"}' | Import-TimelineEvent -Culture en-US
            $events.UtcTime | Should -Be (Get-Utc '2026-02-11T10:00:00Z')
        }
    }
}
