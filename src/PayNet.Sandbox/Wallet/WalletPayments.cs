namespace PayNet.Sandbox.Wallet;

/// <summary>A payment request that passed §11.6 steps 4-8, with its figures.</summary>
internal sealed record PreparedPayment(
    WalletTransferType Type,
    WalletMember Payer,
    WalletMember? Payee,
    WalletAccount Source,
    WalletAccount Destination,
    PaymentQuote Quote,
    string? Description,
    string? TraceNumber,
    Dictionary<string, string> CustomValues,
    bool OtpRequired);

/// <summary>What a QR payment fixes in advance instead of reading it from the body.</summary>
internal sealed record PaymentOverrides(long TransferTypeId, WalletMember Payee, decimal? Amount);

/// <summary>
/// Validate and confirm of member and system payments (§6.3-6.6), checked in the order of §11.6: the
/// first failure wins and nothing is booked before step 12.
/// </summary>
internal static class WalletPayments
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Post("/payments/member-payment", WalletAuth.Session, call => Validate(call, PaymentFamily.Member));
        api.Post("/payments/confirm/member-payment", WalletAuth.Session, call => Confirm(call, PaymentFamily.Member));
        api.Post("/payments/system-payment", WalletAuth.Session, call => Validate(call, PaymentFamily.System));
        api.Post("/payments/confirm/system-payment", WalletAuth.Session, call => Confirm(call, PaymentFamily.System));
    }

    public static WalletReply Validate(WalletCall call, PaymentFamily family)
    {
        var payment = Prepare(call, family, null);
        return WalletReply.Ok("DoPaymentResult", DoPaymentResult(payment), "Payment validated");
    }

    public static WalletReply Confirm(WalletCall call, PaymentFamily family)
    {
        var payment = Prepare(call, family, null);
        var transfer = Execute(call, payment);
        return WalletReply.Ok("ConfirmPaymentResult", ConfirmPaymentResult(transfer),
            transfer.Status == TransferStatus.Processed ? "Payment processed" : "Payment accepted, awaiting confirmation");
    }

    public static object ConfirmPaymentResult(WalletTransfer transfer) =>
        new { id = transfer.Id, pending = transfer.Status != TransferStatus.Processed };

    /// <summary>Steps 4-8: body, payee, transfer type, limits, funds.</summary>
    public static PreparedPayment Prepare(WalletCall call, PaymentFamily family, PaymentOverrides? fixedBy)
    {
        var state = call.State;
        var body = call.Body;
        var payer = call.Member;

        // 4. body
        decimal amount = fixedBy?.Amount ?? body.Amount() ?? throw WalletErrors.InvalidAmount("'amount' is required");
        if (amount <= 0m) throw WalletErrors.InvalidAmount("The amount must be greater than zero");
        if (!WalletMoney.HasAtMostTwoDecimals(amount)) throw WalletErrors.InvalidAmount("The amount has more than 2 decimals");
        if (amount > state.Rules.MaxAmount) throw WalletErrors.InvalidAmount($"The amount is larger than {WalletMoney.Format(state.Rules.MaxAmount)}");
        amount = WalletMoney.Wire(amount);
        long? typeId = fixedBy?.TransferTypeId ?? body.Long("transferTypeId");
        if (typeId is null && family == PaymentFamily.Member) typeId = 14;
        if (typeId is null) throw WalletErrors.Validation("'transferTypeId' is required for a system payment");
        CheckCurrency(body);
        string? description = body.String("description");
        string? trace = body.String("traceNumber");
        if (string.IsNullOrWhiteSpace(trace)) trace = null;
        var customValues = body.CustomValues();

        // 5. payee
        WalletMember? payee = null;
        if (family == PaymentFamily.Member)
        {
            payee = fixedBy?.Payee ?? FindPayee(call);
            if (payee.Id == payer.Id) throw WalletErrors.Validation("The payer and the payee are the same member");
        }

        // 6. transfer type allowed between these accounts
        var type = state.Rules.Find(typeId.Value, family) ?? throw NoPossibleType(typeId.Value);
        WalletAccount? source, destination;
        if (family == PaymentFamily.Member)
        {
            source = type.FromTypes.Select(t => state.AccountOfType(payer.Id, t)).FirstOrDefault(a => a is not null);
            destination = state.DefaultAccount(payee!.Id);
        }
        else if (type.FromTypes.Contains(AccountTypes.GatewayClearing))
        {
            source = state.Accounts[1];
            destination = state.DefaultAccount(payer.Id);
        }
        else
        {
            source = state.DefaultAccount(payer.Id);
            destination = state.Accounts[1];
        }
        if (source is null || !type.Allows(source.TypeId, destination.TypeId)) throw NoPossibleType(type.Id);

        // 7. limits
        if (amount < state.Rules.MinimumPayment)
            throw WalletErrors.Business("TRANSFER_MINIMUM_PAYMENT", "Amount below minimum",
                $"The minimum payment is {WalletMoney.Format(state.Rules.MinimumPayment)}");
        var quote = WalletMoney.Quote(type, amount);
        if (!source.IsSystem && OutgoingToday(state, payer.Id) + quote.SourceDebit > state.Rules.DailyOutgoingMax)
            throw WalletErrors.Business("MAX_AMOUNT_PER_DAY_EXCEEDED", "Daily limit exceeded",
                $"The daily outgoing maximum of {WalletMoney.Format(state.Rules.DailyOutgoingMax)} would be exceeded");

        // 8. funds
        if (!source.Unlimited && source.Available < quote.SourceDebit)
            throw WalletErrors.Business("NOT_ENOUGH_FUNDS", "Not enough funds",
                $"The {source.TypeName} has {WalletMoney.Format(source.Available)} available; {WalletMoney.Format(quote.SourceDebit)} is needed");

        bool otpRequired = state.Options.RequireOtp || payer.RequireOtp;
        return new PreparedPayment(type, payer, payee, source, destination, quote, description, trace, customValues, otpRequired);
    }

    /// <summary>Steps 9-12 of a confirm: agreements (when enforced), PIN, OTP, trace number, booking.</summary>
    public static WalletTransfer Execute(WalletCall call, PreparedPayment payment)
    {
        var state = call.State;
        var body = call.Body;
        var payer = payment.Payer;

        if (state.Rules.EnforceAgreements && state.Agreements.Values.Any(a => a.Required && !payer.AcceptedAgreements.Contains(a.Id)))
            throw WalletErrors.Business("AGREEMENT_NOT_ACCEPTED", "Agreement not accepted", "Accept the required agreements before paying");

        // §11.2: the seed tenant takes confirms without a PIN; a PIN that is sent anyway is still checked.
        string? pin = body.String("transactionPin") ?? body.String("transactionPassword");
        if (state.RequiresTransactionPin(payer) || !string.IsNullOrEmpty(pin)) CheckTransactionPin(payer, pin);

        WalletOtp? otp = null;
        if (payment.OtpRequired)
        {
            if (body.Bool("isOtpEnable") != true)
                throw WalletErrors.Business("INVALID_OTP", "Invalid OTP", "This payment needs an OTP: send isOtpEnable true and the otp");
            otp = WalletOtps.Check(state, payer.MobileNo, "Verification", body.String("otp"));
        }

        if (payment.TraceNumber is { } trace
            && state.Transfers.Values.FirstOrDefault(t => t.ParentId is null && t.InitiatorId == payer.Id && t.TraceNumber == trace) is { } original)
            throw WalletErrors.Business("DUPLICATE_TRACE_NUMBER", "Duplicate trace number",
                $"Trace number '{trace}' was already used by transfer {original.Id}");

        if (otp is not null) otp.Used = true;
        return WalletSettlement.Book(state, payment);
    }

    /// <summary>
    /// DoPaymentResult (§5.11) in the seed's order and spelling: baseAmount, formattedBaseAmount and
    /// otpEnable; <c>fees</c> only when there are some (the seed's P2P, cashback and discount previews have
    /// none). The PayNet additions (customValues, consolidated*) follow.
    /// </summary>
    public static object DoPaymentResult(PreparedPayment p)
    {
        var q = p.Quote;
        return new
        {
            wouldRequireAuthorization = p.Type.Pending,
            from = WalletViews.Member(p.Payer),
            to = p.Payee is null ? null : WalletViews.Member(p.Payee),
            baseAmount = WalletMoney.Wire(q.Amount),
            formattedBaseAmount = WalletMoney.Format(q.Amount),
            finalAmount = WalletMoney.Wire(q.FinalAmount),
            formattedFinalAmount = WalletMoney.Format(q.FinalAmount),
            fees = q.Fees.Count == 0 ? null : q.Fees.Select(WalletViews.Fee).ToArray(),
            transferType = WalletViews.TransferType(p.Type, p.Source.TypeId, p.Destination.TypeId),
            otpEnable = p.OtpRequired,
            customValues = new Dictionary<string, string>(p.CustomValues),
            consolidatedAmount = WalletMoney.Wire(q.ConsolidatedAmount),
            consolidatedFormatterAmount = WalletMoney.Format(q.ConsolidatedAmount),
            showConsolidateAmount = q.Fees.Count > 0,
        };
    }

    private static WalletMember FindPayee(WalletCall call)
    {
        var body = call.Body;
        long? id = body.Long("toMemberId");
        string? principal = body.String("toMemberPrincipal");
        if (id is null && string.IsNullOrWhiteSpace(principal))
            throw WalletErrors.Validation("'toMemberPrincipal' or 'toMemberId' is required");
        var payee = id is { } memberId
            ? call.State.Members.GetValueOrDefault(memberId)
            : call.State.FindByPrincipal(principal!.Trim());
        return payee ?? throw WalletErrors.MemberNotFound($"No member '{(id?.ToString() ?? principal)}'");
    }

    private static void CheckCurrency(WalletBody body)
    {
        var currency = WalletSeed.Currency;
        if (body.Long("currencyId") is { } id && id != currency.Id)
            throw WalletErrors.Validation($"Unknown currency id {id}; the sandbox has only {currency.Id} ({currency.Name})");
        if (body.String("currencySymbol") is { } symbol && !string.IsNullOrWhiteSpace(symbol)
            && !symbol.Trim().Equals(currency.Symbol, StringComparison.OrdinalIgnoreCase)
            && !symbol.Trim().Equals(currency.Name, StringComparison.OrdinalIgnoreCase))
            throw WalletErrors.Validation($"Unknown currency '{symbol}'; the sandbox has only {currency.Name}");
    }

    private static WalletException NoPossibleType(long typeId) =>
        WalletErrors.Business("NO_POSSIBLE_TRANSFER_TYPES", "No possible transfer types",
            $"Transfer type {typeId} is not allowed between these accounts");

    /// <summary>Processed and pending debits of the member's accounts on today's UTC date.</summary>
    private static decimal OutgoingToday(WalletState state, long memberId)
    {
        var today = state.Now.UtcDateTime.Date;
        return state.Transfers.Values
            .Where(t => t.Status != TransferStatus.Failed && t.Date.UtcDateTime.Date == today
                && state.Accounts[t.FromAccountId].MemberId == memberId)
            .Sum(t => t.Amount);
    }

    /// <summary>Step 9: three wrong PINs in a row block the transaction password until unblocked.</summary>
    private static void CheckTransactionPin(WalletMember payer, string? pin)
    {
        if (payer.PinBlocked)
            throw WalletErrors.Business("BLOCKED_TRANSACTION_PASSWORD", "Transaction password blocked",
                "Too many wrong PINs; the transaction password is blocked");
        if (string.IsNullOrEmpty(pin))
            throw WalletErrors.Business("MISSING_TRANSACTION_PASSWORD", "Missing transaction password", "'transactionPin' is required to confirm a payment");
        if (pin == payer.Pin)
        {
            payer.PinFailures = 0;
            return;
        }
        if (++payer.PinFailures >= 3)
        {
            payer.PinBlocked = true;
            throw WalletErrors.Business("BLOCKED_TRANSACTION_PASSWORD", "Transaction password blocked",
                "Too many wrong PINs; the transaction password is blocked");
        }
        throw WalletErrors.Business("INVALID_TRANSACTION_PASSWORD", "Invalid transaction password", "The transaction PIN is wrong");
    }
}
