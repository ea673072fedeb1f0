#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Runs every recipe of the README's cookbook against the simulator. A recipe is the fenced code block that follows a
# "<!-- recipe: name -->" line; it runs as written in a prepared runspace (ExampleRunner.ps1), with the TLD list and
# credential file it expects put in its working directory.

BeforeDiscovery {
    $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
    $script:Recipes = @([regex]::Matches($readme, '(?ms)^<!-- recipe: (?<name>[\w-]+) -->\s*\r?\n```powershell\r?\n(?<code>.*?)^```') |
        ForEach-Object { @{ Name = $_.Groups['name'].Value; Code = $_.Groups['code'].Value } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
    $script:Sandboxes = [System.Collections.Generic.List[string]]::new()
    function New-RecipeSandbox([string[]] $Tlds = @('example', 'outage')) {
        $dir = New-ExampleSandbox
        $script:Sandboxes.Add($dir)
        Set-Content (Join-Path $dir 'tlds.txt') -Value $Tlds
        $dir
    }
}

AfterAll {
    foreach ($dir in $script:Sandboxes) { Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue }
    Reset-Sim
}

Describe 'README cookbook' {
    It 'has the five recipes' {
        $Recipes.Name | Should -Be @('rsp', 'alert', 'csv', 'daar', 'offline')
    }

    It 'rsp: reads 300 TLDs with one certificate and reports the one it may not read' {
        $recipe = $Recipes | Where-Object Name -eq 'rsp'
        # 298 bulk TLDs, the TLD with an outage, and one whose allow-list refuses this address.
        $tlds = @(1..298 | ForEach-Object { 'tld{0:000}' -f $_ }) + 'outage' + 'denied'
        $dir = New-RecipeSandbox $tlds
        Reset-Sim
        $result = Invoke-Example -Code $recipe.Code -Sandbox $dir -TimeoutSec 300
        $result.Output | Should -Match 'Read 299 of 300 TLDs'
        $result.Output | Should -Match 'outage'
        $result.Output | Should -Match 'ry/denied: MoSapiAccessDenied\s'
        $result.Errors | Should -BeNullOrEmpty
        # One certificate: never more than MoSAPI's 4 requests in flight.
        $stats = Invoke-SimControl -Path '/_sim/stats'
        $stats | ConvertTo-Json -Depth 5 | Should -Not -Match '"status":\s*429'
    }

    It 'alert: warns about services that are Down or past 50 % and returns them' {
        $recipe = $Recipes | Where-Object Name -eq 'alert'
        $dir = New-RecipeSandbox @('example', 'outage')
        New-SimCredential '{tld}_ry' | Export-Clixml (Join-Path $dir 'mosapi-credential.xml')
        $result = Invoke-Example -Code $recipe.Code -Sandbox $dir
        $result.Errors | Should -BeNullOrEmpty
        $result.Warnings | Should -Contain 'MoSAPI: outage Dns is Down, 12.5 % of the emergency threshold used (incident 1795780080.7731)'
        $result.Warnings | Where-Object { $_ -match '^MoSAPI: example' } | Should -BeNullOrEmpty
        Get-MoSapiConnection | Should -BeNullOrEmpty
    }

    It 'alert: also alerts on a threshold past 50 % without an outage' {
        $recipe = $Recipes | Where-Object Name -eq 'alert'
        $dir = New-RecipeSandbox @('example')
        New-SimCredential '{tld}_ry' | Export-Clixml (Join-Path $dir 'mosapi-credential.xml')
        Invoke-SimControl -Method POST -Path '/_sim/state' -Body @{ entity = 'ry/example'; service = 'rdds'; emergencyThreshold = 62.5 } | Out-Null
        try {
            $result = Invoke-Example -Code $recipe.Code -Sandbox $dir
        }
        finally {
            Invoke-SimControl -Method DELETE -Path '/_sim/state' | Out-Null
        }
        $result.Errors | Should -BeNullOrEmpty
        $result.Warnings | Should -Match '^MoSAPI: example Rdds is Up, 62.5 %'
    }

    It 'csv: exports the probe results of the incident' {
        $recipe = $Recipes | Where-Object Name -eq 'csv'
        $dir = New-RecipeSandbox
        $result = Invoke-Example -Code $recipe.Code -Sandbox $dir
        $result.Errors | Should -BeNullOrEmpty
        $csv = Join-Path $dir 'outage-dns-1795780080.7731.csv'
        $csv | Should -Exist
        $rows = Import-Csv $csv
        $rows.Count | Should -BeGreaterThan 12
        @($rows.MeasurementId | Sort-Object -Unique).Count | Should -Be 12
        $rows[0].PSObject.Properties.Name | Should -Contain 'ResultDescription'
        $rows | Where-Object Result -ne 'ok' | Should -Not -BeNullOrEmpty
        $result.Output | Should -Match 'Count\s+Name'
    }

    It 'daar: summarises a month of reports per TLD and threat type' {
        $recipe = $Recipes | Where-Object Name -eq 'daar'
        $dir = New-RecipeSandbox
        $result = Invoke-Example -Code $recipe.Code -Sandbox $dir
        $result.Errors | Should -BeNullOrEmpty
        $rows = Import-Csv (Join-Path $dir 'daar-2026-10.csv')
        @($rows.Tld | Sort-Object -Unique) | Should -Be @('example', 'outage')
        $rows.ThreatType | Should -Contain 'phishing'
        # October has 31 days; the simulator holds no report for 6, 24 and 25 October.
        ($rows | Where-Object { $_.Tld -eq 'example' -and $_.ThreatType -eq 'phishing' }).Days | Should -Be 28
    }

    It 'offline: shows the runbook what a MoSAPI outage looks like' {
        $recipe = $Recipes | Where-Object Name -eq 'offline'
        $dir = New-RecipeSandbox
        $result = Invoke-Example -Code $recipe.Code -Sandbox $dir
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match 'Read: outage; failed: ry/example \(MoSapiServerError'
        Invoke-SimControl -Path '/_sim/faults' | Should -BeNullOrEmpty
    }
}
