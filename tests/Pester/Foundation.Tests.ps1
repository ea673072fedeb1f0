#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-MoSapi, Disconnect-MoSapi, Get-MoSapiConnection and Get-MoSapiState end to end through the simulator, over
# HTTPS, with both ways of authenticating, for registries and registrars, and every error the issue names.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Now = [DateTimeOffset]::FromUnixTimeSeconds(1795780800)
}

AfterAll {
    Disconnect-MoSapi -ErrorAction SilentlyContinue
}

Describe 'Connect-MoSapi with a password' {
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It 'logs in at once and describes the connection without secrets' {
        $c = Connect-SimPassword -Tld example
        $c.Tld | Should -Be 'example'
        $c.RegistrarId | Should -BeNullOrEmpty
        $c.AuthenticationMethod | Should -Be 'Password'
        $c.UserName | Should -Be 'example_ry'
        $c.Environment | Should -Be 'Custom'
        $c.EntityUri.AbsoluteUri | Should -Be ($Sim.BaseUri + 'ry/example/')
        $c.ConnectedSince | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-1))
        (Invoke-SimControl -Path '/_sim/stats').logins.example_ry | Should -Be 1
        Get-MoSapiConnection | Should -HaveCount 1
    }

    It 'replaces {tld} in the user name for each TLD' {
        $c = Connect-SimPassword -Tld example, outage, maint
        $c.UserName | Should -Be @('example_ry', 'outage_ry', 'maint_ry')
        (Get-MoSapiConnection).Tld | Should -Be @('example', 'outage', 'maint')
    }

    It 'accepts objects with a Tld property from the pipeline' {
        $rows = 'Tld', 'example', 'outage' | ConvertFrom-Csv
        $rows | Connect-MoSapi -Credential (New-SimCredential) -BaseUri $Sim.BaseUri -TrustedCaCertificate $Sim.CaPath
        (Get-MoSapiConnection).Tld | Should -Be @('example', 'outage')
    }

    It 'reconnecting the same TLD replaces the connection' {
        Connect-SimPassword -Tld example | Out-Null
        Connect-SimPassword -Tld example | Out-Null
        Get-MoSapiConnection | Should -HaveCount 1
    }

    It 'logs out on Disconnect-MoSapi' {
        Connect-SimPassword -Tld example | Out-Null
        Disconnect-MoSapi -Tld example
        Get-MoSapiConnection | Should -BeNullOrEmpty
        (Invoke-SimControl -Path '/_sim/stats').requests.'/ry/example/logout' | Should -Be 1
    }

    It 'connects a registrar with its own user name' {
        $c = Connect-SimPassword -RegistrarId 9999
        $c.RegistrarId | Should -Be 9999
        $c.UserName | Should -Be 'rr9999'
        $c.EntityUri.AbsoluteUri | Should -Be ($Sim.BaseUri + 'rr/9999/')
    }
}

