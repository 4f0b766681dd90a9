using System.Globalization;
using PayNet.Sandbox.Control;

namespace PayNet.Sandbox.Card;

/// <summary>
/// Non-3D payment creation (card.md §4, §7.5), so tests can make fresh sales and pre-auths. The amount is a
/// decimal string with a comma ("123,45"). A `reference_no` that already has a successful payment returns that
/// payment with code 100 instead of charging again. A PAN ending in 0002 is declined.
/// </summary>
public static class CardPayments
{
    public const decimal MaxAmount = 1_000_000m;

    public static async Task Payment(CardCall call)
    {
        if (!call.Text("amount", out var amountText, out var refusal) || !call.Text("reference_no", out var reference, out refusal) ||
            !call.Text("card_holder", out var holder, out refusal) || !call.Text("pan", out var pan, out refusal) ||
            !call.Int("month", out var month, out refusal) || !call.Int("year", out var year, out refusal) ||
            !call.Text("cvc", out var cvc, out refusal) || !call.Text("card_hash", out var cardHash, out refusal) ||
            !call.Text("card_holder_phone", out var phone, out refusal) || !call.Text("card_holder_mail", out var mail, out refusal) ||
            !call.Text("description", out var description, out refusal) || !call.Int("instalment", out var instalment, out refusal) ||
            !call.Text("agent_id", out var agentId, out refusal) || !call.Text("company_amount", out var companyAmountText, out refusal) ||
            !call.Bool("add_commission", out var addCommission, out refusal) || !call.Int("transaction_type", out var transactionType, out refusal))
        {
            await refusal!;
            return;
        }

        string? problem = null;
        decimal amount = 0, companyAmount = 0;
        if (reference is null || reference.Length > 50) problem = "reference_no is required (at most 50 characters)";
        else if (amountText is null || ParseAmount(amountText) is not decimal parsed || parsed <= 0 || parsed > MaxAmount)
            problem = "amount is required: a positive decimal with a comma separator, e.g. \"123,45\"";
        else amount = parsed;
        if (problem is null && cardHash is null)
        {
            if (holder is null) problem = "card_holder is required";
            else if (pan is null || pan.Length is < 12 or > 19 || !pan.All(char.IsAsciiDigit)) problem = "pan must be 12 to 19 digits";
            else if (month is not (>= 1 and <= 12) || year is null || year < 0) problem = "month (1-12) and year are required";
            else if (cvc is null || cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit)) problem = "cvc must be 3 or 4 digits";
        }
        if (problem is null && description is { Length: > 140 }) problem = "description is at most 140 characters";
        if (problem is null && (instalment ?? 0) is < 0 or > 12) problem = "instalment must be 0 to 12";
        if (problem is null && (transactionType ?? 1) is not (1 or 3)) problem = "transaction_type must be 1 (sale) or 3 (pre-auth)";
        if (problem is null && agentId is not null && companyAmountText is not null)
        {
            if (ParseAmount(companyAmountText) is decimal share && share >= 0 && share <= amount) companyAmount = share;
            else problem = "company_amount must be between 0 and amount";
        }
        if (problem is not null)
        {
            await call.BadRequest(problem);
            return;
        }

        byte[] body;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            var earlier = data.ByReference.TryGetValue(reference!, out var rows)
                ? rows.FirstOrDefault(t => t.IsSucceed && t.XactType is "S" or "PR" && t.ParentId is null)
                : null;
            if (earlier is not null)
            {
                body = CardOperationJson.Result(earlier, call.Endpoint.ObjectName, 100, "Önceki Başarılı İşlem", data.EmitBothNetSpellings);
            }
            else
            {
                string digits = pan ?? "4444444444444448";
                bool declined = digits.EndsWith("0002", StringComparison.Ordinal);
                string xactType = transactionType == 3 ? "PR" : "S";
                int n = instalment ?? 0;
                var payment = data.Create(new CardDraft(reference!, call.Now, xactType, BankOf(digits), "cc", amount, RatioFor(n),
                    IsTds: false, Instalment: n, Succeed: !declined,
                    AgentId: agentId ?? "", AgentShare: agentId is null || companyAmountText is null ? 0 : amount - companyAmount,
                    CardNo: digits[..6] + "******" + digits[^4..], CardHolder: holder?.ToUpperInvariant(),
                    Note: description ?? "", Email: mail ?? "", Phone: phone ?? "", AddCommission: addCommission == true));
                if (payment.IsSucceed && xactType == "S")
                    call.Ledger.Record(new LedgerEntry("Card", "Payment", payment.ReferenceNo, payment.XactId, payment.Amount, "TRY", call.Clock.UtcNow));
                body = CardOperationJson.Result(payment, call.Endpoint.ObjectName, declined ? 1 : 0,
                    declined ? "Red - Onaylanmadı" : CardJson.Success, data.EmitBothNetSpellings);
            }
        }
        await call.Json(body);
    }

    /// <summary>"123,45" (documented) or "123.45"; no thousands separators.</summary>
    public static decimal? ParseAmount(string text)
    {
        if (text.Length > 20) return null;
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && decimal.Round(value, 2) == value ? value : null;
    }

    /// <summary>The sandbox's rate card: 2 % single payment, +2 points per three instalments (F02 and F07 follow it).</summary>
    public static decimal RatioFor(int instalment) => instalment <= 1 ? 0.02m : decimal.Round(0.02m + instalment * 0.02m / 3, 4);

    private static string BankOf(string pan) => pan[..Math.Min(6, pan.Length)] switch
    {
        "435508" or "557113" => "AXSS",
        "540134" or "454671" => "WRLD",
        "540061" => "BONS",
        _ => "ZDGR",
    };
}
