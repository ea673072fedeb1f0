# SLA monitoring cmdlets end to end against the simulator (default clock 2026-11-27T12:00:00Z, see
# src/MoSapi.Simulator/SCENARIO.md): a registry over a password session, a registrar over a client certificate.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    function Epoch([long] $Seconds) { [DateTimeOffset]::FromUnixTimeSeconds($Seconds) }
}

Describe 'Registry (password session)' {
    BeforeAll {
        $null = Connect-SimPassword -Tld outage
        $null = Connect-SimCertificate -Tld maint, example -Name client-rsp
    }
    AfterAll { Disconnect-MoSapi }

    Context 'Get-MoSapiAlarm' {
        It 'reports every service, EPP (404, not monitored) as Disabled' {
            $a = Get-MoSapiAlarm -Tld outage
            $a.Service | Should -Be @('Dns', 'Dnssec', 'Rdds', 'Rdap', 'Epp')
            $a.Alarmed | Should -Be @('Yes', 'No', 'No', 'No', 'Disabled')
            $a | ForEach-Object { $_.Tld | Should -Be 'outage' }
            $a[0].LastUpdated | Should -BeOfType [DateTimeOffset]
            $a[0].LastUpdated.Offset | Should -Be ([TimeSpan]::Zero)
            $a[4].LastUpdated | Should -BeNullOrEmpty
        }
        It 'reads only the services asked for, names bound case-insensitively' {
            $a = Get-MoSapiAlarm -Tld outage -Service 'DNS', rdap
            $a.Service | Should -Be @('Dns', 'Rdap')
            $a.Alarmed | Should -Be @('Yes', 'No')
        }
        It 'passes the Disabled word of a configured but paused entity through' {
            (Get-MoSapiAlarm -Tld maint).Alarmed | Should -Be @('Disabled', 'Disabled', 'Disabled', 'Disabled', 'Disabled')
        }
        It 'takes state and service-state objects from the pipeline' {
            (Get-MoSapiState -Tld outage | Get-MoSapiAlarm).Alarmed | Should -Be @('Yes', 'No', 'No', 'No', 'Disabled')
            $dns = (Get-MoSapiState -Tld outage).Services | Where-Object Service -EQ 'Dns'
            ($dns | Get-MoSapiAlarm).Alarmed | Should -Be 'Yes'
        }
        It 'reads every connection without -Tld' {
            $a = Get-MoSapiAlarm -Service dns
            ($a | Sort-Object Tld).Tld | Should -Be @('example', 'maint', 'outage')
            ($a | Where-Object Tld -EQ 'example').Alarmed | Should -Be 'No'
        }
    }

    Context 'Get-MoSapiDowntime' {
        It 'returns the minutes of the rolling week and Disabled for EPP' {
            $d = Get-MoSapiDowntime -Tld outage
            $d.Service | Should -Be @('Dns', 'Dnssec', 'Rdds', 'Rdap', 'Epp')
            $d.DowntimeMinutes[0..3] | Should -Be @(30, 0, 360, 20)
            $d[4].Status | Should -Be 'Disabled'
            $d[4].Disabled | Should -BeTrue
            $d[4].DowntimeMinutes | Should -BeNullOrEmpty
            $d[0].Status | Should -Be 'Monitored'
        }
        It 'binds Service from incident objects' {
            (Get-MoSapiIncident -Tld outage -Service rdds | Get-MoSapiDowntime).DowntimeMinutes | Should -Be 360
        }
    }

    Context 'Get-MoSapiIncident (list)' {
        It 'lists the rolling week newest first' {
            $i = Get-MoSapiIncident -Tld outage -Service dns
            $i.IncidentId | Should -Be @('1795780080.7731', '1795720200.7713', '1795508640.7712')
            $i[0].State | Should -Be 'Active'
            $i[0].EndTime | Should -BeNullOrEmpty
            $i[0].StartTime | Should -Be (Epoch 1795780080)
            $i[1].FalsePositive | Should -BeTrue
            $i[2].EndTime | Should -Be (Epoch 1795509720)
            $i[2].Service | Should -Be 'Dns'
            $i[2].Tld | Should -Be 'outage'
        }
        It 'splits a range of 87 days into 31-day windows and merges them' {
            $i = Get-MoSapiIncident -Tld outage -Service dns -Start '2026-09-01' -End '2026-11-27T12:00:00'
            $i.Count | Should -Be 14
            $i.IncidentId | Should -Be @('1795780080.7731', '1795720200.7713', '1795508640.7712', '1795018560.7711',
                '1794803880.7710', '1794430500.7709', '1793880120.7708', '1793431200.7707', '1792954020.7706',
                '1792631520.7705', '1792247400.7704', '1791709500.7703', '1791240060.7702', '1790738040.7701')
            ($i.IncidentId | Select-Object -Unique).Count | Should -Be 14
        }
        It 'does not duplicate an incident that two windows both overlap' {
            # 1793431200.7707 runs 07:20-07:51 on 2026-10-31; the first window ends at 07:30 (1790738040.7701 is before the range).
            $i = Get-MoSapiIncident -Tld outage -Service dns -Start '2026-09-30T07:30:00' -End '2026-11-27T12:00:00'
            @($i | Where-Object IncidentId -EQ '1793431200.7707').Count | Should -Be 1
            $i.Count | Should -Be 13
        }
        It 'treats a date without a kind as UTC and defaults -End to now' {
            $i = Get-MoSapiIncident -Tld outage -Service rdds -Start ([datetime]::new(2026, 10, 18, 2, 20, 0))
            $i.IncidentId | Should -Be @('1795413600.5502', '1792289400.5501')
        }
        It 'filters by -FalsePositive and -Situation' {
            (Get-MoSapiIncident -Tld outage -Service dns -Start '2026-09-01' -FalsePositive $true).IncidentId |
                Should -Be @('1795720200.7713', '1794430500.7709', '1792954020.7706', '1791709500.7703')
            (Get-MoSapiIncident -Tld outage -Service dns -Start '2026-09-01' -FalsePositive $false).Count | Should -Be 10
            (Get-MoSapiIncident -Tld outage -Service dns -Situation Active).IncidentId | Should -Be '1795780080.7731'
            (Get-MoSapiIncident -Tld outage -Service dns -Start '2026-09-01' -Situation Resolved).Count | Should -Be 13
        }
        It 'lists every monitored service without -Service and skips EPP quietly' {
            $i = Get-MoSapiIncident -Tld outage -ErrorVariable errs
            $errs | Should -BeNullOrEmpty
            ($i | Group-Object Service | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be @('Dns=3', 'Rdds=1', 'Rdap=2')
        }
        It 'Get-MoSapiState | Get-MoSapiIncident lists the incidents of the monitored services' {
            $i = Get-MoSapiState -Tld outage | Get-MoSapiIncident
            $i.IncidentId | Should -Be @('1795780080.7731', '1795720200.7713', '1795508640.7712', '1795413600.5502', '1795607700.8811', '1795339200.8810')
            (Get-MoSapiState -Tld outage | Get-MoSapiIncident -Situation Active).IncidentId | Should -Be '1795780080.7731'
        }
        It 'service-state objects bind -Service' {
            $i = (Get-MoSapiState -Tld outage).Services | Where-Object Service -EQ 'Rdap' | Get-MoSapiIncident
            $i.IncidentId | Should -Be @('1795607700.8811', '1795339200.8810')
        }
        It 'a disabled entity has no incidents' {
            Get-MoSapiState -Tld maint | Get-MoSapiIncident | Should -BeNullOrEmpty
        }
        It 'a reversed range is MoSapiBadRequest with the server''s resultCode 2012' {
            { Get-MoSapiIncident -Tld outage -Service dns -Start '2026-11-20' -End '2026-11-10' -ErrorAction Stop } |
                Should -Throw -ErrorId 'MoSapiBadRequest,MoSapi.Commands.GetMoSapiIncidentCommand'
            $null = Get-MoSapiIncident -Tld outage -Service dns -Start '2026-11-20' -End '2026-11-10' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].Exception.ResultCode | Should -Be 2012
            $err[0].Exception.Message | Should -Match '2012'
        }
        It '-End without -Start is a bad invocation' {
            { Get-MoSapiIncident -Tld outage -Service dns -End '2026-11-10' } |
                Should -Throw -ErrorId 'MoSapiInvalidArgument,MoSapi.Commands.GetMoSapiIncidentCommand'
        }
        It 'an explicit service that is not monitored is MoSapiNotFound' {
            { Get-MoSapiIncident -Tld outage -Service epp -ErrorAction Stop } |
                Should -Throw -ErrorId 'MoSapiNotFound,MoSapi.Commands.GetMoSapiIncidentCommand'
        }
    }

    Context 'Get-MoSapiIncident (by id)' {
        It 'reads the state of given incidents' {
            $i = Get-MoSapiIncident -Tld outage -Service dns -IncidentId '1795508640.7712', '1793431200.7707'
            $i.IncidentId | Should -Be @('1795508640.7712', '1793431200.7707')
            $i[0].StartTime | Should -Be (Epoch 1795508640)
            $i[0].EndTime | Should -Be (Epoch 1795509720)
            $i[1].EndTime | Should -Be (Epoch 1793433060)
            $i.State | Should -Be @('Resolved', 'Resolved')
        }
        It 'refreshes incident objects from the pipeline' {
            $i = Get-MoSapiIncident -Tld outage -Service rdap | Get-MoSapiIncident
            $i.IncidentId | Should -Be @('1795607700.8811', '1795339200.8810')
            $i[0].FalsePositive | Should -BeTrue
        }
        It 'an unknown id is MoSapiNotFound naming the id, and the other ids still return' {
            $i = Get-MoSapiIncident -Tld outage -Service dns -IncidentId '1.1', '1795508640.7712' -ErrorVariable err -ErrorAction SilentlyContinue
            $i.IncidentId | Should -Be '1795508640.7712'
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiIncidentCommand'
            $err[0].Exception.Message | Should -Match "'1\.1'"
        }
        It 'two services with -IncidentId is a bad invocation' {
            { Get-MoSapiIncident -Tld outage -Service dns, rdap -IncidentId '1795508640.7712' } |
                Should -Throw -ErrorId 'MoSapiInvalidArgument,MoSapi.Commands.GetMoSapiIncidentCommand'
        }
    }

    Context 'Get-MoSapiFalsePositive' {
        It 'returns the flag and when it changed' {
            $f = Get-MoSapiFalsePositive -Tld outage -Service dns -IncidentId '1795720200.7713'
            $f.FalsePositive | Should -BeTrue
            $f.UpdateTime | Should -Be (Epoch 1795725960)
            $f.IncidentId | Should -Be '1795720200.7713'
            $f.Service | Should -Be 'Dns'
        }
        It 'UpdateTime is null when the flag never changed' {
            $f = Get-MoSapiFalsePositive -Tld outage -Service dns -IncidentId '1795508640.7712'
            $f.FalsePositive | Should -BeFalse
            $f.UpdateTime | Should -BeNullOrEmpty
        }
        It 'a flag cleared again keeps its UpdateTime' {
            $f = Get-MoSapiFalsePositive -Tld outage -Service dns -IncidentId '1794803880.7710'
            $f.FalsePositive | Should -BeFalse
            $f.UpdateTime | Should -Be (Epoch 1794906000)
        }
        It 'takes incidents from the pipeline' {
            $f = Get-MoSapiIncident -Tld outage -Service rdap | Get-MoSapiFalsePositive
            $f.IncidentId | Should -Be @('1795607700.8811', '1795339200.8810')
            $f.FalsePositive | Should -Be @($true, $false)
            $f[0].UpdateTime | Should -Be (Epoch 1795681800)
            $f[1].UpdateTime | Should -BeNullOrEmpty
        }
        It 'an unknown incident is MoSapiNotFound naming the id' {
            $null = Get-MoSapiFalsePositive -Tld outage -Service dns -IncidentId '42.42' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiFalsePositiveCommand'
            $err[0].Exception.Message | Should -Match "'42\.42'"
        }
    }

    Context 'Get-MoSapiMeasurement (incidents)' {
        It 'lists the cycles of an incident (objects in the list)' {
            $m = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId '1795780080.7731'
            $m.Count | Should -Be 12
            $m[0].MeasurementId | Should -Be '1795780080'
            $m[-1].MeasurementId | Should -Be '1795780740'
            $m[0].CycleTime | Should -Be (Epoch 1795780080)
            $m[0].IncidentId | Should -Be '1795780080.7731'
            $m[0].Service | Should -Be 'Dns'
            $m[0] | Should -BeOfType ([MoSapi.MoSapiMeasurementInfo])
        }
        It 'accepts bare ids with .json in the list (RDAP)' {
            $m = Get-MoSapiMeasurement -Tld outage -Service rdap -IncidentId '1795607700.8811'
            $m.MeasurementId | Should -Be @('1795607700', '1795608000', '1795608300', '1795608600', '1795608900', '1795609200')
            $m[5].CycleTime | Should -Be (Epoch 1795609200)
        }
        It 'incidents pipe in' {
            (Get-MoSapiIncident -Tld outage -Service dns -Situation Active | Get-MoSapiMeasurement).Count | Should -Be 12
        }
        It 'returns the measurement document of a cycle' {
            $m = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId '1795780080.7731' -MeasurementId '1795780080'
            $m | Should -BeOfType ([MoSapi.MoSapiMeasurement])
            $m.Status | Should -Be 'Down'
            $m.Version | Should -Be 2
            $m.CycleTime | Should -Be (Epoch 1795780080)
            $m.LastUpdated | Should -Be (Epoch 1795780140)
            $m.MinNameServersUp | Should -Be 2
            $m.IncidentId | Should -Be '1795780080.7731'
            $m.NameServers.Target | Should -Be @('ns1.nic.outage', 'ns2.nic.outage', 'ns3.nic.outage')
            $probes = $m.Interfaces[0].Probes
            $probes.Count | Should -Be 24
            $probes[0].Probe | Should -Be 'Amsterdam'
            $probes[2].Probe | Should -Be 'São Paulo'
            ($probes | Where-Object Probe -EQ 'Lagos').Status | Should -Be 'Offline'
            ($probes | Where-Object Probe -EQ 'Moscow').Status | Should -Be 'No result'
            ($probes | Where-Object Status -EQ 'Up').Probe | Should -Be @('Amsterdam', 'Frankfurt', 'Mumbai', 'Paris')
        }
        It 'flattens the document into result rows with descriptions' {
            $m = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId '1795780080.7731' -MeasurementId '1795780080.json'
            $r = $m.Results
            $first = $r[0]
            $first.Probe | Should -Be 'Amsterdam'
            $first.Target | Should -Be 'ns1.nic.outage'
            $first.TargetIp | Should -Be '192.0.2.54'
            $first.Result | Should -Be 'ok'
            $first.ResultCode | Should -BeNullOrEmpty
            $first.Interface | Should -Be 'DNS'
            $first.Tld | Should -Be 'outage'
            $first.MeasurementId | Should -Be '1795780080'
            ($r | Where-Object Probe -EQ 'Amsterdam').TargetIp | Should -Be @('192.0.2.54', '2001:db8::54', '198.51.100.54', '2001:db8:1::54', '203.0.113.54', '2001:db8:2::54')
            $lagos = @($r | Where-Object Probe -EQ 'Lagos')
            $lagos.Count | Should -Be 1
            $lagos[0].Target | Should -BeNullOrEmpty
            $moscow = @($r | Where-Object Probe -EQ 'Moscow')
            $moscow.Result | Select-Object -Unique | Should -Be 'no data'
            $moscow | ForEach-Object { $_.TargetIp | Should -BeNullOrEmpty; $_.Rtt | Should -BeNullOrEmpty }
            $failed = @($r | Where-Object ResultCode)
            $failed.Count | Should -BeGreaterThan 0
            $failed | ForEach-Object {
                $_.ResultCode | Should -BeIn @(-200, -207, -215, -250, -600, -601, -607)
                $_.Rtt | Should -BeNullOrEmpty
                $_.ResultDescription | Should -Not -BeNullOrEmpty
            }
            ($failed | Where-Object ResultCode -EQ -200 | Select-Object -First 1).ResultDescription | Should -Be 'No reply from the name server'
            ($r | Where-Object Result -EQ 'ok' | Where-Object Rtt -GT 0).Count | Should -BeGreaterThan 0
        }
        It 'RDDS documents have RDDS43 and RDDS80 interfaces with decoded codes (-Detailed on an incident)' {
            $docs = Get-MoSapiIncident -Tld outage -Service rdds -IncidentId '1792289400.5501' | Get-MoSapiMeasurement -Detailed
            $docs.Count | Should -Be 3
            $docs.CycleTime | Should -Be @((Epoch 1792289400), (Epoch 1792289700), (Epoch 1792290000))
            $docs.Status | Should -Be @('Down', 'Down', 'Down')
            $docs[0].Interfaces.Interface | Should -Be @('RDDS43', 'RDDS80')
            $docs[0].MinNameServersUp | Should -BeNullOrEmpty
            $codes = $docs.Results | Where-Object ResultCode
            $codes | Where-Object Interface -EQ 'RDDS43' | ForEach-Object { $_.ResultCode | Should -BeIn @(-227, -228, -225) }
            $codes | Where-Object Interface -EQ 'RDDS80' | ForEach-Object { $_.ResultCode | Should -BeIn @(-352, -255, -253) }
            ($codes | Where-Object ResultCode -EQ -352 | Select-Object -First 1).ResultDescription | Should -Be 'Expected HTTP status 200, got 503'
            $codes | Where-Object ResultCode -In -225, -253 | ForEach-Object { $_.TargetIp | Should -BeNullOrEmpty }
        }
        It 'list entries piped back in read their documents' {
            $docs = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId '1795508640.7712' | Select-Object -First 2 | Get-MoSapiMeasurement
            $docs.MeasurementId | Should -Be @('1795508640', '1795508700')
            $docs[0] | Should -BeOfType ([MoSapi.MoSapiMeasurement])
        }
        It 'an unknown measurement is MoSapiNotFound naming the id' {
            $null = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId '1795780080.7731' -MeasurementId '1795780081' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiMeasurementCommand'
            $err[0].Exception.Message | Should -Match "'1795780081'"
        }
        It 'an unknown incident is MoSapiNotFound naming the id' {
            $null = Get-MoSapiMeasurement -Tld outage -Service dns -IncidentId '7.7' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiMeasurementCommand'
            $err[0].Exception.Message | Should -Match "'7\.7'"
        }
        It 'without incident, measurement or date it is a bad invocation' {
            { Get-MoSapiMeasurement -Tld outage -Service dns } |
                Should -Throw -ErrorId 'MoSapiInvalidArgument,MoSapi.Commands.GetMoSapiMeasurementCommand'
        }
    }

    Context 'Get-MoSapiMeasurement (recent tree)' {
        It 'lists the cycles of a day, oldest first' {
            $m = Get-MoSapiMeasurement -Tld outage -Service dns -Date '2026-11-27'
            $m.Count | Should -Be 720
            $m[0].MeasurementId | Should -Be '1795737600'
            $m[-1].MeasurementId | Should -Be '1795780740'
            $m[0].IncidentId | Should -BeNullOrEmpty
            (Get-MoSapiMeasurement -Tld outage -Service rdds -Date '2026-11-26').Count | Should -Be 288
        }
        It 'lists a range across two days' {
            $m = Get-MoSapiMeasurement -Tld outage -Service dns -Start '2026-11-26T23:58:00' -End '2026-11-27T00:01:00'
            $m.MeasurementId | Should -Be @('1795737480', '1795737540', '1795737600', '1795737660')
        }
        It 'returns the documents with -Detailed' {
            $d = Get-MoSapiMeasurement -Tld outage -Service dns -Start '2026-11-27T11:50:00' -End '2026-11-27T11:52:00' -Detailed
            $d.MeasurementId | Should -Be @('1795780200', '1795780260', '1795780320')
            $d.Status | Should -Be @('Down', 'Down', 'Down')
            $d[0].IncidentId | Should -BeNullOrEmpty
        }
        It 'recent entries piped back in read their documents from the tree' {
            $d = Get-MoSapiMeasurement -Tld example -Service dns -Date '2026-11-27' | Select-Object -Last 1 | Get-MoSapiMeasurement
            $d.MeasurementId | Should -Be '1795780740'
            $d.Status | Should -Be 'Up'
            $dubai = $d.Results | Where-Object Probe -EQ 'Dubai' | Where-Object Result -EQ '-1'
            @($dubai).Count | Should -Be 1
            $dubai.Target | Should -Be 'ns3.nic.example'
            $dubai.TargetIp | Should -Be '2001:db8:2::53'
            $dubai.ResultDescription | Should -Be 'Internal error'
            $dubai.ProbeStatus | Should -Be 'Up'
            $dubai.Nsid | Should -Be ''
        }
        It 'an id outside the tree is MoSapiNotFound naming the id' {
            $null = Get-MoSapiMeasurement -Tld outage -Service dns -MeasurementId '1795000000' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiMeasurementCommand'
            $err[0].Exception.Message | Should -Match "'1795000000'"
        }
        It 'a service that is not monitored is MoSapiNotFound' {
            $null = Get-MoSapiMeasurement -Tld outage -Service epp -Date '2026-11-27' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiMeasurementCommand'
        }
        It 'maint documents are Up-inconclusive-no-probes' {
            $d = Get-MoSapiMeasurement -Tld maint -Service dns -MeasurementId '1795780740'
            $d.Status | Should -Be 'Up-inconclusive-no-probes'
        }
    }
}

