# The README's main job: connect to the simulator and show a TLD with an active incident.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $CertDirectory
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# The simulator's throw-away password comes through the environment, not the command line (visible to every process).
$credential = [pscredential]::new('{tld}_ry', (ConvertTo-SecureString $env:MOSAPI_SIM_PASSWORD -AsPlainText -Force))
$ca = Join-Path $CertDirectory 'ca.crt'

Write-Host "`n== Connect-MoSapi -Tld example, outage, maint (password session, one credential for all three)" -ForegroundColor Cyan
Connect-MoSapi -Tld example, outage, maint -Credential $credential -BaseUri $BaseUri -TrustedCaCertificate $ca
Get-MoSapiConnection | Format-Table -AutoSize | Out-String -Width 120 | Write-Host

Write-Host '== Get-MoSapiState (every connection)' -ForegroundColor Cyan
Get-MoSapiState | Format-Table | Out-String -Width 120 | Write-Host

Write-Host '== The TLD with an active incident' -ForegroundColor Cyan
$state = Get-MoSapiState -Tld outage
$state.Services | Format-Table Service, Status, EmergencyThreshold, @{ n = 'Incidents'; e = { $_.Incidents.Count } } -AutoSize | Out-String -Width 120 | Write-Host
$state.Incidents | Format-Table -AutoSize | Out-String -Width 120 | Write-Host

Write-Host '== The same, with the RSP''s client certificate (mTLS)' -ForegroundColor Cyan
Connect-MoSapi -Tld outage -CertificatePath (Join-Path $CertDirectory 'client-rsp.pfx') `
    -CertificatePassword (ConvertTo-SecureString $env:MOSAPI_SIM_PFXPASSWORD -AsPlainText -Force) -BaseUri $BaseUri -TrustedCaCertificate $ca -PassThru |
    Get-MoSapiState | Format-Table | Out-String -Width 120 | Write-Host

Disconnect-MoSapi
Write-Host 'Demo finished.'
