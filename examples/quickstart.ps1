#requires -Version 7.0
<#
.SYNOPSIS
    A guided tour of PayNet for PowerShell against the local sandbox: connect, quote and pay, top up,
    look up, reconcile and export.
.DESCRIPTION
    The README's main job (./build.ps1 Demo runs it after starting the sandbox). Every step prints what a
    person would want to see. Money moves use -Confirm:$false because nobody is at the prompt; at a
    console you would leave it off and answer the prompt.
.EXAMPLE
    ./examples/quickstart.ps1 -SandboxUri http://127.0.0.1:5080
#>
[CmdletBinding()]
param(
    [string] $SandboxUri = 'http://127.0.0.1:5080',
    [string] $OutDirectory = (Join-Path ([System.IO.Path]::GetTempPath()) 'paynet-quickstart')
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module PayNet)) { Import-Module (Join-Path $PSScriptRoot '../out/PayNet/PayNet.psd1') }
New-Item -ItemType Directory -Force $OutDirectory | Out-Null

function Step([string] $Title) { Write-Host "`n== $Title" -ForegroundColor Cyan }

Step 'Connect to the sandbox (Wallet, TopUp and Card; sandbox credentials are discovered)'
Connect-PayNet -Sandbox -BaseUri $SandboxUri -PassThru | Format-Table | Out-Host
$started = Get-Date

Step 'Wallet balances, and the TopUp POS balance'
Get-PayNetWallet | Format-Table | Out-Host

Step 'Quote a payment with a fixed fee (moves no money)'
$quote = Invoke-PayNetPayment -ToMemberId 3 -Amount 20 -TransferType FixedFee -Description 'Quickstart invoice 42' -Validate
$quote | Format-List | Out-Host

Step 'Pay exactly that quote'
$receipt = $quote | Invoke-PayNetPayment -Confirm:$false
$receipt | Format-List | Out-Host

Step 'Top up a mobile number (check, confirm, then wait for the final state)'
$topUp = Start-PayNetTopUp -Product et-mc -Account 971550000001 -Amount 50 -Confirm:$false -PollIntervalSec 0.5
$topUp | Format-List ExternalId, State, Product, Account, Amount, Currency | Out-Host
$topUp.Receipt.Text | Out-Host   # PayNet's own receipt, for printing or e-mailing

Step 'Buy a voucher; the PIN comes back on the object'
Start-PayNetTopUp -Product slk100 -Account voucher00@example.com -Amount 100 -Confirm:$false |
    Format-Table ExternalId, State, Product, VoucherPin, VoucherSerial | Out-Host

Step 'Look transactions up again, from any service, through the pipeline'
$receipt, $topUp | Get-PayNetTransaction | Out-Host # one table for both services (the record view)
'RCN-0001', 'RCN-0003' | ForEach-Object { [pscustomobject]@{ ReferenceNo = $_ } } | Get-PayNetTransaction | Format-Table | Out-Host

Step 'Reconcile a card ledger against PayNet (examples/ledger-card.csv)'
Import-Csv (Join-Path $PSScriptRoot 'ledger-card.csv') |
    Compare-PayNetTransaction -Service Card -From 2024-01-15 -To 2024-01-16 -Summary | Format-Table | Out-Host

Step 'Export the day''s card transactions for the accountant'
$csv = Join-Path $OutDirectory 'card-2024-01-15.csv'
Get-PayNetTransaction -From 2024-01-15 -To 2024-01-15 -IncludeFailed | Export-Csv $csv -NoTypeInformation
Write-Host "$(@(Import-Csv $csv).Count) rows written to $csv"

Step 'The journal: every money move of this tour, from the local write-ahead record (Get-Help about_PayNet)'
Get-PayNetJournal -Since $started | Format-Table | Out-Host

Disconnect-PayNet
Write-Host "`nDone. Try Get-Help about_PayNet for the money-safety rules and the reconciliation recipe." -ForegroundColor Green
