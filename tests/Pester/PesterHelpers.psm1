# Shared by the Pester suite: starts a sandbox on a free loopback port and imports the built module.

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-TestSandbox {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $port = Get-FreeTcpPort
    $url = "http://127.0.0.1:$port"
    $dll = Join-Path $repo 'src/PayNet.Sandbox/bin/Debug/net10.0/PayNet.Sandbox.dll'
    $process = Start-Process dotnet -ArgumentList @($dll, '--urls', $url) -PassThru -RedirectStandardOutput ([System.IO.Path]::GetTempFileName())
    $deadline = (Get-Date).AddSeconds(30)
    while ((Get-Date) -lt $deadline) {
        try { $null = Invoke-RestMethod "$url/__sandbox" -TimeoutSec 2; return [pscustomobject]@{ Uri = $url; Process = $process } }
        catch { Start-Sleep -Milliseconds 200 }
    }
    Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
    throw "Sandbox did not start at $url"
}

function Stop-TestSandbox($Sandbox) {
    if ($Sandbox) { Stop-Process -Id $Sandbox.Process.Id -ErrorAction SilentlyContinue }
}

function Reset-TestSandbox($Sandbox) {
    $null = Invoke-RestMethod -Method Post "$($Sandbox.Uri)/__sandbox/reset"
}

function Import-PayNetModule {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    # Tests journal their money moves in a scratch directory, never in the user's own journal.
    if (-not $env:PAYNET_JOURNAL) { $env:PAYNET_JOURNAL = Join-Path ([System.IO.Path]::GetTempPath()) "paynet-pester-journal-$PID" }
    Import-Module (Join-Path $repo 'out/PayNet/PayNet.psd1') -Force -Global
}

Export-ModuleMember -Function Start-TestSandbox, Stop-TestSandbox, Reset-TestSandbox, Import-PayNetModule, Get-FreeTcpPort
