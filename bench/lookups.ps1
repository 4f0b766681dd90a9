#requires -Version 7.0
<#
.SYNOPSIS
    The pwsh side of the benchmark (P1): started by bench/PayNet.Bench as a child process of `dotnet pwsh`.
.DESCRIPTION
    Imports the built module, connects to the Card sandbox named by PAYNET_BENCH_CARD_URI and
    PAYNET_BENCH_CARD_KEY, prints "ready", then answers one command per line on stdin:
        run <mode> <concurrency> <seconds>   ->   rate <calls/s> <calls> <elapsed s>   (or: error <text>)
    Modes, each a Card check per piped reference:
        cmdlet   <rows> | Get-PayNetTransaction -ThrottleLimit <concurrency>
        irm      foreach (...) { Invoke-RestMethod ... }                (what a sysadmin writes, one at a time)
        irmpar   <rows> | ForEach-Object -Parallel { Invoke-RestMethod ... } -ThrottleLimit <concurrency>
    A sample pipes a fixed number of rows sized from the previous sample, and is run again with more
    rows until it lasts at least <seconds>; only a sample that long is reported.
#>
param([Parameter(Mandatory)] [string] $Module)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $Module
$cardUri = $env:PAYNET_BENCH_CARD_URI
$key = $env:PAYNET_BENCH_CARD_KEY
Connect-PayNet -SecretKey (ConvertTo-SecureString $key -AsPlainText -Force) -BaseUri $cardUri | Out-Null
$references = $env:PAYNET_BENCH_REFERENCES -split ','
$checkUri = "$cardUri/v1/transaction/check"
$headers = @{ Authorization = "Basic $key" }
$rowsFor = @{}          # "<mode>/<concurrency>" -> rows per sample, adapted to last >= the asked seconds
$rowCache = @{}

function Get-Rows([int] $Count) {
    if (-not $rowCache.ContainsKey($Count)) {
        $rowCache.Clear()
        $rowCache[$Count] = [object[]] (0..($Count - 1) | ForEach-Object { [pscustomobject]@{ ReferenceNo = $references[$_ % $references.Length] } })
    }
    $rowCache[$Count]
}

function Invoke-Sample([string] $Mode, [int] $Concurrency, [object[]] $Rows) {
    switch ($Mode) {
        'cmdlet' {
            $null = $Rows | Get-PayNetTransaction -ThrottleLimit $Concurrency
        }
        'irm' {
            foreach ($row in $Rows) {
                $null = Invoke-RestMethod -Method Post -Uri $checkUri -Headers $headers -ContentType 'application/json' -Body (@{ reference_no = $row.ReferenceNo } | ConvertTo-Json -Compress)
            }
        }
        'irmpar' {
            $null = $Rows | ForEach-Object -ThrottleLimit $Concurrency -Parallel {
                Invoke-RestMethod -Method Post -Uri $using:checkUri -Headers $using:headers -ContentType 'application/json' -Body (@{ reference_no = $_.ReferenceNo } | ConvertTo-Json -Compress)
            }
        }
        default { throw "Unknown mode '$Mode'." }
    }
}

[Console]::Out.WriteLine('ready')
[Console]::Out.Flush()
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $parts = $line.Trim() -split '\s+'
    if ($parts[0] -eq 'quit') { break }
    try {
        if ($parts[0] -ne 'run') { throw "Unknown command '$line'." }
        $mode = $parts[1]; $concurrency = [int] $parts[2]; $seconds = [double]::Parse($parts[3], [cultureinfo]::InvariantCulture)
        $slot = "$mode/$concurrency"
        $count = if ($rowsFor.ContainsKey($slot)) { $rowsFor[$slot] } else { @{ cmdlet = 400; irm = 60; irmpar = 30 }[$mode] }
        while ($true) {
            $rows = Get-Rows $count
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            Invoke-Sample $mode $concurrency $rows
            $elapsed = $watch.Elapsed.TotalSeconds
            if ($elapsed -ge $seconds) {
                $rowsFor[$slot] = [int] [math]::Ceiling($count * $seconds * 1.15 / $elapsed)
                [Console]::Out.WriteLine([string]::Format([cultureinfo]::InvariantCulture, 'rate {0} {1} {2}', $count / $elapsed, $count, $elapsed))
                break
            }
            $count = [int] [math]::Ceiling($count * $seconds * 1.25 / [math]::Max($elapsed, 0.01))
        }
    }
    catch {
        [Console]::Out.WriteLine('error ' + ($_.Exception.Message -replace '\s+', ' '))
    }
    [Console]::Out.Flush()
}
