#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The PowerShell Gallery package and its manifest: tools/Package.ps1 builds the .nupkg from the staged module, a fresh
# pwsh installs it from a local repository into a throw-away module path and uses it against the simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:StagePath = Split-Path (Resolve-Path $script:ModulePath).Path -Parent
    $script:Manifest = Import-PowerShellDataFile (Join-Path $script:StagePath 'MoSapi.psd1')
    $script:Version = $script:Manifest.ModuleVersion

    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('mosapi-package-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $script:PackageDir = Join-Path $script:Work 'repository'
    New-Item -ItemType Directory -Path $script:PackageDir -Force | Out-Null
    Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $script:Root 'tools/Package.ps1') -StagePath $script:StagePath -OutDirectory $script:PackageDir |
        Out-Null
    $script:PackageExit = $LASTEXITCODE
    $script:Nupkg = Join-Path $script:PackageDir "MoSapi.$script:Version.nupkg"

    $script:Entries = @()
    $script:Nuspec = $null
    if (Test-Path $script:Nupkg) {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try {
            $script:Entries = @($zip.Entries | ForEach-Object FullName)
            $reader = [IO.StreamReader]::new($zip.GetEntry('MoSapi.nuspec').Open())
            try { $script:Nuspec = [xml] $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }
}

AfterAll {
    if ($script:Work) { Remove-Item $script:Work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'The package' {
    It 'is MoSapi.<version>.nupkg with the version of the manifest' {
        $script:PackageExit | Should -Be 0
        $script:Nupkg | Should -Exist
        $script:Nuspec.package.metadata.id | Should -Be 'MoSapi'
        $script:Nuspec.package.metadata.version | Should -Be $script:Version
    }

    It 'holds the module, its LICENSE and NuGet''s own metadata, and nothing else' {
        $allowed = '^(MoSapi\.psd1|MoSapi\.Format\.ps1xml|LICENSE|bin/[^/]+\.dll|en-US/[^/]+\.(xml|txt)|MoSapi\.nuspec|\[Content_Types\]\.xml|_rels/\.rels|package/services/metadata/core-properties/[0-9a-f]+\.psmdcp)$'
        $script:Entries | Should -Not -BeNullOrEmpty
        $script:Entries | Where-Object { $_ -notmatch $allowed } | Should -BeNullOrEmpty
        foreach ($required in 'MoSapi.psd1', 'MoSapi.Format.ps1xml', 'LICENSE', 'bin/MoSapi.PowerShell.dll', 'bin/Newtonsoft.Json.dll') {
            $script:Entries | Should -Contain $required
        }
        $script:Entries | Where-Object { $_ -match '(?i)tests?[/.]|\.ps1$|\.pdb$|\.cs(proj)?$|deps\.json$|build|tools/' } | Should -BeNullOrEmpty
    }

    It 'describes itself to the gallery' {
        $meta = $script:Nuspec.package.metadata
        $meta.authors | Should -Be $script:Manifest.Author
        $meta.description | Should -Be $script:Manifest.Description
        $meta.projectUrl | Should -Be $script:Manifest.PrivateData.PSData.ProjectUri
        $meta.releaseNotes | Should -Not -BeNullOrEmpty
        $tags = $meta.tags -split ' '
        foreach ($tag in @($script:Manifest.PrivateData.PSData.Tags) + 'PSModule') {
            $tags | Should -Contain $tag
        }
    }

    It 'leaves no repository of its own registered' {
        Get-PSResourceRepository | Where-Object Name -like 'MoSapiBuild-*' | Should -BeNullOrEmpty
    }

    It 'installs with Install-PSResource into a fresh module path, imports by name and reads the simulator' {
        $tempHome = Join-Path $script:Work 'home'
        New-Item -ItemType Directory -Path $tempHome -Force | Out-Null
        $script = Join-Path $script:Work 'install.ps1'
        Set-Content -Path $script -Encoding utf8 -Value @'
param([string] $Repository, [string] $Scratch)
$ErrorActionPreference = 'Stop'
$name = 'MoSapiInstallTest'
Register-PSResourceRepository -Name $name -Uri $Repository -Trusted
try {
    if ($IsWindows) {
        # Windows keeps the CurrentUser module path in Documents, which no variable redirects: save instead.
        $modules = Join-Path $Scratch 'Modules'
        New-Item -ItemType Directory -Path $modules -Force | Out-Null
        Save-PSResource -Name MoSapi -Repository $name -Path $modules -TrustRepository
        $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    else {
        Install-PSResource -Name MoSapi -Repository $name -TrustRepository -Scope CurrentUser
    }
    Import-Module MoSapi
    $module = Get-Module MoSapi
    $pfxPassword = ConvertTo-SecureString $env:MOSAPI_SIM_PFXPASSWORD -AsPlainText -Force
    Connect-MoSapi -Tld outage -BaseUri $env:MOSAPI_SIM_BASEURI -TrustedCaCertificate (Join-Path $env:MOSAPI_SIM_CERTDIR 'ca.crt') `
        -CertificatePath (Join-Path $env:MOSAPI_SIM_CERTDIR 'client-rsp.pfx') -CertificatePassword $pfxPassword
    $state = Get-MoSapiState -Tld outage
    [pscustomobject] @{
        ModuleBase = $module.ModuleBase
        Version    = "$($module.Version)"
        Commands   = @(Get-Command -Module MoSapi -CommandType Cmdlet).Count
        Type       = $state.GetType().FullName
        Tld        = $state.Tld
        Status     = $state.Status
    } | ConvertTo-Json -Compress
}
finally {
    Unregister-PSResourceRepository -Name $name -ErrorAction SilentlyContinue
}
'@
        # On Linux and macOS the CurrentUser module path and PSResourceGet's repository list live under HOME:
        # a temporary HOME keeps the install, and the repository, away from the user's. XDG_DATA_HOME is cleared
        # because pwsh honours it and PSResourceGet does not; PSModulePath is cleared so the child builds its
        # default one, the temporary user path first.
        $saved = @{}
        $redirect = @{ PSModulePath = $null; XDG_DATA_HOME = $null; HOME = $tempHome }
        if (-not $IsWindows) {
            foreach ($name in $redirect.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $redirect[$name]) }
        }
        try {
            $lines = Invoke-ChildPwsh -NoProfile -NonInteractive -File $script -Repository $script:PackageDir -Scratch $tempHome 2>&1
            $exit = $LASTEXITCODE
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        $exit | Should -Be 0 -Because ($lines -join "`n")
        $result = $lines | Where-Object { "$_".StartsWith('{') } | Select-Object -Last 1 | ConvertFrom-Json
        $result.ModuleBase | Should -BeLike "$tempHome*"
        $result.Version | Should -Be $script:Version
        $result.Commands | Should -Be @($script:Manifest.CmdletsToExport).Count
        $result.Type | Should -Be 'MoSapi.MoSapiState'
        $result.Tld | Should -Be 'outage'
        $result.Status | Should -Be 'Down'
    }
}

Describe 'The manifest' {
    It 'exports exactly the cmdlets the assembly defines' {
        $assembly = [MoSapi.Commands.GetMoSapiStateCommand].Assembly
        $defined = $assembly.GetExportedTypes() |
            Where-Object { -not $_.IsAbstract -and [System.Management.Automation.Cmdlet].IsAssignableFrom($_) } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
        @($script:Manifest.CmdletsToExport | Sort-Object) | Should -Be @($defined | Sort-Object)
    }

    It 'has the gallery metadata' {
        $m = $script:Manifest
        foreach ($key in 'Description', 'Author', 'CompanyName', 'Copyright') { $m[$key] | Should -Not -BeNullOrEmpty -Because $key }
        @($m.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
        $m.PowerShellVersion | Should -Be '5.1'
        $m.RootModule | Should -Be 'bin/MoSapi.PowerShell.dll'
        $psData = $m.PrivateData.PSData
        foreach ($tag in 'ICANN', 'MoSAPI', 'SLA', 'monitoring', 'DNS', 'RDAP', 'registry', 'registrar', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') {
            $psData.Tags | Should -Contain $tag
        }
        foreach ($key in 'ProjectUri', 'LicenseUri') { [uri] $psData[$key] | Should -Not -BeNullOrEmpty; ([uri] $psData[$key]).Scheme | Should -Be 'https' }
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
        { Test-ModuleManifest (Join-Path $script:StagePath 'MoSapi.psd1') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'has a LICENSE beside it, in the repository and in the stage' {
        Join-Path $script:Root 'LICENSE' | Should -Exist
        Join-Path $script:StagePath 'LICENSE' | Should -Exist
    }

    It 'is the one source of the version: the assembly carries it and no project file sets its own' {
        $assembly = [MoSapi.Commands.GetMoSapiStateCommand].Assembly
        $expected = [version] $script:Version
        $actual = $assembly.GetName().Version
        "$($actual.Major).$($actual.Minor).$($actual.Build)" | Should -Be "$($expected.Major).$($expected.Minor).$([Math]::Max(0, $expected.Build))"
        [Diagnostics.FileVersionInfo]::GetVersionInfo($assembly.Location).ProductVersion | Should -BeLike "$script:Version*"
        $projects = @(Join-Path $script:Root 'Directory.Build.props') + @(Get-ChildItem (Join-Path $script:Root 'src') -Filter *.csproj -Recurse | ForEach-Object FullName)
        foreach ($project in $projects) {
            Get-Content $project -Raw | Should -Not -Match '<(Version|AssemblyVersion|FileVersion|VersionPrefix)>' -Because $project
        }
    }
}
