#requires -Version 7.0
# The write-ahead journal through the built module: every money move leaves one entry that ends as the
# sandbox ledger says; a killed process leaves its in-flight move open, and Sync-PayNetJournal settles it;
# no secret reaches the files; several processes share one journal and one TopUp key sequence.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:sandbox = Start-TestSandbox
    Import-PayNetModule
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:savedJournalEnv = $env:PAYNET_JOURNAL

    function script:New-JournalDirectory {
        $dir = Join-Path $TestDrive ('journal-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $env:PAYNET_JOURNAL = $dir # what child processes inherit
        $dir
    }

    function script:Get-Ledger { @((Invoke-RestMethod "$($sandbox.Uri)/__sandbox/ledger").entries) }

    # A child pwsh running the built module against the sandbox; its stdout and stderr go to files.
    function script:Start-ChildPwsh([string] $Script) {
        $file = Join-Path $TestDrive ('child-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.ps1')
        $module = Join-Path $repo 'out/PayNet/PayNet.psd1'
        Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`nImport-Module '$module'`n" + $Script)
        $exe = [Environment]::ProcessPath
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $file)
        # Under 'dotnet pwsh' the process is dotnet itself: run pwsh.dll from $PSHOME.
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments = @((Join-Path $PSHOME 'pwsh.dll')) + $arguments }
        $process = Start-Process -FilePath $exe -ArgumentList $arguments -PassThru -RedirectStandardOutput "$file.out" -RedirectStandardError "$file.err"
        [pscustomobject]@{ Process = $process; Out = "$file.out"; Err = "$file.err" }
    }

    function script:Wait-Until([scriptblock] $Condition, [int] $TimeoutSec = 60, [string] $Because) {
        $deadline = (Get-Date).AddSeconds($TimeoutSec)
        while ((Get-Date) -lt $deadline) {
            if (& $Condition) { return }
            Start-Sleep -Milliseconds 100
        }
        throw "Timed out after $TimeoutSec s waiting until $Because"
    }
}
AfterAll {
    $env:PAYNET_JOURNAL = $savedJournalEnv
    Stop-TestSandbox $sandbox
}

