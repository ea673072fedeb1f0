# Starting and stopping the MoSAPI simulator for build.ps1 (tests, demo, benchmarks). Dot-sourced.

function Start-MoSapiSimulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $OutDirectory,
        [string] $Configuration = 'Release',
        [string[]] $ExtraArguments = @(),
        [int] $TimeoutSec = 60
    )
    $root = Split-Path $PSScriptRoot -Parent
    $dll = Join-Path $root "src/MoSapi.Simulator/bin/$Configuration/net10.0/MoSapi.Simulator.dll"
    if (-not (Test-Path $dll)) { throw "The simulator is not built ($dll). Run ./build.ps1 -Task Build first." }

    $simDir = New-Item -ItemType Directory -Path (Join-Path $OutDirectory 'sim') -Force
    $certDir = Join-Path $OutDirectory 'certs'
    $portFile = Join-Path $simDir 'ports.json'
    Remove-Item $portFile -ErrorAction SilentlyContinue
    # A fresh password per run, so a leak test can search every output for it.
    $password = 'Sim-' + [guid]::NewGuid().ToString('N').Substring(0, 16)
    $pfxPassword = 'sim-pfx-pass'

    $arguments = @($dll, '--port-file', $portFile, '--cert-dir', $certDir, '--regenerate-certs',
        '--password', $password, '--pfx-password', $pfxPassword, '--parent-pid', $PID) + $ExtraArguments
    $log = Join-Path $simDir 'simulator.log'
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError (Join-Path $simDir 'simulator.err.log')

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (Test-Path $portFile)) {
        if ($process.HasExited) {
            $err = Get-Content (Join-Path $simDir 'simulator.err.log') -Raw -ErrorAction SilentlyContinue
            throw "The simulator exited with code $($process.ExitCode) before it was ready. $err"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            $process.Kill($true)
            throw "The simulator was not ready within $TimeoutSec s."
        }
        Start-Sleep -Milliseconds 100
    }
    $ports = Get-Content $portFile -Raw | ConvertFrom-Json
    $baseUri = "https://127.0.0.1:$($ports.https)/"

    # Child processes (Pester, xunit, the demo) find the simulator through these.
    $env:MOSAPI_SIM_BASEURI = $baseUri
    $env:MOSAPI_SIM_PORTFILE = $portFile
    $env:MOSAPI_SIM_CERTDIR = $certDir
    $env:MOSAPI_SIM_PASSWORD = $password
    $env:MOSAPI_SIM_PFXPASSWORD = $pfxPassword
    Write-Host "Simulator ready at $baseUri (pid $($process.Id))"

    [pscustomobject] @{
        Process       = $process
        BaseUri       = $baseUri
        PortFile      = $portFile
        Ports         = $ports
        CertDirectory = $certDir
        Password      = $password
        PfxPassword   = $pfxPassword
    }
}

function Stop-MoSapiSimulator {
    param($Simulator)
    if ($null -eq $Simulator -or $null -eq $Simulator.Process) { return }
    if (-not $Simulator.Process.HasExited) {
        try { $Simulator.Process.Kill($true) } catch { }
        $null = $Simulator.Process.WaitForExit(10000)
    }
    foreach ($name in 'MOSAPI_SIM_BASEURI', 'MOSAPI_SIM_PORTFILE', 'MOSAPI_SIM_CERTDIR', 'MOSAPI_SIM_PASSWORD', 'MOSAPI_SIM_PFXPASSWORD') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
    Write-Host 'Simulator stopped.'
}
