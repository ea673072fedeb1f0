#requires -Version 7.2
<#
.SYNOPSIS
    Builds, stages, tests, packages and demonstrates the MoSapi module.
.DESCRIPTION
    Build    compiles the module and the simulator and stages an importable module in out/MoSapi.
    Test     runs every test (xunit, then Pester against the simulator) and ends with "N passed, N failed, N skipped".
    Demo     starts the simulator on 127.0.0.1, connects, shows the state of a TLD with an active incident, stops it.
    Package  writes out/MoSapi.<version>.nupkg for the PowerShell Gallery (Publish-PSResource to a local repository).
    Bench    runs the benchmark scenarios against the simulator and writes out/bench.json.
    Clean    removes out/ and the build output.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Run only the Pester files whose name matches (for development); CI runs everything.
    [string] $PesterFilter = '*'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:NO_COLOR = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$Stage = Join-Path $Out 'MoSapi'
$ModuleProject = Join-Path $Root 'src/MoSapi.PowerShell/MoSapi.PowerShell.csproj'
$SimulatorProject = Join-Path $Root 'src/MoSapi.Simulator/MoSapi.Simulator.csproj'
$Version = (Import-PowerShellDataFile (Join-Path $Root 'MoSapi.psd1')).ModuleVersion

. (Join-Path $Root 'tools/Simulator.ps1')

# A child pwsh like this one. Under 'dotnet pwsh' the process is dotnet itself, so the child is dotnet + pwsh.dll.
function Invoke-ChildPwsh {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        & $process (Join-Path $PSHOME 'pwsh.dll') @args
    }
    else {
        & $process @args
    }
}

# A plain function on purpose: an advanced one would take dotnet's -v:q as -Verbose.
function Invoke-Dotnet {
    $Arguments = $args
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Write-Host "Building MoSapi $Version ($Configuration)"
    Invoke-Dotnet build $ModuleProject -c $Configuration "-p:Version=$Version" -nologo '-v:q' '-clp:ErrorsOnly'
    Invoke-Dotnet build $SimulatorProject -c $Configuration "-p:Version=$Version" -nologo '-v:q' '-clp:ErrorsOnly'
    & (Join-Path $Root 'tools/Build-Help.ps1') -AssemblyPath (Join-Path $Root "src/MoSapi.PowerShell/bin/$Configuration/netstandard2.0/MoSapi.PowerShell.dll")

    if (Test-Path $Stage) { Remove-Item $Stage -Recurse -Force }
    $bin = New-Item -ItemType Directory -Path (Join-Path $Stage 'bin') -Force
    $built = Join-Path $Root "src/MoSapi.PowerShell/bin/$Configuration/netstandard2.0"
    # Newtonsoft.Json is shipped for Windows PowerShell; pwsh 7 already has it loaded and uses its own.
    foreach ($file in 'MoSapi.PowerShell.dll', 'Newtonsoft.Json.dll') {
        Copy-Item (Join-Path $built $file) $bin
    }
    Copy-Item (Join-Path $Root 'MoSapi.psd1'), (Join-Path $Root 'MoSapi.Format.ps1xml') $Stage
    Copy-Item (Join-Path $Root 'en-US') $Stage -Recurse
    Copy-Item (Join-Path $Root 'LICENSE') $Stage -ErrorAction SilentlyContinue

    $manifest = Test-ModuleManifest (Join-Path $Stage 'MoSapi.psd1')
    Write-Host "Staged $($manifest.Name) $($manifest.Version) in $Stage"
}

function Get-PesterPath {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $path = Join-Path $packages 'pester/6.2.0/tools/Pester.psd1'
    if (-not (Test-Path $path)) {
        Invoke-Dotnet restore (Join-Path $Root 'tests/deps/MoSapi.TestDeps.csproj') -nologo '-v:q'
    }
    if (-not (Test-Path $path)) { throw "Pester 6.2.0 was not restored to $path." }
    $path
}

