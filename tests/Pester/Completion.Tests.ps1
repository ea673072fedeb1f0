#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Argument completion as a user meets it: TabExpansion2 on a command line, against the connections of the session
# and the live state in the simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    Connect-SimCertificate -Tld example, outage | Out-Null
    Connect-SimCertificate -RegistrarId 9999 -Name client-registrar | Out-Null
    $script:Outage = Get-MoSapiState -Tld outage
    $script:Registrar = Get-MoSapiState -RegistrarId 9999
}

AfterAll {
    Disconnect-MoSapi -ErrorAction SilentlyContinue
    Reset-Sim
}

Describe '-Tld and -RegistrarId completion' {
    It 'offers the TLDs of the session' {
        (Get-Completion 'Get-MoSapiState -Tld ').CompletionText | Should -Be @('example', 'outage')
        (Get-Completion 'Get-MoSapiIncident -Tld ou').CompletionText | Should -Be @('outage')
        (Get-Completion 'Watch-MoSapiState -Tld ex').CompletionText | Should -Be @('example')
    }

    It 'offers the registrar ids of the session' {
        (Get-Completion 'Get-MoSapiState -RegistrarId ').CompletionText | Should -Be @('9999')
        (Get-Completion 'Get-MoSapiAlarm -RegistrarId 99').CompletionText | Should -Be @('9999')
        Get-Completion 'Get-MoSapiState -RegistrarId 12' | Should -BeNullOrEmpty
    }
}

Describe '-IncidentId completion' {
    BeforeEach { Reset-Sim }

    It 'offers the active incident of the service first, then the rest of the rolling week' {
        $dns = $script:Outage['Dns'].Incidents
        $active = ($dns | Where-Object { $null -eq $_.EndTime }).IncidentId
        $active | Should -HaveCount 1

        $offered = Get-Completion 'Get-MoSapiIncident -Tld outage -Service Dns -IncidentId '
        $offered[0].CompletionText | Should -Be "'$active'"
        $offered[0].ListItemText | Should -Be "$active (active)"
        $offered[0].ToolTip | Should -BeLike 'outage Dns incident, active, started *'
        @($offered.CompletionText | Sort-Object) | Should -Be @($dns.IncidentId | ForEach-Object { "'$_'" } | Sort-Object)
    }

    It 'narrows to what is typed, quoted or not' {
        $active = ($script:Outage['Dns'].Incidents | Where-Object { $null -eq $_.EndTime }).IncidentId
        $typed = $active.Substring(0, $active.Length - 2)
        (Get-Completion "Get-MoSapiIncident -Tld outage -Service Dns -IncidentId $typed").CompletionText | Should -Be @("'$active'")
        (Get-Completion "Get-MoSapiIncident -Tld outage -Service Dns -IncidentId '$typed").CompletionText | Should -Be @("'$active'")
    }

    It 'offers only the incidents of the chosen service and entity' {
        $rdap = $script:Outage['Rdap'].Incidents.IncidentId | ForEach-Object { "'$_'" }
        $offered = Get-Completion 'Get-MoSapiFalsePositive -Tld outage -Service rdap -IncidentId '
        @($offered.CompletionText | Sort-Object) | Should -Be @($rdap | Sort-Object)

        $registrar = Get-Completion 'Get-MoSapiMeasurement -RegistrarId 9999 -Service Rdap -IncidentId '
        $registrar[0].CompletionText | Should -Be "'$(($script:Registrar['Rdap'].Incidents | Where-Object { $null -eq $_.EndTime }).IncidentId)'"
    }

    It 'completes an id that round-trips through the command' {
        $completion = (Get-Completion 'Get-MoSapiIncident -Tld outage -Service Dns -IncidentId ')[0].CompletionText
        $incident = Invoke-Expression "Get-MoSapiIncident -Tld outage -Service Dns -IncidentId $completion"
        $incident.State | Should -Be 'Active'
    }

    It 'gives up within a few seconds when the service does not answer' {
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/outage/v2/monitoring/state'; kind = 'latency'; ms = 20000; count = 1 } | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $offered = Get-Completion 'Get-MoSapiIncident -Tld outage -Service Dns -IncidentId '
        $watch.Stop()
        $offered | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'offers nothing without a connection for the entity' {
        Get-Completion 'Get-MoSapiIncident -Tld nometrica -Service Dns -IncidentId ' | Should -BeNullOrEmpty
    }
}
