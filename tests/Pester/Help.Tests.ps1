#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Meta-tests of the help: every exported cmdlet has a synopsis, a description, every parameter described, no
# parameter the cmdlet lacks, and at least two examples; and every example runs against the simulator as written
# (see docs/help/README.md for the prepared runspace the examples run in).

BeforeDiscovery {
    $modulePath = if ($env:MOSAPI_MODULE_PATH) { $env:MOSAPI_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/MoSapi/MoSapi.psd1' }
    $module = Import-Module $modulePath -Force -PassThru
    $helpSource = Join-Path $PSScriptRoot '../../docs/help'
    $script:CmdletCases = @($module.ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $script:ExampleCases = foreach ($name in $module.ExportedCmdlets.Keys | Sort-Object) {
        # Examples marked <!-- not-run: reason --> in the help source are reported as skipped, with the reason.
        $notRun = @{}
        $source = Join-Path $helpSource "$name.md"
        if (Test-Path $source) {
            $title = $null
            foreach ($line in Get-Content $source) {
                if ($line -match '^###\s+(Example.*)$') { $title = $Matches[1] -replace '^Example\s+\d+\s*:\s*', '' }
                elseif ($line -match '^<!--\s*not-run:\s*(.+?)\s*-->') { $notRun[$title] = $Matches[1] }
            }
        }
        $i = 0
        foreach ($example in @((Get-Help $name -Full).examples.example)) {
            $i++
            $title = $example.title -replace '^-+\s*', '' -replace '\s*-+$', '' -replace '^Example\s+\d+\s*:\s*', ''
            @{ Name = $name; Number = $i; Title = $title; Code = [string] $example.code; NotRun = $notRun[$title] }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    . (Join-Path $PSScriptRoot 'ExampleRunner.ps1')
    $script:Sandbox = New-ExampleSandbox
    # The module findable by name, for ForEach-Object -Parallel and thread jobs in the examples.
    $script:StagedModules = Split-Path (Split-Path (Resolve-Path $script:ModulePath).Path)
    $script:OldModulePath = $env:PSModulePath
    $env:PSModulePath = $StagedModules + [IO.Path]::PathSeparator + $env:PSModulePath
    # Watch-MoSapiState's test hook: polls 200 ms apart instead of a minute.
    $env:MOSAPI_WATCH_INTERVAL_MS = '200'
}

AfterAll {
    $env:PSModulePath = $script:OldModulePath
    Remove-Item env:MOSAPI_WATCH_INTERVAL_MS -ErrorAction SilentlyContinue
    Remove-Item $Sandbox -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Help of <Name>' -ForEach $CmdletCases {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:Command = Get-Command $Name
        $script:Parameters = @($Command.Parameters.Keys | Where-Object { $_ -notin $Common })
    }

    It 'has a help source in docs/help' {
        Join-Path $PSScriptRoot "../../docs/help/$Name.md" | Should -Exist
    }

    It 'has a synopsis' {
        # Without MAML, Get-Help makes the synopsis up from the syntax.
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match ([regex]::Escape("$Name ["))
        $Help.Synopsis | Should -Not -BeLike "$Name*"
    }

    It 'has a description' {
        ($Help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $missing = foreach ($p in $Parameters) {
            $text = (Get-Help $Name -Parameter $p -ErrorAction SilentlyContinue).description.Text -join ''
            if (-not $text.Trim()) { $p }
        }
        $missing | Should -BeNullOrEmpty -Because 'every parameter needs a description'
    }

    It 'lists no parameter the cmdlet lacks' {
        $listed = @($Help.parameters.parameter.name)
        $listed | Where-Object { $_ -notin $Command.Parameters.Keys } | Should -BeNullOrEmpty
        foreach ($syntax in $Help.syntax.syntaxItem) {
            @($syntax.parameter.name) | Where-Object { $_ -notin $Command.Parameters.Keys } | Should -BeNullOrEmpty
        }
    }

    It 'shows one syntax per parameter set' {
        @($Help.syntax.syntaxItem).Count | Should -Be @($Command.ParameterSets).Count
    }

    It 'has at least two examples' {
        @($Help.examples.example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'about_MoSapi' {
    It 'is found by Get-Help and covers the topics' {
        $text = Get-Help about_MoSapi | Out-String
        foreach ($topic in 'CONNECTING', 'THE DATA MODEL', 'RATE LIMITS AND SESSIONS', 'RUNBOOKS', 'THE SIMULATOR', 'TROUBLESHOOTING') {
            $text | Should -Match $topic
        }
        foreach ($id in 'MoSapiNotConnected', 'MoSapiAuthenticationFailed', 'MoSapiAccessDenied', 'MoSapiNotFound', 'MoSapiRateLimited',
            'MoSapiBadRequest', 'MoSapiServerError', 'MoSapiInvalidResponse', 'MoSapiTimeout', 'MoSapiConnectionFailed') {
            $text | Should -Match $id
        }
    }
}

Describe 'Help examples run against the simulator' {
    AfterEach { Reset-Sim }

    It '<Name> example <Number>: <Title>' -ForEach $ExampleCases {
        if ($NotRun) { Set-ItResult -Skipped -Because $NotRun; return }
        $result = Invoke-Example -Code $Code -Sandbox $Sandbox -Connect
        $result.Errors | Should -BeNullOrEmpty -Because "the example should run without errors:`n$Code"
        ($result.Output.Trim() + ($result.Warnings -join '')) | Should -Not -BeNullOrEmpty -Because 'an example should show something'
        $result.Output | Should -Not -Match ([regex]::Escape($Sim.Password))
    }
}
