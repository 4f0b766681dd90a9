namespace PayNet.Sandbox.Wallet;

/// <summary>
/// Disputes (PROPOSED, §6.13/§11.11): only a party of a processed transfer, within 90 days, one
/// non-closed dispute per transfer. OPEN → IN_REVIEW → RESOLVED_REFUNDED | RESOLVED_REJECTED → CLOSED.
/// </summary>
internal static class DisputeEndpoints
{
    public static readonly string[] Reasons = { "UNAUTHORIZED", "NOT_RECEIVED", "WRONG_AMOUNT", "DUPLICATE", "OTHER" };
    public static readonly string[] Statuses = { "OPEN", "IN_REVIEW", "RESOLVED_REFUNDED", "RESOLVED_REJECTED", "CLOSED" };

    public static void Map(RouteGroupBuilder api)
    {
        api.Post("/disputes", WalletAuth.Session, Open);
        api.Get("/disputes", WalletAuth.Session, List);
        api.Get("/disputes/{id:long}", WalletAuth.Session, call => WalletReply.Ok("Dispute", View(call.State, Visible(call))));
        api.Put("/disputes/{id:long}", WalletAuth.Session, Update);
        api.Post("/disputes/{id:long}/close", WalletAuth.Session, Close);
    }

    private static WalletReply Open(WalletCall call)
    {
        var state = call.State;
        var body = call.Body;
        long transferId = body.RequiredLong("transferId");
        string reasonText = body.RequiredString("reason");
        string reason = Reasons.FirstOrDefault(r => r.Equals(reasonText, StringComparison.OrdinalIgnoreCase))
            ?? throw WalletErrors.Validation($"reason '{reasonText}' is not one of {string.Join(", ", Reasons)}");
        string description = body.RequiredString("description");
        decimal? amount = body.Amount();

        var transfer = state.Transfers.GetValueOrDefault(transferId);
        if (transfer is null || !IsParty(state, transfer, call.Member.Id)) throw WalletErrors.NotFound($"Transfer {transferId} was not found");
        if (transfer.Status != TransferStatus.Processed) throw WalletErrors.Validation($"Transfer {transferId} is {transfer.Status}; only processed transfers can be disputed");
        if (amount is { } a && (a <= 0m || !WalletMoney.HasAtMostTwoDecimals(a) || a > transfer.Amount))
            throw WalletErrors.InvalidAmount($"The disputed amount must be above zero and at most {WalletMoney.Format(transfer.Amount)}");
        var windowEnd = transfer.Date.AddDays(state.Rules.DisputeWindowDays);
        if (state.Now > windowEnd)
            throw WalletErrors.Validation($"The {state.Rules.DisputeWindowDays}-day dispute window of transfer {transferId} has ended");
        if (state.Disputes.Values.FirstOrDefault(d => d.TransferId == transferId && !d.IsClosed) is { } existing)
            throw WalletErrors.Validation($"Transfer {transferId} already has dispute {existing.Id} that is not closed");

        var dispute = new WalletDispute
        {
            Id = state.NextDisputeId(),
            TransferId = transferId,
            OpenedBy = call.Member.Id,
            Reason = reason,
            Description = description,
            Amount = WalletMoney.Wire(amount ?? transfer.Amount),
            CreatedAt = state.Now,
            UpdatedAt = state.Now,
        };
        state.Disputes[dispute.Id] = dispute;
        return WalletReply.Ok("Dispute", View(state, dispute), "Dispute opened");
    }

    private static WalletReply List(WalletCall call)
    {
        var state = call.State;
        var (page, size) = WalletViews.Paging(call);
        string? status = call.Query("status");
        if (status is not null)
            status = Statuses.FirstOrDefault(s => s.Equals(status, StringComparison.OrdinalIgnoreCase))
                ?? throw WalletErrors.Validation($"status '{status}' is not one of {string.Join(", ", Statuses)}");
        var matches = state.Disputes.Values
            .Where(d => IsParty(state, state.Transfers[d.TransferId], call.Member.Id) && (status is null || d.Status == status))
            .OrderByDescending(d => d.Id)
            .ToList();
        return WalletReply.Ok("DisputeResultPage",
            WalletViews.Page(page, size, matches.Count, WalletViews.Slice(matches, page, size).Select(d => View(state, d))));
    }

