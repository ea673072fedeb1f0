#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Resilience and security against the simulator with faults switched on: the fault matrix (every data cmdlet family
# × every fault, with the requests the simulator saw and a duration bound), secrets in every output, and concurrency
# over one certificate and across parallel runspaces.

BeforeDiscovery {
    # One row per cmdlet family. Each reads one document of one entity, so the simulator's request count for Path is
    # exactly the number of attempts the client made.
    $script:Families = @(
        @{ Family = 'state'; Cmdlet = 'GetMoSapiStateCommand'; Tld = 'example' }
        @{ Family = 'alarm'; Cmdlet = 'GetMoSapiAlarmCommand'; Tld = 'example' }
        @{ Family = 'downtime'; Cmdlet = 'GetMoSapiDowntimeCommand'; Tld = 'example' }
        @{ Family = 'incident'; Cmdlet = 'GetMoSapiIncidentCommand'; Tld = 'outage' }
        @{ Family = 'false positive'; Cmdlet = 'GetMoSapiFalsePositiveCommand'; Tld = 'outage' }
        @{ Family = 'measurement'; Cmdlet = 'GetMoSapiMeasurementCommand'; Tld = 'outage' }
        @{ Family = 'METRICA'; Cmdlet = 'GetMoSapiDaarReportCommand'; Tld = 'example' }
        @{ Family = 'mtr'; Cmdlet = 'GetMoSapiMtrReportCommand'; Tld = 'example' }
    )

    # Every fault with its expected outcome. Retries override -MaximumRetryCount (default here 3); Requests is what
    # the simulator must have seen on the path; Logins counts successful logins including the one of Connect-MoSapi.
    $script:Faults = @(
        @{ Fault = 'latency beyond -TimeoutSec, once'; Spec = @{ kind = 'latency'; ms = 2500; count = 1 }; Requests = 2; Logins = 1; ErrorId = $null; MinSec = 0.9 }
        @{ Fault = 'latency beyond -TimeoutSec, always'; Spec = @{ kind = 'latency'; ms = 2500; count = -1 }; Retries = 1; Requests = 2; Logins = 1; ErrorId = 'MoSapiTimeout'; MinSec = 1.9 }
        @{ Fault = '503 twice without Retry-After'; Spec = @{ kind = 'status'; status = 503; count = 2 }; Requests = 3; Logins = 1; ErrorId = $null }
        @{ Fault = '503 twice with Retry-After 1'; Spec = @{ kind = 'status'; status = 503; count = 2; retryAfter = '1' }; Requests = 3; Logins = 1; ErrorId = $null; MinSec = 1.9 }
        @{ Fault = '504 on every attempt'; Spec = @{ kind = 'status'; status = 504; count = -1 }; Requests = 4; Logins = 1; ErrorId = 'MoSapiServerError' }
        @{ Fault = '429 with Retry-After in seconds'; Spec = @{ kind = 'status'; status = 429; count = 1; retryAfter = '1' }; Requests = 2; Logins = 1; ErrorId = $null; MinSec = 0.9 }
        @{ Fault = '429 with Retry-After as an HTTP date'; Spec = @{ kind = 'status'; status = 429; count = 1 }; RetryAfterDate = 2; Requests = 2; Logins = 1; ErrorId = $null; MinSec = 0.8 }
        @{ Fault = '429 with Retry-After above the cap'; Spec = @{ kind = 'status'; status = 429; count = 1; retryAfter = '3600' }; Requests = 1; Logins = 1; ErrorId = 'MoSapiRateLimited'; Message = '3600 s' }
        @{ Fault = 'HTML 502 page once'; Spec = @{ kind = 'html'; status = 502; count = 1 }; Requests = 2; Logins = 1; ErrorId = $null }
        @{ Fault = 'HTML 502 page on every attempt'; Spec = @{ kind = 'html'; status = 502; count = -1 }; Requests = 4; Logins = 1; ErrorId = 'MoSapiServerError'; Message = 'HTML page' }
        @{ Fault = 'truncated body'; Spec = @{ kind = 'truncate'; count = 1 }; Requests = 1; Logins = 1; ErrorId = 'MoSapiInvalidResponse' }
        @{ Fault = 'invalid JSON'; Spec = @{ kind = 'invalidJson'; count = 1 }; Requests = 1; Logins = 1; ErrorId = 'MoSapiInvalidResponse' }
        @{ Fault = 'connection dropped mid-body'; Spec = @{ kind = 'drop'; count = 1 }; Requests = 2; Logins = 1; ErrorId = $null }
        @{ Fault = 'connection dropped mid-body on every attempt'; Spec = @{ kind = 'drop'; count = -1 }; Requests = 4; Logins = 1; ErrorId = 'MoSapiConnectionFailed' }
        @{ Fault = 'session expiry'; Spec = @{ kind = 'expireSession'; count = 1 }; Requests = 2; Logins = 2; ErrorId = $null }
        @{ Fault = 'session eviction'; Spec = @{ kind = 'evictSession'; count = 1 }; Requests = 2; Logins = 2; ErrorId = $null }
        @{ Fault = 'a second 401 after the re-login'; Spec = @{ kind = 'status'; status = 401; count = 2 }; Requests = 2; Logins = 2; ErrorId = 'MoSapiAuthenticationFailed' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Real identifiers from the scenario, read once without faults, so the matrix never hard-codes scenario data.
    Reset-Sim
    Connect-SimCertificate -Tld example, outage | Out-Null
    $incident = Get-MoSapiIncident -Tld outage -Service dns | Select-Object -First 1
    $measurement = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId $incident.IncidentId | Select-Object -First 1
    $mtr = Get-MoSapiMtrReport -Tld example -ListOnly | Select-Object -First 1
    Disconnect-MoSapi
    $script:Ids = @{
        Incident    = $incident.IncidentId
        Measurement = $measurement.MeasurementId
        MtrDay      = $mtr.Date
        MtrFile     = $mtr.FileName
    }

    # Each family's invocation and the path (prefix) whose requests it makes.
    function Get-Family([string] $Family) {
        $i = $script:Ids
        switch ($Family) {
            'state' { @{ Path = '/ry/example/v2/monitoring/state'; Run = { Get-MoSapiState -Tld example } } }
            'alarm' { @{ Path = '/ry/example/v2/monitoring/dns/alarmed'; Run = { Get-MoSapiAlarm -Tld example -Service dns } } }
            'downtime' { @{ Path = '/ry/example/v2/monitoring/dns/downtime'; Run = { Get-MoSapiDowntime -Tld example -Service dns } } }
            'incident' { @{ Path = '/ry/outage/v2/monitoring/dns/incidents'; Run = { Get-MoSapiIncident -Tld outage -Service dns } } }
            'false positive' {
                @{ Path = "/ry/outage/v2/monitoring/dns/incidents/$($i.Incident)/falsePositive"
                    Run = { Get-MoSapiFalsePositive -Tld outage -Service dns -IncidentId $script:Ids.Incident } }
            }
            'measurement' {
                @{ Path = "/ry/outage/v2/monitoring/dns/incidents/$($i.Incident)/$($i.Measurement)"
                    Run = { Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId $script:Ids.Incident -MeasurementId $script:Ids.Measurement } }
            }
            'METRICA' { @{ Path = '/ry/example/v2/metrica/domainList/latest'; Run = { Get-MoSapiDaarReport -Tld example } } }
            'mtr' {
                @{ Path = '/ry/example/v2/networkTroubleshooting/mtr/' + $i.MtrDay.ToString('yyyy/MM/dd') + '/' + $i.MtrFile.Split('-')[0]
                    Run = { Get-MoSapiMtrReport -Tld example -Date $script:Ids.MtrDay -FileName $script:Ids.MtrFile } }
            }
            default { throw "Unknown family $Family" }
        }
    }

    # Requests the simulator saw on every path that starts with Prefix.
    function Get-RequestCount([string] $Prefix) {
        $requests = (Invoke-SimControl -Path '/_sim/stats').requests
        $sum = 0
        foreach ($p in $requests.PSObject.Properties) {
            if ($p.Name.StartsWith($Prefix, [StringComparison]::OrdinalIgnoreCase)) { $sum += $p.Value }
        }
        $sum
    }

    function Get-LoginCount([string] $Account) {
        $n = (Invoke-SimControl -Path '/_sim/stats').logins.$Account
        if ($null -eq $n) { 0 } else { $n }
    }
}

AfterAll {
    Disconnect-MoSapi -ErrorAction SilentlyContinue
    Reset-Sim
}

Describe 'Fault matrix: <Family>' -ForEach $Families {
    BeforeEach { Reset-Sim }
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It '<Fault>' -ForEach $Faults {
        $f = Get-Family $Family
        $retries = if ($_.ContainsKey('Retries')) { $Retries } else { 3 }
        Connect-SimPassword -Tld $Tld -Extra @{ MaximumRetryCount = $retries; RetryIntervalSec = 0.05; TimeoutSec = 1 } | Out-Null

        $spec = $Spec.Clone()
        $spec.path = $f.Path
        if ($_.ContainsKey('RetryAfterDate')) { $spec.retryAfter = [DateTimeOffset]::UtcNow.AddSeconds($RetryAfterDate).ToString('R') }
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body $spec | Out-Null

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $all = @(& $f.Run 2>&1)
        $watch.Stop()
        $err = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $out = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })

        if ($ErrorId) {
            $out | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MoSapi.Commands.$Cmdlet"
            if ($_.ContainsKey('Message')) { $err[0].Exception.Message | Should -BeLike "*$Message*" }
        }
        else {
            $err | Should -BeNullOrEmpty
            $out | Should -Not -BeNullOrEmpty
        }
        Get-RequestCount $f.Path | Should -Be $Requests
        Get-LoginCount "$($Tld)_ry" | Should -Be $Logins
        if ($_.ContainsKey('MinSec')) { $watch.Elapsed.TotalSeconds | Should -BeGreaterThan $MinSec }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }
}

