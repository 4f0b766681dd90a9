using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>New-PayNetQrCode (member 2 is paid), Resolve-PayNetQrCode and Invoke-PayNetPayment -QrString (member 3 pays).</summary>
public sealed class QrCodeTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public QrCodeTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<(PwshSession Owner, PwshSession Payer)> FreshAsync()
    {
        await _sandbox.ResetAsync();
        return (_sandbox.Connect(), WalletTestKit.ConnectAs(_sandbox.Server.RootUri, "86888", "5678"));
    }

    private static WalletQrCode Create(PwshSession owner, decimal? amount, string? description = null)
    {
        var parameters = new Dictionary<string, object?> { ["Description"] = description };
        if (amount is decimal a) parameters["Amount"] = a;
        var host = WalletTestKit.Run(owner, "New-PayNetQrCode", parameters);
        Assert.Empty(host.Errors);
        return Assert.IsType<WalletQrCode>(Assert.Single(host.Output));
    }

    [Fact]
    public async Task A_QR_code_without_amount_is_static_and_one_with_amount_is_dynamic()
    {
        var (owner, _) = await FreshAsync();
        var staticHost = WalletTestKit.Run(owner, "New-PayNetQrCode", new { Description = "Tips" });
        var code = Assert.IsType<WalletQrCode>(Assert.Single(staticHost.Output));
        Assert.True(code.IsStatic);
        Assert.Null(code.ExpiresAt);
        Assert.StartsWith("PNQR1.", code.QrString);
        var (target, action) = Assert.Single(staticHost.ShouldProcessCalls);
        Assert.Contains("Static", target);
        Assert.Equal("Create", action);

        var dynamicCode = Create(owner, 15.00m, "Table 4");
        Assert.False(dynamicCode.IsStatic);
        Assert.Equal(15.00m, dynamicCode.Amount);
        Assert.NotNull(dynamicCode.ExpiresAt);
        Assert.Equal(WalletQrState.Active, dynamicCode.State);
    }

    [Fact]
    public async Task WhatIf_creates_no_QR_code()
    {
        var (owner, _) = await FreshAsync();
        var host = WalletTestKit.Run(owner, "New-PayNetQrCode", new { Amount = 5m }, h => { h.Bind("Amount"); h.WhatIf = true; });
        Assert.Contains("5.00 USD", Assert.Single(host.ShouldProcessCalls).Target);
        Assert.Empty(host.Output);
    }

    [Fact]
    public async Task Resolving_shows_payee_amount_and_that_it_can_be_paid()
    {
        var (owner, payer) = await FreshAsync();
        var code = Create(owner, 15.00m);
        var host = WalletTestKit.Run(payer, "Resolve-PayNetQrCode", new { QrString = code.QrString });

        var decoded = Assert.IsType<WalletQrCode>(Assert.Single(host.Output));
        Assert.Equal("Jhon Doe", decoded.ToMemberName);
        Assert.Equal(15.00m, decoded.Amount);
        Assert.True(decoded.Payable);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task Paying_a_dynamic_QR_code_asks_naming_amount_payee_and_reference_and_works_once()
    {
        var (owner, payer) = await FreshAsync();
        var code = Create(owner, 15.00m, "Table 4");

        var host = WalletTestKit.Run(payer, "Invoke-PayNetPayment", new { QrString = code.QrString, Reference = "qr-pay-1" });
        Assert.Empty(host.Errors);
        var (target, _) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("15.00 USD", target);
        Assert.Contains("Jhon Doe", target);
        Assert.Contains("qr-pay-1", target);
        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(host.Output));
        Assert.Equal(15.00m, receipt.Amount);
        Assert.Equal("qr-pay-1", receipt.TraceNumber);
        Assert.Equal(1_015.00m, WalletTestKit.Balance(owner));
        Assert.Equal(235.00m, WalletTestKit.Balance(payer));

        var again = WalletTestKit.Run(payer, "Invoke-PayNetPayment", new { QrString = code.QrString });
        Assert.Equal(ErrorIds.Rejected, Assert.Single(again.Errors).ErrorId);
        Assert.Single(await WalletTestKit.LedgerAsync(_sandbox.Control));
    }

    [Fact]
    public async Task A_static_QR_code_needs_an_amount_and_then_pays_it()
    {
        var (owner, payer) = await FreshAsync();
        var code = Create(owner, null, "Tips");

        var missing = WalletTestKit.Run(payer, "Invoke-PayNetPayment", new { QrString = code.QrString });
        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(missing.Errors).ErrorId);
        Assert.Empty(missing.ShouldProcessCalls);

        var paid = WalletTestKit.Run(payer, "Invoke-PayNetPayment", new { QrString = code.QrString, Amount = 3.00m },
            h => h.Bind("Amount"));
        Assert.Empty(paid.Errors);
        Assert.Equal(3.00m, Assert.IsType<WalletPaymentReceipt>(Assert.Single(paid.Output)).Amount);
        Assert.Equal(247.00m, WalletTestKit.Balance(payer));
    }

    [Fact]
    public async Task A_resolved_QR_code_piped_in_is_paid_and_WhatIf_pays_nothing()
    {
        var (owner, payer) = await FreshAsync();
        var code = Create(owner, 8.00m);
        var decoded = Assert.IsType<WalletQrCode>(Assert.Single(WalletTestKit.Run(payer, "Resolve-PayNetQrCode", new { QrString = code.QrString }).Output));

        var whatIf = WalletTestKit.Pipeline(payer, "Invoke-PayNetPayment", null, new[] { decoded },
            h => h.WhatIf = true);
        Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Empty(await WalletTestKit.LedgerAsync(_sandbox.Control));

        var paid = WalletTestKit.Pipeline(payer, "Invoke-PayNetPayment", null, new[] { decoded });
        Assert.Equal(8.00m, Assert.IsType<WalletPaymentReceipt>(Assert.Single(paid.Output)).Amount);
        Assert.Equal(242.00m, WalletTestKit.Balance(payer));
    }

    [Fact]
    public async Task A_tampered_QR_string_is_an_invalid_argument()
    {
        var (owner, payer) = await FreshAsync();
        var code = Create(owner, 8.00m);
        var host = WalletTestKit.Run(payer, "Resolve-PayNetQrCode", new { QrString = code.QrString[..^2] + "zz" });
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.InvalidArgument, error.ErrorId);
        Assert.Equal(code.QrString[..^2] + "zz", error.TargetObject);
    }
}