function Read-TrxCounts([string] $Directory) {
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $files = @(Get-ChildItem $Directory -Filter *.trx -ErrorAction SilentlyContinue)
    foreach ($file in $files) {
        [xml] $trx = Get-Content $file.FullName -Raw
        $c = $trx.TestRun.ResultSummary.Counters
        $counts.Passed += [int] $c.passed
        $counts.Failed += [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
        $counts.Skipped += [int] $c.notExecuted
    }
    [pscustomobject] @{ Files = $files.Count; Passed = $counts.Passed; Failed = $counts.Failed; Skipped = $counts.Skipped }
}

function Invoke-Test {
    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results -Force | Out-Null

    $passed = 0; $failed = 0; $skipped = 0; $problems = @()
    try { Invoke-Build } catch { $problems += "build failed: $_" }

    if (-not $problems) {
        $sim = Start-MoSapiSimulator -OutDirectory $Out -Configuration $Configuration
        try {
            # xunit: core and hosted-cmdlet tests.
            & dotnet test (Join-Path $Root 'tests/MoSapi.PowerShell.Tests/MoSapi.PowerShell.Tests.csproj') -c $Configuration -nologo `
                "-p:Version=$Version" --results-directory (Join-Path $results 'xunit') --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal'
            $xunitExit = $LASTEXITCODE
            $x = Read-TrxCounts (Join-Path $results 'xunit')
            if ($x.Files -eq 0) { $problems += "xunit produced no results (exit code $xunitExit): a compile error?" }
            elseif ($x.Passed + $x.Failed -eq 0) { $problems += 'xunit ran no tests.' }
            elseif ($xunitExit -ne 0 -and $x.Failed -eq 0) { $problems += "xunit exited with $xunitExit." }
            $passed += $x.Passed; $failed += $x.Failed; $skipped += $x.Skipped
            Write-Host "xunit: $($x.Passed) passed, $($x.Failed) failed, $($x.Skipped) skipped"

            # Pester, in a child pwsh: a loaded module DLL cannot be unloaded, and each run should start clean.
            $pesterJson = Join-Path $results 'pester.json'
            # Passed through the environment: pwsh on Unix would expand a bare '*' argument into file names.
            $env:MOSAPI_PESTER_FILTER = $PesterFilter
            Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Invoke-Pester.ps1') `
                -PesterPath (Get-PesterPath) -ModulePath (Join-Path $Stage 'MoSapi.psd1') -ResultPath $pesterJson
            $pesterExit = $LASTEXITCODE
            if (-not (Test-Path $pesterJson)) { $problems += "Pester wrote no results (exit code $pesterExit)." }
            else {
                $p = Get-Content $pesterJson -Raw | ConvertFrom-Json
                if ($p.Passed + $p.Failed -eq 0) { $problems += 'Pester ran no tests.' }
                if ($p.Errors -gt 0) { $problems += "Pester reported $($p.Errors) container error(s)." }
                $passed += $p.Passed; $failed += $p.Failed; $skipped += $p.Skipped
                Write-Host "Pester: $($p.Passed) passed, $($p.Failed) failed, $($p.Skipped) skipped"
            }
        }
        catch {
            $problems += "test run failed: $_"
        }
        finally {
            Stop-MoSapiSimulator $sim
        }
    }

    foreach ($problem in $problems) { Write-Host "ERROR: $problem" }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $problems -or $passed -eq 0) { exit 1 }
    exit 0
}

function Invoke-Demo {
    Invoke-Build
    $sim = Start-MoSapiSimulator -OutDirectory $Out -Configuration $Configuration
    try {
        Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Demo.ps1') `
            -ModulePath (Join-Path $Stage 'MoSapi.psd1') -BaseUri $sim.BaseUri -CertDirectory $sim.CertDirectory
        if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
    }
    finally {
        Stop-MoSapiSimulator $sim
    }
}

function Invoke-Package {
    Invoke-Build
    Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Package.ps1') -StagePath $Stage -OutDirectory $Out
    if ($LASTEXITCODE -ne 0) { throw "Packaging failed (exit code $LASTEXITCODE)." }
}

function Invoke-Bench {
    Invoke-Build
    $bench = Join-Path $Root 'tools/Bench.ps1'
    if (-not (Test-Path $bench)) { throw 'The benchmark suite (tools/Bench.ps1) is not there yet.' }
    # Latency for the fan-out and range-walk scenarios is switched on per path through the control API.
    $sim = Start-MoSapiSimulator -OutDirectory $Out -Configuration $Configuration -ExtraArguments @('--latency-ms', '0')
    $savedCertFile = $env:SSL_CERT_FILE
    try {
        # The Invoke-RestMethod baseline validates the server like MoSapi does: on Linux and macOS .NET reads its
        # roots from SSL_CERT_FILE, so the child gets the system roots plus the simulator's test CA.
        $systemRoots = @('/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem') |
            Where-Object { Test-Path $_ } | Select-Object -First 1
        if (-not $IsWindows) {
            $bundle = Join-Path $Out 'sim/bench-ca-bundle.crt'
            $parts = @(if ($systemRoots) { Get-Content $systemRoots -Raw }) + (Get-Content (Join-Path $sim.CertDirectory 'ca.crt') -Raw)
            Set-Content -Path $bundle -Value ($parts -join "`n") -NoNewline
            $env:SSL_CERT_FILE = $bundle
        }
        Invoke-ChildPwsh -NoProfile -NonInteractive -File $bench -ModulePath (Join-Path $Stage 'MoSapi.psd1') `
            -Simulator $sim.PortFile -OutDirectory $Out -Configuration $Configuration
        if ($LASTEXITCODE -ne 0) { throw "The benchmark failed (exit code $LASTEXITCODE)." }
    }
    finally {
        $env:SSL_CERT_FILE = $savedCertFile
        Stop-MoSapiSimulator $sim
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
    'Clean' {
        Remove-Item $Out -Recurse -Force -ErrorAction SilentlyContinue
        Get-ChildItem $Root -Include bin, obj -Recurse -Directory | Remove-Item -Recurse -Force
    }
}