Describe 'Retries stay bounded and are configurable' {
    BeforeEach { Reset-Sim }
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It '-MaximumRetryCount <Retries> makes <Expected> attempts against a service that always answers 503' -ForEach @(
        @{ Retries = 0; Expected = 1 }
        @{ Retries = 5; Expected = 6 }
    ) {
        Connect-SimPassword -Tld example -Extra @{ MaximumRetryCount = $Retries; RetryIntervalSec = 0.05 } | Out-Null
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/example/v2/monitoring/state'; kind = 'status'; status = 503; count = -1 } | Out-Null
        $err = $null
        Get-MoSapiState -Tld example -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiServerError,MoSapi.Commands.GetMoSapiStateCommand'
        (Invoke-SimControl -Path '/_sim/stats').requests.'/ry/example/v2/monitoring/state' | Should -Be $Expected
    }

    It '<Status> is never retried' -ForEach @(
        @{ Status = 400; ErrorId = 'MoSapiBadRequest' }
        @{ Status = 403; ErrorId = 'MoSapiAccessDenied' }
        @{ Status = 404; ErrorId = 'MoSapiNotFound' }
    ) {
        Connect-SimPassword -Tld example -Extra @{ RetryIntervalSec = 0.05 } | Out-Null
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/example/v2/monitoring/state'; kind = 'status'; status = $Status; count = -1 } | Out-Null
        $err = $null
        Get-MoSapiState -Tld example -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MoSapi.Commands.GetMoSapiStateCommand"
        (Invoke-SimControl -Path '/_sim/stats').requests.'/ry/example/v2/monitoring/state' | Should -Be 1
    }

    It 'a certificate connection answered 401 is not retried and needs no login' {
        Connect-SimCertificate -Tld example -Extra @{ RetryIntervalSec = 0.05 } | Out-Null
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/example/v2/monitoring/state'; kind = 'status'; status = 401; count = -1 } | Out-Null
        { Get-MoSapiState -Tld example -ErrorAction Stop } | Should -Throw -ErrorId 'MoSapiAuthenticationFailed,MoSapi.Commands.GetMoSapiStateCommand'
        $stats = Invoke-SimControl -Path '/_sim/stats'
        $stats.requests.'/ry/example/v2/monitoring/state' | Should -Be 1
        @($stats.logins.PSObject.Properties).Count | Should -Be 0
    }

    It 'a failure of one TLD among several is non-terminating and the others still return' {
        Connect-SimCertificate -Tld example, outage, maint -Extra @{ MaximumRetryCount = 1; RetryIntervalSec = 0.05 } | Out-Null
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/outage/v2/monitoring/state'; kind = 'status'; status = 503; count = -1 } | Out-Null
        $err = $null
        $states = Get-MoSapiState -ErrorVariable err -ErrorAction SilentlyContinue
        $states.Tld | Should -Be @('example', 'maint')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiServerError,MoSapi.Commands.GetMoSapiStateCommand'
        $err[0].TargetObject | Should -Not -BeNullOrEmpty
    }
}

