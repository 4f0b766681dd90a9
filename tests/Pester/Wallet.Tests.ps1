#requires -Version 7.0
# The Wallet user stories end to end: the built module (out/PayNet) against a sandbox process.
# CI=true makes the module treat the session as non-interactive, so an OTP is never prompted for:
# the scripted two-step flow (PayNetOtpRequired, then -Otp) is what runs here.

Describe 'PayNet Wallet' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
        $script:previousCI = $env:CI
        $env:CI = 'true'
        $script:sandbox = Start-TestSandbox
        Import-PayNetModule
        $script:manifest = Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')) 'out/PayNet/PayNet.psd1'
        $script:discovery = Invoke-RestMethod "$($sandbox.Uri)/__sandbox"
        $script:fixedOtp = '123456'

        function script:Get-WalletLedger {
            @((Invoke-RestMethod "$($sandbox.Uri)/__sandbox/ledger").entries | Where-Object api -eq 'Wallet')
        }

        function script:Get-MainBalance([PayNet.PowerShell.PayNetConnection] $Connection) {
            $parameters = @{}
            if ($Connection) { $parameters.Connection = $Connection }
            (Get-PayNetWallet @parameters | Where-Object { $_.Service -eq 'Wallet' -and $_.IsDefault }).Balance
        }

        function script:Connect-Member([string] $Principal, [string] $Pin) {
            $credential = [pscredential]::new($Principal, (ConvertTo-SecureString $Pin -AsPlainText -Force))
            $apiKey = ConvertTo-SecureString $discovery.wallet.apiKey -AsPlainText -Force
            $member = Connect-PayNet -ApiKey $apiKey -Credential $credential -BaseUri $discovery.wallet.baseUri -PassThru
            # Connecting made this member the session's Wallet default; the sandbox member 2 stays the default.
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
            $member
        }
    }

    AfterAll {
        Stop-TestSandbox $sandbox
        $env:CI = $previousCI
    }

    BeforeEach {
        Reset-TestSandbox $sandbox
        $script:conn = Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -PassThru
    }

    Context 'Wallets and balances' {
        It 'lists the Wallet accounts, then the TopUp POS balance, with the same columns' {
            $balances = @(Get-PayNetWallet)
            $balances[0].Service | Should -Be 'Wallet'
            $balances[0].Balance | Should -Be 1000
            $balances[0].Balance | Should -BeOfType [decimal]
            $balances[-1].Service | Should -Be 'TopUp'
            $balances[-1] | Should -BeOfType ([PayNet.PowerShell.Models.TopUpPosBalance])

            $csv = Join-Path $TestDrive 'balances.csv'
            $balances | Export-Csv $csv -NoTypeInformation
            $rows = @(Import-Csv $csv)
            $rows.Count | Should -Be $balances.Count
            $rows[-1].Balance | Should -Not -BeNullOrEmpty
            ($balances | Format-Table | Out-String) | Should -Match 'AccountId'
        }

        It 'works from ForEach-Object -Parallel with -Connection $using:conn' {
            $results = 1..3 | ForEach-Object -Parallel {
                Import-Module $using:manifest
                Get-PayNetWallet -Connection $using:conn | Where-Object IsDefault | Select-Object -First 1
            } -ThrottleLimit 3
            @($results).Count | Should -Be 3
            $results | ForEach-Object { $_.Balance | Should -Be 1000 }
        }

        It 'shows the profile of the signed-in member' {
            (Get-PayNetProfile).Name | Should -Be 'Jhon Doe'
        }
    }

    Context 'Paying another member' {
        It 'returns a quote with -Validate and moves no money' {
            $quote = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 20 -TransferType FixedFee -Validate
            $quote.TotalFees | Should -Be 5
            $quote.ConsolidatedAmount | Should -Be 25
            $quote.PayeeName | Should -Be 'Avatar S'
            Get-WalletLedger | Should -BeNullOrEmpty
        }

        It 'moves nothing with -WhatIf' {
            Invoke-PayNetPayment -ToPrincipal 86888 -Amount 20 -TransferType FixedFee -WhatIf
            Get-WalletLedger | Should -BeNullOrEmpty
            Get-MainBalance | Should -Be 1000
        }

        It 'executes exactly a piped quote, once' {
            $quote = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 20 -TransferType FixedFee -Reference 'pester-quote' -Validate
            $receipt = $quote | Invoke-PayNetPayment -Confirm:$false
            $receipt.TraceNumber | Should -Be 'pester-quote'
            $receipt.Pending | Should -BeFalse
            Get-MainBalance | Should -Be 975

            $quote | Invoke-PayNetPayment -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable again
            $again.Count | Should -Be 1
            $again[0].FullyQualifiedErrorId | Should -BeLike 'PayNetRejected,*'
            Get-MainBalance | Should -Be 975
        }

        It 'pays a CSV with Import-Csv | Invoke-PayNetPayment -Confirm:$false and reports each bad row' {
            $csv = Join-Path $TestDrive 'payouts.csv'
            @(
                'Payee,Amount,Type,Memo,Ref'
                '86888,12.50,P2P,Rent share,csv-1'
                '86888,12.345,,,csv-2'
                'nobody-here,10,,,csv-3'
                '9555,7,FixedFee,Coffee,csv-4'
            ) | Set-Content $csv

            $receipts = Import-Csv $csv | Invoke-PayNetPayment -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad

            @($receipts).TraceNumber | Should -Be @('csv-1', 'csv-4')
            $bad.Count | Should -Be 2
            $bad[0].FullyQualifiedErrorId | Should -BeLike 'PayNetInvalidArgument,*'
            $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            # The TargetObject is the CSV row itself, with the file's own column names.
            $bad[0].TargetObject.Ref | Should -Be 'csv-2'
            $bad[1].FullyQualifiedErrorId | Should -BeLike 'PayNetNotFound,*'
            $bad[1].TargetObject.Payee | Should -Be 'nobody-here'
            Get-MainBalance | Should -Be 975.50
        }

        It 'completes -TransferType' {
            $line = 'Invoke-PayNetPayment -TransferType Fi'
            $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $completion.CompletionMatches.CompletionText | Should -Contain 'FixedFee'
        }
    }

    Context 'Statement' {
        It 'streams the statement and -First/-Skip page through it' {
            1..12 | ForEach-Object { [pscustomobject]@{ To = '86888'; Amount = "$_"; Reference = "line-$_" } } |
                Invoke-PayNetPayment -Confirm:$false | Out-Null
            $day = (Invoke-RestMethod "$($sandbox.Uri)/__sandbox/clock" -ErrorAction SilentlyContinue).now
            $from = if ($day) { ([datetimeoffset]$day).UtcDateTime.Date } else { [datetime]'2024-01-01' }

            @(Get-PayNetStatement -From $from -To $from.AddDays(365)).Count | Should -Be 12
            $three = @(Get-PayNetStatement -From $from -To $from.AddDays(365) -Skip 2 -First 3)
            $three.TraceNumber | Should -Be @('line-10', 'line-9', 'line-8')
            $three[0].Amount | Should -Be (-10)
        }
    }

    Context 'Adding and withdrawing money' {
        It 'returns a pending receipt that Wait-PayNetTransaction waits for' {
            $receipt = Add-PayNetMoney -Amount 200 -Confirm:$false
            $receipt.Pending | Should -BeTrue
            Get-MainBalance | Should -Be 1000

            $uri = $sandbox.Uri
            $id = $receipt.TransferId
            # ForEach-Object -Parallel -AsJob is built in (ThreadJob is a Gallery module).
            $job = 1 | ForEach-Object -AsJob -Parallel { Start-Sleep -Milliseconds 500; Invoke-RestMethod -Method Post "$using:uri/__sandbox/transfers/$using:id/confirm" }
            $final = $receipt | Wait-PayNetTransaction -PollIntervalSec 0.2 -TimeoutSec 30
            $job | Wait-Job | Remove-Job

            $final.StateName | Should -Be 'Processed'
            Get-MainBalance | Should -Be 1200
        }

        It 'withdraws to a bank account' {
            $receipt = Request-PayNetWithdrawal -Amount 120 -BankAccount 'GB29NWBK60161331926819' -Confirm:$false
            $receipt.TransferTypeId | Should -Be 28
            Get-MainBalance | Should -Be 880
        }
    }

    Context 'Members' {
        It 'registers a member in two scripted steps and the member can sign in' {
            $pin = ConvertTo-SecureString '864209' -AsPlainText -Force
            $first = Register-PayNetMember -Name 'Kofi Mensah' -MobileNo 233249621938 -Email kofi@example.com -Pin $pin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable needsOtp
            $first | Should -BeNullOrEmpty
            $needsOtp[0].FullyQualifiedErrorId | Should -BeLike 'PayNetOtpRequired,*'

            $member = Register-PayNetMember -Name 'Kofi Mensah' -MobileNo 233249621938 -Email kofi@example.com -Pin $pin -Otp $fixedOtp -Confirm:$false
            $member.Username | Should -Be '233249621938'
            $member.MemberId | Should -BeGreaterThan 5

            $newcomer = Connect-Member '233249621938' '864209'
            Get-MainBalance -Connection $newcomer | Should -Be 0
        }

        It 'changes the PIN without the PIN appearing in any stream' {
            $current = ConvertTo-SecureString '1234' -AsPlainText -Force
            $new = ConvertTo-SecureString '482913' -AsPlainText -Force
            $null = Set-PayNetPin -CurrentPin $current -NewPin $new -Confirm:$false -ErrorAction SilentlyContinue
            $all = Set-PayNetPin -CurrentPin $current -NewPin $new -Otp $fixedOtp -Confirm:$false -Verbose -Debug *>&1 | Out-String
            $all | Should -Match 'True'
            $all | Should -Not -Match '482913'
            $all | Should -Not -Match $fixedOtp

            # Not Connect-Member: the sandbox's published PIN no longer works until the next reset.
            $credential = [pscredential]::new('48889', $new)
            $apiKey = ConvertTo-SecureString $discovery.wallet.apiKey -AsPlainText -Force
            $again = Connect-PayNet -ApiKey $apiKey -Credential $credential -BaseUri $discovery.wallet.baseUri -PassThru
            Get-MainBalance -Connection $again | Should -Be 1000
        }
    }

    Context 'QR codes' {
        It 'creates a QR code that another member resolves and pays' {
            $code = New-PayNetQrCode -Amount 15 -Description 'Table 4' -Confirm:$false
            $code.IsStatic | Should -BeFalse
            $payer = Connect-Member '86888' '5678'

            $receipt = $code.QrString | Resolve-PayNetQrCode -Connection $payer | Invoke-PayNetPayment -Connection $payer -Confirm:$false
            $receipt.Amount | Should -Be 15
            Get-MainBalance | Should -Be 1015
            Get-MainBalance -Connection $payer | Should -Be 235
        }
    }

    Context 'Documents, disputes and agreements' {
        It 'refuses a bad file before uploading and uploads a real PNG' {
            $text = Join-Path $TestDrive 'notes.txt'
            'hello' | Set-Content $text
            $png = Join-Path $TestDrive 'passport.png'
            [System.IO.File]::WriteAllBytes($png, [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13))

            Add-PayNetDocument -Path $text -Category ID -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'PayNetInvalidFile,*'
            Get-PayNetDocument | Should -BeNullOrEmpty

            $document = Get-ChildItem $TestDrive -Filter *.png | Add-PayNetDocument -Category PASSPORT -Confirm:$false
            $document.ContentType | Should -Be 'image/png'
            @(Get-PayNetDocument).Count | Should -Be 1
        }

        It 'opens a dispute from a piped receipt, comments and closes it' {
            $receipt = Invoke-PayNetPayment -ToPrincipal 86888 -Amount 40 -Confirm:$false
            $dispute = $receipt | New-PayNetDispute -Reason NotReceived -Description 'Never arrived' -Confirm:$false
            $dispute.TransferId | Should -Be $receipt.TransferId
            ($dispute | Set-PayNetDispute -Comment 'Courier lost it' -Confirm:$false).CommentCount | Should -Be 1
            ($dispute | Close-PayNetDispute -Confirm:$false).StateName | Should -Be 'Closed'
            (Get-PayNetDispute -Id $dispute.DisputeId).StateName | Should -Be 'Closed'
        }

        It 'accepts the pending agreements from the pipeline' {
            $accepted = Get-PayNetAgreement -Pending | Approve-PayNetAgreement -Confirm:$false
            $accepted.Accepted | Should -BeTrue
            Get-PayNetAgreement -Pending | Should -BeNullOrEmpty
        }
    }
}
