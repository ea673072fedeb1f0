#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-MoSapiDaarReport (alias Get-MoSapiMetricaReport) end to end through the simulator: latest, by date, the list
# with its 31-day windows, the per-domain rows, registries and registrars, gzip, and both kinds of 404.
# Expected values are the scenario's (src/MoSapi.Simulator/SCENARIO.md, section 5).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Missing = '2026-11-21', '2026-11-08', '2026-10-25', '2026-10-24', '2026-10-06'

    function Get-SimStats { Invoke-SimControl -Path '/_sim/stats' }
}

AfterAll {
    Disconnect-MoSapi -ErrorAction SilentlyContinue
}

Describe 'Get-MoSapiDaarReport for a registry (password)' {
    BeforeAll { Connect-SimPassword -Tld example, outage | Out-Null }
    AfterAll { Disconnect-MoSapi; Reset-Sim }

    It 'returns the latest report of each TLD with the scenario figures' {
        $r = Get-MoSapiDaarReport -Tld example
        $r | Should -HaveCount 1
        $r | Should -BeOfType ([MoSapi.MoSapiDaarReport])
        $r.Tld | Should -Be 'example'
        $r.RegistrarId | Should -BeNullOrEmpty
        $r.Date | Should -Be ([datetime]'2026-11-26')
        $r.Date.Kind | Should -Be 'Utc'
        $r.UniqueAbuseDomains | Should -Be 80
        $r.Version | Should -Be 2
        $r.LastModified | Should -Be ([DateTimeOffset]::Parse('2026-11-27T00:38:31Z'))
        $r.Threats.ThreatType | Should -Be @('phishing', 'malware', 'botnetCc', 'spam')
        $r.Threats | ForEach-Object Count | Should -Be @(34, 5, 0, 43)
        $r.Threats | ForEach-Object { $_.Domains.Count } | Should -Be @(12, 4, 0, 12)
        $r.Threats.Monitored | Should -Be @($true, $true, $true, $true)
        $r.Threats[0].Domains | ForEach-Object { $_ | Should -Match '^[a-z-]+-\d+\.example$' }
    }

    It 'reads every connection when no entity is named, in connection order' {
        $r = Get-MoSapiMetricaReport
        $r.Tld | Should -Be @('example', 'outage')
        $r[1].UniqueAbuseDomains | Should -Be 51
        $r[1].Threats | ForEach-Object Count | Should -Be @(34, 9, 2, 9)
        $r[1].Threats | ForEach-Object { $_.Domains.Count } | Should -Be @(12, 7, 2, 8)
        $r[1].LastModified | Should -Be ([DateTimeOffset]::Parse('2026-11-27T00:12:24Z'))
    }

    It 'the alias is the same command' {
        (Get-Alias Get-MoSapiMetricaReport).ResolvedCommandName | Should -Be 'Get-MoSapiDaarReport'
    }

    It '-Date returns the reports of those days in order, and a missing day is a non-terminating MoSapiNotFound' {
        $r = Get-MoSapiDaarReport -Tld example -Date '2026-11-26', '2026-11-21', '2026-11-20' -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Date | Should -Be @([datetime]'2026-11-26', [datetime]'2026-11-20')
        $r[0].UniqueAbuseDomains | Should -Be 80
        $r[1].UniqueAbuseDomains | Should -Be 10
        $r[1].Threats | ForEach-Object Count | Should -Be @(7, 4, 1, 0)
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MoSapiNotFound*'
        $err[0].Exception.Message | Should -BeLike '*no METRICA report of 2026-11-21 for ry/example*-List*'
        $err[0].Exception.Message | Should -Not -BeLike '*not enabled*'
    }

    It 'every scenario gap is a 404 and the day before the first report too' {
        $days = @($Missing) + '2026-09-27' | ForEach-Object { [datetime] $_ }
        $r = Get-MoSapiDaarReport -Tld example -Date $days -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -BeNullOrEmpty
        $err | Should -HaveCount 6
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MoSapiNotFound*' }
    }

    It 'takes the day of a DateTime regardless of its time, and Unspecified kinds as UTC days' {
        $r = Get-MoSapiDaarReport -Tld example -Date ([datetime]::new(2026, 11, 26, 23, 59, 59))
        $r.Date | Should -Be ([datetime]'2026-11-26')
        $utc = Get-MoSapiDaarReport -Tld example -Date ([datetime]::SpecifyKind([datetime]'2026-11-26T00:00:01', 'Utc'))
        $utc.UniqueAbuseDomains | Should -Be 80
    }

    It '-ExpandDomains writes one row per listed domain' {
        $rows = Get-MoSapiDaarReport -Tld example -ExpandDomains
        $rows | Should -HaveCount 28
        $rows | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiDaarDomain]) }
        (($rows | Group-Object ThreatType -NoElement | Sort-Object Name | ForEach-Object { '{0}={1}' -f $_.Name, $_.Count }) -join ',') | Should -Be 'malware=4,phishing=12,spam=12'
        $rows.Date | Select-Object -Unique | Should -Be ([datetime]'2026-11-26')
        $rows.Tld | Select-Object -Unique | Should -Be 'example'
        $report = Get-MoSapiDaarReport -Tld example
        $rows.Domain | Should -Be ($report.Threats.Domains)
    }

    It '-ExpandDomains rows export to CSV with Date, ThreatType and Domain' {
        $csv = Get-MoSapiDaarReport -Tld example -Date 2026-11-20 -ExpandDomains | Select-Object Tld, @{ n = 'Date'; e = { $_.Date.ToString('yyyy-MM-dd') } }, ThreatType, Domain | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Be '"Tld","Date","ThreatType","Domain"'
        $csv.Count | Should -Be (1 + ((Get-MoSapiDaarReport -Tld example -Date 2026-11-20).Threats.Domains.Count))
        $csv[1] | Should -Match '^"example","2026-11-20","phishing","[^"]+\.example"$'
    }

    It '-List without dates returns the service window: 29 reports of 2026-10-27 … 2026-11-26, newest first' {
        $l = Get-MoSapiDaarReport -Tld example -List
        $l | Should -HaveCount 29
        $l | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiDaarListEntry]) }
        $l[0].Date | Should -Be ([datetime]'2026-11-26')
        $l[-1].Date | Should -Be ([datetime]'2026-10-27')
        $l[0].GenerationDate | Should -Be ([DateTimeOffset]::Parse('2026-11-27T00:38:31Z'))
        $l.Date | Should -Not -Contain ([datetime]'2026-11-21')
        $l.Date | Should -Not -Contain ([datetime]'2026-11-08')
        $l.Tld | Select-Object -Unique | Should -Be 'example'
    }

    It '-List over 60 days is split into 31-day windows and merged without duplicates' {
        Reset-Sim
        $l = Get-MoSapiDaarReport -Tld example -List -Start 2026-09-28 -End 2026-11-26
        $l | Should -HaveCount 55
        ($l.Date | Select-Object -Unique) | Should -HaveCount 55
        $l[0].Date | Should -Be ([datetime]'2026-11-26')
        $l[-1].Date | Should -Be ([datetime]'2026-09-28')
        foreach ($d in $Missing) { $l.Date | Should -Not -Contain ([datetime] $d) }
        (Get-SimStats).requests.'/ry/example/v2/metrica/domainLists' | Should -Be 2
    }

    It '-List with a range of exactly 31 days is one request' {
        Reset-Sim
        $l = Get-MoSapiDaarReport -Tld example -List -Start 2026-10-01 -End 2026-10-31
        $l | Should -HaveCount 28
        (Get-SimStats).requests.'/ry/example/v2/metrica/domainLists' | Should -Be 1
    }

    It '-List with only -Start runs to today' {
        $l = Get-MoSapiDaarReport -Tld example -List -Start 2026-11-20
        $l.Date | Should -Be @('2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-20' | ForEach-Object { [datetime] $_ })
    }

    It '-End before -Start is a terminating MoSapiInvalidArgument' {
        { Get-MoSapiDaarReport -Tld example -List -Start 2026-11-20 -End 2026-11-01 } | Should -Throw -ErrorId 'MoSapiInvalidArgument*'
    }

    It 'parameter sets: -Date and -List do not mix, -ExpandDomains is not for -List' {
        { Get-MoSapiDaarReport -Tld example -List -Date 2026-11-20 } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        { Get-MoSapiDaarReport -Tld example -List -ExpandDomains } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        (Get-Command Get-MoSapiDaarReport).DefaultParameterSet | Should -Be 'Latest'
    }

    It 'list entries carrying only a Date pipe into the report fetch' {
        $r = Get-MoSapiDaarReport -Tld example -List -Start 2026-11-20 -End 2026-11-23 | Select-Object Date | Get-MoSapiDaarReport -Tld example
        $r.Date | Should -Be @('2026-11-23', '2026-11-22', '2026-11-20' | ForEach-Object { [datetime] $_ })
        $r.UniqueAbuseDomains | Should -Be @(57, 34, 10)
    }

    It 'list entries pipe into the report fetch with their entity' {
        $r = Get-MoSapiDaarReport -List -Start 2026-11-20 -End 2026-11-23 | Get-MoSapiDaarReport
        $r.Tld | Should -Be @('example', 'example', 'example', 'outage', 'outage', 'outage')
        $r[0..2].UniqueAbuseDomains | Should -Be @(57, 34, 10)
    }
}

