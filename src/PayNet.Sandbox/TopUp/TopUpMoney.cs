using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.TopUp;

/// <summary>
/// State changes that move money: the AED price leaves the POS balance when a transaction leaves -1 and comes
/// back when it ends in 2 or 3 (topup.md §12.4). Every movement goes into the shared ledger.
/// </summary>
public static class TopUpMoney
{
    public const string Api = "TopUp";

    /// <summary>Moves a transaction to <paramref name="state"/>, with the money and voucher effects that implies.</summary>
    public static void MoveTo(TopUpTransaction t, int state, string error, TopUpState store, MoneyLedger ledger, DateTimeOffset now)
    {
        var pos = store.Pos(t.PosId)!;
        if (t.Simulation)
        {
            // A test transaction (topup.md §9): every state, no POS balance, nothing in the ledger.
            t.Debited = state != -1;
            t.Refunded = state is 2 or 3;
        }
        else if (state != -1 && !t.Debited)
        {
            // A failure decided at confirm (suffix 03) never takes the money: nothing is booked.
            if (state is 2 or 3 && t.State == -1)
            {
                t.Debited = true;
                t.Refunded = true;
            }
            else
            {
                decimal price = t.Price ?? 0;
                pos.Balance -= price;
                t.Debited = true;
                ledger.Record(new LedgerEntry(Api, "Confirm", Reference(t), t.Id, price, "AED", now));
            }
        }
        if (!t.Simulation && state is 2 or 3 && t.Debited && !t.Refunded)
        {
            decimal price = t.Price ?? 0;
            pos.Balance += price;
            t.Refunded = true;
            ledger.Record(new LedgerEntry(Api, "Refund", Reference(t), t.Id, -price, "AED", now));
        }
        t.State = state;
        t.Error = error;
        if (state == 1 && t.Service.Kind == TopUpProductKind.Voucher && t.Info is null)
            t.Info = TopUpScenarios.Voucher(t.Id, t.Scenario);
    }

    /// <summary>The ledger reference: the integrator's external id, or the Paynet id when none was sent.</summary>
    public static string Reference(TopUpTransaction t) => t.ExternalId ?? t.Id;
}
