#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-MoSapiMtrReport end to end through the simulator: the newest day, -Date, -Start/-End, probe and target
# filters applied before downloading, -ListOnly, -FileName, -OutputPath with and without -Force, the corrupt
# file, registries and registrars. Expected values are the scenario's (src/MoSapi.Simulator/SCENARIO.md, section 6).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Day26 = [datetime]'2026-11-26'
    $script:Day27 = [datetime]'2026-11-27'
    $script:Corrupt = 'Tokyo-192.0.2.54-1795716000-1795716047.json.gz'

    # Downloads of one day's files, from the simulator's request counters.
    function Get-FileRequestCount([string] $Entity, [string] $Day) {
        $requests = (Invoke-SimControl -Path '/_sim/stats').requests
        @($requests.PSObject.Properties | Where-Object { $_.Name -like "/$Entity/v2/networkTroubleshooting/mtr/$Day/*" }).Count
    }
}

AfterAll {
    Disconnect-MoSapi -ErrorAction SilentlyContinue
}

Describe 'Get-MoSapiMtrReport for a registry (password)' {
    BeforeAll { Connect-SimPassword -Tld example | Out-Null }
    AfterAll { Disconnect-MoSapi; Reset-Sim }
    BeforeEach { Reset-Sim }

    It 'without a day lists the newest day of the archive: 96 files of 2026-11-27, newest cycle first' {
        $f = Get-MoSapiMtrReport -ListOnly
        $f | Should -HaveCount 96
        $f | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiMtrFile]) }
        $f.Date | Select-Object -Unique | Should -Be $Day27
        $f[0].FileName | Should -Be 'Amsterdam-192.0.2.53-1795759200-1795759207.json.gz'
        $f[1].FileName | Should -Be 'Amsterdam-2001:db8::53-1795759200-1795759210.json.gz'
        $f[1].Probe | Should -Be 'Amsterdam'
        $f[1].TargetIp | Should -Be '2001:db8::53'
        $f[1].CycleTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1795759200))
        $f[1].RunTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1795759210))
        $f.Tld | Select-Object -Unique | Should -Be 'example'
        ($f.CycleTime | Select-Object -Unique).ToUnixTimeSeconds() | Should -Be @(1795759200, 1795737600)
        Get-FileRequestCount 'ry/example' '2026/11/27' | Should -Be 0
    }

    It '-Date 2026-11-26 lists 192 files: 4 probes x 12 targets x 4 cycles' {
        $f = Get-MoSapiMtrReport -Date 2026-11-26 -ListOnly
        $f | Should -HaveCount 192
        (($f | Group-Object Probe -NoElement | Sort-Object Name | ForEach-Object { '{0}={1}' -f $_.Name, $_.Count }) -join ',') | Should -Be 'Amsterdam=48,Nairobi=48,Sydney=48,Tokyo=48'
        ($f.TargetIp | Select-Object -Unique) | Should -HaveCount 12
        ($f | Where-Object TargetIp -eq '2001:db8:2::54') | Should -HaveCount 16
        $f.FileName | Should -Contain $Corrupt
    }

    It 'filters by probe wildcards and IPv6 target in any spelling, before downloading' {
        $f = Get-MoSapiMtrReport -Date 2026-11-27 -ListOnly -Probe 'A*', 'tok*' -TargetIp '2001:0DB8:0000:0000::53'
        $f.FileName | Should -Be @(
            'Amsterdam-2001:db8::53-1795759200-1795759210.json.gz'
            'Tokyo-2001:db8::53-1795759200-1795759232.json.gz'
            'Amsterdam-2001:db8::53-1795737600-1795737610.json.gz'
            'Tokyo-2001:db8::53-1795737600-1795737632.json.gz')
    }

    It 'downloads, decompresses and parses only the matching files' {
        $r = Get-MoSapiMtrReport -Date 2026-11-27 -Probe Nairobi -TargetIp 192.0.2.53
        $r | Should -HaveCount 2
        Get-FileRequestCount 'ry/example' '2026/11/27' | Should -Be 2
        $r | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiMtrReport]) }
        $first = $r[0]
        $first.Tld | Should -Be 'example'
        $first.Probe | Should -Be 'Nairobi'
        $first.TargetIp | Should -Be '192.0.2.53'
        $first.FileName | Should -Be 'Nairobi-192.0.2.53-1795759200-1795759218.json.gz'
        $first.CycleTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1795759200))
        $first.RunTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1795759218))
        $first.Source | Should -Be 'nairobi.probe.example'
        $first.Destination | Should -Be '192.0.2.53'
        $first.Tests | Should -Be 10
        $first.OutputFile | Should -BeNullOrEmpty
        $r[1].RunTime | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1795737618))
        foreach ($report in $r) {
            $hops = $report.Hops
            $hops.Count | Should -BeGreaterOrEqual 6
            $hops.Count | Should -BeLessOrEqual 10
            $hops.Hop | Should -Be (1..$hops.Count)
            $hops[-1].Host | Should -Be '192.0.2.53'
            $hops[-1].Asn | Should -Be 'AS64496'
            $hops.Sent | Select-Object -Unique | Should -Be 10
            $lost = @($hops | Where-Object Host -eq '???')
            $lost.Count | Should -BeIn @(1, 2)
            $lost | ForEach-Object { $_.LossPercent | Should -Be 100; $_.Asn | Should -Be 'AS???'; $_.Avg | Should -Be 0 }
            $hops | Where-Object Host -ne '???' | ForEach-Object {
                $_.Asn | Should -Match '^AS6(45(0\d|1[01])|4496)$'
                $_.Best | Should -BeLessOrEqual $_.Avg
                $_.Avg | Should -BeLessOrEqual $_.Worst
            }
        }
    }

    It 'the corrupt file is a non-terminating MoSapiInvalidResponse naming it; the other files still return' {
        $r = Get-MoSapiMtrReport -Date 2026-11-26 -Probe Tokyo -TargetIp 192.0.2.54 -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -HaveCount 3
        $r.CycleTime.ToUnixTimeSeconds() | Should -Be @(1795694400, 1795672800, 1795651200)
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MoSapiInvalidResponse*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -BeLike "*'$Corrupt'*"
    }

    It '-Start/-End walks each day; days the archive lacks are skipped quietly' {
        $r = Get-MoSapiMtrReport -Start 2026-11-25 -End 2026-11-27 -Probe Sydney -TargetIp 203.0.113.54 -ErrorVariable err
        $err | Should -HaveCount 0
        $r | Should -HaveCount 6
        $r.RunTime.ToUnixTimeSeconds() | Should -Be @(1795716070, 1795694470, 1795672870, 1795651270, 1795759270, 1795737670)
        $r.Hops | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiMtrHop]) }
    }

    It 'a -Date the archive lacks is a non-terminating MoSapiNotFound; other days still return' {
        $f = Get-MoSapiMtrReport -Date 2026-11-25, 2026-11-27 -ListOnly -Probe Sydney -TargetIp 2001:db8:2::54 -ErrorVariable err -ErrorAction SilentlyContinue
        $f.FileName | Should -Be @('Sydney-2001:db8:2::54-1795759200-1795759273.json.gz', 'Sydney-2001:db8:2::54-1795737600-1795737673.json.gz')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MoSapiNotFound*'
        $err[0].Exception.Message | Should -BeLike '*2026-11-25*ry/example*'
    }

    It '-ListOnly output pipes back in by Date and FileName, downloading without listing again' {
        $files = Get-MoSapiMtrReport -Date 2026-11-26 -ListOnly -Probe Amsterdam -TargetIp 198.51.100.54
        Reset-Sim
        $r = $files | Select-Object Date, FileName | Get-MoSapiMtrReport -Tld example
        $r.FileName | Should -Be $files.FileName
        $r.TargetIp | Select-Object -Unique | Should -Be '198.51.100.54'
        (Invoke-SimControl -Path '/_sim/stats').requests.'/ry/example/v2/networkTroubleshooting/mtr/2026/11/26' | Should -BeNullOrEmpty
        Get-FileRequestCount 'ry/example' '2026/11/26' | Should -Be 4
    }

    It 'rejects a -TargetIp that is not an address, -ListOnly with -OutputPath, and -End before -Start' {
        { Get-MoSapiMtrReport -TargetIp 'ns1.nic.example' } | Should -Throw -ErrorId 'MoSapiInvalidArgument*'
        { Get-MoSapiMtrReport -ListOnly -OutputPath $TestDrive } | Should -Throw -ErrorId 'MoSapiInvalidArgument*'
        { Get-MoSapiMtrReport -Start 2026-11-27 -End 2026-11-26 } | Should -Throw -ErrorId 'MoSapiInvalidArgument*'
        { Get-MoSapiMtrReport -Date 2026-11-26 -FileName 'not-a-report.txt' } | Should -Throw -ErrorId 'MoSapiInvalidArgument*'
    }
}

