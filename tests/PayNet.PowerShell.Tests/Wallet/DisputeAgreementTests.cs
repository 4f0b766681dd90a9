using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>The dispute lifecycle from a piped receipt, and agreements: each state change under ShouldProcess.</summary>
public sealed class DisputeAgreementTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public DisputeAgreementTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<(PwshSession Session, WalletPaymentReceipt Receipt)> PaidAsync()
    {
        await _sandbox.ResetAsync();
        var store = _sandbox.Connect();
        var receipt = Assert.IsType<WalletPaymentReceipt>(Assert.Single(
            WalletTestKit.Run(store, "Invoke-PayNetPayment", new { ToMemberId = "86888", Amount = 40m, Reference = "disputed" }).Output));
        return (store, receipt);
    }

    /// <summary>What PowerShell binds when a receipt is piped: TransferId by property name.</summary>
    private static PwshResult OpenFromPipe(PwshSession store, long transferId, Action<Call>? configure = null) =>
        WalletTestKit.Pipeline(store, "New-PayNetDispute", new { Reason = "NotReceived", Description = "Goods never arrived" },
            new object[] { new { TransferId = transferId } }, configure);

    [Fact]
    public async Task A_piped_receipt_opens_a_dispute_which_can_be_commented_and_closed()
    {
        var (store, receipt) = await PaidAsync();
        var opened = OpenFromPipe(store, receipt.TransferId);

        Assert.Empty(opened.Errors);
        var (target, action) = Assert.Single(opened.ShouldProcessCalls);
        Assert.Contains(receipt.TransferId.ToString(), target);
        Assert.Contains("NotReceived", action);
        var dispute = Assert.IsType<WalletDispute>(Assert.Single(opened.Output));
        Assert.Equal(receipt.TransferId, dispute.TransferId);
        Assert.Equal(WalletDisputeState.Open, dispute.State);
        Assert.Equal(WalletDisputeReason.NotReceived, dispute.Reason);
        Assert.Equal(40m, dispute.Amount);

        var commented = WalletTestKit.Pipeline(store, "Set-PayNetDispute", new { Comment = "Courier says delivered to the wrong door" },
            new object[] { new { Id = dispute.DisputeId } });
        var updated = Assert.IsType<WalletDispute>(Assert.Single(commented.Output));
        Assert.Equal(1, updated.CommentCount);
        Assert.Equal("Courier says delivered to the wrong door", updated.LastComment);
        Assert.Equal("Add a comment", Assert.Single(commented.ShouldProcessCalls).Action);

        var listed = WalletTestKit.Run(store, "Get-PayNetDispute", new { State = "Open" });
        Assert.Equal(dispute.DisputeId, Assert.IsType<WalletDispute>(Assert.Single(listed.Output)).DisputeId);

        var closed = WalletTestKit.Run(store, "Close-PayNetDispute", new { Id = dispute.DisputeId, Resolution = "Found the parcel" });
        Assert.Equal(WalletDisputeState.Closed, Assert.IsType<WalletDispute>(Assert.Single(closed.Output)).State);
        Assert.Empty(WalletTestKit.Run(store, "Get-PayNetDispute", new { State = "Open" }).Output);

        var late = WalletTestKit.Run(store, "Set-PayNetDispute", new { Id = dispute.DisputeId, Comment = "One more thing" });
        var error = Assert.Single(late.Errors);
        Assert.Equal(ErrorIds.Rejected, error.ErrorId);
        Assert.Equal(dispute.DisputeId, error.TargetObject);
    }

    [Fact]
    public async Task WhatIf_opens_updates_and_closes_nothing()
    {
        var (store, receipt) = await PaidAsync();
        var whatIf = OpenFromPipe(store, receipt.TransferId, h => h.WhatIf = true);
        Assert.Single(whatIf.ShouldProcessCalls);
        Assert.Empty(whatIf.Output);
        Assert.Empty(WalletTestKit.Run(store, "Get-PayNetDispute", null).Output);

        var dispute = Assert.IsType<WalletDispute>(Assert.Single(OpenFromPipe(store, receipt.TransferId).Output));
        WalletTestKit.Run(store, "Set-PayNetDispute", new { Id = dispute.DisputeId, Description = "changed" }, h => h.WhatIf = true);
        WalletTestKit.Run(store, "Close-PayNetDispute", new { Id = dispute.DisputeId }, h => h.WhatIf = true);
        var now = Assert.IsType<WalletDispute>(Assert.Single(WalletTestKit.Run(store, "Get-PayNetDispute", new { Id = dispute.DisputeId }).Output));
        Assert.Equal("Goods never arrived", now.Description);
        Assert.Equal(WalletDisputeState.Open, now.State);
    }

    [Fact]
    public async Task A_second_open_dispute_and_an_unknown_transfer_are_errors_and_the_batch_goes_on()
    {
        var (store, receipt) = await PaidAsync();
        var host = WalletTestKit.Pipeline(store, "New-PayNetDispute", new { Reason = "Duplicate", Description = "Charged twice" },
            new object[] { new { TransferId = 12345 }, new { TransferId = receipt.TransferId }, new { TransferId = receipt.TransferId } });

        Assert.Single(host.Output);
        Assert.Equal(2, host.Errors.Count);
        Assert.Equal(ErrorIds.NotFound, host.Errors[0].ErrorId);
        Assert.Equal(12345L, host.Errors[0].TargetObject);
        Assert.Equal(receipt.TransferId, host.Errors[1].TargetObject);
    }

    [Fact]
    public async Task Agreements_are_listed_and_accepted_by_pipe_under_ShouldProcess()
    {
        await _sandbox.ResetAsync();
        var store = _sandbox.Connect();
        var pending = WalletTestKit.Run(store, "Get-PayNetAgreement", null, h => h.Bind("Pending"));
        var terms = Assert.IsType<WalletAgreement>(Assert.Single(pending.Output));
        Assert.Equal("Terms of Use", terms.Name);
        Assert.True(terms.Required);
        Assert.False(terms.Accepted);

        var whatIf = WalletTestKit.Pipeline(store, "Approve-PayNetAgreement", null, new object[] { new { Id = new[] { terms.Id } } },
            h => h.WhatIf = true);
        Assert.Contains("Terms of Use 1.0", Assert.Single(whatIf.ShouldProcessCalls).Target);
        Assert.Single(WalletTestKit.Run(store, "Get-PayNetAgreement", null, h => h.Bind("Pending")).Output);

        var accepted = WalletTestKit.Pipeline(store, "Approve-PayNetAgreement", null, new object[] { new { Id = new[] { terms.Id, 99L } } });
        var after = Assert.IsType<WalletAgreement>(Assert.Single(accepted.Output));
        Assert.True(after.Accepted);
        Assert.NotNull(after.AcceptedAt);
        var unknown = Assert.Single(accepted.Errors);
        Assert.Equal(ErrorIds.NotFound, unknown.ErrorId);
        Assert.Equal(99L, unknown.TargetObject);
        Assert.Empty(WalletTestKit.Run(store, "Get-PayNetAgreement", null, h => h.Bind("Pending")).Output);
    }
}