Describe 'Logging' {
    BeforeEach { Reset-Sim }
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It '-Verbose writes one line per exchange with method, path, status, milliseconds and the retry number' {
        Connect-SimPassword -Tld example -Extra @{ RetryIntervalSec = 0.05 } | Out-Null
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/example/v2/monitoring/state'; kind = 'status'; status = 503; count = 2 } | Out-Null
        $verbose = Get-MoSapiState -Tld example -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $exchanges = @($verbose | Where-Object { $_ -match '^MoSAPI GET ' })
        $exchanges | Should -HaveCount 3
        $exchanges[0] | Should -Match '^MoSAPI GET /ry/example/v2/monitoring/state -> 503 Service Unavailable \(\d+ ms\)$'
        $exchanges[1] | Should -Match '^MoSAPI GET /ry/example/v2/monitoring/state -> 503 Service Unavailable \(\d+ ms, retry 1\)$'
        $exchanges[2] | Should -Match '^MoSAPI GET /ry/example/v2/monitoring/state -> 200 OK \(\d+ ms, retry 2\)$'
    }

    It '-Debug shows headers with Authorization, Cookie and Set-Cookie values redacted' {
        $debug = & {
            $DebugPreference = 'Continue'
            Connect-SimPassword -Tld example -Extra @{ Debug = $true } | Out-Null
            Get-MoSapiState -Tld example -Debug | Out-Null
        } 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $text = $debug -join "`n"
        $text | Should -Match 'Authorization: Basic \[redacted\]'
        $text | Should -Match 'Cookie: id=\[redacted\]'
        $text | Should -Match 'Set-Cookie: id=\[redacted\]; *[Pp]ath='
        $text | Should -Not -Match 'id=[0-9a-fA-F]{40}'
        $text | Should -Not -Match 'Basic [A-Za-z0-9+/]{8,}'
        $text | Should -Not -Match ([regex]::Escape($Sim.Password))
    }
}

