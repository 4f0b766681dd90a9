#requires -Version 7.0
<#
.SYNOPSIS
    Reconciles a shop's card ledger (examples/ledger-card.csv) against PayNet's card transactions
    for 15-16 January 2024 in the sandbox, and prints a summary per status.
.DESCRIPTION
    The sample ledger plants one discrepancy of each kind against the sandbox's seeded data: an amount
    typo (RCN-0002), a payment cancelled the same day (RCN-0005), one refunded later (RCN-0007), a
    wrong currency (RCN-0013), a payment PayNet never saw (RCN-9999), and a PayNet payment missing from
    the ledger (RCN-0014). Start the sandbox first (./build.ps1 Sandbox) or pass -SandboxUri.
.EXAMPLE
    ./examples/reconcile-card.ps1 -OutFile ./reconciliation.csv
#>
[CmdletBinding()]
param(
    [string] $SandboxUri = 'http://127.0.0.1:5080',
    [string] $Ledger = (Join-Path $PSScriptRoot 'ledger-card.csv'),
    [string] $OutFile
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module PayNet)) { Import-Module (Join-Path $PSScriptRoot '../out/PayNet/PayNet.psd1') }
Connect-PayNet -Sandbox -BaseUri $SandboxUri

$period = @{ Service = 'Card'; From = '2024-01-15'; To = '2024-01-16' }
$results = Import-Csv $Ledger | Compare-PayNetTransaction @period
$results | Sort-Object Status, Reference | Format-Table Status, Reference, LedgerAmount, PayNetAmount, Difference, PayNetState, Note -AutoSize

Write-Host 'Summary per status:'
Import-Csv $Ledger | Compare-PayNetTransaction @period -Summary | Format-Table -AutoSize

if ($OutFile) {
    $results | Export-Csv -Path $OutFile -NoTypeInformation
    Write-Host "Results written to $OutFile"
}
$problems = @($results | Where-Object Status -ne 'Matched').Count
Write-Host "$problems of $(@($results).Count) references need attention."
