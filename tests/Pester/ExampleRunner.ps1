# Runs help examples and README recipes as a user would: each in a fresh runspace with the staged module, against
# the running simulator. Dot-sourced after TestHelpers.ps1. The prepared runspace (docs/help/README.md):
# - Connect-MoSapi goes to the simulator ($PSDefaultParameterValues: -BaseUri, -TrustedCaCertificate);
# - Get-Credential returns the simulator's account for the user name asked for; Read-Host -AsSecureString returns
#   the PFX password;
# - the working directory holds rsp.pfx, rsp.crt, rsp.key (a certificate for every registry TLD), ca.crt, tlds.txt;
# - the simulator's documented address, certificate folder, password and port file are replaced by this run's.

function New-ExampleSandbox {
    $dir = Join-Path ([IO.Path]::GetTempPath()) ("mosapi-examples-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $dir
    Copy-Item (Join-Path $Sim.CertDir 'client-rsp.pfx') (Join-Path $dir 'rsp.pfx')
    Copy-Item (Join-Path $Sim.CertDir 'client-rsp.crt') (Join-Path $dir 'rsp.crt')
    Copy-Item (Join-Path $Sim.CertDir 'client-rsp.key') (Join-Path $dir 'rsp.key')
    Copy-Item $Sim.CaPath (Join-Path $dir 'ca.crt')
    Set-Content (Join-Path $dir 'tlds.txt') -Value 'example', 'outage'
    $dir
}

$script:ExamplePreamble = {
    param($ModulePath, $Sandbox, $BaseUri, $CaPath, $SimPassword, $PfxPassword, [switch] $Connect)
    Import-Module $ModulePath
    Set-Location $Sandbox
    $global:MoSapiExampleSecrets = @{ Password = $SimPassword; PfxPassword = $PfxPassword }
    function global:Get-Credential {
        param([Parameter(Position = 0)] [string] $UserName = 'example_ry', [string] $Message, [string] $Title)
        [pscredential]::new($UserName, (ConvertTo-SecureString $global:MoSapiExampleSecrets.Password -AsPlainText -Force))
    }
    function global:Read-Host {
        param([Parameter(Position = 0)] $Prompt, [switch] $AsSecureString, [switch] $MaskInput)
        if ($AsSecureString) { $global:MoSapiExampleSecrets.PfxPassword } else { 'example' }
    }
    $global:PSDefaultParameterValues['Connect-MoSapi:BaseUri'] = $BaseUri
    $global:PSDefaultParameterValues['Connect-MoSapi:TrustedCaCertificate'] = $CaPath
    if ($Connect) {
        Connect-MoSapi -Tld example, outage -Credential (Get-Credential '{tld}_ry')
        Connect-MoSapi -RegistrarId 9999 -Credential (Get-Credential rr9999)
    }
}

function Invoke-Example {
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] [string] $Sandbox, [switch] $Connect, [int] $TimeoutSec = 120)
    $Code = $Code.Replace('https://127.0.0.1:8443/', $Sim.BaseUri).
        Replace('./sim-certs/', ($Sim.CertDir.TrimEnd('/', '\') + '/')).
        Replace('./sim/ports.json', $env:MOSAPI_SIM_PORTFILE).
        Replace('Sim-Passw0rd-7f3a', $Sim.Password)
    $runspace = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    try {
        $null = $ps.AddScript($script:ExamplePreamble.ToString()).AddParameters(@{
                ModulePath = $script:ModulePath; Sandbox = $Sandbox; BaseUri = $Sim.BaseUri; CaPath = $Sim.CaPath
                SimPassword = $Sim.Password; PfxPassword = $Sim.PfxPassword; Connect = $Connect.IsPresent
            })
        $ps.Invoke()
        if ($ps.Streams.Error.Count) { throw "Preparing the runspace failed: $($ps.Streams.Error[0])" }
        $ps.Commands.Clear()
        $null = $ps.AddScript($Code + "`n").AddCommand('Out-String').AddParameter('Width', 120)
        $async = $ps.BeginInvoke()
        if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSec))) {
            $ps.Stop()
            throw "The code did not finish within $TimeoutSec s."
        }
        $output = $ps.EndInvoke($async) -join ''
        [pscustomobject] @{
            Output   = $output
            Warnings = @($ps.Streams.Warning | ForEach-Object Message)
            Errors   = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
        }
    }
    finally {
        $ps.Dispose()
        $runspace.Dispose()
    }
}
