# The module's root. PowerShell reads the cmdlet types while importing a binary module, and their
# parameters and outputs name PayNet.Core types, which live in dependencies/. So the isolated loader
# (a private AssemblyLoadContext on PowerShell 7, AssemblyResolve on Windows PowerShell) must be in
# place before that scan: load the cmdlet assembly, install the loader, then import the cmdlets.
$null = [System.Reflection.Assembly]::LoadFrom((Join-Path $PSScriptRoot 'PayNet.PowerShell.dll'))
[PayNet.PowerShell.Loader.ModuleInitializer]::InstallResolver()
Import-Module (Join-Path $PSScriptRoot 'PayNet.PowerShell.dll')