Describe 'Get-MoSapiDaarReport for a registrar' {
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It 'reads the registrar report with a certificate: ianaId, spam not monitored' {
        Connect-SimCertificate -RegistrarId 9999 -Name client-registrar | Out-Null
        $r = Get-MoSapiDaarReport -RegistrarId 9999
        $r.RegistrarId | Should -Be 9999
        $r.Tld | Should -BeNullOrEmpty
        $r.Date | Should -Be ([datetime]'2026-11-26')
        $r.UniqueAbuseDomains | Should -Be 15
        $r.LastModified | Should -Be ([DateTimeOffset]::Parse('2026-11-27T00:23:13Z'))
        $r.Threats | ForEach-Object Count | Should -Be @(11, 3, 2, -1)
        $r.Threats | ForEach-Object { $_.Domains.Count } | Should -Be @(10, 3, 2, 0)
        $r.Threats.Monitored | Should -Be @($true, $true, $true, $false)
        $r.Threats[3].ThreatType | Should -Be 'spam'
    }

    It 'reads it with the password account rr9999 and expands 15 domain rows' {
        Connect-SimPassword -RegistrarId 9999 | Out-Null
        $rows = Get-MoSapiDaarReport -ExpandDomains
        $rows | Should -HaveCount 15
        $rows.RegistrarId | Select-Object -Unique | Should -Be 9999
        $rows.ThreatType | Should -Not -Contain 'spam'
        $rows.Domain | ForEach-Object { $_ | Should -Match '\.(example|test)$' }
    }

    It 'lists and fetches registrar days with the same gaps' {
        Connect-SimPassword -RegistrarId 9999 | Out-Null
        $l = Get-MoSapiDaarReport -List -Start 2026-11-07 -End 2026-11-09
        $l.Date | Should -Be @([datetime]'2026-11-09', [datetime]'2026-11-07')
        $l.RegistrarId | Select-Object -Unique | Should -Be 9999
        $r = Get-MoSapiDaarReport -Date 2026-11-08, 2026-11-09 -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Date | Should -Be ([datetime]'2026-11-09')
        $r.Threats[3].Monitored | Should -BeFalse
        $err | Should -HaveCount 1
        $err[0].Exception.Message | Should -BeLike '*2026-11-08 for rr/9999*'
    }

    It 'registrar list entries pipe into the report fetch' {
        Connect-SimPassword -RegistrarId 9999 | Out-Null
        $r = Get-MoSapiDaarReport -List -Start 2026-11-25 -End 2026-11-26 | Get-MoSapiDaarReport
        $r.RegistrarId | Should -Be @(9999, 9999)
        $r[0].UniqueAbuseDomains | Should -Be 15
    }
}

