#requires -Version 7.0
# Issue 18, in real PowerShell against a sandbox process: login with 2FA, the daily call budget, transfer
# types from PayNet, member lookup piped into payments, and the answer variants.
# CI=true makes the module treat the session as non-interactive, so nothing is ever prompted for.

Describe 'PayNet Wallet, complete' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
        $script:previousCI = $env:CI
        $env:CI = 'true'
        $script:sandbox = Start-TestSandbox
        Import-PayNetModule

        function script:Set-WalletSwitch([hashtable] $Switches) {
            Invoke-RestMethod -Method Post "$($sandbox.Uri)/__sandbox/wallet/switches" -ContentType 'application/json' -Body ($Switches | ConvertTo-Json)
        }
        function script:Get-LoginOtp([string] $Principal = '48889') {
            (Invoke-RestMethod "$($sandbox.Uri)/__sandbox/otp/login?principal=$Principal").otp
        }
        function script:Get-WalletLedger {
            @((Invoke-RestMethod "$($sandbox.Uri)/__sandbox/ledger").entries | Where-Object api -eq 'Wallet')
        }
        function script:Move-SandboxClock([int] $Minutes) {
            $null = Invoke-RestMethod -Method Post "$($sandbox.Uri)/__sandbox/clock" -ContentType 'application/json' -Body (@{ advanceMinutes = $Minutes } | ConvertTo-Json)
        }
    }

    AfterAll {
        Stop-TestSandbox $sandbox
        $env:CI = $previousCI
    }

    BeforeEach {
        Reset-TestSandbox $sandbox
        Get-PayNetConnection | ForEach-Object { Disconnect-PayNet -ErrorAction SilentlyContinue }
    }

    Context 'Login with 2FA' {
        It 'fails clearly without an OTP when nobody can type one, naming -Otp' {
            Set-WalletSwitch @{ loginOtpRequired = $true } | Out-Null
            { Connect-PayNet -Sandbox -BaseUri $sandbox.Uri } | Should -Throw -ErrorId 'PayNetOtpRequired*'
            try { Connect-PayNet -Sandbox -BaseUri $sandbox.Uri } catch { $failure = $_ }
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.Message | Should -Match '-Otp'
            $failure.Exception.Message | Should -Match ([regex]::Escape("Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)"))
            Get-PayNetConnection | Should -BeNullOrEmpty
        }

        It 'connects with -Otp and works' {
            Set-WalletSwitch @{ loginOtpRequired = $true } | Out-Null
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -Otp (Get-LoginOtp)
            (Get-PayNetProfile).Name | Should -Be 'Jhon Doe'
        }

        It 'does not hang an unattended script when the session expires: it fails fast with the reconnect command' {
            Set-WalletSwitch @{ loginOtpRequired = $true } | Out-Null
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -Otp (Get-LoginOtp)
            Move-SandboxClock 16
            $elapsed = Measure-Command {
                Get-PayNetProfile -ErrorAction SilentlyContinue -ErrorVariable expired
                Get-PayNetProfile -ErrorAction SilentlyContinue -ErrorVariable again
            }
            $expired[0].FullyQualifiedErrorId | Should -BeLike 'PayNetOtpRequired,*'
            $expired[0].Exception.Message | Should -Match 'expired'
            $expired[0].Exception.Message | Should -Match ([regex]::Escape("Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)"))
            $again[0].FullyQualifiedErrorId | Should -BeLike 'PayNetOtpRequired,*'
            $elapsed.TotalSeconds | Should -BeLessThan 10

            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -Otp (Get-LoginOtp)
            (Get-PayNetProfile).Name | Should -Be 'Jhon Doe'
        }
    }

    Context 'The daily call budget' {
        It 'shows Wallet calls used and left on the connection' {
            $connection = Connect-PayNet -Sandbox -BaseUri $sandbox.Uri -PassThru
            $used = $connection.WalletCallsUsed
            $used | Should -BeGreaterThan 0
            Get-PayNetProfile | Out-Null
            $now = Get-PayNetConnection -Service Wallet
            $now.WalletCallsUsed | Should -Be ($used + 1)
            $now.WalletCallsLeft | Should -Be (2000 - $now.WalletCallsUsed)
            ($now | Format-Table | Out-String) | Should -Match 'CallsLeft'
        }

        It 'writes the 90 % warning once, then refuses with PayNetRateLimited without asking PayNet again' {
            $null = Invoke-RestMethod -Method Post "$($sandbox.Uri)/__sandbox/rate-limit" -ContentType 'application/json' -Body '{"limit": 10}'
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri   # call 1
            $warnings = @()
            foreach ($i in 1..8) { Get-PayNetProfile -WarningVariable +warnings -WarningAction SilentlyContinue | Out-Null }   # calls 2..9
            @($warnings | Where-Object { "$_" -match 'Wallet calls used today' }).Count | Should -Be 1

            Get-PayNetProfile -WarningVariable +warnings -WarningAction SilentlyContinue | Out-Null   # call 10, the last one
            Get-PayNetProfile -ErrorAction SilentlyContinue -ErrorVariable limited
            $limited[0].FullyQualifiedErrorId | Should -BeLike 'PayNetRateLimited,*'
            $limited[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            (Get-PayNetConnection -Service Wallet).WalletCallsLeft | Should -Be 0

            $before = (Get-PayNetConnection -Service Wallet).WalletCallsUsed
            Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'PayNetRateLimited,*'
            $refused[0].Exception.Message | Should -Match 'not sent'
            (Get-PayNetConnection -Service Wallet).WalletCallsUsed | Should -Be $before
            @($warnings | Where-Object { "$_" -match 'Wallet calls used today' }).Count | Should -Be 1
            Get-WalletLedger | Should -BeNullOrEmpty
        }
    }

    Context 'Members' {
        It 'finds members by principal, by id and by keywords, and reports the missing one without stopping' {
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
            $found = @('86888', 'nobody-here', '9555' | Get-PayNetMember -ErrorAction SilentlyContinue -ErrorVariable missing)
            $found.MemberId | Should -Be @(3, 4)
            $missing.Count | Should -Be 1
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'PayNetNotFound,*'
            $missing[0].TargetObject | Should -Be 'nobody-here'

            (Get-PayNetMember -MemberId 5).Name | Should -Be 'Penny Lowe'
            (Get-PayNetMember -Search moon).MemberId | Should -Be 4
            @(Get-PayNetMember -Search 5 -First 2).Count | Should -Be 2
        }

        It 'pipes a member into Invoke-PayNetPayment, which pays that member by id' {
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
            $receipt = Get-PayNetMember 86888 | Invoke-PayNetPayment -Amount 5 -Reference 'piped-member' -Confirm:$false
            $receipt.TraceNumber | Should -Be 'piped-member'
            $receipt.PayeeName | Should -Be 'Avatar S'
            @(Get-WalletLedger | Where-Object reference -eq 'piped-member').Count | Should -Be 1

            $quote = Get-PayNetMember -MemberId 4 | Invoke-PayNetPayment -Amount 7 -Validate
            $quote.ToMemberId | Should -Be 4
            $quote.PayeeName | Should -Be 'Moonbucks'

            # MemberId binds to -ToMemberId (id only); a member's Username is no alias of -ToPrincipal.
            (Get-Command Invoke-PayNetPayment).Parameters['ToMemberId'].Aliases | Should -Contain 'MemberId'
            (Get-Command Invoke-PayNetPayment).Parameters['ToPrincipal'].Aliases | Should -Not -Contain 'Username'
        }
    }

    Context 'Transfer types from PayNet' {
        It 'completes -TransferType with the types PayNet lists for the member' {
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
            $line = 'Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5 -TransferType '
            $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $names | Should -Contain 'P2P'
            $names | Should -Contain 'Loyalty'    # Jhon holds a loyalty wallet

            $avatar = [pscredential]::new('86888', (ConvertTo-SecureString '5678' -AsPlainText -Force))
            $discovery = Invoke-RestMethod "$($sandbox.Uri)/__sandbox"
            Connect-PayNet -ApiKey (ConvertTo-SecureString $discovery.wallet.apiKey -AsPlainText -Force) -Credential $avatar -BaseUri $discovery.wallet.baseUri
            $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $names | Should -Contain 'P2P'
            $names | Should -Not -Contain 'Loyalty'   # Avatar has none
        }

        It 'refuses a type PayNet does not list for the member before validating anything' {
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
            Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5 -TransferType 27 -Validate -ErrorAction SilentlyContinue -ErrorVariable wrong
            $wrong[0].FullyQualifiedErrorId | Should -BeLike 'PayNetInvalidArgument,*'
            $wrong[0].Exception.Message | Should -Match 'P2P \(14'
            (Invoke-PayNetPayment -ToPrincipal 86888 -Amount 5 -TransferType Loyalty -Validate).TransferTypeId | Should -Be 18
        }
    }

    Context 'Answer variants' {
        It 'works the same when the tenant answers with <Name>' -ForEach @(
            @{ Name = 'statusCode, 400 on expiry, 201/202'; Switches = @{ codeField = 'statusCode'; sessionExpiredStatus = 400; useCreatedAccepted = $true } }
            @{ Name = 'the defaults'; Switches = @{ codeField = 'responseCode' } }
        ) {
            Set-WalletSwitch $Switches | Out-Null
            Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
            $added = Add-PayNetMoney -Amount 25 -Reference 'variant-add' -Confirm:$false
            $added.Pending | Should -BeTrue
            Move-SandboxClock 16
            (Invoke-PayNetPayment -ToPrincipal 86888 -Amount 3 -Reference 'variant-pay' -Confirm:$false).Pending | Should -BeFalse
            Invoke-PayNetPayment -ToPrincipal nobody-here -Amount 3 -Validate -ErrorAction SilentlyContinue -ErrorVariable missing
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'PayNetNotFound,*'
            $missing[0].Exception.Message | Should -Match 'MEMBER_NOT_FOUND'
        }
    }
}
