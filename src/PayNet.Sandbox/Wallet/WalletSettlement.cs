using System.Globalization;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// Booking (§11.4 step 12) and the later fate of pending transfers. Balances change and the shared
/// money ledger is written only when a transfer becomes PROCESSED. Callers hold the state lock.
/// </summary>
internal static class WalletSettlement
{
    /// <summary>
    /// Creates the transfer and its fee, cashback or discount children; processes them (parent first, so the
    /// credit back to the payer is booked after the payment, as its own transfer) unless the type is pending.
    /// </summary>
    public static WalletTransfer Book(WalletState state, PreparedPayment p)
    {
        var q = p.Quote;
        var parent = NewTransfer(state, p.Type, p.Source, p.Destination, q.PayeeCredit, p.Description, p.TraceNumber, null, p.Payer.Id, p.CustomValues);
        if (q.Fee > 0m)
        {
            long feeType = p.Type.Fee == FeeKind.Percentage ? WalletRules.PercentageFeeChildType : WalletRules.FixedFeeChildType;
            var fee = NewTransfer(state, state.Rules.Types[feeType], p.Source, state.Accounts[2], q.Fee, $"{state.Rules.Types[feeType].Name} of transfer {parent.Id}",
                Suffix(p.TraceNumber, "-FEE"), parent.Id, p.Payer.Id, new());
            parent.ChildIds.Add(fee.Id);
        }
        if (q.Cashback > 0m)
        {
            var cashback = NewTransfer(state, state.Rules.Types[WalletRules.CashbackChildType], state.Accounts[3], p.Source, q.Cashback,
                $"Cashback of transfer {parent.Id}", Suffix(p.TraceNumber, "-CB"), parent.Id, p.Payer.Id, new());
            parent.ChildIds.Add(cashback.Id);
        }
        if (q.Discount > 0m)
        {
            var discount = NewTransfer(state, state.Rules.Types[WalletRules.DiscountChildType], state.Accounts[3], p.Source, q.Discount,
                $"Discount on transfer {parent.Id}", Suffix(p.TraceNumber, "-DS"), parent.Id, p.Payer.Id, new());
            parent.ChildIds.Add(discount.Id);
        }

        if (!p.Type.Pending)
        {
            ProcessFamily(state, parent);
            return parent;
        }

        if (!p.Source.IsSystem)
        {
            parent.ReservedOnSource = q.SourceDebit;
            p.Source.Reserved += q.SourceDebit;
        }
        if (IsAddMoney(state, parent) && HasCents(parent.Amount, 13)) FailFamily(state, parent);
        return parent;
    }

    /// <summary>A dispute refund: the disputed amount back from payee to payer, without a funds check.</summary>
    public static WalletTransfer Refund(WalletState state, WalletTransfer original, decimal amount, long disputeId)
    {
        var refund = NewTransfer(state, state.Rules.Types[WalletRules.DisputeRefundType], state.Accounts[original.ToAccountId],
            state.Accounts[original.FromAccountId], amount, $"Refund of transfer {original.Id} (dispute {disputeId})",
            Suffix(original.TraceNumber, "-REFUND"), null, null, new());
        ProcessFamily(state, refund);
        return refund;
    }

    /// <summary>Resolves a pending transfer the way the gateway would: PROCESSED or FAILED.</summary>
    public static WalletTransfer Settle(WalletState state, long transferId, bool succeed)
    {
        if (!state.Transfers.TryGetValue(transferId, out var transfer) || transfer.ParentId is not null)
            throw WalletErrors.NotFound($"Transfer {transferId} was not found");
        if (transfer.Status != TransferStatus.Pending)
            throw WalletErrors.Validation($"Transfer {transferId} is {transfer.Status}, not PENDING");
        if (succeed) ProcessFamily(state, transfer);
        else FailFamily(state, transfer);
        return transfer;
    }

    /// <summary>AddMoney auto-confirmation (option AddMoneyAutoConfirmAfterSeconds); amounts ending in .99 never settle.</summary>
    public static void SettleDue(WalletState state)
    {
        int after = state.Options.AddMoneyAutoConfirmAfterSeconds;
        if (after <= 0) return;
        var now = state.Now;
        var due = state.Transfers.Values
            .Where(t => t.ParentId is null && t.Status == TransferStatus.Pending && IsAddMoney(state, t)
                && !HasCents(t.Amount, 99) && now - t.Date >= TimeSpan.FromSeconds(after))
            .ToList();
        foreach (var transfer in due) ProcessFamily(state, transfer);
    }

    private static WalletTransfer NewTransfer(WalletState state, WalletTransferType type, WalletAccount from, WalletAccount to, decimal amount,
        string? description, string? trace, long? parentId, long? initiatorId, Dictionary<string, string> customValues)
    {
        var transfer = new WalletTransfer
        {
            Id = state.NextTransferId(),
            TypeId = type.Id,
            TypeName = type.Name,
            Operation = type.Operation,
            FromAccountId = from.Id,
            ToAccountId = to.Id,
            Amount = WalletMoney.Wire(amount),
            Date = state.Now,
            Status = TransferStatus.Pending,
            Description = description,
            TraceNumber = trace,
            TransactionNumber = state.NextTransactionNumber(),
            ParentId = parentId,
            InitiatorId = initiatorId,
            CustomValues = customValues,
        };
        state.Transfers[transfer.Id] = transfer;
        return transfer;
    }

    private static void ProcessFamily(WalletState state, WalletTransfer parent)
    {
        ReleaseReservation(state, parent);
        Process(state, parent);
        foreach (long childId in parent.ChildIds) Process(state, state.Transfers[childId]);
    }

    private static void FailFamily(WalletState state, WalletTransfer parent)
    {
        ReleaseReservation(state, parent);
        parent.Status = TransferStatus.Failed;
        foreach (long childId in parent.ChildIds) state.Transfers[childId].Status = TransferStatus.Failed;
    }

    private static void ReleaseReservation(WalletState state, WalletTransfer parent)
    {
        if (parent.ReservedOnSource == 0m) return;
        state.Accounts[parent.FromAccountId].Reserved -= parent.ReservedOnSource;
        parent.ReservedOnSource = 0m;
    }

    private static void Process(WalletState state, WalletTransfer transfer)
    {
        var now = state.Now;
        state.Accounts[transfer.FromAccountId].Balance -= transfer.Amount;
        state.Accounts[transfer.ToAccountId].Balance += transfer.Amount;
        transfer.Status = TransferStatus.Processed;
        transfer.ProcessDate = now;
        state.Ledger.Record(new LedgerEntry(
            "Wallet",
            transfer.Operation,
            transfer.TraceNumber ?? "transfer-" + transfer.Id.ToString(CultureInfo.InvariantCulture),
            transfer.Id.ToString(CultureInfo.InvariantCulture),
            transfer.Amount,
            WalletSeed.Currency.Name,
            now));
    }

    private static bool IsAddMoney(WalletState state, WalletTransfer t) => t.TypeId == state.Options.AddMoneyTransferTypeId;

    /// <summary>The §11.4 magic amounts look at the cents: 200.13 fails, 200.99 never settles by itself.</summary>
    private static bool HasCents(decimal amount, int cents) => (int)(Math.Abs(amount) * 100m % 100m) == cents;

    private static string? Suffix(string? trace, string suffix) => trace is null ? null : trace + suffix;
}
