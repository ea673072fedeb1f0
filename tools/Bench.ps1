<#
.SYNOPSIS
    The MoSapi benchmark suite (issue 7): five scenarios against a running simulator, medians against a baseline
    measured in the same process, a table on the host and a JSON file.
.DESCRIPTION
    The machine is shared and noisy, so every number is a ratio against a baseline (Invoke-RestMethod, or the ideal a
    perfect client reaches under the simulator's latency) measured in this process, interleaved with the MoSapi runs,
    after a warm-up. Run it through `dotnet pwsh ./build.ps1 -Task Bench`, which builds, starts the simulator and
    makes the simulator's test CA trusted for this process (SSL_CERT_FILE), so the Invoke-RestMethod baseline validates
    the server certificate just as MoSapi does.
.PARAMETER Quick
    Smaller counts and fewer repetitions, for working on the suite itself; the goals are still evaluated.
.PARAMETER Scenario
    Run only these scenario numbers (1-5).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    # The simulator's port file.
    [Parameter(Mandatory)] [string] $Simulator,
    [string] $OutDirectory = 'out',
    [string] $Configuration = 'Release',
    [switch] $Quick,
    [int[]] $Scenario = @(1, 2, 3, 4, 5)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# Progress rendering would be measured along with the cmdlets and differs between them and the baseline.
$ProgressPreference = 'SilentlyContinue'

$ports = Get-Content $Simulator -Raw | ConvertFrom-Json
$base = "https://127.0.0.1:$($ports.https)"
$control = "http://127.0.0.1:$($ports.control)/_sim"
$certDir = if ($env:MOSAPI_SIM_CERTDIR) { $env:MOSAPI_SIM_CERTDIR } else { $ports.certDir }
$password = if ($env:MOSAPI_SIM_PASSWORD) { $env:MOSAPI_SIM_PASSWORD } else { 'Sim-Passw0rd-7f3a' }
$pfxPassword = if ($env:MOSAPI_SIM_PFXPASSWORD) { $env:MOSAPI_SIM_PFXPASSWORD } else { 'sim-pfx-pass' }
$caPath = Join-Path $certDir 'ca.crt'
$ca = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($caPath)
$securePfx = ConvertTo-SecureString $pfxPassword -AsPlainText -Force
$rspPfx = Join-Path $certDir 'client-rsp.pfx'

# Scenario data (SCENARIO.md, default clock 2026-11-27T12:00:00Z).
$anchor = [DateTimeOffset]::FromUnixTimeSeconds(1795780800)
$bigDocId = '1795780740'
$bigDocPath = "/ry/bigdoc/v2/monitoring/dns/measurements/2026/11/27/$bigDocId"
$fullDay = [DateTime]::new(2026, 11, 26, 0, 0, 0, [DateTimeKind]::Utc)
$latencyMs = 20
$inFlight = 4

$counts = if ($Quick) {
    @{ Calls = 200; Reps = 3; DocReps = 2; BulkTlds = 500; WalkReps = 2; StartupReps = 3 }
}
else {
    @{ Calls = 2000; Reps = 3; DocReps = 5; BulkTlds = 500; WalkReps = 3; StartupReps = 5 }
}

Import-Module $ModulePath -Force
$moduleVersion = (Get-Module MoSapi).Version.ToString()

function Get-Median([double[]] $Values) {
    $sorted = [double[]] ($Values | Sort-Object)
    $n = $sorted.Count
    if ($n -eq 0) { return [double]::NaN }
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Measure-Ms([scriptblock] $Block) {
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $null = & $Block
    $sw.Stop()
    $sw.Elapsed.TotalMilliseconds
}

function Invoke-Sim([string] $Method, [string] $Path, $Body) {
    $request = @{ Method = $Method; Uri = "$control$Path" }
    if ($null -ne $Body) {
        $request.Body = ($Body | ConvertTo-Json -Compress)
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function New-Credential([string] $User) {
    [pscredential]::new($User, (ConvertTo-SecureString $password -AsPlainText -Force))
}

# --- TLS trust of the baseline -------------------------------------------------------------------------------------
# MoSapi validates the server against the named CA. The baseline should validate too; only if the test CA cannot be
# made trusted for this process does it skip validation, and the report says so.
$baselineTls = @{}
$baselineTrust = 'system trust store + simulator CA (SSL_CERT_FILE)'
try {
    $null = Invoke-WebRequest -Uri "$base/ry/example/v2/monitoring/state" -SkipHttpErrorCheck
}
catch {
    $baselineTls = @{ SkipCertificateCheck = $true }
    $baselineTrust = 'Invoke-RestMethod -SkipCertificateCheck (the test CA could not be made trusted: ' + $_.Exception.Message + ')'
}
Write-Host "MoSapi $moduleVersion benchmark against $base; baseline TLS: $baselineTrust"

function New-WebSession([string] $Tld) {
    $session = $null
    $null = Invoke-WebRequest -Uri "$base/ry/$Tld/login" -Credential (New-Credential "${Tld}_ry") -Authentication Basic `
        -SessionVariable session @baselineTls
    $session
}

# What a user of Invoke-RestMethod writes to get what Get-MoSapiState returns: typed dates, one object per service.
function ConvertTo-StateObject($Doc) {
    $services = foreach ($p in $Doc.testedServices.PSObject.Properties) {
        $s = $p.Value
        $incidents = foreach ($i in @(if ($s.PSObject.Properties['incidents']) { $s.incidents })) {
            [pscustomobject] @{
                IncidentId    = $i.incidentID
                Service       = $p.Name
                StartTime     = [DateTimeOffset]::FromUnixTimeSeconds($i.startTime)
                EndTime       = if ($null -ne $i.endTime) { [DateTimeOffset]::FromUnixTimeSeconds($i.endTime) } else { $null }
                FalsePositive = [bool] $i.falsePositive
                State         = $i.state
            }
        }
        [pscustomobject] @{
            Service            = $p.Name
            Status             = $s.status
            EmergencyThreshold = if ($s.PSObject.Properties['emergencyThreshold']) { [double] $s.emergencyThreshold } else { $null }
            Incidents          = @($incidents)
        }
    }
    [pscustomobject] @{
        Tld         = if ($Doc.PSObject.Properties['tld']) { $Doc.tld } else { $null }
        RegistrarId = if ($Doc.PSObject.Properties['registrarID']) { [int] $Doc.registrarID } else { $null }
        Status      = $Doc.status
        LastUpdated = [DateTimeOffset]::FromUnixTimeSeconds($Doc.lastUpdateApiDatabase)
        Version     = [int] $Doc.version
        Services    = @($services)
    }
}

# Samples the managed heap from a background thread: a PowerShell loop could not run while the measured code does.
$heapSamplerSource = @'
using System;
using System.Threading;
namespace MoSapiBench
{
    public sealed class HeapSampler
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        public long Start { get; private set; }
        public long Peak { get; private set; }
        public HeapSampler()
        {
            Start = GC.GetTotalMemory(false);
            Peak = Start;
            _thread = new Thread(Run) { IsBackground = true };
            _thread.Start();
        }
        private void Run()
        {
            while (!_stop)
            {
                var v = GC.GetTotalMemory(false);
                if (v > Peak) Peak = v;
                Thread.Sleep(1);
            }
        }
        public long Stop()
        {
            _stop = true;
            _thread.Join();
            var v = GC.GetTotalMemory(false);
            if (v > Peak) Peak = v;
            return Peak - Start;
        }
    }
}
'@
if (-not ('MoSapiBench.HeapSampler' -as [type])) { Add-Type -TypeDefinition $heapSamplerSource }

# Runs a block with the heap quiet beforehand, returning time, bytes allocated and the peak heap growth it caused.
function Measure-WithMemory([scriptblock] $Block) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $allocated = [GC]::GetTotalAllocatedBytes($true)
    $sampler = [MoSapiBench.HeapSampler]::new()
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $result = & $Block
    $sw.Stop()
    $peak = $sampler.Stop()
    $allocated = [GC]::GetTotalAllocatedBytes($true) - $allocated
    $gcInfo = [GC]::GetGCMemoryInfo()
    $null = $result
    [pscustomobject] @{ Ms = $sw.Elapsed.TotalMilliseconds; Allocated = $allocated; PeakGrowth = $peak; HeapAfterLastGc = $gcInfo.HeapSizeBytes }
}

$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row {
    param([string] $Id, [string] $Name, [double] $MoSapi, [double] $Baseline, [string] $BaselineKind, [double] $Ratio,
        [string] $Goal, [bool] $Met, [hashtable] $Details = @{})
    $rows.Add([pscustomobject] @{
            Id = $Id; Scenario = $Name; MoSapi = $MoSapi; Baseline = $Baseline; BaselineKind = $BaselineKind
            Ratio = $Ratio; Goal = $Goal; Met = $Met; Details = $Details
        })
}

function Reset-Simulator {
    $null = Invoke-Sim DELETE '/faults'
    $null = Invoke-Sim POST '/stats/reset'
}

Reset-Simulator

# --- 1. Per-call overhead ---------------------------------------------------------------------------------------------
if (1 -in $Scenario) {
    Write-Host "1. per-call overhead: $($counts.Calls) sequential calls x $($counts.Reps) repetitions"
    $n = $counts.Calls
    $conn = Connect-MoSapi -BaseUri "$base/" -Tld example -Credential (New-Credential 'example_ry') -TrustedCaCertificate $ca -PassThru
    $url = "$base/ry/example/v2/monitoring/state"
    $moSapiRun = { for ($i = 0; $i -lt $n; $i++) { $null = Get-MoSapiState -Connection $conn } }
    $baselineRun = { for ($i = 0; $i -lt $n; $i++) { $null = ConvertTo-StateObject (Invoke-RestMethod -Uri $url -WebSession $ws @baselineTls) } }

    # One account has one session: each side logs in (outside the clock) before its run, and the login rate limiter
    # is cleared so repetitions never hit it.
    $ws = New-WebSession example
    for ($i = 0; $i -lt 50; $i++) { $null = Get-MoSapiState -Connection $conn }
    $ws = New-WebSession example
    for ($i = 0; $i -lt 50; $i++) { $null = ConvertTo-StateObject (Invoke-RestMethod -Uri $url -WebSession $ws @baselineTls) }

    $m = @(); $b = @()
    for ($r = 0; $r -lt $counts.Reps; $r++) {
        $null = Invoke-Sim POST '/stats/reset'
        $null = Get-MoSapiState -Connection $conn
        $first = ($r % 2) -eq 0
        if ($first) { $m += Measure-Ms $moSapiRun }
        $ws = New-WebSession example
        $b += Measure-Ms $baselineRun
        if (-not $first) { $null = Get-MoSapiState -Connection $conn; $m += Measure-Ms $moSapiRun }
    }
    # Proof that every call went over the wire: the simulator counts MoSapi's state requests in one more run.
    $null = Get-MoSapiState -Connection $conn
    $null = Invoke-Sim POST '/stats/reset'
    $null = & $moSapiRun
    $served = ((Invoke-Sim GET '/stats').requests.PSObject.Properties | Where-Object Name -Like '*/monitoring/state' | Measure-Object Value -Sum).Sum
    Write-Host "   the simulator served $served state requests for $n Get-MoSapiState calls"
    $mm = Get-Median $m; $bm = Get-Median $b
    Add-Row -Id '1' -Name "per-call overhead ($n x Get-MoSapiState)" -MoSapi $mm -Baseline $bm -BaselineKind 'Invoke-RestMethod -WebSession + objects' `
        -Ratio ($mm / $bm) -Goal '<= 0.5 x baseline' -Met (($mm / $bm) -le 0.5) `
        -Details @{ calls = $n; stateRequestsServed = $served; moSapiSamplesMs = $m; baselineSamplesMs = $b; moSapiPerCallMs = $mm / $n; baselinePerCallMs = $bm / $n }
    Disconnect-MoSapi -Connection $conn
}

# --- 2. Large document ------------------------------------------------------------------------------------------------
if (2 -in $Scenario) {
    $commands = Get-Command -Module MoSapi -Name Get-MoSapiMeasurement -ErrorAction SilentlyContinue
    if (-not $commands) {
        Write-Warning '2. skipped: Get-MoSapiMeasurement is not in this build.'
    }
    else {
        Write-Host "2. large document: $($counts.DocReps) repetitions"
        $conn = Connect-MoSapi -BaseUri "$base/" -Tld bigdoc -Credential (New-Credential 'bigdoc_ry') -TrustedCaCertificate $ca -PassThru
        $url = "$base$bigDocPath"
        $ws = New-WebSession bigdoc
        $docBytes = (Invoke-WebRequest -Uri $url -WebSession $ws @baselineTls).RawContentStream.Length
        $moSapiRun = {
            $doc = Get-MoSapiMeasurement -Service dns -MeasurementId $bigDocId -Connection $conn
            # Results is the flat probe x target x IP list users filter on; touching every row proves it is built.
            $rowsSeen = 0
            foreach ($row in $doc.Results) { $rowsSeen++ }
            $script:bigDocRows = $rowsSeen
            $doc
        }
        $baselineRun = { Invoke-RestMethod -Uri $url -WebSession $ws @baselineTls }

        # The MoSapi connection and the web session share one account, so each login ends the other's session.
        $null = & $moSapiRun
        $ws = New-WebSession bigdoc
        $null = & $baselineRun
        $m = @(); $b = @()
        for ($r = 0; $r -lt $counts.DocReps; $r++) {
            $null = Get-MoSapiState -Connection $conn
            $first = ($r % 2) -eq 0
            if ($first) { $m += Measure-WithMemory $moSapiRun }
            $ws = New-WebSession bigdoc
            $b += Measure-WithMemory $baselineRun
            if (-not $first) { $null = Get-MoSapiState -Connection $conn; $m += Measure-WithMemory $moSapiRun }
            $null = Invoke-Sim POST '/stats/reset'
        }
        # This process's GC lets gen0 grow to tens of MB before collecting, so its heap samples show allocation more
        # than live data. A child with a 4 MB gen0 budget collects often and its peak approximates the live peak.
        $memoryScript = Join-Path (New-Item -ItemType Directory -Path (Join-Path $OutDirectory 'bench') -Force) 'memory.ps1'
        Set-Content -Path $memoryScript -Value @'
param($ModulePath, $BaseUri, $CaPath, $PfxPath, $PfxPassword, $Url, $Id, $SamplerSource)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Add-Type -TypeDefinition $SamplerSource
Import-Module $ModulePath
$ca = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($CaPath)
$secure = ConvertTo-SecureString $PfxPassword -AsPlainText -Force
$conn = Connect-MoSapi -BaseUri $BaseUri -Tld bigdoc -CertificatePath $PfxPath -CertificatePassword $secure -TrustedCaCertificate $ca -PassThru
$cert = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($PfxPath, $PfxPassword)
$runs = @{
    moSapi   = { $d = Get-MoSapiMeasurement -Service dns -MeasurementId $Id -Connection $conn; $null = $d.Results.Count; $d }
    baseline = { Invoke-RestMethod -Uri $Url -Certificate $cert }
}
$out = @{}
foreach ($name in 'moSapi', 'baseline') {
    $null = & $runs[$name]
    $peaks = foreach ($i in 1..3) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $sampler = [MoSapiBench.HeapSampler]::new()
        $kept = & $runs[$name]
        $sampler.Stop()
        $kept = $null
    }
    $out[$name] = @($peaks | Sort-Object)[1]
}
$out.gen0Collections = [GC]::CollectionCount(0)
$out | ConvertTo-Json -Compress
'@
        $exe = [Environment]::ProcessPath
        $childArgs = @()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $childArgs = @(Join-Path $PSHOME 'pwsh.dll') }
        $savedGen0 = $env:DOTNET_GCgen0size
        $env:DOTNET_GCgen0size = '400000'
        try {
            $tight = & $exe @childArgs -NoProfile -NonInteractive -File $memoryScript -ModulePath (Resolve-Path $ModulePath).Path -BaseUri "$base/" `
                -CaPath $caPath -PfxPath $rspPfx -PfxPassword $pfxPassword -Url $url -Id $bigDocId -SamplerSource $heapSamplerSource |
                Select-Object -Last 1 | ConvertFrom-Json
        }
        finally { $env:DOTNET_GCgen0size = $savedGen0 }

        $mm = Get-Median $m.Ms; $bm = Get-Median $b.Ms
        $peak = [double] $tight.moSapi; $alloc = Get-Median $m.Allocated
        $details = @{
            documentBytes = $docBytes; resultRows = $script:bigDocRows
            moSapiSamplesMs = $m.Ms; baselineSamplesMs = $b.Ms
            moSapiPeakHeapGrowthBytes = $m.PeakGrowth; moSapiAllocatedBytes = $m.Allocated
            baselinePeakHeapGrowthBytes = $b.PeakGrowth; baselineAllocatedBytes = $b.Allocated
        }
        Add-Row -Id '2a' -Name ('large document ({0:N1} MB, Results expanded) time' -f ($docBytes / 1MB)) -MoSapi $mm -Baseline $bm `
            -BaselineKind 'Invoke-RestMethod' -Ratio ($bm / $mm) -Goal '>= 3 x faster (ratio = baseline/MoSapi)' -Met (($bm / $mm) -ge 3) -Details $details
        Add-Row -Id '2b' -Name 'large document peak managed heap growth, 4 MB gen0 (MB)' -MoSapi ($peak / 1MB) -Baseline ($docBytes / 1MB) `
            -BaselineKind 'document size' -Ratio ($peak / $docBytes) -Goal '<= 4 x document' -Met (($peak / $docBytes) -le 4) `
            -Details @{
                allocatedMB = $alloc / 1MB; allocatedPerDocumentByte = $alloc / $docBytes
                peakDefaultGcMB = (Get-Median $m.PeakGrowth) / 1MB
                baselinePeakTightGen0MB = [double] $tight.baseline / 1MB
                baselinePeakDefaultGcMB = (Get-Median $b.PeakGrowth) / 1MB; baselineAllocatedMB = (Get-Median $b.Allocated) / 1MB
            }
        Disconnect-MoSapi -Connection $conn
    }
}

# --- 3. Fan-out at the service's limit --------------------------------------------------------------------------------
if (3 -in $Scenario) {
    $tlds = 1..$counts.BulkTlds | ForEach-Object { 'tld{0:000}' -f $_ }
    Write-Host "3. fan-out: $($tlds.Count) TLDs over one certificate, $latencyMs ms latency, $($counts.Reps) repetitions"
    $conns = Connect-MoSapi -BaseUri "$base/" -Tld $tlds -CertificatePath $rspPfx -CertificatePassword $securePfx -TrustedCaCertificate $ca -PassThru
    $null = Get-MoSapiState -Connection $conns
    $null = Invoke-Sim POST '/faults' @{ kind = 'latency'; ms = $latencyMs; count = -1; path = '/ry/tld' }
    $ideal = [math]::Ceiling($tlds.Count / $inFlight) * $latencyMs
    $m = @(); $peaks = @(); $rejected = 0; $missing = 0; $cpus = @()
    for ($r = 0; $r -lt $counts.Reps; $r++) {
        $null = Invoke-Sim POST '/stats/reset'
        $out = $null
        $cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
        $m += Measure-Ms { $script:out = @(Get-MoSapiState -Connection $conns -ErrorVariable +fanErrors -ErrorAction SilentlyContinue) }
        $cpus += ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu).TotalMilliseconds
        $stats = Invoke-Sim GET '/stats'
        $peaks += @($stats.peakInFlightPerCert.PSObject.Properties.Value | Measure-Object -Maximum).Maximum
        $rejected += $stats.rejectedInFlight
        $missing += $tlds.Count - $script:out.Count
    }
    $null = Invoke-Sim DELETE '/faults'
    $mm = Get-Median $m
    $peak = ($peaks | Measure-Object -Maximum).Maximum
    $exact = @($peaks | Where-Object { $_ -ne $inFlight }).Count -eq 0
    Add-Row -Id '3' -Name "fan-out, $($tlds.Count) TLDs / 1 certificate" -MoSapi $mm -Baseline $ideal -BaselineKind "ideal ceil($($tlds.Count)/$inFlight) x $latencyMs ms" `
        -Ratio ($mm / $ideal) -Goal "<= 1.15 x ideal, peak in flight = $inFlight" -Met ((($mm / $ideal) -le 1.15) -and $exact -and $missing -eq 0) `
        -Details @{ samplesMs = $m; peakInFlightPerRep = $peaks; rejectedInFlight = $rejected; missingStates = $missing; clientCpuMs = (Get-Median $cpus) }
    Write-Host ("   peak in flight per repetition: {0}; rejected: {1}; missing states: {2}" -f ($peaks -join ','), $rejected, $missing)
    Disconnect-MoSapi -Connection $conns
}

# --- 4. Range walks ---------------------------------------------------------------------------------------------------
if (4 -in $Scenario) {
    Write-Host "4. range walks at $latencyMs ms latency, $($counts.WalkReps) repetitions"
    $conns = Connect-MoSapi -BaseUri "$base/" -Tld outage, example -CertificatePath $rspPfx -CertificatePassword $securePfx -TrustedCaCertificate $ca -PassThru
    $outage = $conns | Where-Object Tld -EQ 'outage'
    $example = $conns | Where-Object Tld -EQ 'example'
    $start = $anchor.AddDays(-365).UtcDateTime
    $end = $anchor.UtcDateTime
    $incidentRun = { Get-MoSapiIncident -Service dns -Start $start -End $end -Connection $outage }
    $hasMeasurement = [bool] (Get-Command -Module MoSapi -Name Get-MoSapiMeasurement -ErrorAction SilentlyContinue)
    $measurementRun = { Get-MoSapiMeasurement -Service dns -Date $fullDay -Detailed -Connection $example }

    $null = & $incidentRun
    if ($hasMeasurement) { $null = Get-MoSapiMeasurement -Service dns -Date $fullDay -Connection $example }
    $null = Invoke-Sim POST '/faults' @{ kind = 'latency'; ms = $latencyMs; count = -1; path = '/ry/' }

    $walks = @(
        @{ Id = '4a'; Name = 'range walk: incidents over 365 days'; Run = $incidentRun; Enabled = $true
            # 365 days in windows of at most 31 days; the windows are independent.
            Ideal = [math]::Ceiling(12 / $inFlight) * $latencyMs; IdealText = "ceil(12/$inFlight) x $latencyMs ms"
        }
        @{ Id = '4b'; Name = 'range walk: a day of DNS measurements with documents'; Run = $measurementRun; Enabled = $hasMeasurement
            # The day's listing must come first; then 1,440 independent documents.
            Ideal = $latencyMs + [math]::Ceiling(1440 / $inFlight) * $latencyMs; IdealText = "$latencyMs ms + ceil(1440/$inFlight) x $latencyMs ms"
        }
    )
    foreach ($walk in $walks) {
        if (-not $walk.Enabled) { Write-Warning "$($walk.Id) skipped: the cmdlet is not in this build."; continue }
        $m = @(); $requests = @(); $peaks = @(); $objects = 0; $cpus = @()
        for ($r = 0; $r -lt $counts.WalkReps; $r++) {
            $null = Invoke-Sim POST '/stats/reset'
            $cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
            $m += Measure-Ms { $script:walkOut = @(& $walk.Run) }
            $cpus += ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu).TotalMilliseconds
            $objects = $script:walkOut.Count
            $stats = Invoke-Sim GET '/stats'
            $requests += $stats.total
            $peaks += @($stats.peakInFlightPerCert.PSObject.Properties.Value | Measure-Object -Maximum).Maximum
        }
        $mm = Get-Median $m
        Add-Row -Id $walk.Id -Name $walk.Name -MoSapi $mm -Baseline $walk.Ideal -BaselineKind "ideal $($walk.IdealText)" `
            -Ratio ($mm / $walk.Ideal) -Goal '<= 1.2 x ideal' -Met (($mm / $walk.Ideal) -le 1.2) `
            -Details @{ samplesMs = $m; requests = $requests; peakInFlight = $peaks; objects = $objects; clientCpuMs = (Get-Median $cpus) }
        Write-Host ("   {0}: {1} objects, requests {2}, peak in flight {3}" -f $walk.Id, $objects, ($requests -join ','), ($peaks -join ','))
    }
    $null = Invoke-Sim DELETE '/faults'
    Disconnect-MoSapi -Connection $conns
}

# --- 5. Start-up ------------------------------------------------------------------------------------------------------
if (5 -in $Scenario) {
    Write-Host "5. start-up: fresh pwsh with and without Import-Module MoSapi, $($counts.StartupReps) repetitions each"
    $exe = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    # The staged module's parent on PSModulePath, so the child imports it by name as a user would.
    $moduleRoot = Split-Path (Split-Path (Resolve-Path $ModulePath) -Parent) -Parent
    $savedPath = $env:PSModulePath
    $env:PSModulePath = $moduleRoot + [IO.Path]::PathSeparator + $env:PSModulePath
    try {
        # A manifest module with nothing in it separates PowerShell's own first-import cost from MoSapi's.
        $emptyRoot = New-Item -ItemType Directory -Path (Join-Path $OutDirectory 'bench/modules/MoSapiBenchEmpty') -Force
        Set-Content -Path (Join-Path $emptyRoot 'MoSapiBenchEmpty.psd1') -Value "@{ ModuleVersion = '1.0'; GUID = '0c9a4f57-3b6e-4d0c-9d7e-5c1f0e8a2b31' }"
        $env:PSModulePath = $moduleRoot + [IO.Path]::PathSeparator + (Split-Path $emptyRoot -Parent) + [IO.Path]::PathSeparator + $savedPath
        $plain = $prefix + @('-NoProfile', '-NonInteractive', '-Command', 'exit 0')
        $import = $prefix + @('-NoProfile', '-NonInteractive', '-Command', 'Import-Module MoSapi -ErrorAction Stop; exit 0')
        $empty = $prefix + @('-NoProfile', '-NonInteractive', '-Command', 'Import-Module MoSapiBenchEmpty -ErrorAction Stop; exit 0')
        & $exe @plain; & $exe @empty; & $exe @import
        if ($LASTEXITCODE -ne 0) { throw 'A fresh pwsh could not import MoSapi by name.' }
        $m = @(); $b = @(); $e = @()
        for ($r = 0; $r -lt $counts.StartupReps; $r++) {
            if ($r % 2) { $m += Measure-Ms { & $exe @import }; $e += Measure-Ms { & $exe @empty }; $b += Measure-Ms { & $exe @plain } }
            else { $b += Measure-Ms { & $exe @plain }; $e += Measure-Ms { & $exe @empty }; $m += Measure-Ms { & $exe @import } }
        }
    }
    finally { $env:PSModulePath = $savedPath }
    $mm = Get-Median $m; $bm = Get-Median $b; $em = Get-Median $e
    Add-Row -Id '5' -Name 'start-up: fresh pwsh + Import-Module MoSapi' -MoSapi $mm -Baseline $bm -BaselineKind 'fresh pwsh, no import' `
        -Ratio ($mm / $bm) -Goal '<= 150 ms added' -Met (($mm - $bm) -le 150) `
        -Details @{ addedMs = $mm - $bm; emptyModuleMedianMs = $em; addedOverEmptyModuleMs = $mm - $em; moSapiSamplesMs = $m; baselineSamplesMs = $b; emptyModuleSamplesMs = $e }
}

Reset-Simulator

# --- Report -----------------------------------------------------------------------------------------------------------
$table = foreach ($row in $rows) {
    [pscustomobject] @{
        '#'          = $row.Id
        Scenario     = $row.Scenario
        'MoSapi'     = '{0:N1}' -f $row.MoSapi
        'Baseline'   = '{0:N1}' -f $row.Baseline
        'Baseline is'= $row.BaselineKind
        Ratio        = '{0:N2}' -f $row.Ratio
        Goal         = $row.Goal
        'Met?'       = if ($row.Met) { 'yes' } else { 'NO' }
    }
}
Write-Host ''
Write-Host 'Times are medians in ms (2b: MB). Ratio = MoSapi / baseline, except 2a (baseline / MoSapi) and 5 (MoSapi / baseline; the goal is on the difference).'
$table | Format-Table -AutoSize | Out-String -Width 250 | Write-Host
foreach ($row in $rows | Where-Object Id -EQ '5') {
    Write-Host ('Start-up: {0:N0} ms added by Import-Module MoSapi; importing an empty manifest module adds {1:N0} ms, so MoSapi itself adds {2:N0} ms over any first import.' -f `
            $row.Details.addedMs, ($row.Details.emptyModuleMedianMs - $row.Baseline), $row.Details.addedOverEmptyModuleMs)
}
foreach ($row in $rows | Where-Object { $_.Details.ContainsKey('clientCpuMs') }) {
    Write-Host ('{0}: this process used {1:N0} ms of CPU per run (median) on {2} processors shared with the simulator.' -f $row.Id, $row.Details.clientCpuMs, [Environment]::ProcessorCount)
}
foreach ($row in $rows | Where-Object Id -EQ '2b') {
    Write-Host ('Large document: MoSapi allocates {0:N1} MB ({1:N1} x the document); peak heap growth {2:N1} MB with a 4 MB gen0 budget, {3:N1} MB under the default GC settings. Invoke-RestMethod: peak {4:N1} MB (4 MB gen0), {5:N1} MB allocated.' -f `
            $row.Details.allocatedMB, $row.Details.allocatedPerDocumentByte, $row.MoSapi, $row.Details.peakDefaultGcMB, $row.Details.baselinePeakTightGen0MB, $row.Details.baselineAllocatedMB)
}

$report = [ordered] @{
    module        = $moduleVersion
    configuration = $Configuration
    quick         = [bool] $Quick
    date          = [DateTimeOffset]::UtcNow.ToString('o')
    machine       = @{ os = [Runtime.InteropServices.RuntimeInformation]::OSDescription; processors = [Environment]::ProcessorCount; powershell = $PSVersionTable.PSVersion.ToString(); dotnet = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription }
    baselineTls   = $baselineTrust
    latencyMs     = $latencyMs
    scenarios     = @($rows | ForEach-Object {
            [ordered] @{ id = $_.Id; scenario = $_.Scenario; moSapi = $_.MoSapi; baseline = $_.Baseline; baselineIs = $_.BaselineKind
                ratio = $_.Ratio; goal = $_.Goal; met = $_.Met; details = $_.Details }
        })
}
$null = New-Item -ItemType Directory -Path $OutDirectory -Force
$jsonPath = Join-Path $OutDirectory 'bench.json'
$report | ConvertTo-Json -Depth 6 | Set-Content -Path $jsonPath -Encoding utf8
Write-Host "Wrote $jsonPath"
