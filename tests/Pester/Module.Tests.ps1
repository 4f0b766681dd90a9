#requires -Version 7.0
# The built module imports, exports what its manifest says, and keeps its dependencies isolated.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:manifestPath = Join-Path $repo 'out/PayNet/PayNet.psd1'
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

    It 'loads PayNet.Core into a private load context on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $script = @"
Import-Module '$manifestPath'
`$null = Get-PayNetConnection
`$null = [PayNet.PowerShell.Loader.ModuleInitializer]::IsIsolated
`$core = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'PayNet.Core' } | Select-Object -First 1
if (-not `$core) { Get-PayNetTransaction -ErrorAction SilentlyContinue; `$core = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'PayNet.Core' } | Select-Object -First 1 }
[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$core).Name
"@
        $name = pwsh -NoProfile -NonInteractive -Command $script
        $name | Select-Object -Last 1 | Should -Be 'PayNet'
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
            $answer = pwsh -NoProfile -NonInteractive -Command $script | Select-Object -Last 1
            $major, $rows = $answer -split '\|'
            $major | Should -Be '6'
            [int]$rows | Should -Be 12
        }
    }
}
