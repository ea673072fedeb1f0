#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Watch-MoSapiState against the simulator. The simulator's state is changed between polls deterministically: the
# first event of each poll runs the next scripted step (the watch writes on the pipeline thread, so the step is done
# before the next poll starts). Polls are 200 ms apart through the test-only MOSAPI_WATCH_INTERVAL_MS.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $env:MOSAPI_WATCH_INTERVAL_MS = '200'
    $script:Entity = 'ry/nometrica'

    function Set-SimState([hashtable] $Change) {
        Invoke-SimControl -Method POST -Path '/_sim/state' -Body (@{ entity = $script:Entity } + $Change) | Out-Null
    }

    function Get-ActiveDnsIncidentId {
        (Get-MoSapiState -Tld nometrica)['Dns'].Incidents | Where-Object { $null -eq $_.EndTime } | Select-Object -ExpandProperty IncidentId
    }

    # Runs the watch; step N runs when poll N writes its first event. Warnings land in $script:Warnings.
    function Invoke-ScriptedWatch([hashtable] $Watch, [scriptblock[]] $Steps = @()) {
        $times = [System.Collections.Generic.List[DateTimeOffset]]::new()
        $script:Warnings = @()
        Watch-MoSapiState @Watch -WarningVariable warned -WarningAction SilentlyContinue | ForEach-Object {
            if (-not $times.Contains($_.Time)) {
                $times.Add($_.Time)
                if ($times.Count -le $Steps.Count) { & $Steps[$times.Count - 1] }
            }
            $_
        }
        $script:Warnings = @($warned)
    }

    function Format-Change {
        process {
            $service = if ($null -ne $_.Service) { $_.Service } else { '-' }
            $old = if ($null -ne $_.OldValue) { $_.OldValue } else { 'null' }
            $line = "$($_.Change) $service $old>$($_.NewValue)"
            if ($null -ne $_.Level) { $line += " $($_.Level)" }
            if ($null -ne $_.Incident) { $line += " $($_.Incident.IncidentId)" }
            $line
        }
    }

    Connect-SimCertificate -Tld nometrica | Out-Null
}

AfterAll {
    Remove-Item env:MOSAPI_WATCH_INTERVAL_MS -ErrorAction SilentlyContinue
    Invoke-SimControl -Method DELETE -Path '/_sim/state' | Out-Null
    Disconnect-MoSapi -ErrorAction SilentlyContinue
}

