@{
    RootModule           = 'bin/MoSapi.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6a0f3a52-8f3c-4b8e-9a63-2f6f3b1c9d41'
    Author               = 'MoSapi contributors'
    CompanyName          = 'MoSapi contributors'
    Copyright            = '(c) 2026 MoSapi contributors. MIT License.'
    Description          = 'Read ICANN''s Monitoring System API (MoSAPI) from PowerShell: SLA monitoring state of TLDs and registrars, alarms, downtime, incidents, probe measurements, Domain METRICA (DAAR) abuse reports and mtr network troubleshooting data, with password sessions or TLS client certificates. For registry operators, registry service providers, ccTLDs and registrars.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('MoSapi.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-MoSapi'
        'Disconnect-MoSapi'
        'Get-MoSapiConnection'
        'Get-MoSapiState'
        'Watch-MoSapiState'
        'Get-MoSapiAlarm'
        'Get-MoSapiDowntime'
        'Get-MoSapiIncident'
        'Get-MoSapiFalsePositive'
        'Get-MoSapiMeasurement'
        'Get-MoSapiResultCode'
        'Get-MoSapiDaarReport'
        'Get-MoSapiMtrReport'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @('Get-MoSapiMetricaReport')
    PrivateData          = @{
        PSData = @{
            Tags         = @('ICANN', 'MoSAPI', 'SLA', 'monitoring', 'DNS', 'RDAP', 'registry', 'registrar', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/mosapi/MoSapi'
            LicenseUri   = 'https://github.com/mosapi/MoSapi/blob/main/LICENSE'
            ReleaseNotes = 'First release: Connect-MoSapi (password session or TLS client certificate), Get-MoSapiState, and a MoSAPI simulator for offline runbook tests.'
        }
    }
}