Describe 'Connect-MoSapi with a client certificate' {
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It 'uses a PFX file and its password' {
        $c = Connect-SimCertificate -Tld example
        $c.AuthenticationMethod | Should -Be 'Certificate'
        $c.CertificateSubject | Should -Match 'CN=MoSapi Test RSP'
        $c.CertificateThumbprint | Should -Match '^[0-9A-F]{40}$'
        (Get-MoSapiState -Tld example).Status | Should -Be 'Up'
    }

    It 'uses a PEM certificate with a <Form> key' -TestCases @(
        @{ Form = 'PKCS#8 RSA'; Cert = 'client-rsp.crt'; Key = 'client-rsp.key'; Tld = 'example' }
        @{ Form = 'PKCS#1 RSA'; Cert = 'client-rsp.crt'; Key = 'client-rsp-rsa1.key'; Tld = 'example' }
        @{ Form = 'PKCS#8 EC'; Cert = 'client-ec.crt'; Key = 'client-ec.key'; Tld = 'outage' }
        @{ Form = 'SEC1 EC'; Cert = 'client-ec.crt'; Key = 'client-ec-sec1.key'; Tld = 'outage' }
    ) {
        Connect-MoSapi -Tld $Tld -CertificatePath (Join-Path $Sim.CertDir $Cert) -KeyPath (Join-Path $Sim.CertDir $Key) `
            -BaseUri $Sim.BaseUri -TrustedCaCertificate $Sim.CaPath
        (Get-MoSapiState -Tld $Tld).Tld | Should -Be $Tld
    }

    It 'uses an X509Certificate2 object' {
        $cert = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new(
            (Join-Path $Sim.CertDir 'client-registrar.pfx'), $env:MOSAPI_SIM_PFXPASSWORD)
        Connect-MoSapi -RegistrarId 9999 -Certificate $cert -BaseUri $Sim.BaseUri -TrustedCaCertificate $Sim.CaPath
        (Get-MoSapiState -RegistrarId 9999).RegistrarId | Should -Be 9999
    }

    It 'uses a certificate from CurrentUser\My by thumbprint' {
        $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]'Exportable, PersistKeySet'
        $cert = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new(
            (Join-Path $Sim.CertDir 'client-rsp.pfx'), $env:MOSAPI_SIM_PFXPASSWORD, $flags)
        $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        $store.Open('ReadWrite'); $store.Add($cert)
        try {
            Connect-MoSapi -Tld example -CertificateThumbprint $cert.Thumbprint -BaseUri $Sim.BaseUri -TrustedCaCertificate $Sim.CaPath
            (Get-MoSapiState -Tld example).Status | Should -Be 'Up'
        }
        finally { $store.Remove($cert); $store.Close() }
    }

    It 'reads 20 TLDs over one certificate with at most 4 requests in flight' {
        $tlds = 1..20 | ForEach-Object { 'tld{0:000}' -f $_ }
        Connect-SimCertificate -Tld $tlds | Out-Null
        $states = Get-MoSapiState -ThrottleLimit 8
        $states.Tld | Should -Be $tlds
        $stats = Invoke-SimControl -Path '/_sim/stats'
        $stats.rejectedInFlight | Should -Be 0
        ($stats.peakInFlightPerCert.PSObject.Properties.Value | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 4
    }
}

Describe 'Get-MoSapiState' {
    BeforeAll {
        Connect-SimPassword -Tld example, outage, maint | Out-Null
        Connect-SimCertificate -RegistrarId 9999 -Name client-registrar | Out-Null
    }
    AfterAll { Disconnect-MoSapi }

    It 'reads every connection when none is named, in connection order' {
        $all = Get-MoSapiState
        $all | Should -HaveCount 4
        $all[0].Tld | Should -Be 'example'
        $all[3].RegistrarId | Should -Be 9999
        $all | ForEach-Object { $_ | Should -BeOfType ([MoSapi.MoSapiState]) }
    }

    It 'maps a TLD whose services are all Up' {
        $s = Get-MoSapiState -Tld example
        $s.Status | Should -Be 'Up'
        $s.Version | Should -Be 2
        $s.LastUpdated.Offset | Should -Be ([TimeSpan]::Zero)
        $s.Services.Service | Should -Be @('Dns', 'Dnssec', 'Rdds', 'Rdap', 'Epp')
        $s.Services.Status | Sort-Object -Unique | Should -Be 'Up'
    }

    It 'maps a TLD with an active DNS incident and a resolved RDAP false positive' {
        $s = Get-MoSapiState -Tld outage
        $s.Status | Should -Be 'Down'
        $dns = $s.Services | Where-Object Service -eq Dns
        $dns.Status | Should -Be 'Down'
        $dns.EmergencyThreshold | Should -BeGreaterThan 0
        $active = $dns.Incidents | Where-Object State -eq 'Active'
        $active | Should -HaveCount 1
        $active.EndTime | Should -BeNullOrEmpty
        $active.FalsePositive | Should -BeFalse
        $active.StartTime | Should -Be $Now.AddMinutes(-12)
        $active.Tld | Should -Be 'outage'
        $rdap = $s.Services | Where-Object Service -eq Rdap
        $fp = $rdap.Incidents | Where-Object FalsePositive
        $fp.State | Should -Be 'Resolved'
        $fp.EndTime | Should -Not -BeNullOrEmpty
        ($s.Services | Where-Object Service -eq Epp).Status | Should -Be 'Disabled'
        ($s.Services | Where-Object Service -eq Epp).EmergencyThreshold | Should -BeNullOrEmpty
    }

    It 'maps a TLD in maintenance with every service Disabled' {
        $s = Get-MoSapiState -Tld maint
        $s.Status | Should -Be 'Up-inconclusive'
        $s.Services.Status | Sort-Object -Unique | Should -Be 'Disabled'
        $s.Services | Where-Object { $null -ne $_.EmergencyThreshold } | Should -BeNullOrEmpty
    }

    It 'maps a registrar with registrarID and its two services' {
        $s = Get-MoSapiState -RegistrarId 9999
        $s.RegistrarId | Should -Be 9999
        $s.Tld | Should -BeNullOrEmpty
        $s.Services.Service | Should -Be @('Rdds', 'Rdap')
        $s.Services.RegistrarId | Sort-Object -Unique | Should -Be 9999
    }

    It 'takes connections from the pipeline' {
        (Get-MoSapiConnection -Tld maint | Get-MoSapiState).Tld | Should -Be 'maint'
    }

    It 'renders the default table within 120 columns' {
        $text = Get-MoSapiState -Tld outage | Out-String -Width 120
        $text | Should -Match 'Entity\s+Status\s+DNS\s+DNSSEC\s+RDDS\s+RDAP\s+EPP'
        $text | Should -Match 'outage\s+Down\s+Down \d'
    }
}

Describe 'Errors' {
    AfterEach { Disconnect-MoSapi; Reset-Sim }

    It 'a data cmdlet without any connection fails with MoSapiNotConnected' {
        { Get-MoSapiState } | Should -Throw -ErrorId 'MoSapiNotConnected,MoSapi.Commands.GetMoSapiStateCommand'
    }

    It 'a TLD without a connection is a non-terminating MoSapiNotConnected while the others return' {
        Connect-SimPassword -Tld example | Out-Null
        $result = Get-MoSapiState -Tld example, other -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.Tld | Should -Be 'example'
        $errs[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotConnected,MoSapi.Commands.GetMoSapiStateCommand'
        $errs[0].Exception.Message | Should -Match 'Connect-MoSapi -Tld other'
    }

    It 'a wrong password fails at connect time with MoSapiAuthenticationFailed' {
        { Connect-MoSapi -Tld example -Credential (New-SimCredential -Password 'wrong-password') -BaseUri $Sim.BaseUri -TrustedCaCertificate $Sim.CaPath -ErrorAction Stop } |
            Should -Throw -ErrorId 'MoSapiAuthenticationFailed,MoSapi.Commands.ConnectMoSapiCommand'
        Get-MoSapiConnection | Should -BeNullOrEmpty
    }

    It 'an address missing from the allow-list fails with MoSapiAccessDenied' {
        $err = $null
        Connect-SimPassword -Tld denied -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiAccessDenied,MoSapi.Commands.ConnectMoSapiCommand'
        $err[0].Exception.Message | Should -Match 'allow-list'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'an unknown TLD fails with MoSapiNotFound' {
        Connect-SimCertificate -Tld nosuchtld | Out-Null
        $err = $null
        Get-MoSapiState -Tld nosuchtld -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiNotFound,MoSapi.Commands.GetMoSapiStateCommand'
    }

    It 'a certificate not authorised for the TLD fails with MoSapiAuthenticationFailed' {
        Connect-SimCertificate -Tld example -Name client-unauthorised | Out-Null
        { Get-MoSapiState -Tld example -ErrorAction Stop } | Should -Throw -ErrorId 'MoSapiAuthenticationFailed,MoSapi.Commands.GetMoSapiStateCommand'
    }

    It 'a server certificate from an unknown CA fails with MoSapiConnectionFailed' {
        $err = $null
        Connect-MoSapi -Tld example -Credential (New-SimCredential) -BaseUri $Sim.BaseUri -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiConnectionFailed,MoSapi.Commands.ConnectMoSapiCommand'
        $err[0].Exception.Message | Should -Match 'TrustedCaCertificate'
    }

    It 'a server certificate for <Name> is refused even with the test CA trusted' -TestCases @(
        @{ Name = 'another host'; Port = 'wrongHost' }
        @{ Name = 'an expired certificate'; Port = 'expired' }
        @{ Name = 'a CA that was not named'; Port = 'unknownCa' }
    ) {
        $err = $null
        Connect-MoSapi -Tld example -Credential (New-SimCredential) -BaseUri "https://127.0.0.1:$($Sim.Ports.$Port)/" -TrustedCaCertificate $Sim.CaPath -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiConnectionFailed,MoSapi.Commands.ConnectMoSapiCommand'
    }

    It 'a refused connection fails with MoSapiConnectionFailed' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $err = $null
        Connect-MoSapi -Tld example -Credential (New-SimCredential) -BaseUri "https://127.0.0.1:$port/" -TrustedCaCertificate $Sim.CaPath -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiConnectionFailed,MoSapi.Commands.ConnectMoSapiCommand'
        $err[0].Exception.Message | Should -Match 'refused'
    }

    It 'malformed JSON fails with MoSapiInvalidResponse' {
        Connect-SimCertificate -Tld example | Out-Null
        Invoke-SimControl -Method POST -Path '/_sim/faults' -Body @{ path = '/ry/example/v2/monitoring/state'; kind = 'invalidJson'; count = 1 } | Out-Null
        $err = $null
        Get-MoSapiState -Tld example -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'MoSapiInvalidResponse,MoSapi.Commands.GetMoSapiStateCommand'
    }

    It 'plain http to a non-loopback host is refused before any request' {
        { Connect-MoSapi -Tld example -Credential (New-SimCredential) -BaseUri 'http://mosapi.example/' } |
            Should -Throw -ErrorId 'MoSapiInvalidArgument,MoSapi.Commands.ConnectMoSapiCommand'
    }

    It '-Environment and -BaseUri together are refused' {
        { Connect-MoSapi -Tld example -Credential (New-SimCredential) -Environment OTE -BaseUri $Sim.BaseUri } |
            Should -Throw -ErrorId 'MoSapiInvalidArgument,MoSapi.Commands.ConnectMoSapiCommand'
    }

    It 'a PFX with a wrong password fails with MoSapiCertificateLoadFailed' {
        { Connect-MoSapi -Tld example -CertificatePath (Join-Path $Sim.CertDir 'client-rsp.pfx') -CertificatePassword (ConvertTo-SecureString 'nope' -AsPlainText -Force) -BaseUri $Sim.BaseUri } |
            Should -Throw -ErrorId 'MoSapiCertificateLoadFailed,MoSapi.Commands.ConnectMoSapiCommand'
    }
}

Describe 'Connections live per runspace' {
    AfterAll { Disconnect-MoSapi }

    It 'another runspace sees none of this one''s connections but can use one passed to it' {
        $c = Connect-SimPassword -Tld example
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; @(Get-MoSapiConnection).Count; (Get-MoSapiState -Connection `$args[0]).Status").AddArgument($c)
            $out = $ps.Invoke()
            $out[0] | Should -Be 0
            $out[1] | Should -Be 'Up'
        }
        finally { $ps.Dispose() }
        Get-MoSapiConnection | Should -HaveCount 1
    }

    It 'ForEach-Object -Parallel shares connections through $using: with one login per account' {
        Disconnect-MoSapi
        Invoke-SimControl -Method POST -Path '/_sim/stats/reset' | Out-Null
        $connections = Connect-SimPassword -Tld example, outage
        $results = 1..20 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:ModulePath
            Get-MoSapiState -Connection ($using:connections)[$_ % 2]
        }
        $results | Should -HaveCount 20
        $stats = Invoke-SimControl -Path '/_sim/stats'
        $stats.logins.example_ry | Should -Be 1
        $stats.logins.outage_ry | Should -Be 1
    }
}

Describe 'Secrets stay secret' {
    It 'no view, export or string of a connection contains the password or the cookie' {
        $c = Connect-SimPassword -Tld example
        $file = Join-Path ([IO.Path]::GetTempPath()) "mosapi-conn-$PID.xml"
        try {
            $c | Export-Clixml $file
            $texts = @(
                ($c | Format-List * | Out-String)
                ($c | Format-Table | Out-String)
                $c.ToString()
                (Get-Content $file -Raw)
                (Get-MoSapiState -Tld example -Debug -Verbose 5>&1 4>&1 *>&1 | Out-String)
            )
            foreach ($t in $texts) {
                $t | Should -Not -Match ([regex]::Escape($Sim.Password))
                $t | Should -Not -Match 'id=[0-9a-f]{40}'
            }
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue; Disconnect-MoSapi }
    }
}