Describe 'Registrar (client certificate)' {
    BeforeAll { $null = Connect-SimCertificate -RegistrarId 9999 -Name client-registrar }
    AfterAll { Disconnect-MoSapi }

    It 'Get-MoSapiAlarm reads RDDS and RDAP' {
        $a = Get-MoSapiAlarm -RegistrarId 9999
        $a.Service | Should -Be @('Rdds', 'Rdap')
        $a.Alarmed | Should -Be @('No', 'Yes')
        $a.RegistrarId | Should -Be @(9999, 9999)
        $a[0].Tld | Should -BeNullOrEmpty
    }
    It 'a registry service asked of a registrar is Disabled' {
        (Get-MoSapiAlarm -RegistrarId 9999 -Service dns).Alarmed | Should -Be 'Disabled'
    }
    It 'Get-MoSapiDowntime' {
        (Get-MoSapiDowntime -RegistrarId 9999).DowntimeMinutes | Should -Be @(0, 25)
    }
    It 'Get-MoSapiIncident lists the rolling week and older ranges' {
        (Get-MoSapiIncident -RegistrarId 9999).IncidentId | Should -Be '1795779300.3303'
        $i = Get-MoSapiIncident -RegistrarId 9999 -Start '2026-09-27'
        $i.IncidentId | Should -Be @('1794471600.3301', '1795779300.3303', '1793185200.3302')
        $i.RegistrarId | Select-Object -Unique | Should -Be 9999
    }
    It 'Get-MoSapiState | Get-MoSapiIncident' {
        $i = Get-MoSapiState -RegistrarId 9999 | Get-MoSapiIncident
        $i.IncidentId | Should -Be '1795779300.3303'
        $i.State | Should -Be 'Active'
        $i.EndTime | Should -BeNullOrEmpty
    }
    It 'Get-MoSapiFalsePositive' {
        $f = Get-MoSapiState -RegistrarId 9999 | Get-MoSapiIncident | Get-MoSapiFalsePositive
        $f.FalsePositive | Should -BeFalse
        $f.UpdateTime | Should -BeNullOrEmpty
        $f.RegistrarId | Should -Be 9999
    }
    It 'Get-MoSapiMeasurement lists and reads an RDAP incident' {
        $list = Get-MoSapiIncident -RegistrarId 9999 -Service rdap -IncidentId '1795779300.3303' | Get-MoSapiMeasurement
        $list.MeasurementId | Should -Be @('1795779300', '1795779600', '1795779900', '1795780200', '1795780500')
        $d = $list | Select-Object -First 1 | Get-MoSapiMeasurement
        $d.Status | Should -Be 'Down'
        $d.RegistrarId | Should -Be 9999
        $d.Interfaces.Interface | Should -Be 'RDAP'
        $d.Results.Target | Select-Object -Unique | Should -Be 'https://rdap.registrar9999.example/'
        $codes = $d.Results | Where-Object ResultCode
        $codes | ForEach-Object { $_.ResultCode | Should -BeIn @(-526, -405, -403) }
        ($codes | Where-Object ResultCode -EQ -526 | Select-Object -First 1).ResultDescription | Should -Be 'Expected HTTP status 200, got 404'
        ($d.Results | Where-Object Result -EQ 'ok').TargetIp | Should -BeIn @('203.0.113.181', '2001:db8:443::59')
    }
    It 'Get-MoSapiMeasurement walks the recent tree' {
        $m = Get-MoSapiMeasurement -RegistrarId 9999 -Service rdds -Date '2026-11-27'
        $m.Count | Should -Be 144
        $m[-1].MeasurementId | Should -Be '1795780500'
        $m[-1].RegistrarId | Should -Be 9999
    }
}