Describe 'METRICA not enabled' {
    BeforeAll { Connect-SimCertificate -Tld nometrica, example | Out-Null }
    AfterAll { Disconnect-MoSapi; Reset-Sim }

    It 'latest is a non-terminating MoSapiNotFound saying METRICA is likely not enabled; other TLDs still return' {
        $r = Get-MoSapiDaarReport -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Tld | Should -Be 'example'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MoSapiNotFound*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'ry/nometrica'
        $err[0].Exception.Message | Should -BeLike '*ry/nometrica*METRICA is most likely not enabled*'
    }

    It 'a dated request says the same, because latest is missing too' {
        Get-MoSapiDaarReport -Tld nometrica -Date 2026-11-26, 2026-11-25 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 2
        $err | ForEach-Object { $_.Exception.Message | Should -BeLike '*nor a latest one*not enabled*' }
    }

    It 'the list is a MoSapiNotFound too' {
        Get-MoSapiDaarReport -Tld nometrica -List -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MoSapiNotFound*'
    }
}

Describe 'METRICA responses are gzip-encoded when asked, and decoded by the module' {
    BeforeAll {
        Connect-SimPassword -Tld example | Out-Null
        $script:Curl = Get-Command curl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        $script:Key = Join-Path $Sim.CertDir 'client-rsp.key'
        $script:Crt = Join-Path $Sim.CertDir 'client-rsp.crt'
        function Invoke-Raw([string] $Encoding, [string] $OutFile) {
            $headers = & $Curl.Source -s --cacert $Sim.CaPath --cert $Crt --key $Key -H "Accept-Encoding: $Encoding" `
                -o $OutFile -D - "$($Sim.BaseUri)ry/example/v2/metrica/domainList/latest"
            $headers -join "`n"
        }
    }
    AfterAll { Disconnect-MoSapi; Reset-Sim }

    It 'the service sends gzip only to a client that asks, and the module reads the same document' -Skip:(-not (Get-Command curl -CommandType Application -ErrorAction SilentlyContinue)) {
        $gz = Join-Path $TestDrive 'latest.gz'
        $plain = Join-Path $TestDrive 'latest.json'
        Invoke-Raw 'gzip' $gz | Should -Match '(?im)^content-encoding:\s*gzip'
        Invoke-Raw 'identity' $plain | Should -Not -Match '(?im)^content-encoding:'
        $bytes = [IO.File]::ReadAllBytes($gz)
        $bytes[0..1] | Should -Be @(0x1f, 0x8b)

        $doc = Get-Content $plain -Raw | ConvertFrom-Json
        $r = Get-MoSapiDaarReport -Tld example
        $r.UniqueAbuseDomains | Should -Be $doc.uniqueAbuseDomains
        $r.Threats | ForEach-Object Count | Should -Be ($doc.domainListData | ForEach-Object { $_.PSObject.Properties['count'].Value })
        $r.Threats.Domains | Should -Be ($doc.domainListData.domains)
    }
}
