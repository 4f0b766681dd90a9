using System.Text.Json;

namespace PayNet.Sandbox.Card;

/// <summary>
/// The payment (payout) report of card.md §3.6 for one due date. Successful sales and captures pay out on the next
/// business day unless cancelled the same day; a later-day refund (CD) or capture cancel (RC) is a negative
/// deduction row on its own due date (PROPOSED, §6.12). Pre-auths and same-day cancels produce no rows.
/// </summary>
public static class CardPayoutReport
{
    public static async Task PaymentList(CardCall call)
    {
        if (!call.Text("date", out var dateText, out var refusal))
        {
            await refusal!;
            return;
        }
        DateTime date = call.Now.Date;
        if (dateText is not null)
        {
            if (CardLists.ParseDate(dateText) is not DateTime parsed)
            {
                await call.BadRequest("date must be a date (yyyy-MM-dd)");
                return;
            }
            date = parsed.Date;
        }

        byte[] body;
        lock (call.State.Gate)
        {
            var data = call.State.Data;
            var rows = data.Ordered.Where(t => t.IsSucceed && t.CompanyVdate == date && PaysOut(data, t)).ToList();
            body = CardQueries.Serialize(w =>
            {
                w.WriteNumber("total", rows.Count);
                w.WriteNumber("total_count", rows.Count);
                w.WriteString("object_name", "transaction_payment_list");
                w.WriteNumber("code", 0);
                w.WriteString("message", CardJson.Success);
                w.WriteStartArray("Data");
                foreach (var t in rows) Row(w, t, date, data.EmitBothNetSpellings);
                w.WriteEndArray();
            });
        }
        await call.Json(body);
    }

    private static bool PaysOut(CardData data, CardTransaction t)
    {
        if (t.IsMoneyIn) return t.CancelledById is null;
        if (t.XactType is "CD" or "RC")
            return t.ParentId is not long parent || !data.ById.TryGetValue(parent, out var original) || original.CancelledById != t.Id;
        return false;
    }

    private static void Row(Utf8JsonWriter w, CardTransaction t, DateTime dueDate, bool bothNet)
    {
        decimal companyService = 0, companyPay = -t.Amount, agentService = 0, agentPay = 0;
        if (t.IsMoneyIn)
        {
            (companyService, companyPay) = CardArithmetic.Payout(t.CompanyAmount, t.CompanyCommissionWithTax);
            if (t.AgentAmount > 0) (agentService, agentPay) = CardArithmetic.Payout(t.AgentAmount, t.AgentCommissionWithTax);
        }
        w.WriteStartObject();
        w.WriteNumber("agent_service_amount", agentService);
        w.WriteNumber("agent_pay_amount", agentPay);
        w.WriteNumber("company_pay_amount", companyPay);
        w.WriteNumber("company_service_amount", companyService);
        w.WriteString("due_date", CardJson.ValueDate(dueDate));
        w.WriteString("company_code", CardData.CompanyCode);
        w.WriteString("company_name", CardData.CompanyName);
        w.WriteString("agent_id", t.AgentId);
        w.WriteString("agent_name", t.AgentName);
        w.WriteString("xact_id", t.XactId);
        w.WriteString("xact_date", CardJson.IsoTime(t.XactDate));
        w.WriteString("bank_id", t.BankId);
        w.WriteString("bank_name", CardNames.Bank(t.BankId));
        w.WriteString("card_no", t.CardNo);
        w.WriteString("card_holder", t.CardHolder);
        w.WriteString("card_type", t.CardType);
        w.WriteString("authorization_code", t.AuthorizationCode);
        w.WriteString("reference_code", t.ReferenceCode);
        w.WriteString("order_id", t.OrderId);
        w.WriteString("xact_type", t.XactType);
        w.WriteBoolean("is_succeed", t.IsSucceed);
        w.WriteNumber("pos_type", 5);
        w.WriteNumber("instalment", t.Instalment);
        w.WriteNumber("plus_installment", 0);
        w.WriteNumber("ratio", t.Ratio);
        w.WriteString("user_id", t.UserId);
        CardJson.WriteMoney(w, t, camelNet: false, bothNet);
        w.WriteString("reference_no", t.ReferenceNo);
        w.WriteEndObject();
    }
}
