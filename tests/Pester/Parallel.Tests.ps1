#requires -Version 7.0
# The documented ForEach-Object -Parallel examples (issue 16 item 12), with the module imported by path as the
# suite does (out/PayNet is not on PSModulePath). The code is read from the docs, so doc and test cannot drift.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:sandbox = Start-TestSandbox
    Import-PayNetModule

    # The code block of a section: the first ```powershell block after the heading.
    function Get-DocCode([string] $File, [string] $Heading) {
        $text = (Get-Content (Join-Path $repo "docs/en-US/$File") -Raw) -replace "`r`n", "`n"
        $at = $text.IndexOf($Heading)
        if ($at -lt 0) { throw "No '$Heading' in $File" }
        $match = [regex]::Match($text.Substring($at), '(?s)```powershell\n(?<code>.*?)\n```')
        if (-not $match.Success) { throw "No code under '$Heading' in $File" }
        $match.Groups['code'].Value
    }
}
AfterAll { Stop-TestSandbox $sandbox }

Describe 'ForEach-Object -Parallel with the module imported by path' {
    BeforeEach { Reset-TestSandbox $sandbox }

    It 'is the case the docs describe: the module is not found by name in a new runspace' {
        Get-Module PayNet | Should -Not -BeNullOrEmpty
        Get-Module -ListAvailable PayNet | Should -BeNullOrEmpty -Because 'the suite imports out/PayNet by path'
        $conn = Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -PassThru
        $ErrorActionPreference = 'Continue' # collect the runspace's error instead of stopping at it
        $all = @('RCN-0001' | ForEach-Object -Parallel { Get-PayNetTransaction -ReferenceNo $_ -Connection $using:conn } 2>&1)
        $failed = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match 'CommandNotFoundException'
    }

    It 'Connect-PayNet Example 2 finds both references in parallel runspaces' {
        $code = Get-DocCode 'Connect-PayNet.md' '### Example 2'
        $code | Should -Match 'ForEach-Object -Parallel'
        # The example's connections read secrets at the prompt; its Card connection here is the sandbox's.
        $card = Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -PassThru
        $runnable = ($code -split "`n" | Where-Object { $_ -notmatch 'Read-Host|Get-Credential' }) -join "`n"
        $runnable | Should -Match '\$using:card'
        $all = @(. ([scriptblock]::Create($runnable)) 2>&1)
        $failed = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failed | Should -BeNullOrEmpty
        $rows = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object { $_ | Should -BeOfType ([PayNet.Core.Card.CardTransaction]) }
        ($rows.ReferenceNo | Sort-Object -Unique) | Should -Be @('RCN-0001', 'RCN-0002')
    }

    It 'about_PayNet''s Connecting example finds both references in parallel runspaces' {
        $code = Get-DocCode 'about_PayNet.help.md' 'In ForEach-Object -Parallel, pass the connection'
        $code = $code -replace 'Connect-PayNet -Sandbox(?!\s*-BaseUri)', "Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)'"
        $all = @(. ([scriptblock]::Create($code)) 2>&1)
        $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $rows = @($all | Where-Object { $_ -is [PayNet.Core.Card.CardTransaction] })
        ($rows.ReferenceNo | Sort-Object -Unique) | Should -Be @('RCN-0001', 'RCN-0015')
        # Rows of the sandbox's seed, as PayNet lists them, not the client's own idea.
        $listed = @(Get-PayNetTransaction -From 2024-01-15 -To 2024-01-15 -IncludeFailed | Where-Object ReferenceNo -in 'RCN-0001', 'RCN-0015')
        ($rows.XactId | Sort-Object) | Should -Be ($listed.XactId | Sort-Object)
    }
}
