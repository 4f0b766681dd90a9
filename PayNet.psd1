@{
    RootModule             = 'PayNet.psm1'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6b0f5d6e-2a43-4f0e-9c1d-7a4b8e2f3c51'
    Author                 = 'PayNet for PowerShell contributors'
    CompanyName            = 'PayNet for PowerShell'
    Copyright              = '(c) 2026 PayNet for PowerShell contributors. MIT License.'
    Description            = 'Move PayNet wallet money, run mobile top-ups and vouchers, and reconcile card payments from PowerShell, with typed objects that pipe into each other.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('PayNet.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-PayNet',
        'Disconnect-PayNet',
        'Get-PayNetConnection',
        'Start-PayNetTopUp',
        'Wait-PayNetTransaction',
        'Get-PayNetProduct',
        'Get-PayNetTransaction',
        'Request-PayNetRefund',
        'Get-PayNetRefund',
        'Get-PayNetPayout',
        'Compare-PayNetTransaction',
        'Invoke-PayNetPayment',
        'Get-PayNetWallet',
        'Get-PayNetStatement',
        'Register-PayNetMember',
        'Get-PayNetProfile',
        'Get-PayNetMember',
        'Add-PayNetMoney',
        'Request-PayNetWithdrawal',
        'Set-PayNetPin',
        'Get-PayNetAgreement',
        'Approve-PayNetAgreement',
        'New-PayNetQrCode',
        'Resolve-PayNetQrCode',
        'Add-PayNetDocument',
        'Get-PayNetDocument',
        'New-PayNetDispute',
        'Get-PayNetDispute',
        'Set-PayNetDispute',
        'Close-PayNetDispute',
        'Get-PayNetJournal',
        'Sync-PayNetJournal'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('PayNet', 'Payments', 'Wallet', 'TopUp', 'Reconciliation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/paynet-powershell/PayNet/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/paynet-powershell/PayNet'
            ReleaseNotes = 'First release: Wallet, TopUp and Card cmdlets, a local sandbox, reconciliation.'
        }
    }
}
