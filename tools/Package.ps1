# Turns the staged module (out/MoSapi) into the PowerShell Gallery package out/MoSapi.<version>.nupkg, with the
# PSResourceGet that ships in pwsh 7.4+: Publish-PSResource to a local file repository, which is the same packing
# the gallery upload does. Called by build.ps1 -Task Package and by tests/Pester/Package.Tests.ps1.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $StagePath,
    [Parameter(Mandatory)] [string] $OutDirectory
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$StagePath = (Resolve-Path $StagePath).Path
$manifestPath = Join-Path $StagePath 'MoSapi.psd1'
if (-not (Test-Path $manifestPath)) { throw "No staged module at $StagePath. Run ./build.ps1 -Task Build first." }
$version = (Import-PowerShellDataFile $manifestPath).ModuleVersion

# Only what a user needs may ship. Anything else in the stage is a build mistake: stop rather than publish it.
$allowed = '^(MoSapi\.psd1|MoSapi\.Format\.ps1xml|LICENSE|bin/[^/]+\.dll|en-US/[^/]+\.(xml|txt))$'
$strays = Get-ChildItem $StagePath -Recurse -File |
    ForEach-Object { [IO.Path]::GetRelativePath($StagePath, $_.FullName).Replace('\', '/') } |
    Where-Object { $_ -notmatch $allowed }
if ($strays) { throw "The stage holds files that must not ship: $($strays -join ', '). Fix Invoke-Build in build.ps1." }
if (-not (Test-Path (Join-Path $StagePath 'LICENSE'))) { throw 'The stage has no LICENSE file; the package needs one.' }

Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop

# A repository of our own, under a name no user has, removed again whatever happens: the user's own repositories
# (PSGallery and others) are never touched.
$id = [guid]::NewGuid().ToString('N').Substring(0, 12)
$repositoryName = "MoSapiBuild-$id"
$repositoryPath = Join-Path ([IO.Path]::GetTempPath()) "mosapi-repository-$id"
New-Item -ItemType Directory -Path $repositoryPath | Out-Null
try {
    Register-PSResourceRepository -Name $repositoryName -Uri $repositoryPath -Trusted
    Publish-PSResource -Path $StagePath -Repository $repositoryName -SkipDependenciesCheck
    $built = Join-Path $repositoryPath "MoSapi.$version.nupkg"
    if (-not (Test-Path $built)) {
        throw "Publish-PSResource wrote no MoSapi.$version.nupkg (found: $((Get-ChildItem $repositoryPath).Name -join ', '))."
    }
    New-Item -ItemType Directory -Path $OutDirectory -Force | Out-Null
    $package = Join-Path (Resolve-Path $OutDirectory).Path "MoSapi.$version.nupkg"
    Copy-Item $built $package -Force
    Write-Host "Packaged $package"
}
finally {
    Unregister-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue
    Remove-Item $repositoryPath -Recurse -Force -ErrorAction SilentlyContinue
}