Describe 'Watch-MoSapiState' {
    BeforeEach {
        Invoke-SimControl -Method DELETE -Path '/_sim/state' | Out-Null
        Reset-Sim
    }

    It 'reports an incident opening, resolving, its false-positive flag and threshold levels, poll by poll' {
        $script:Id = $null
        $steps = @(
            { Set-SimState @{ service = 'DNS'; openIncident = $true; emergencyThreshold = 30 } }
            {
                $script:Id = Get-ActiveDnsIncidentId
                Set-SimState @{ service = 'DNS'; resolveIncident = $true; emergencyThreshold = 80; falsePositive = @{ incidentId = $script:Id; value = $true } }
            }
        )
        $events = Invoke-ScriptedWatch @{ Tld = 'nometrica'; Service = 'Dns'; Count = 3; IncludeInitial = $true } $steps

        $events | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiStateChange]) }
        $script:Id | Should -Match '^\d+\.9001$'
        $events | Format-Change | Should -Be @(
            'StatusChanged - null>Up'
            'StatusChanged Dns null>Up'
            'StatusChanged - Up>Down'
            'StatusChanged Dns Up>Down'
            "IncidentOpened Dns null>Active $script:Id"
            'ThresholdCrossed Dns 0>30 25'
            'StatusChanged - Down>Up'
            'StatusChanged Dns Down>Up'
            "IncidentResolved Dns Active>Resolved $script:Id"
            "FalsePositiveChanged Dns False>True $script:Id"
            'ThresholdCrossed Dns 30>80 50'
            'ThresholdCrossed Dns 30>80 75'
        )
        @($events | Select-Object -ExpandProperty Time -Unique).Count | Should -Be 3
        $events | ForEach-Object { $_.Tld | Should -Be 'nometrica'; $_.RegistrarId | Should -BeNullOrEmpty; $_.Time.Offset | Should -Be ([TimeSpan]::Zero) }
        $resolved = $events | Where-Object Change -eq 'IncidentResolved'
        $resolved.Incident.EndTime | Should -Not -BeNullOrEmpty
        $resolved.Incident.FalsePositive | Should -BeTrue
        $script:Warnings | Should -BeNullOrEmpty
    }

    It 'sees the threshold rise as the scenario clock advances' {
        $advanced = 0
        try {
            $steps = @(
                { Set-SimState @{ service = 'DNS'; openIncident = $true } }
                { Invoke-SimControl -Method POST -Path '/_sim/clock/advance?seconds=3600' | Out-Null; $script:Advanced = 3600 }
            )
            $script:Advanced = 0
            $events = Invoke-ScriptedWatch @{ Tld = 'nometrica'; Service = 'Dns'; Count = 3; IncludeInitial = $true } $steps
            $advanced = $script:Advanced
            $advanced | Should -Be 3600
            $last = @($events | Group-Object { $_.Time.UtcTicks })[-1].Group
            # One hour of a 4-hour DNS budget: the 25 % level, once, and nothing else changed.
            $last | Format-Change | Should -HaveCount 1
            $last.Change | Should -Be 'ThresholdCrossed'
            $last.Level | Should -Be 25
            $last.OldValue | Should -Be 0
            $last.NewValue | Should -BeGreaterOrEqual 25
            $last.NewValue | Should -BeLessThan 26
        }
        finally {
            if ($advanced) { Invoke-SimControl -Method POST -Path "/_sim/clock/advance?seconds=-$advanced" | Out-Null }
        }
    }

    It 'writes nothing while nothing changes, without -IncludeInitial' {
        $events = Invoke-ScriptedWatch @{ Tld = 'nometrica'; Count = 3 }
        $events | Should -BeNullOrEmpty
        (Invoke-SimControl -Path '/_sim/stats').requests.'/ry/nometrica/v2/monitoring/state' | Should -Be 3
    }

    It 'warns and keeps watching when a poll fails with <Name>' -ForEach @(
        @{ Name = 'an authentication failure (401)'; Fault = @{ kind = 'status'; status = 401 }; Expect = '401' }
        @{ Name = 'an unreadable answer'; Fault = @{ kind = 'invalidJson' }; Expect = 'cannot be read' }
    ) {
        $fault = @{ path = '/ry/nometrica/v2/monitoring/state'; count = 1 } + $Fault
        $steps = @(
            {
                Invoke-SimControl -Method POST -Path '/_sim/faults' -Body $fault | Out-Null
                Set-SimState @{ service = 'DNS'; openIncident = $true }
            }
        )
        $events = Invoke-ScriptedWatch @{ Tld = 'nometrica'; Service = 'Dns'; Count = 3; IncludeInitial = $true } $steps

        $script:Warnings | Should -HaveCount 1
        "$($script:Warnings[0])" | Should -BeLike "*nometrica*$Expect*Watching goes on*"
        $events | Format-Change | Select-Object -Skip 2 | Should -Be @(
            'StatusChanged - Up>Down'
            'StatusChanged Dns Up>Down'
            "IncidentOpened Dns null>Active $(Get-ActiveDnsIncidentId)"
        )
    }

    It 'stops at -Until' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $events = Watch-MoSapiState -Tld nometrica -Until (Get-Date).AddSeconds(1.5)
        $watch.Stop()
        $events | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 1.3
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'refuses an -Until in the past and an interval under a minute' {
        { Watch-MoSapiState -Tld nometrica -Until (Get-Date).AddMinutes(-1) } |
            Should -Throw -ErrorId 'MoSapiInvalidArgument,MoSapi.Commands.WatchMoSapiStateCommand'
        { Watch-MoSapiState -Tld nometrica -IntervalSec 59 -Count 1 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,MoSapi.Commands.WatchMoSapiStateCommand'
    }

    It 'takes connections from the pipeline and watches registrars too' {
        Connect-SimCertificate -RegistrarId 9999 -Name client-registrar | Out-Null
        try {
            $events = Get-MoSapiConnection | Watch-MoSapiState -Count 1 -IncludeInitial
            ($events | Where-Object { $null -eq $_.Service }).Count | Should -Be 2
            $rdap = $events | Where-Object { $_.RegistrarId -eq 9999 -and $_.Change -eq 'IncidentOpened' }
            $rdap.Service | Should -Be 'Rdap'
            $rdap.Incident.IncidentId | Should -Match '\.3303$'
        }
        finally {
            Disconnect-MoSapi -RegistrarId 9999
        }
    }

    It 'has a table view that fits 120 columns' {
        $events = Watch-MoSapiState -Tld nometrica -Count 1 -IncludeInitial -Service Dns
        $text = $events | Out-String -Width 120
        $header = ($text -split "`r?`n" | Where-Object { $_ -match '\S' })[0]
        $header | Should -Match '^Time\s+Entity\s+Service\s+Change\s+OldValue\s+NewValue\s+Incident$'
        $text | Should -Match 'nometrica\s+Dns\s+StatusChanged'
    }
}
