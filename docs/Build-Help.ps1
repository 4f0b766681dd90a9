#requires -Version 7.0
<#
.SYNOPSIS
    Builds PayNet's Get-Help content from docs/en-US and fails when the docs have drifted from the cmdlets.
.DESCRIPTION
    Writes PayNet.PowerShell.dll-Help.xml (MAML) and about_PayNet.help.txt into <ModulePath>/en-US, using
    the first converter available:
      1. Microsoft.PowerShell.PlatyPS (1.x): Measure-PlatyPSMarkdown | Import-MarkdownCommandHelp |
         Export-MamlCommandHelp. It recognises about topics (FileType AboutTopic) but has no about-topic
         exporter, so those are converted by tools/PayNet.HelpTool.
      2. platyPS 0.14: New-ExternalHelp, which converts command help and about topics.
      3. tools/PayNet.HelpTool (dotnet run), which needs no PowerShell module at all.
    Then, always, the drift check (tools/PayNet.HelpTool check): every exported cmdlet documented, no help
    for cmdlets that are gone, parameters/sets/aliases/types/positions/pipeline input as compiled, and no
    unfinished prose. The script exits 1 on drift or on a failed conversion.
.PARAMETER ModulePath
    The laid-out module, normally out/PayNet. Help goes to its en-US folder; its PayNet.PowerShell.dll (when
    built) is what the drift check compares the docs with.
.PARAMETER DocsPath
    The markdown help, normally docs/en-US.
.PARAMETER Converter
    Auto (default) picks the first available converter; the others force one.
.EXAMPLE
    ./docs/Build-Help.ps1 -ModulePath ./out/PayNet -DocsPath ./docs/en-US
.EXAMPLE
    ./docs/Build-Help.ps1 -ModulePath ./out/PayNet -DocsPath ./docs/en-US -Converter HelpTool
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModulePath,

    [Parameter(Mandatory)]
    [string] $DocsPath,

    [ValidateSet('Auto', 'PlatyPS', 'platyPS014', 'HelpTool')]
    [string] $Converter = 'Auto'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repoRoot = Split-Path -Parent $PSScriptRoot
$helpTool = Join-Path $repoRoot 'tools/PayNet.HelpTool'
$ModulePath = [System.IO.Path]::GetFullPath($ModulePath, (Get-Location).Path)
$DocsPath = [System.IO.Path]::GetFullPath($DocsPath, (Get-Location).Path)
$outputPath = Join-Path $ModulePath 'en-US'
$moduleDll = Join-Path $ModulePath 'PayNet.PowerShell.dll'

if (-not (Test-Path -LiteralPath $DocsPath -PathType Container)) {
    throw "Docs folder not found: $DocsPath"
}
$null = New-Item -ItemType Directory -Path $outputPath -Force

function Invoke-HelpTool([string[]] $Arguments) {
    # Returns the tool's exit code; its output goes to the host so CI logs show every drift line.
    # '--' is quoted so that PowerShell hands it to dotnet instead of treating it as its own end-of-parameters.
    & dotnet run --project $helpTool '--' @Arguments | Out-Host
    return $LASTEXITCODE
}

function Test-ModuleAvailable([string] $Name, [string] $MinimumVersion, [string] $MaximumVersion) {
    $found = Get-Module -ListAvailable -Name $Name | Where-Object {
        (-not $MinimumVersion -or $_.Version -ge [version] $MinimumVersion) -and
        (-not $MaximumVersion -or $_.Version -lt [version] $MaximumVersion)
    }
    return [bool] $found
}

