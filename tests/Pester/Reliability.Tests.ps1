#requires -Version 7.0
# Secrets stay out of every stream and serialization in real PowerShell; 16 runspaces share one POS safely.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:sandbox = Start-TestSandbox
    Import-PayNetModule
    $discovery = Invoke-RestMethod "$($sandbox.Uri)/__sandbox"
    $script:secrets = @(
        $discovery.wallet.apiKey
        $discovery.topUp.token
        $discovery.card.secretKey
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($discovery.wallet.principal):$($discovery.wallet.pin)"))
    )
    $script:shapes = '"hash"\s*:\s*"[0-9a-f]{32}"|Paynet-Session-Token:\s*(?!\*\*\*)\S|"sessionId"\s*:\s*"(?!\*\*\*)|"(transactionPin|pin)"\s*:\s*"(?!\*\*\*)'
}
AfterAll { Stop-TestSandbox $sandbox }

Describe 'Secrets in real PowerShell' {
    It 'never appear in any of the six streams, error records, ToString, ConvertTo-Json or Export-Clixml' {
        Reset-TestSandbox $sandbox
        $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
        $captured = & {
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -Verbose -Debug -PassThru
            Get-PayNetWallet -Verbose -Debug
            Invoke-PayNetPayment -ToMemberId 3 -Amount 20 -TransferType FixedFee -Confirm:$false -Verbose -Debug
            Start-PayNetTopUp -Product slk100 -Account voucher00@example.com -Amount 100 -Confirm:$false -PollIntervalSec 0.05 -Verbose -Debug
            Get-PayNetTransaction -ReferenceNo RCN-0001 -Detail -Verbose -Debug
            Get-PayNetTransaction -ReferenceNo NOPE-404 -Verbose -Debug -ErrorAction Continue
            Get-PayNetConnection
        } *>&1
        $outputs = @($captured | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.DebugRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] })
        @($captured | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 5
        @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 1

        $clixml = Join-Path $TestDrive 'out.clixml'
        $outputs | Export-Clixml $clixml -Depth 10
        $text = @(
            $captured | ForEach-Object { $_.ToString() }
            $captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $_.TargetObject | Out-String }
            $outputs | ConvertTo-Json -Depth 10 -WarningAction SilentlyContinue
            Get-Content $clixml -Raw
            $outputs | Format-List * | Out-String
        ) -join "`n"
        foreach ($secret in $secrets) { $text.Contains($secret) | Should -BeFalse -Because 'no secret may be printed or serialized' }
        $text | Should -Not -Match $shapes
    }
}

Describe 'Sixteen runspaces on one POS' {
    It 'sign with strictly increasing keys: no authentication failure' {
        Reset-TestSandbox $sandbox
        $conn = Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -PassThru
        $module = Join-Path $PSScriptRoot '../../out/PayNet/PayNet.psd1'
        $results = 1..16 | ForEach-Object -ThrottleLimit 16 -Parallel {
            Import-Module $using:module
            $failures = 0
            foreach ($i in 1..5) {
                try { $null = Get-PayNetProduct -Name 'et-mc' -Connection $using:conn -ErrorAction Stop } catch { $failures++ }
                try { $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 5 -Confirm:$false -Connection $using:conn -ErrorAction Stop } catch { $failures++ }
            }
            $failures
        }
        ($results | Measure-Object -Sum).Sum | Should -Be 0
        @((Invoke-RestMethod "$($sandbox.Uri)/__sandbox/ledger").entries | Where-Object api -eq 'TopUp').Count | Should -Be 80
    }
}