Describe 'Every money move is journaled' {
    BeforeEach {
        Reset-TestSandbox $sandbox
        $script:dir = New-JournalDirectory
        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -JournalPath $dir
    }

    It 'leaves exactly one entry per move, in every service, whose final state matches the ledger' {
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId 'jr-ok' -Confirm:$false -PollIntervalSec 0.05
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000003 -Amount 10 -ExternalId 'jr-declined' -Confirm:$false -PollIntervalSec 0.05 -ErrorAction SilentlyContinue
        $paid = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 20 -TransferType FixedFee -Confirm:$false
        $added = Add-PayNetMoney -Amount 30 -Confirm:$false
        $withdrawn = Request-PayNetWithdrawal -Amount 12 -BankAccount 'GB29NWBK60161331926819' -Confirm:$false
        $sale = Get-PayNetTransaction -ReferenceNo RCN-0007 | Where-Object TransactionType -eq 'Sale' | Select-Object -First 1
        $null = Request-PayNetRefund -XactId $sale.XactId -Amount 10 -Confirm:$false

        $entries = @(Get-PayNetJournal -Path $dir)
        $entries | ForEach-Object { $_.GetType().FullName | Should -Be 'PayNet.Core.Journal.JournalEntry' }
        $expected = @('jr-ok', 'jr-declined', $paid.TraceNumber, $added.TraceNumber, $withdrawn.TraceNumber, $sale.XactId)
        foreach ($reference in $expected) {
            @($entries | Where-Object Reference -ceq $reference).Count | Should -Be 1 -Because "move '$reference' was sent once"
        }
        $entries.Count | Should -Be $expected.Count

        $ledger = Get-Ledger
        foreach ($entry in $entries | Where-Object Service -ne 'Card') {
            $booked = @($ledger | Where-Object reference -ceq $entry.Reference)
            $net = ($booked | Measure-Object -Property amount -Sum).Sum
            switch ($entry.State) {
                'Succeeded' { $booked.Count | Should -BeGreaterThan 0 -Because "$($entry.Reference) succeeded"; $net | Should -Not -Be 0 }
                'Failed' { [decimal]$net | Should -Be 0 -Because "$($entry.Reference) failed, so no money stays moved" }
                'Pending' { $booked.Count | Should -Be 0 -Because "$($entry.Reference) is not booked yet" }
                default { throw "entry $($entry.Reference) is $($entry.State), not final or pending" }
            }
        }
        ($entries | Where-Object Reference -ceq 'jr-ok').State | Should -Be 'Succeeded'
        ($entries | Where-Object Reference -ceq 'jr-declined').State | Should -Be 'Failed'
        ($entries | Where-Object Reference -ceq $paid.TraceNumber).State | Should -Be 'Succeeded'
        # I4: every executed money movement of these services has its journal entry.
        # A Wallet fee is booked as '<trace number>-FEE': it belongs to the payment's entry.
        foreach ($booking in $ledger | Where-Object api -ne 'Card') {
            $reference = $booking.reference -replace '-FEE$', ''
            @($entries | Where-Object Reference -ceq $reference).Count | Should -Be 1 -Because "ledger entry $($booking.reference) must be journaled"
        }
    }

    It 'writes nothing with -NoJournal, and the connection says where its journal is' {
        (Get-PayNetConnection).JournalPath | Should -Be $dir
        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -NoJournal -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match 'journal'
        (Get-PayNetConnection).JournalPath | Should -BeNullOrEmpty
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId 'jr-nojournal' -Confirm:$false -PollIntervalSec 0.05
        @(Get-PayNetJournal -Path $dir -Reference 'jr-nojournal').Count | Should -Be 0
    }

    It 'keeps no secret of any connection in the files, which are mode 600' {
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId 'jr-secret' -Confirm:$false -PollIntervalSec 0.05
        $null = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5 -TransferType FixedFee -Confirm:$false
        $published = Invoke-RestMethod "$($sandbox.Uri)/__sandbox"
        $secrets = @($published.wallet.apiKey, $published.topUp.token, $published.card.secretKey) | Where-Object { $_ }
        $secrets.Count | Should -BeGreaterOrEqual 3
        $text = (Get-ChildItem $dir -Force -File | ForEach-Object { Get-Content $_.FullName -Raw }) -join "`n"
        $text | Should -Match 'jr-secret'
        foreach ($secret in $secrets) { $text.Contains($secret) | Should -BeFalse }
        $text | Should -Not -Match '"(pin|token|hash|apikey)"'
        if (-not $IsWindows) {
            (Get-Item $dir -Force).UnixMode | Should -Be 'drwx------'
            Get-ChildItem $dir -Force -File | ForEach-Object { $_.UnixMode | Should -Be '-rw-------' -Because $_.Name }
        }
    }

    It 'pipes entries into Get-PayNetTransaction and, as a ledger, into Compare-PayNetTransaction' {
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId 'jr-pipe' -Confirm:$false -PollIntervalSec 0.05
        $found = Get-PayNetJournal -Path $dir -Reference 'jr-pipe' | Get-PayNetTransaction
        $found.ExternalId | Should -Be 'jr-pipe'
        $found.State | Should -Be 'Success'
        $compared = Get-PayNetJournal -Path $dir -Service TopUp | Compare-PayNetTransaction -Service TopUp
        ($compared | Where-Object Reference -eq 'jr-pipe').Status | Should -Be 'Matched'
    }

    It 'shows a table that fits 80 columns' {
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 500 -ExternalId 'jr-table-with-a-long-externalid' -Confirm:$false -PollIntervalSec 0.05
        $null = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 123.45 -TransferType FixedFee -Confirm:$false
        $lines = (Get-PayNetJournal -Path $dir | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines.Count | Should -Be 4 # header, rule, two moves
        $lines[0] | Should -Match '^Time\s+Service\s+Reference\s+Amount\s+Currency\s+State'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 79 } # an 80-column console formats to 79
        $lines | Where-Object { $_ -match '^\S+ \S+ (TopUp|Wallet) ' } | Should -Match 'Succeeded' -Because 'State is never cut'
        $trace = (Get-PayNetJournal -Path $dir -Service Wallet).Reference
        $lines | Where-Object { $_ -match '^\S+ \S+ Wallet ' } | Should -Match ([regex]::Escape($trace)) -Because 'a whole trace number fits'
        $lines | Where-Object { $_ -match '^\S+ \S+ TopUp ' } | Should -Match 'jr-table-with-a-long-externalid ' -Because 'a whole 31-character external id fits'
    }

    It 'skips a torn last line with one warning and loses nothing else' {
        $null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 10 -ExternalId 'jr-torn' -Confirm:$false -PollIntervalSec 0.05
        $file = Get-ChildItem $dir -Filter 'journal-*.jsonl' | Select-Object -First 1
        [IO.File]::AppendAllText($file.FullName, '{"v":1,"kind":"intent","time":"2026-')
        $entries = @(Get-PayNetJournal -Path $dir -WarningVariable torn -WarningAction SilentlyContinue)
        @($torn).Count | Should -Be 1
        "$torn" | Should -Match 'torn last line'
        ($entries | Where-Object Reference -eq 'jr-torn').State | Should -Be 'Succeeded'
    }
}