Describe 'Secrets stay secret through a whole session' {
    AfterAll { Disconnect-MoSapi; Reset-Sim }

    It 'no transcript, error record, view, export or ToString contains the password, a cookie or key material' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "mosapi-leak-$PID.txt"
        $clixml = Join-Path ([IO.Path]::GetTempPath()) "mosapi-leak-$PID.xml"
        $pfxPassword = [Net.NetworkCredential]::new('', $Sim.PfxPassword).Password
        $texts = [Collections.Generic.List[string]]::new()
        $objects = [Collections.Generic.List[object]]::new()
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            # A failed login, a refused certificate and a failing request: their error records go to the transcript.
            Connect-MoSapi -Tld example -Credential (New-SimCredential -Password "$($Sim.Password)-wrong") -BaseUri $Sim.BaseUri -TrustedCaCertificate $Sim.CaPath -ErrorAction SilentlyContinue -ErrorVariable +errs
            Connect-SimPassword -Tld example, outage -Extra @{ RetryIntervalSec = 0.05 } | ForEach-Object { $objects.Add($_) }
            Connect-SimCertificate -Tld example -Name client-unauthorised -Extra @{ Debug = $true } | Out-Null
            Get-MoSapiState -Tld example -ErrorAction SilentlyContinue -ErrorVariable +errs
            Connect-SimCertificate -Tld tld001 | ForEach-Object { $objects.Add($_) }
            Connect-SimPassword -Tld example -Extra @{ RetryIntervalSec = 0.05 } | ForEach-Object { $objects.Add($_) }
            Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ entity = 'ry/example'; kind = 'evictSession' } | Out-Null
            Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/outage/v2/monitoring/dns/alarmed'; kind = 'html'; count = -1 } | Out-Null
            Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/example/v2/monitoring/dns/downtime'; kind = 'status'; status = 401; count = 2 } | Out-Null
            $data = @(
                Get-MoSapiState -Verbose -Debug
                Get-MoSapiAlarm -Service dns -Verbose -Debug -ErrorAction SilentlyContinue -ErrorVariable +errs
                Get-MoSapiDowntime -Tld example -Service dns -Verbose -Debug -ErrorAction SilentlyContinue -ErrorVariable +errs
                Get-MoSapiIncident -Tld outage -Service dns -Verbose -Debug
                Get-MoSapiDaarReport -Tld example -Verbose -Debug
            )
            $data | ForEach-Object { $objects.Add($_) }
            Get-MoSapiConnection | Format-List * | Out-String | ForEach-Object { $texts.Add($_) }
            Get-MoSapiConnection | Format-Table | Out-String | ForEach-Object { $texts.Add($_) }
            Get-MoSapiConnection | Select-Object -First 1 | Export-Clixml $clixml
            $errs | Format-List * -Force | Out-String | Write-Host
            Disconnect-MoSapi -Verbose -Debug
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $errs | Should -Not -BeNullOrEmpty
        $data | Should -Not -BeNullOrEmpty
        $texts.Add((Get-Content $transcript -Raw))
        $texts.Add((Get-Content $clixml -Raw))
        foreach ($e in $errs) { $texts.Add($e.ToString()); $texts.Add(($e | Format-List * -Force | Out-String)); $texts.Add("$($e.Exception)") }
        foreach ($o in $objects) { $texts.Add($o.ToString()); $texts.Add(($o | Format-List * | Out-String)) }
        Remove-Item $transcript, $clixml -ErrorAction SilentlyContinue

        $all = $texts -join "`n"
        $all | Should -Match 'redacted'
        $all | Should -Not -Match ([regex]::Escape($Sim.Password))
        $all | Should -Not -Match ([regex]::Escape($pfxPassword))
        $all | Should -Not -Match 'id=[0-9a-fA-F]{40}'
        $all | Should -Not -Match 'PRIVATE KEY'
        $all | Should -Not -Match 'Basic [A-Za-z0-9+/=]{8,}'
    }
}

