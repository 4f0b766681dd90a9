#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, documents, runs and packages PayNet for PowerShell.
.DESCRIPTION
    Tasks:
      Build    dotnet build PayNet.sln; lays out the importable module in out/PayNet.
      Test     xunit (dotnet test PayNet.sln), then the Pester suite (Pester 5.7.1 restored from NuGet)
               in a fresh pwsh process; ends with one line "N passed, N failed" summing both.
      Docs     PlatyPS markdown in docs/en-US to MAML help in out/PayNet/en-US, plus a drift check.
      Sandbox  Starts the local PayNet sandbox on http://127.0.0.1:5080 (Ctrl+C stops it).
      Demo     The README's main job: build, start the sandbox, run examples/quickstart.ps1 against it.
      Bench    The benchmark harness in bench/ (Release build; P1-P5, cmdlets in a real pwsh child; writes bench/results.md).
      Package  Publishes out/PayNet to a local repository folder, out/repo.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Demo
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
.EXAMPLE
    ./build.ps1 Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Sandbox', 'Demo', 'Bench', 'Package')]
    [string[]] $Task = @('Build'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',
    [string] $SandboxUrl = 'http://127.0.0.1:5080'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/PayNet'

# The pwsh running this script, whether a global install or the repository's `dotnet pwsh` tool
# (there ProcessPath is dotnet itself, so take the apphost from $PSHOME).
$pwshPath = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
if (-not (Test-Path $pwshPath)) { $pwshPath = (Get-Command pwsh -CommandType Application | Select-Object -First 1).Source }

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Test-ModuleAvailable([string] $Name, [string] $InstallHint) {
    if (Get-Module -ListAvailable -Name $Name) { return $true }
    Write-Host "$Name is not installed. Install it from the PowerShell Gallery: $InstallHint" -ForegroundColor Yellow
    return $false
}

function Start-Sandbox([string] $Url) {
    # The built DLL, not 'dotnet run': one process, so stopping it really stops the sandbox.
    $dll = Join-Path $root "src/PayNet.Sandbox/bin/$Configuration/net10.0/PayNet.Sandbox.dll"
    $log = Join-Path ([System.IO.Path]::GetTempPath()) 'paynet-sandbox.log'
    $process = Start-Process dotnet -ArgumentList @($dll, '--urls', $Url) -PassThru -RedirectStandardOutput $log
    $deadline = (Get-Date).AddSeconds(60)
    while ((Get-Date) -lt $deadline) {
        try { $null = Invoke-RestMethod "$Url/__sandbox" -TimeoutSec 2; return $process } catch { Start-Sleep -Milliseconds 300 }
        if ($process.HasExited) { throw "The sandbox exited with code $($process.ExitCode)." }
    }
    Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
    throw "The sandbox did not answer at $Url within 60 seconds."
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet build (Join-Path $root 'PayNet.sln') -c $Configuration
        Write-Host "Module laid out in $moduleDir. Import it with: Import-Module $moduleDir/PayNet.psd1"
    }
    'Test' {
        # xunit, then Pester 5.7.1 (restored from NuGet by the build) in a fresh pwsh: a loaded binary
        # module cannot be unloaded, so every run starts clean. Pester always runs: a missing Pester
        # is a failure. The last line sums both runners: "N passed, N failed".
        $passed = 0; $failed = 0
        $xunitLog = [System.Collections.Generic.List[string]]::new()
        & dotnet test (Join-Path $root 'PayNet.sln') -c $Configuration 2>&1 | ForEach-Object {
            $line = "$_"; $xunitLog.Add($line); Write-Host $line
        }
        $xunitExit = $LASTEXITCODE
        foreach ($line in $xunitLog) {
            if ($line -match '^(Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+)') {
                $failed += [int]$Matches[2]; $passed += [int]$Matches[3]
            }
        }
        if ($xunitExit -ne 0 -and $failed -eq 0) { $failed++ }   # a build or runner failure counts
        $pesterLog = [System.Collections.Generic.List[string]]::new()
        & $pwshPath -NoProfile -NonInteractive -File (Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1') 2>&1 | ForEach-Object {
            $line = "$_"; $pesterLog.Add($line); Write-Host $line
        }
        $pesterExit = $LASTEXITCODE
        $summary = $pesterLog | Where-Object { $_ -match '^Pester: (\d+) passed, (\d+) failed' } | Select-Object -Last 1
        if ($summary -and $summary -match '^Pester: (\d+) passed, (\d+) failed') {
            $passed += [int]$Matches[1]; $failed += [int]$Matches[2]
        }
        elseif ($pesterExit -ne 0 -or -not $summary) { $failed++ }
        Write-Host "$passed passed, $failed failed"
        if ($failed -gt 0 -or $xunitExit -ne 0 -or $pesterExit -ne 0) { exit 1 }
    }
    'Docs' {
        # Uses PlatyPS when installed; otherwise tools/PayNet.HelpTool writes the same MAML. The drift check always runs.
        $null = Test-ModuleAvailable Microsoft.PowerShell.PlatyPS 'Install-PSResource Microsoft.PowerShell.PlatyPS -Scope CurrentUser (the build falls back to tools/PayNet.HelpTool meanwhile)'
        & ($pwshPath) -NoProfile -NonInteractive -File (Join-Path $root 'docs/Build-Help.ps1') -ModulePath $moduleDir -DocsPath (Join-Path $root 'docs/en-US')
        if ($LASTEXITCODE -ne 0) { throw 'Help build or drift check failed.' }
    }
    'Sandbox' {
        Invoke-Dotnet build (Join-Path $root 'src/PayNet.Sandbox') -c $Configuration
        & dotnet run --no-build -c $Configuration --project (Join-Path $root 'src/PayNet.Sandbox') -- --urls $SandboxUrl
    }
    'Demo' {
        Invoke-Dotnet build (Join-Path $root 'PayNet.sln') -c $Configuration
        $sandbox = Start-Sandbox $SandboxUrl
        try {
            & ($pwshPath) -NoProfile -File (Join-Path $root 'examples/quickstart.ps1') -SandboxUri $SandboxUrl
            if ($LASTEXITCODE -ne 0) { throw 'examples/quickstart.ps1 failed.' }
        }
        finally {
            Stop-Process -Id $sandbox.Id -ErrorAction SilentlyContinue
        }
    }
    'Bench' {
        # Release everywhere: the module in out/PayNet (imported by the pwsh children), the sandbox, the harness.
        Invoke-Dotnet tool restore
        foreach ($project in 'src/PayNet.PowerShell', 'src/PayNet.Sandbox', 'bench/PayNet.Bench') { Invoke-Dotnet build (Join-Path $root $project) -c Release }
        Invoke-Dotnet run --no-build -c Release --project (Join-Path $root 'bench/PayNet.Bench') -- --output (Join-Path $root 'bench/results.md')
    }
    'Package' {
        Invoke-Dotnet build (Join-Path $root 'PayNet.sln') -c Release
        $repo = Join-Path $root 'out/repo'
        New-Item -ItemType Directory -Force $repo | Out-Null
        if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
            if (-not (Get-PSResourceRepository -Name PayNetLocal -ErrorAction SilentlyContinue)) {
                Register-PSResourceRepository -Name PayNetLocal -Uri $repo -Trusted
            }
            Publish-PSResource -Path $moduleDir -Repository PayNetLocal
        }
        else {
            Write-Host 'PSResourceGet is not installed (Install-Module Microsoft.PowerShell.PSResourceGet); packing a zip instead.' -ForegroundColor Yellow
            $version = (Import-PowerShellDataFile (Join-Path $moduleDir 'PayNet.psd1')).ModuleVersion
            Compress-Archive -Path "$moduleDir/*" -DestinationPath (Join-Path $repo "PayNet.$version.zip") -Force
        }
        Write-Host "Package written to $repo"
    }
}
