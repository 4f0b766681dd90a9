#requires -Version 7.0
<#
.SYNOPSIS
    P4: Import-Csv <ledger> | Compare-PayNetTransaction -Service Card over the ledger's period, in a fresh pwsh.
.DESCRIPTION
    Started by bench/PayNet.Bench with the Card sandbox in PAYNET_BENCH_CARD_URI / PAYNET_BENCH_CARD_KEY.
    Prints one line:  reconciled <ledger rows> <results> <seconds> <peak live managed growth bytes> <peak RSS growth bytes>
    Live managed memory is sampled after a full collection every 10,000 rows (what the pipeline holds
    on to); RSS growth is the process's high-water mark (VmHWM) over its resident size before the run.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Ledger,
    [Parameter(Mandatory)] [datetime] $From,
    [Parameter(Mandatory)] [datetime] $To
)

$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-PayNet -SecretKey (ConvertTo-SecureString $env:PAYNET_BENCH_CARD_KEY -AsPlainText -Force) -BaseUri $env:PAYNET_BENCH_CARD_URI | Out-Null

function Get-StatusKb([string] $Field) {
    $line = Get-Content /proc/self/status | Where-Object { $_ -like "${Field}:*" }
    [long] (($line -split '\s+')[1]) * 1024
}

# Warm the path once (JIT, first connection) on a few rows, outside the measurement.
$null = Import-Csv $Ledger | Select-Object -First 50 | Compare-PayNetTransaction -Service Card -From $From -To $To

[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
$baseline = [GC]::GetTotalMemory($true)
$script:peak = $baseline
$script:rows = 0
try { Set-Content /proc/self/clear_refs 5 } catch { }   # resets VmHWM to the current RSS (Linux)
$rssBefore = Get-StatusKb VmRSS
filter Watch-Memory {
    if ((++$script:rows % 10000) -eq 0) { $script:peak = [math]::Max($script:peak, [GC]::GetTotalMemory($true)) }
    $_
}
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$results = (Import-Csv $Ledger | Watch-Memory | Compare-PayNetTransaction -Service Card -From $From -To $To | Measure-Object).Count
$seconds = $watch.Elapsed.TotalSeconds
$script:peak = [math]::Max($script:peak, [GC]::GetTotalMemory($false))
$rssPeak = Get-StatusKb VmHWM
[Console]::Out.WriteLine([string]::Format([cultureinfo]::InvariantCulture, 'reconciled {0} {1} {2} {3} {4}', $script:rows, $results, $seconds, $script:peak - $baseline, [math]::Max(0, $rssPeak - $rssBefore)))
