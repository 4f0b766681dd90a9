using System.Management.Automation;
using PayNet.Core.Card;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Card;

/// <summary>
/// Issue 16 item 10: a refund request answers with a typed result (which payment, how much, in which
/// currency, the state by name) instead of PayNet's raw reply; PayNet's words stay as ProviderMessage,
/// and the old property names still work for scripts written against them.
/// </summary>
public sealed class RefundResultTests : SandboxCmdletTest
{
    public RefundResultTests(SandboxFixture sandbox) : base(sandbox) { }

    private CardTransaction Sale(string reference) =>
        Session.Call("Get-PayNetTransaction", new { ReferenceNo = reference }).OutputOf<CardTransaction>()
            .Single(t => t.TransactionType == CardTransactionType.Sale && t.State == CardTransactionState.Succeeded);

    [Fact]
    public void A_partial_refund_names_its_payment_amount_currency_and_state()
    {
        var sale = Sale("RCN-0001");
        var result = Session.Run("$r = Request-PayNetRefund -XactId $x -Amount 100 -Confirm:$false; $r; $r -is [PayNet.Core.Card.CardRefundResult]; $r.Message; $r.Succeeded; $r.Code",
            new { x = sale.XactId });

        Assert.Empty(result.Errors);
        var refund = Assert.IsType<CardRefundResult>(result.Output[0]);
        Assert.Equal(sale.XactId, refund.XactId);
        Assert.Equal("RCN-0001", refund.ReferenceNo);
        Assert.Equal("RCN-0001", refund.Reference);
        Assert.Equal(100.00m, refund.Amount);
        Assert.False(refund.FullAmount);
        Assert.Equal(sale.Amount, refund.PaymentAmount);
        Assert.Equal("TRY", refund.Currency);
        Assert.Equal(CardRefundState.Pending, refund.State);
        Assert.Equal("Pending", refund.StateName);
        Assert.Equal("Başarılı İşlem", refund.ProviderMessage);
        Assert.False(refund.Reconciled);
        // What scripts written against the untyped reply read still answers the same.
        Assert.Equal(true, result.Output[1]);
        Assert.Equal("Başarılı İşlem", result.Output[2]);
        Assert.Equal(true, result.Output[3]);
        Assert.Equal(0, result.Output[4]);
    }

    [Fact]
    public void A_full_refund_states_the_whole_amount_it_refunds()
    {
        var sale = Sale("RCN-0014");
        var refund = Assert.IsType<CardRefundResult>(Session.Run("Request-PayNetRefund -XactId $x -Confirm:$false", new { x = sale.XactId }).Output.Single());

        Assert.True(refund.FullAmount);
        Assert.Equal(sale.Amount, refund.Amount);
        Assert.Equal(CardRefundState.Pending, refund.State);
    }

    [Fact]
    public void A_refund_whose_answer_is_lost_is_settled_into_the_same_typed_result()
    {
        var sale = Sale("RCN-0002");
        Sandbox.ArmFaultAsync("/card/v1/transaction/reversed_request", "DropAfterCommit").GetAwaiter().GetResult();

        var refund = Assert.IsType<CardRefundResult>(Session.Run("Request-PayNetRefund -XactId $x -Confirm:$false", new { x = sale.XactId }).Output.Single());

        Assert.True(refund.Reconciled);
        Assert.Equal("RCN-0002", refund.ReferenceNo);
        Assert.Equal(sale.Amount, refund.Amount);
        Assert.Equal("TRY", refund.Currency);
        Assert.Equal(CardRefundState.Pending, refund.State);
        Assert.NotNull(refund.Time);
    }

    [Fact]
    public void The_refund_table_shows_reference_amount_currency_and_state_in_80_columns()
    {
        var sale = Sale("RCN-0007");
        var table = Session.Run("Request-PayNetRefund -XactId $x -Amount 10 -Confirm:$false | Format-Table | Out-String -Width 79", new { x = sale.XactId }); // an 80-column console

        string text = string.Concat(table.Output);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        Assert.StartsWith("Reference", lines[0].TrimStart());
        foreach (var label in new[] { "Amount", "Currency", "State", "XactId" }) Assert.Contains(label, lines[0]);
        // At 80 columns the 48-character xact id is shortened (it is the last column); everything before it is whole.
        Assert.Contains(lines, l => l.Contains("RCN-0007") && l.Contains("10") && l.Contains("TRY") && l.Contains("Pending") && l.Contains(sale.XactId![..12]));
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));

        var wide = Session.Run("$last = Request-PayNetRefund -XactId $x -Amount 5 -Confirm:$false; $last | Format-Table | Out-String -Width 120", new { x = sale.XactId });
        Assert.Contains(sale.XactId!, string.Concat(wide.Output));
    }

    [Fact]
    public void The_refund_question_names_amount_currency_and_reference()
    {
        var sale = Sale("RCN-0015");
        var asked = Session.Call("Request-PayNetRefund", new { XactId = sale.XactId, Amount = 13.75m }, c => c.WhatIf = true);

        var (target, _) = Assert.Single(asked.ShouldProcessCalls);
        Assert.Contains("13.75 TRY", target);
        Assert.Contains("RCN-0015", target);
        Assert.Contains("813.75 TRY", target);
        Assert.Empty(asked.Output);
    }
}
