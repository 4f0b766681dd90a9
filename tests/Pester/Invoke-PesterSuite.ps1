#requires -Version 7.0
<#
.SYNOPSIS
    Runs tests/Pester/*.Tests.ps1 against the built module (out/PayNet) and prints
    "Pester: N passed, N failed" for .ci/run.
.DESCRIPTION
    Pester 5.7.1 comes from NuGet: the build restores it (a PackageDownload in
    tests/PayNet.PowerShell.Tests) into the NuGet package cache, and this script imports it from
    there. Nothing is installed globally and nothing comes from the PowerShell Gallery. A missing
    Pester is a failure, never a skip.
#>
[CmdletBinding()]
param([string] $Path = $PSScriptRoot, [string[]] $Tag, [string[]] $ExcludeTag)

$ErrorActionPreference = 'Stop'
$pesterVersion = '5.7.1'

function Find-RestoredPester {
    $caches = @()
    if ($env:NUGET_PACKAGES) { $caches += $env:NUGET_PACKAGES }
    $caches += Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages'
    foreach ($cache in $caches) {
        $manifest = Join-Path $cache "pester/$pesterVersion/tools/Pester.psd1"
        if (Test-Path $manifest) { return $manifest }
    }
    # The cache may live elsewhere (NuGet.Config): ask dotnet where.
    $line = & dotnet nuget locals global-packages --list 2>$null | Select-Object -First 1
    if ($line -match 'global-packages:\s*(.+)$') {
        $manifest = Join-Path $Matches[1].Trim() "pester/$pesterVersion/tools/Pester.psd1"
        if (Test-Path $manifest) { return $manifest }
    }
    return $null
}

$pester = Find-RestoredPester
if (-not $pester) {
    Write-Host "Pester $pesterVersion was not found in the NuGet package cache. Restore it with: dotnet restore tests/PayNet.PowerShell.Tests"
    Write-Host 'Pester: 0 passed, 1 failed (Pester missing)'
    exit 1
}
# Tests keep their journal out of the user's own (a run never reads what an earlier one left).
$journalDir = Join-Path ([IO.Path]::GetTempPath()) "paynet-pester-journal-$PID"
$null = New-Item -ItemType Directory -Force -Path $journalDir
$env:PAYNET_JOURNAL = $journalDir
Import-Module $pester -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }
$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Write-Host "Pester: $($result.PassedCount) passed, $failed failed"
exit ([int]($failed -gt 0 -or $result.Result -ne 'Passed'))