Describe 'Get-MoSapiMtrReport -OutputPath' {
    BeforeAll { Connect-SimPassword -Tld example | Out-Null }
    AfterAll { Disconnect-MoSapi; Reset-Sim }

    It 'saves the decompressed JSON, keeps existing files without -Force and replaces them with it' {
        $dir = Join-Path $TestDrive 'mtr'
        $names = 'Amsterdam-2001_db8__53-1795759200-1795759210.json', 'Amsterdam-2001_db8__53-1795737600-1795737610.json'

        $r = Get-MoSapiMtrReport -Date 2026-11-27 -Probe Amsterdam -TargetIp 2001:db8::53 -OutputPath $dir
        $r | Should -HaveCount 2
        (Get-ChildItem $dir).Name | Sort-Object | Should -Be ($names | Sort-Object)
        $r.OutputFile | Should -Be ($names | ForEach-Object { Join-Path $dir $_ })
        $saved = Get-Content (Join-Path $dir $names[0]) -Raw | ConvertFrom-Json
        $saved.report.mtr.dst | Should -Be '2001:db8::53'
        $saved.report.mtr.src | Should -Be 'amsterdam.probe.example'
        $saved.report.hubs.Count | Should -Be $r[0].Hops.Count
        $saved.report.hubs[-1].Avg | Should -Be $r[0].Hops[-1].Avg

        Set-Content (Join-Path $dir $names[0]) 'keep me'
        $again = Get-MoSapiMtrReport -Date 2026-11-27 -Probe Amsterdam -TargetIp 2001:db8::53 -OutputPath $dir -ErrorVariable err -ErrorAction SilentlyContinue
        $again | Should -HaveCount 2
        $again | ForEach-Object { $_.OutputFile | Should -BeNullOrEmpty }
        $err | Should -HaveCount 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MoSapiOutputFileError*'; $_.Exception.Message | Should -BeLike '*already exists*-Force*' }
        (Get-Content (Join-Path $dir $names[0]) -Raw).Trim() | Should -Be 'keep me'

        $forced = Get-MoSapiMtrReport -Date 2026-11-27 -Probe Amsterdam -TargetIp 2001:db8::53 -OutputPath $dir -Force -ErrorVariable err2
        $err2 | Should -HaveCount 0
        $forced.OutputFile | Should -Be ($names | ForEach-Object { Join-Path $dir $_ })
        (Get-Content (Join-Path $dir $names[0]) -Raw | ConvertFrom-Json).report.mtr.dst | Should -Be '2001:db8::53'
    }

    It 'does not save the corrupt file, and saves the others' {
        $dir = Join-Path $TestDrive 'corrupt'
        $r = Get-MoSapiMtrReport -Date 2026-11-26 -Probe Tokyo -TargetIp 192.0.2.54 -OutputPath $dir -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -HaveCount 3
        $err | Should -HaveCount 1
        (Get-ChildItem $dir).Name | Should -Not -Contain ($Corrupt -replace '\.gz$')
        Get-ChildItem $dir | Should -HaveCount 3
    }
}

Describe 'Get-MoSapiMtrReport for a registrar' {
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It 'reads the archive with the registrar certificate' {
        Connect-SimCertificate -RegistrarId 9999 -Name client-registrar | Out-Null
        $f = Get-MoSapiMtrReport -RegistrarId 9999 -ListOnly
        $f | Should -HaveCount 96
        $f.RegistrarId | Select-Object -Unique | Should -Be 9999
        $f.Tld | Select-Object -Unique | Should -BeNullOrEmpty
    }

    It 'downloads with the password account rr9999' {
        Connect-SimPassword -RegistrarId 9999 | Out-Null
        $r = Get-MoSapiMtrReport -Date 2026-11-26 -Probe Amsterdam -TargetIp 2001:db8:1::54
        $r | Should -HaveCount 4
        $r.RegistrarId | Select-Object -Unique | Should -Be 9999
        $r[0].FileName | Should -Be 'Amsterdam-2001:db8:1::54-1795716000-1795716034.json.gz'
        $r[0].Hops[-1].Host | Should -Be '2001:db8:1::54'
        $r[0].Destination | Should -Be '2001:db8:1::54'
    }
}
