# Shared by every Pester suite: imports the staged module and describes the running simulator.
# build.ps1 starts the simulator and passes it through environment variables.

$script:ModulePath = $env:MOSAPI_MODULE_PATH
if (-not $script:ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/MoSapi/MoSapi.psd1' }
Import-Module $script:ModulePath -Force

if (-not $env:MOSAPI_SIM_BASEURI) { throw 'The simulator is not running: run the tests with ./build.ps1 -Task Test.' }

$script:Sim = [pscustomobject] @{
    BaseUri     = $env:MOSAPI_SIM_BASEURI
    CertDir     = $env:MOSAPI_SIM_CERTDIR
    CaPath      = Join-Path $env:MOSAPI_SIM_CERTDIR 'ca.crt'
    Password    = $env:MOSAPI_SIM_PASSWORD
    PfxPassword = ConvertTo-SecureString $env:MOSAPI_SIM_PFXPASSWORD -AsPlainText -Force
    Ports       = Get-Content $env:MOSAPI_SIM_PORTFILE -Raw | ConvertFrom-Json
}

function New-SimCredential([string] $UserName = '{tld}_ry', [string] $Password = $script:Sim.Password) {
    [pscredential]::new($UserName, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

function Connect-SimPassword {
    [CmdletBinding()]
    param([string[]] $Tld, [int[]] $RegistrarId, [string] $UserName, [hashtable] $Extra = @{})
    $p = @{ BaseUri = $script:Sim.BaseUri; TrustedCaCertificate = $script:Sim.CaPath; PassThru = $true } + $Extra
    if ($Tld) { $p.Tld = $Tld; $p.Credential = New-SimCredential ($(if ($UserName) { $UserName } else { '{tld}_ry' })) }
    if ($RegistrarId) { $p.RegistrarId = $RegistrarId; $p.Credential = New-SimCredential ($(if ($UserName) { $UserName } else { "rr$($RegistrarId[0])" })) }
    Connect-MoSapi @p
}

function Connect-SimCertificate {
    [CmdletBinding()]
    param([string[]] $Tld, [int[]] $RegistrarId, [string] $Name = 'client-rsp', [hashtable] $Extra = @{})
    $p = @{ BaseUri = $script:Sim.BaseUri; TrustedCaCertificate = $script:Sim.CaPath; PassThru = $true
        CertificatePath = Join-Path $script:Sim.CertDir "$Name.pfx"; CertificatePassword = $script:Sim.PfxPassword } + $Extra
    if ($Tld) { $p.Tld = $Tld }
    if ($RegistrarId) { $p.RegistrarId = $RegistrarId }
    Connect-MoSapi @p
}

# The simulator's control API (faults, clock, stats) on its plain-HTTP loopback control port; MoSAPI itself is
# only served over HTTPS.
function Invoke-SimControl {
    param([string] $Method = 'GET', [Parameter(Mandatory)] [string] $Path, $Body)
    $p = @{ Method = $Method; Uri = "http://127.0.0.1:$($script:Sim.Ports.control)$Path" }
    if ($null -ne $Body) {
        $p.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 10 -Compress }
        $p.ContentType = 'application/json'
    }
    Invoke-RestMethod @p
}

function Reset-Sim {
    Invoke-SimControl -Method DELETE -Path '/_sim/faults' | Out-Null
    Invoke-SimControl -Method POST -Path '/_sim/stats/reset' | Out-Null
}

# A fresh pwsh child process (under 'dotnet pwsh' the process is dotnet, so the child is dotnet + pwsh.dll).
function Invoke-ChildPwsh {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        & $process (Join-Path $PSHOME 'pwsh.dll') @args
    }
    else {
        & $process @args
    }
}
