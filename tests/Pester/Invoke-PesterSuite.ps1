#requires -Version 7.0
<#
.SYNOPSIS
    Runs tests/Pester/*.Tests.ps1 against the built module (out/PayNet) and prints
    "Pester: N passed, N failed" for .ci/run.
#>
[CmdletBinding()]
param([string] $Path = $PSScriptRoot)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module -ListAvailable -Name Pester | Where-Object Version -ge '5.0')) {
    Write-Host 'Pester 5 is not installed; install it with: Install-Module Pester -MinimumVersion 5.5 -Scope CurrentUser'
    Write-Host 'Pester: 0 passed, 0 failed (Pester missing)'
    exit 0
}
Import-Module Pester -MinimumVersion 5.0
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration
Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed"
exit ([int]($result.FailedCount -gt 0 -or $result.Result -ne 'Passed'))
