# Runs the Pester suites in this (child) pwsh and writes the counts as JSON for build.ps1.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $Filter = $(if ($env:MOSAPI_PESTER_FILTER) { $env:MOSAPI_PESTER_FILTER } else { '*' })
)
$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
$env:MOSAPI_MODULE_PATH = $ModulePath
Import-Module $PesterPath -Force

$config = New-PesterConfiguration
$config.Run.Path = @(Get-ChildItem (Join-Path $PSScriptRoot 'Pester') -Filter "$Filter.Tests.ps1" | ForEach-Object FullName)
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.Output.RenderMode = 'Plaintext'
$config.Should.ErrorAction = 'Continue'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.xml')

# The tests see PowerShell's default: a non-terminating error stays non-terminating, as it would in a user's session.
$ErrorActionPreference = 'Continue'
$run = Invoke-Pester -Configuration $config
if ($null -eq $run) {
    Write-Host 'Pester returned no result object.'
    exit 2
}
$summary = [ordered]@{
    Passed  = $run.PassedCount
    Failed  = $run.FailedCount
    Skipped = $run.SkippedCount + $run.NotRunCount
    Errors  = $run.FailedContainersCount + $run.FailedBlocksCount
}
$summary | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8
if ($run.FailedCount -gt 0 -or $summary.Errors -gt 0 -or $run.PassedCount -eq 0) { exit 1 }
exit 0