Describe 'A process killed mid-move' {
    It 'leaves the slow-booking top-up open, and Sync-PayNetJournal settles it to what the ledger says' {
        Reset-TestSandbox $sandbox
        $dir = New-JournalDirectory
        # Suffix 24: the sandbox books the top-up at once and answers 35 s later; the child dies meanwhile.
        $child = Start-ChildPwsh @"
Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)' -JournalPath '$dir'
Start-PayNetTopUp -Product et-mc -Account 971550000024 -Amount 15 -ExternalId 'jr-crash' -Confirm:`$false
"@
        try {
            Wait-Until -Because 'the child journaled the intent and the sandbox booked the top-up' -Condition {
                @(Get-PayNetJournal -Path $dir -Reference 'jr-crash' -WarningAction SilentlyContinue).Count -eq 1 -and
                @(Get-Ledger | Where-Object reference -eq 'jr-crash').Count -eq 1
            }
        }
        finally {
            if ($IsWindows) { Stop-Process -Id $child.Process.Id -Force } else { & kill -9 $child.Process.Id }
            $child.Process.WaitForExit()
        }

        $open = @(Get-PayNetJournal -Path $dir -Open)
        $open.Count | Should -Be 1
        $open[0].Reference | Should -Be 'jr-crash'
        $open[0].State | Should -Be 'Sent'
        $open[0].ProcessId | Should -Be $child.Process.Id

        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -JournalPath $dir
        $settled = @(Sync-PayNetJournal -Path $dir)
        $settled.Count | Should -Be 1
        $booking = Get-Ledger | Where-Object reference -eq 'jr-crash'
        $settled[0].State | Should -Be 'Succeeded'
        $settled[0].TransactionId | Should -Be $booking.transactionId
        @(Get-PayNetJournal -Path $dir -Open).Count | Should -Be 0
        (Get-PayNetJournal -Path $dir -Reference 'jr-crash').State | Should -Be 'Succeeded'
    }
    It 'leaves the one payment of a batch that was in flight open, and Sync-PayNetJournal settles it from the history' {
        Reset-TestSandbox $sandbox
        $dir = New-JournalDirectory
        $ready = Join-Path $TestDrive 'batch-ready'
        $go = Join-Path $TestDrive 'batch-go'
        # Two payments go through; before the third the parent makes the sandbox book it but hold the answer.
        $child = Start-ChildPwsh @"
Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)' -JournalPath '$dir'
foreach (`$n in 1..3) {
    if (`$n -eq 3) { New-Item -ItemType File '$ready' | Out-Null; while (-not (Test-Path '$go')) { Start-Sleep -Milliseconds 50 } }
    `$null = Invoke-PayNetPayment -ToPrincipal 86888 -Amount (10 + `$n) -TransferType FixedFee -Reference "jr-batch-`$n" -Confirm:`$false
}
"@
        try {
            Wait-Until -Because 'the first two payments are done' -Condition { Test-Path $ready }
            $fault = @{ path = '/wallet/api/payments/confirm/member-payment'; kind = 'DelayAfterCommit'; count = 1; afterCommit = $true; delayMs = 120000 } | ConvertTo-Json
            $null = Invoke-RestMethod -Method Post "$($sandbox.Uri)/__sandbox/faults" -ContentType 'application/json' -Body $fault
            New-Item -ItemType File $go | Out-Null
            Wait-Until -Because 'the sandbox booked the third payment' -Condition { @(Get-Ledger | Where-Object reference -eq 'jr-batch-3').Count -eq 1 }
        }
        finally {
            if ($IsWindows) { Stop-Process -Id $child.Process.Id -Force } else { & kill -9 $child.Process.Id }
            $child.Process.WaitForExit()
        }

        $open = @(Get-PayNetJournal -Path $dir -Open)
        $open.Reference | Should -Be @('jr-batch-3')
        $open[0].State | Should -Be 'Sent'
        @(Get-PayNetJournal -Path $dir -State Succeeded).Reference | Sort-Object | Should -Be @('jr-batch-1', 'jr-batch-2')

        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -JournalPath $dir
        $settled = Sync-PayNetJournal -Path $dir -Reference 'jr-batch-3'
        $settled.State | Should -Be 'Succeeded'
        $settled.TransactionId | Should -Be (Get-Ledger | Where-Object reference -eq 'jr-batch-3').transactionId
        @(Get-PayNetJournal -Path $dir -Open).Count | Should -Be 0
    }
}