Describe 'Concurrency' {
    BeforeEach { Reset-Sim }
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It 'reads 200 TLDs over one certificate with -ThrottleLimit 16 and never more than 4 in flight' {
        $tlds = 1..200 | ForEach-Object { 'tld{0:000}' -f $_ }
        Connect-SimCertificate -Tld $tlds | Out-Null
        # A little latency keeps requests overlapping, so the bound is actually tested rather than never reached.
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/tld'; kind = 'latency'; ms = 20; count = -1 } | Out-Null
        $err = $null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $states = Get-MoSapiState -ThrottleLimit 16 -ErrorVariable err
        $watch.Stop()
        $err | Should -BeNullOrEmpty
        $states.Tld | Should -Be $tlds
        $stats = Invoke-SimControl -Path '/_sim/stats'
        $stats.rejectedInFlight | Should -Be 0
        $peak = ($stats.peakInFlightPerCert.PSObject.Properties.Value | Measure-Object -Maximum).Maximum
        $peak | Should -BeLessOrEqual 4
        $peak | Should -Be 4
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 60
    }

    It 'ForEach-Object -Parallel -ThrottleLimit 8 over 100 TLDs with password connections logs in once per account' {
        $tlds = 1..100 | ForEach-Object { 'tld{0:000}' -f $_ }
        $connections = Connect-SimPassword -Tld $tlds
        $stats = Invoke-SimControl -Path '/_sim/stats'
        @($stats.logins.PSObject.Properties).Count | Should -Be 100
        $results = 0..99 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:ModulePath
            Get-MoSapiState -Connection ($using:connections)[$_]
        }
        $results | Should -HaveCount 100
        ($results.Tld | Sort-Object) | Should -Be $tlds
        $stats = Invoke-SimControl -Path '/_sim/stats'
        $stats.logins.PSObject.Properties | ForEach-Object { $_.Value | Should -Be 1 -Because $_.Name }
    }

    It 'twenty parallel requests that find the session evicted renew it with exactly one more login' {
        $connection = Connect-SimPassword -Tld example -Extra @{ RetryIntervalSec = 0.05 }
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ entity = 'ry/example'; kind = 'evictSession' } | Out-Null
        $results = 1..20 | ForEach-Object -ThrottleLimit 20 -Parallel {
            Import-Module $using:ModulePath
            Get-MoSapiState -Connection $using:connection
        }
        $results | Should -HaveCount 20
        (Invoke-SimControl -Path '/_sim/stats').logins.example_ry | Should -Be 2
    }
}