Describe 'Get-MoSapiResultCode (no connection needed)' {
    It 'decodes the RDAP HTTP family' {
        $r = Get-MoSapiResultCode -Code -526
        $r.Service | Should -Be 'Rdap'
        $r.Interface | Should -Be 'RDAP'
        $r.HttpStatus | Should -Be 404
    }
    It 'decodes the RDDS80 HTTP family' {
        (Get-MoSapiResultCode -Code -352).HttpStatus | Should -Be 503
    }
    It '-200 means different things for DNS and EPP' {
        $r = Get-MoSapiResultCode -Code -200
        $r.Count | Should -Be 2
        ($r | Where-Object Service -EQ 'Dns').Description | Should -Be 'No reply from the name server'
        ($r | Where-Object Service -EQ 'Epp').Description | Should -Be 'No IP address for the EPP server'
        (Get-MoSapiResultCode -Code -200 -Service epp).Description | Should -Be 'No IP address for the EPP server'
    }
    It '-1 is internal on every interface' {
        $r = Get-MoSapiResultCode -Code -1
        $r.Count | Should -Be 6
        $r.IsInternal | Select-Object -Unique | Should -BeTrue
    }
    It 'narrows the table by service and interface' {
        (Get-MoSapiResultCode -Service rdap).Count | Should -Be 75
        (Get-MoSapiResultCode -Service rdds -Interface RDDS43).Code | Should -Be @(-1, -201, -222, -224, -225, -227, -228, -229)
    }
    It 'result rows pipe in by property name' {
        $rows = [pscustomobject] @{ ResultCode = -227; Service = 'Rdds'; Interface = 'RDDS43' }, [pscustomobject] @{ ResultCode = $null; Service = 'Rdds'; Interface = 'RDDS43' }
        $r = $rows | Get-MoSapiResultCode
        $r.Code | Should -Be -227
        $r.Description | Should -Be 'Timeout reply from the whois server'
    }
}