Describe 'Two processes, eight runspaces each, one POS and one journal' {
    It 'makes 200 top-ups with no key failure, no corrupt line and 200 entries' {
        Reset-TestSandbox $sandbox
        $dir = New-JournalDirectory
        $module = Join-Path $repo 'out/PayNet/PayNet.psd1' # parallel runspaces do not inherit the session's imported modules
        $children = foreach ($p in 1..2) {
            Start-ChildPwsh @"
`$conn = Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)' -JournalPath '$dir' -PassThru
`$failed = 0
1..100 | ForEach-Object -ThrottleLimit 8 -Parallel {
    Import-Module '$module'
    try {
        `$null = Start-PayNetTopUp -Product et-mc -Account 971550000000 -Amount 5 -ExternalId ('jr-p$p-' + `$_) -Confirm:`$false -PollIntervalSec 0.05 -Connection `$using:conn -ErrorAction Stop
        'ok'
    } catch { 'failed: ' + `$_.Exception.Message }
} | Tee-Object -Variable results | Out-Null
`$results | Where-Object { `$_ -ne 'ok' } | ForEach-Object { Write-Output `$_ }
'done'
"@
        }
        foreach ($child in $children) {
            $child.Process.WaitForExit(300000) | Should -BeTrue
        }
        $outputs = $children | ForEach-Object { Get-Content $_.Out }
        $errors = ($children | ForEach-Object { Get-Content $_.Err -Raw }) -join ''
        $errors | Should -BeNullOrEmpty
        ($outputs | Where-Object { $_ -like 'failed:*' }) | Should -BeNullOrEmpty
        @($outputs | Where-Object { $_ -eq 'done' }).Count | Should -Be 2

        $entries = @(Get-PayNetJournal -Path $dir -WarningVariable corrupt -WarningAction SilentlyContinue)
        @($corrupt).Count | Should -Be 0
        $entries.Count | Should -Be 200
        @($entries | Where-Object State -ne 'Succeeded').Count | Should -Be 0
        @($entries.ProcessId | Sort-Object -Unique).Count | Should -Be 2
        @(Get-Ledger | Where-Object { $_.reference -like 'jr-p*' }).Count | Should -Be 200
    }
}
