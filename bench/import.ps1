#requires -Version 7.0
<#
.SYNOPSIS
    P3: how many milliseconds Import-Module PayNet adds to a cold pwsh start (median of 7 runs each).
    Appends the figure to bench/results.md. Skips with one line when pwsh is not on PATH.
#>
[CmdletBinding()]
param([int] $Runs = 7, [string] $Results = (Join-Path $PSScriptRoot 'results.md'))

$pwsh = Get-Command pwsh -ErrorAction SilentlyContinue
if (-not $pwsh) { Write-Host 'P3 import time skipped: pwsh is not on PATH.'; return }
$manifest = Join-Path $PSScriptRoot '../out/PayNet/PayNet.psd1'

function Measure-Cold([string] $Command) {
    $times = foreach ($i in 1..$Runs) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $pwsh.Source -NoProfile -NonInteractive -Command $Command | Out-Null
        $watch.Elapsed.TotalMilliseconds
    }
    ($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
}

$null = Measure-Cold 'exit'   # warm the disk cache for both
$bare = Measure-Cold 'exit'
$import = Measure-Cold "Import-Module '$manifest'; exit"
$added = $import - $bare
$verdict = if ($added -lt 300) { 'met' } else { 'missed' }
$line = "| P3 Import-Module PayNet, cold pwsh (median of $Runs) | +$([math]::Round($added)) ms | $([math]::Round($bare)) ms bare start | | < 300 ms | $verdict |"
Write-Host $line
if (Test-Path $Results) {
    $text = Get-Content $Results -Raw
    $lines = $text -split "`n"
    $at = [array]::FindLastIndex($lines, [Predicate[string]] { param($l) $l.StartsWith('| P') })
    $lines = $lines[0..$at] + $line + $lines[($at + 1)..($lines.Length - 1)]
    Set-Content $Results ($lines -join "`n") -NoNewline
}