function Convert-WithPlatyPS {
    Import-Module Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0.0
    $files = Measure-PlatyPSMarkdown -Path (Join-Path $DocsPath '*.md')
    $commandFiles = @($files | Where-Object { $_.FileType -match 'CommandHelp' })
    $aboutFiles = @($files | Where-Object { $_.FileType -match 'AboutTopic' })
    Write-Host "PlatyPS 1.x: $($commandFiles.Count) command help file(s), $($aboutFiles.Count) about topic(s)."

    # Export-MamlCommandHelp writes <OutputFolder>/<Module Name>/<external help file>; stage it, then move it.
    $staging = Join-Path ([System.IO.Path]::GetTempPath()) ("paynet-maml-" + [guid]::NewGuid().ToString('N'))
    try {
        if ($commandFiles.Count -gt 0) {
            Import-MarkdownCommandHelp -LiteralPath $commandFiles.FilePath |
                Export-MamlCommandHelp -OutputFolder $staging -Force | Out-Null
        }
        if (Test-Path -LiteralPath $staging) {
            Get-ChildItem -LiteralPath $staging -Filter '*-Help.xml' -Recurse |
                Copy-Item -Destination $outputPath -Force -PassThru |
                ForEach-Object { Write-Host "wrote      $($_.FullName)" }
        }
    }
    finally {
        Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
    }

    # Whatever PlatyPS classified them as, about_*.md files become about_*.help.txt through the tool.
    if (@(Get-ChildItem -Path $DocsPath -Filter 'about_*.md').Count -gt 0 -and (Invoke-HelpTool @('about', '--docs', $DocsPath, '--out', $outputPath)) -ne 0) {
        throw 'Converting the about topics failed.'
    }
}

function Convert-WithPlatyPS014 {
    Import-Module platyPS -MinimumVersion 0.14.0 -MaximumVersion 0.14.999
    New-ExternalHelp -Path $DocsPath -OutputPath $outputPath -Force |
        ForEach-Object { Write-Host "wrote      $($_.FullName)" }

    # New-ExternalHelp names about_X.help.md's output about_X.help.help.txt; Get-Help looks for about_X.help.txt.
    Get-ChildItem -Path $outputPath -Filter 'about_*.help.help.txt' | ForEach-Object {
        Move-Item -LiteralPath $_.FullName -Destination (Join-Path $outputPath ($_.Name -replace '\.help\.help\.txt$', '.help.txt')) -Force
    }
    # platyPS 0.14 only treats a file as an about topic when its second heading is "## about_X".
    $missing = Get-ChildItem -Path $DocsPath -Filter 'about_*.md' | Where-Object {
        $topic = $_.BaseName -replace '\.help$', ''
        -not (Test-Path -LiteralPath (Join-Path $outputPath "$topic.help.txt"))
    }
    if ($missing -and (Invoke-HelpTool @('about', '--docs', $DocsPath, '--out', $outputPath)) -ne 0) {
        throw 'Converting the about topics failed.'
    }
}

function Convert-WithHelpTool {
    if ((Invoke-HelpTool @('maml', '--docs', $DocsPath, '--out', $outputPath)) -ne 0) {
        throw 'tools/PayNet.HelpTool could not convert the help.'
    }
}

$chosen = switch ($Converter) {
    'Auto' {
        if (Test-ModuleAvailable Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0.0) { 'PlatyPS' }
        elseif (Test-ModuleAvailable platyPS -MinimumVersion 0.14.0 -MaximumVersion 0.15.0) { 'platyPS014' }
        else { 'HelpTool' }
    }
    default { $Converter }
}
Write-Host "Converting $DocsPath to $outputPath with $chosen."
switch ($chosen) {
    'PlatyPS' { Convert-WithPlatyPS }
    'platyPS014' { Convert-WithPlatyPS014 }
    'HelpTool' { Convert-WithHelpTool }
}

$checkArguments = @('check', '--docs', $DocsPath)
if (Test-Path -LiteralPath $moduleDll) {
    $checkArguments += @('--assembly', $moduleDll)
}
$drift = Invoke-HelpTool $checkArguments
if ($drift -ne 0) {
    Write-Error "Help drift: docs in $DocsPath do not match the compiled cmdlets (details above). Run 'dotnet run --project tools/PayNet.HelpTool -- update --docs $DocsPath' and write the prose it asks for." -ErrorAction Continue
    exit 1
}
Write-Host "Help built in $outputPath; docs match the cmdlets."
exit 0
