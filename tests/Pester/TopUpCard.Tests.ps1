#requires -Version 7.0
# TopUp, Card and reconciliation stories end to end: the built module in a real PowerShell against a sandbox this file starts.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:sandbox = Start-TestSandbox
    Import-PayNetModule
    $script:examples = Join-Path $PSScriptRoot '../../examples'
}
AfterAll { Stop-TestSandbox $sandbox }

Describe 'Top-ups' {
    BeforeEach {
        Reset-TestSandbox $sandbox
        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
    }

    It 'runs a direct recharge unattended and returns a typed, final top-up' {
        $topUp = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 50 -ExternalId 'pester-1' -Confirm:$false
        $topUp.GetType().FullName | Should -Be 'PayNet.Core.TopUp.TopUpTransaction'
        $topUp.State | Should -Be 'Success'
        $topUp.ExternalId | Should -Be 'pester-1'
        $topUp.Amount | Should -BeOfType [decimal]
    }

    It '-WhatIf moves no money' {
        Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 50 -WhatIf | Should -BeNullOrEmpty
        (Invoke-RestMethod "$($sandbox.Uri)/__sandbox/ledger").entries | Should -BeNullOrEmpty
    }

    It '-NoWait then Wait-PayNetTransaction from the pipeline' {
        $pending = Start-PayNetTopUp -Product et-mc -Account 971550000001 -Amount 20 -NoWait -Confirm:$false
        $pending.State | Should -Be 'Pending'
        ($pending | Wait-PayNetTransaction -PollIntervalSec 0.05).State | Should -Be 'Success'
    }

    It 'returns the voucher PIN' {
        $voucher = Start-PayNetTopUp -Product slk100 -Account voucher00@example.com -Amount 100 -Confirm:$false -PollIntervalSec 0.05
        $voucher.VoucherPin | Should -Match '^\d{4}-\d{4}-\d{4}-\d{4}$'
    }

    It 'reports a failed top-up as a non-terminating error with the transaction as target' {
        $result = Start-PayNetTopUp -Product et-mc -Account 971550000003 -Amount 20 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PayNetRejected,*'
        $failures[0].TargetObject.State | Should -Be 'Failed'
    }

    It 'takes top-ups from a CSV and keeps going past a bad row' {
        $csv = @'
Product,Phone,Amount,OrderId
et-mc,971550000000,10,csv-1
et-mc,971550000010,10,csv-2
et-mc,971550000000,15,csv-3
'@ | ConvertFrom-Csv
        $done = $csv | Start-PayNetTopUp -Confirm:$false -PollIntervalSec 0.05 -ErrorVariable bad -ErrorAction SilentlyContinue
        @($done).Count | Should -Be 2
        @($bad).Count | Should -Be 1
        $done.ExternalId | Should -Be @('csv-1', 'csv-3')
    }

    It 'completes -Product from the catalogue' {
        $line = 'Start-PayNetTopUp -Product slk'
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain 'slk100'
    }

    It 'exports top-ups to CSV without System.Object[] cells' {
        $file = Join-Path $TestDrive 'topups.csv'
        Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -Confirm:$false | Export-Csv $file
        Get-Content $file -Raw | Should -Not -Match 'System\.Object\[\]'
        (Import-Csv $file).State | Should -Be 'Success'
    }
}

Describe 'Card transactions and reconciliation' {
    BeforeAll {
        Reset-TestSandbox $sandbox
        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
    }

    It 'lists a period, streaming every page' {
        @(Get-PayNetTransaction -From 2024-01-15 -To 2024-01-15).Count | Should -Be 12
        @(Get-PayNetTransaction -From 2024-01-15 -To 2024-01-15 -IncludeFailed).Count | Should -Be 13
    }

    It 'looks up Import-Csv rows by ReferenceNo, keeps order and reports the missing one' {
        $rows = 'RCN-0015', 'NOPE-1', 'RCN-0001' | ForEach-Object { [pscustomobject]@{ ReferenceNo = $_ } }
        $found = $rows | Get-PayNetTransaction -ThrottleLimit 4 -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.ReferenceNo | Should -Be @('RCN-0015', 'RCN-0001')
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'NOPE-1'
    }

    It 'reconciles TopUp ledger rows looked up 4 at a time by default, in ledger order, the missing one in its place' {
        $tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $ids = 1..6 | ForEach-Object { (Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId "cmp-$tag-$_" -Confirm:$false).ExternalId }
        $references = @($ids[0..2]) + "cmp-$tag-missing" + @($ids[3..5])
        $ledger = $references | ForEach-Object { [pscustomobject]@{ Reference = $_; Amount = '10.00'; Currency = 'AED' } }
        $results = @($ledger | Compare-PayNetTransaction -Service TopUp)
        $results.Reference | Should -Be $references
        ($results | Where-Object Reference -eq "cmp-$tag-missing").Status | Should -Be 'MissingAtPayNet'
        @($results | Where-Object Status -eq 'Matched').Count | Should -Be 6
        $oneAtATime = @($ledger | Compare-PayNetTransaction -Service TopUp -ThrottleLimit 1)
        $oneAtATime.Status | Should -Be $results.Status
    }

    It 'mixes services in one pipeline through the shared columns' {
        $topUp = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -Confirm:$false
        $card = Get-PayNetTransaction -ReferenceNo RCN-0001
        $mixed = @($topUp, $card) | Select-Object Service, Id, Reference, Amount, Currency, State, Time
        $mixed.Service | Should -Be @('TopUp', 'Card')
        $mixed | ForEach-Object { $_.Amount | Should -BeOfType [decimal] }
    }

    It 'runs the worked reconciliation example' {
        $out = Join-Path $TestDrive 'reconciliation.csv'
        $text = & (Join-Path $examples 'reconcile-card.ps1') -SandboxUri $sandbox.Uri -OutFile $out 6>&1 | Out-String
        $text | Should -Match '6 of 11 references need attention'
        $results = Import-Csv $out
        ($results | Where-Object Reference -eq 'RCN-0002').Status | Should -Be 'AmountMismatch'
        ($results | Where-Object Reference -eq 'RCN-0014').Status | Should -Be 'MissingInLedger'
    }

    It 'works from ForEach-Object -Parallel with -Connection $using:' {
        $conn = Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -PassThru
        $counts = 1..4 | ForEach-Object -Parallel {
            Import-Module (Join-Path $using:PSScriptRoot '../../out/PayNet/PayNet.psd1')
            @(Get-PayNetTransaction -ReferenceNo 'RCN-0003' -Connection $using:conn).Count
        } -ThrottleLimit 4
        $counts | Should -Be @(2, 2, 2, 2)
    }
}
