#requires -Version 7.0
# The built module imports, exports what its manifest says, and keeps its dependencies isolated.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:manifestPath = Join-Path $repo 'out/PayNet/PayNet.psd1'
    # A binary module loads once per process: load-context checks run in a child of the pwsh running
    # this suite (the repository's dotnet tool or a global install alike).
    $script:childPwsh = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

Describe 'The PayNet module' {
    It 'imports from out/PayNet and exports exactly the manifest cmdlets' {
        $module = Import-Module $manifestPath -Force -PassThru
        $manifest = Import-PowerShellDataFile $manifestPath
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Count | Should -Be 0
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    Context 'in a session that already loaded another Microsoft.Extensions version' {
        BeforeAll {
            # Restore an older Microsoft.Extensions.Logging.Abstractions, as the VS Code host or Az would have loaded.
            $work = Join-Path ([System.IO.Path]::GetTempPath()) "paynet-conflict-$PID"
            New-Item -ItemType Directory -Force $work | Out-Null
            Set-Content (Join-Path $work 'conflict.csproj') @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="6.0.0" />
    <PackageReference Include="Microsoft.Extensions.Primitives" Version="6.0.0" />
  </ItemGroup>
</Project>
'@
            & dotnet restore (Join-Path $work 'conflict.csproj') --packages (Join-Path $work 'packages') | Out-Null
            $script:olderDll = Get-ChildItem (Join-Path $work 'packages/microsoft.extensions.logging.abstractions/6.0.0/lib/netstandard2.0') -Filter *.dll -ErrorAction SilentlyContinue | Select-Object -First 1
            $script:sandbox = Start-TestSandbox
        }
        AfterAll { Stop-TestSandbox $sandbox }

        It 'still imports and talks to the sandbox' {
            if (-not $olderDll) { Set-ItResult -Skipped -Because 'Microsoft.Extensions.Logging.Abstractions 6.0.0 could not be restored' ; return }
            $script = @"
Add-Type -Path '$($olderDll.FullName)'
`$loaded = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Microsoft.Extensions.Logging.Abstractions' }
Import-Module '$manifestPath'
Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)'
`$rows = @(Get-PayNetTransaction -From 2024-01-15 -To 2024-01-16).Count
"`$(`$loaded.GetName().Version.Major)|`$rows"
"@
            $answer = & $childPwsh -NoProfile -NonInteractive -Command $script | Select-Object -Last 1
            $major, $rows = $answer -split '\|'
            $major | Should -Be '6'
            [int]$rows | Should -Be 12
        }
    }

    Context 'in a script that names the module''s types' {
        BeforeAll { $script:typeSandbox = Start-TestSandbox }
        AfterAll { Stop-TestSandbox $typeSandbox }

        It 'loads third-party dependencies into a private load context and PayNet.Core where PowerShell resolves types' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
            $script = @"
Import-Module '$manifestPath'
`$null = Get-PayNetConnection
`$contextOf = { param(`$name) `$a = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq `$name } | Select-Object -First 1; [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$a).Name }
Connect-PayNet -Sandbox -BaseUri '$($typeSandbox.Uri)'
`$null = Get-PayNetTransaction -ReferenceNo RCN-0015
"`$(& `$contextOf 'PayNet.Core')|`$(& `$contextOf 'Microsoft.Extensions.Http')|`$(& `$contextOf 'Polly.Core')|`$([PayNet.PowerShell.Loader.ModuleInitializer]::IsIsolated)"
"@
            $answer = & $childPwsh -NoProfile -NonInteractive -Command $script | Select-Object -Last 1
            $answer | Should -Be 'Default|PayNet|PayNet|True'
        }

        It 'resolves [PayNet.Core.PayNetException] and output types by name, and catch [PayNet.Core.PayNetException] catches a PayNet error' {
            $script = @"
Import-Module '$manifestPath'
`$exception = [PayNet.Core.PayNetException].FullName
Connect-PayNet -Sandbox -BaseUri '$($typeSandbox.Uri)'
`$row = Get-PayNetTransaction -ReferenceNo RCN-0015 | Select-Object -First 1
`$isRow = `$row -is [PayNet.Core.Card.CardTransaction]
`$caught = 'nothing'
try { Get-PayNetTransaction -ReferenceNo NOPE-404 -ErrorAction Stop }
catch [PayNet.Core.PayNetException] { `$caught = "PayNetException `$(`$_.FullyQualifiedErrorId)" }
catch { `$caught = "other `$(`$_.Exception.GetType().FullName)" }
"`$exception|`$isRow|`$caught"
"@
            $answer = & $childPwsh -NoProfile -NonInteractive -Command $script 2>&1 | Select-Object -Last 1
            $exception, $isRow, $caught = "$answer" -split '\|'
            $exception | Should -Be 'PayNet.Core.PayNetException'
            $isRow | Should -Be 'True'
            $caught | Should -BeLike 'PayNetException PayNetNotFound,*'
        }
    }
}
