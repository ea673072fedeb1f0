#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The default views of MoSapi.Format.ps1xml: each output type, rendered with real objects from the simulator in a
# 120-column console, shows its key columns and no line is wider than 120 characters.

BeforeDiscovery {
    # Type name → how to get objects of it (run after connecting) → the column labels that must show.
    $script:ViewCases = @(
        @{ Type = 'MoSapi.MoSapiState'; Get = { Get-MoSapiState -Tld example, outage; Get-MoSapiState -RegistrarId 9999 }
            Columns = 'Entity', 'Status', 'DNS', 'DNSSEC', 'RDDS', 'RDAP', 'EPP'; Shows = 'outage', 'rr/9999', 'Down 12.5%' }
        @{ Type = 'MoSapi.MoSapiServiceState'; Get = { (Get-MoSapiState -Tld outage).Services }
            Columns = 'Entity', 'Service', 'Status', 'Threshold%'; Shows = '12.5' }
        @{ Type = 'MoSapi.MoSapiIncident'; Get = { Get-MoSapiIncident -Tld outage -Service dns }
            Columns = 'Entity', 'Service', 'IncidentId', 'StartTime', 'EndTime', 'State', 'FalsePositive'; Shows = '1795780080.7731', 'Active', 'Resolved' }
        @{ Type = 'MoSapi.Client.MoSapiConnection'; Get = { Get-MoSapiConnection }
            Columns = 'Entity', 'Environment', 'BaseUri', 'Auth'; Shows = 'ry/example' }
        @{ Type = 'MoSapi.MoSapiAlarm'; Get = { Get-MoSapiAlarm -Tld outage }
            Columns = 'Entity', 'Service', 'Alarmed'; Shows = 'Yes' }
        @{ Type = 'MoSapi.MoSapiDowntime'; Get = { Get-MoSapiDowntime -Tld outage }
            Columns = 'Entity', 'Service', 'DowntimeMinutes'; Shows = '360' }
        @{ Type = 'MoSapi.MoSapiFalsePositive'; Get = { Get-MoSapiFalsePositive -Tld outage -Service dns -IncidentId 1795720200.7713, 1795780080.7731 }
            Columns = 'Entity', 'Service', 'IncidentId', 'FalsePositive', 'UpdateTime'; Shows = '1795720200.7713' }
        @{ Type = 'MoSapi.MoSapiMeasurementInfo'; Get = { Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId 1795780080.7731 }
            Columns = 'Entity', 'Service', 'IncidentId', 'MeasurementId', 'CycleTime'; Shows = '1795780080' }
        @{ Type = 'MoSapi.MoSapiMeasurement'; Get = { Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId 1795780080.7731 | Select-Object -First 2 | Get-MoSapiMeasurement }
            Columns = 'Entity', 'Service', 'MeasurementId', 'CycleTime', 'Status'; Shows = 'Down' }
        @{ Type = 'MoSapi.MoSapiProbeResult'; Get = { (Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId 1795780080.7731 | Select-Object -First 1 | Get-MoSapiMeasurement).Results }
            Columns = 'Probe', 'Target', 'TargetIp', 'Rtt', 'Result', 'Description'; Shows = 'ok' }
        @{ Type = 'MoSapi.MoSapiResultCode'; Get = { Get-MoSapiResultCode -200, -526 }
            Columns = 'Code', 'Service', 'Interface', 'Description'; Shows = '-526' }
        @{ Type = 'MoSapi.MoSapiDaarReport'; Get = { Get-MoSapiDaarReport -Tld example, outage; Get-MoSapiDaarReport -RegistrarId 9999 }
            Columns = 'Entity', 'Date', 'Unique', 'Threats'; Shows = '2026-11-26' }
        @{ Type = 'MoSapi.MoSapiDaarThreat'; Get = { (Get-MoSapiDaarReport -Tld example).Threats }
            Columns = 'ThreatType', 'Count', 'Domains'; Shows = 'phishing' }
        @{ Type = 'MoSapi.MoSapiDaarDomain'; Get = { Get-MoSapiDaarReport -Tld example -ExpandDomains | Select-Object -First 5 }
            Columns = 'Entity', 'Date', 'ThreatType', 'Domain'; Shows = 'example' }
        @{ Type = 'MoSapi.MoSapiDaarListEntry'; Get = { Get-MoSapiDaarReport -Tld example -List -Start 2026-11-20 -End 2026-11-26 }
            Columns = 'Entity', 'Date', 'GenerationDate'; Shows = '2026-11-26' }
        @{ Type = 'MoSapi.MoSapiMtrFile'; Get = { Get-MoSapiMtrReport -Tld example -Date 2026-11-26 -ListOnly | Select-Object -First 5 }
            Columns = 'Entity', 'Probe', 'TargetIp', 'CycleTime', 'RunTime'; Shows = '2026-11-26' }
        @{ Type = 'MoSapi.MoSapiMtrReport'; Get = { Get-MoSapiMtrReport -Tld example -Date 2026-11-26 -Probe Sydney -TargetIp 2001:db8:2::54 }
            Columns = 'Entity', 'Probe', 'TargetIp', 'Hops'; Shows = 'Sydney' }
        @{ Type = 'MoSapi.MoSapiMtrHop'; Get = { (Get-MoSapiMtrReport -Tld example -Date 2026-11-26 -Probe Amsterdam | Select-Object -First 1).Hops }
            Columns = 'Hop', 'Host', 'Asn', 'Loss%', 'Avg', 'Best'; Shows = 'AS' }
        @{ Type = 'MoSapi.MoSapiStateChange'; Get = { Watch-MoSapiState -Tld outage -IncludeInitial -Count 1 }
            Columns = 'Time', 'Entity', 'Service', 'Change', 'NewValue'; Shows = 'IncidentOpened' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-SimPassword -Tld example, outage | Out-Null
    Connect-SimPassword -RegistrarId 9999 | Out-Null
    [xml] $script:Formats = Get-Content (Join-Path (Split-Path $script:ModulePath) 'MoSapi.Format.ps1xml') -Raw
}

AfterAll {
    Disconnect-MoSapi -ErrorAction SilentlyContinue
}

Describe 'Default view of <Type>' -ForEach $ViewCases {
    BeforeAll {
        $script:Objects = @(& $Get)
        $script:Text = $Objects | Out-String -Width 120
        $script:Lines = $Text -split "`r?`n"
    }

    It 'has a view in MoSapi.Format.ps1xml' {
        @($Formats.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $Type }) | Should -Not -BeNullOrEmpty
    }

    It 'is rendered from real objects of that type' {
        $Objects | Should -Not -BeNullOrEmpty
        $Objects[0].GetType().FullName | Should -Be $Type
    }

    It 'shows the key columns' {
        $header = @($Lines | Where-Object { $_.Trim() })[0]
        foreach ($column in $Columns) { $header | Should -Match ([regex]::Escape($column)) }
        foreach ($value in $Shows) { $Text | Should -Match ([regex]::Escape($value)) }
    }

    It 'fits 120 columns' {
        $Lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }
}

Describe 'Views cover every output type' {
    It 'gives every [OutputType] of every cmdlet a view' {
        $viewed = @($Formats.Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName)
        $types = Get-Command -Module MoSapi -CommandType Cmdlet | ForEach-Object OutputType | ForEach-Object Name |
            Where-Object { $_ -like 'MoSapi.*' } | Sort-Object -Unique
        $types | Where-Object { $_ -notin $viewed } | Should -BeNullOrEmpty
    }
}