    private static WalletReply Update(WalletCall call)
    {
        var dispute = Visible(call);
        string? description = call.Body.String("description");
        string? comment = call.Body.String("comment");
        if (string.IsNullOrWhiteSpace(description) && string.IsNullOrWhiteSpace(comment))
            throw WalletErrors.Validation("Send 'description' or 'comment'");
        if (dispute.Status is not ("OPEN" or "IN_REVIEW"))
            throw NotOpen(dispute);
        if (!string.IsNullOrWhiteSpace(description)) dispute.Description = description.Trim();
        if (!string.IsNullOrWhiteSpace(comment)) dispute.Comments.Add(new DisputeComment(call.Now, call.Member.Username, comment.Trim()));
        dispute.UpdatedAt = call.Now;
        return WalletReply.Ok("Dispute", View(call.State, dispute), "Dispute updated");
    }

    private static WalletReply Close(WalletCall call)
    {
        var dispute = Visible(call);
        string? resolution = call.Body.String("resolution");
        if (dispute.IsClosed) throw NotOpen(dispute);
        dispute.Status = "CLOSED";
        dispute.ClosedAt = call.Now;
        dispute.UpdatedAt = call.Now;
        if (!string.IsNullOrWhiteSpace(resolution)) dispute.Resolution = resolution.Trim();
        return WalletReply.Ok("Dispute", View(call.State, dispute), "Dispute closed");
    }

    /// <summary>The sandbox's decision on a dispute: REFUND books the reversal, REJECT only records the outcome.</summary>
    public static WalletDispute Resolve(WalletState state, long disputeId, string outcome)
    {
        var dispute = state.Disputes.GetValueOrDefault(disputeId) ?? throw WalletErrors.NotFound($"Dispute {disputeId} was not found");
        if (dispute.Status is not ("OPEN" or "IN_REVIEW")) throw NotOpen(dispute);
        if (outcome.Equals("REFUND", StringComparison.OrdinalIgnoreCase))
        {
            var refund = WalletSettlement.Refund(state, state.Transfers[dispute.TransferId], dispute.Amount, dispute.Id);
            dispute.RefundTransferId = refund.Id;
            dispute.Status = "RESOLVED_REFUNDED";
            dispute.Resolution = $"Refunded {WalletMoney.Format(dispute.Amount)} (transfer {refund.Id})";
        }
        else if (outcome.Equals("REJECT", StringComparison.OrdinalIgnoreCase))
        {
            dispute.Status = "RESOLVED_REJECTED";
            dispute.Resolution = "Rejected";
        }
        else throw WalletErrors.Validation("outcome must be REFUND or REJECT");
        dispute.Comments.Add(new DisputeComment(state.Now, "PayNet", dispute.Resolution));
        dispute.UpdatedAt = state.Now;
        return dispute;
    }

    public static WalletDispute Review(WalletState state, long disputeId)
    {
        var dispute = state.Disputes.GetValueOrDefault(disputeId) ?? throw WalletErrors.NotFound($"Dispute {disputeId} was not found");
        if (dispute.Status != "OPEN") throw NotOpen(dispute);
        dispute.Status = "IN_REVIEW";
        dispute.UpdatedAt = state.Now;
        return dispute;
    }

    public static object View(WalletState state, WalletDispute d) => new
    {
        id = d.Id,
        transferId = d.TransferId,
        transactionNumber = state.Transfers.GetValueOrDefault(d.TransferId)?.TransactionNumber,
        reason = d.Reason,
        description = d.Description,
        amount = d.Amount,
        formattedAmount = WalletMoney.Format(d.Amount),
        status = d.Status,
        createdAt = d.CreatedAt,
        updatedAt = d.UpdatedAt,
        closedAt = d.ClosedAt,
        resolution = d.Resolution,
        refundTransferId = d.RefundTransferId,
        comments = d.Comments.Select(c => new { at = c.At, by = c.By, text = c.Text }).ToArray(),
    };

    private static WalletDispute Visible(WalletCall call)
    {
        long id = call.RouteId("id", "Dispute");
        var dispute = call.State.Disputes.GetValueOrDefault(id);
        if (dispute is null || !IsParty(call.State, call.State.Transfers[dispute.TransferId], call.Member.Id))
            throw WalletErrors.NotFound($"Dispute {id} was not found");
        return dispute;
    }

    private static bool IsParty(WalletState state, WalletTransfer t, long memberId) =>
        state.Accounts[t.FromAccountId].MemberId == memberId || state.Accounts[t.ToAccountId].MemberId == memberId;

    private static WalletException NotOpen(WalletDispute d) =>
        WalletErrors.Business("DISPUTE_NOT_OPEN", "Dispute not open", $"Dispute {d.Id} is {d.Status}");
}
