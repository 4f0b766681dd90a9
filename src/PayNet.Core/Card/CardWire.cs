using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PayNet.Core.Card
{
    // Wire shapes of card.md §3. Names are matched case-insensitively ("Data"/"data"); dates stay strings
    // until mapped because they need the Istanbul offset; ints that may arrive as "" are read as strings.
// Members nobody maps are skipped, not kept: keeping them cost a JsonElement (and its buffer) per row.

    /// <summary>The envelope every service answers with on HTTP 200, plus the list members.</summary>
    internal sealed class CardEnvelopeDto<TRow>
    {
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("object_name")] public string? ObjectName { get; set; }
        [JsonPropertyName("Data")] public List<TRow>? Data { get; set; }
        [JsonPropertyName("total")] public string? Total { get; set; }
        [JsonPropertyName("total_count")] public string? TotalCount { get; set; }
        [JsonPropertyName("total_amount")] public decimal? TotalAmount { get; set; }
        [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
        [JsonPropertyName("companyCode")] public string? CompanyCode { get; set; }
        [JsonPropertyName("companyName")] public string? CompanyName { get; set; }
    }

    /// <summary>The non-200 error object (§1.2).</summary>
    internal sealed class CardErrorDto
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("result_code")] public string? ResultCode { get; set; }
    }

    /// <summary>
    /// A transaction row of check, list, capture and capture_reversal: the members the public row maps.
    /// Check and list answers are read into this lean shape (a row costs what the model needs).
    /// </summary>
    internal class CardRowDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("xact")] public string? Xact { get; set; }
        [JsonPropertyName("xact_id")] public string? XactId { get; set; }
        [JsonPropertyName("xact_date")] public string? XactDate { get; set; }
        [JsonPropertyName("xact_time")] public string? XactTime { get; set; }
        [JsonPropertyName("transaction_type")] public string? TransactionType { get; set; }
        [JsonPropertyName("xact_type")] public string? XactType { get; set; }
        [JsonPropertyName("is_tds")] public bool? IsTds { get; set; }
        [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
        [JsonPropertyName("note")] public string? Note { get; set; }
        [JsonPropertyName("xact_note")] public string? XactNote { get; set; }
        [JsonPropertyName("reference_no")] public string? ReferenceNo { get; set; }
        [JsonPropertyName("agent_reference")] public string? AgentReference { get; set; }
        [JsonPropertyName("xact_agent_reference")] public string? XactAgentReference { get; set; }
        [JsonPropertyName("agent_referans_no")] public string? AgentReferansNo { get; set; }
        [JsonPropertyName("agent_reference_no")] public string? AgentReferenceNo { get; set; }
        [JsonPropertyName("ratio")] public decimal? Ratio { get; set; }
        [JsonPropertyName("bank_id")] public string? BankId { get; set; }
        [JsonPropertyName("bank_name")] public string? BankName { get; set; }
        [JsonPropertyName("instalment")] public string? Instalment { get; set; }
        [JsonPropertyName("card_no")] public string? CardNo { get; set; }
        [JsonPropertyName("card_no_masked")] public string? CardNoMasked { get; set; }
        [JsonPropertyName("card_holder")] public string? CardHolder { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("netAmount")] public decimal? NetAmountCamel { get; set; }
        [JsonPropertyName("net_amount")] public decimal? NetAmount { get; set; }
        [JsonPropertyName("comission")] public decimal? Comission { get; set; }
        [JsonPropertyName("commission")] public decimal? Commission { get; set; }
        [JsonPropertyName("comission_tax")] public decimal? ComissionTax { get; set; }
        [JsonPropertyName("commission_tax")] public decimal? CommissionTax { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("authorization_code")] public string? AuthorizationCode { get; set; }
        [JsonPropertyName("is_succeed")] public bool? IsSucceed { get; set; }
        [JsonPropertyName("reversed")] public bool? Reversed { get; set; }
        [JsonPropertyName("reversed_xact_id")] public string? ReversedXactId { get; set; }
        [JsonPropertyName("is_transferred")] public bool? IsTransferred { get; set; }
        [JsonPropertyName("paynet_error_id")] public string? PaynetErrorId { get; set; }
        [JsonPropertyName("paynet_error_message")] public string? PaynetErrorMessage { get; set; }
        [JsonPropertyName("bank_error_message")] public string? BankErrorMessage { get; set; }
    }

    /// <summary>A row of detail (§3.2): the lean row plus the split, value dates and descriptive members.</summary>
    internal sealed class CardDetailRowDto : CardRowDto
    {
        [JsonPropertyName("xact_type_desc")] public string? XactTypeDesc { get; set; }
        [JsonPropertyName("xacttype_desc")] public string? XactTypeDescList { get; set; }
        [JsonPropertyName("pos_type")] public string? PosType { get; set; }
        [JsonPropertyName("pos_type_desc")] public string? PosTypeDesc { get; set; }
        [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
        [JsonPropertyName("agent_name")] public string? AgentName { get; set; }
        [JsonPropertyName("company_code")] public string? CompanyCode { get; set; }
        [JsonPropertyName("companyCode")] public string? CompanyCodeCamel { get; set; }
        [JsonPropertyName("company_name")] public string? CompanyName { get; set; }
        [JsonPropertyName("companyName")] public string? CompanyNameCamel { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("user_name")] public string? UserName { get; set; }
        [JsonPropertyName("ratio_code")] public string? RatioCode { get; set; }
        [JsonPropertyName("instalment_text")] public string? InstalmentText { get; set; }
        [JsonPropertyName("payment_string")] public string? PaymentString { get; set; }
        [JsonPropertyName("card_type")] public string? CardType { get; set; }
        [JsonPropertyName("reference_code")] public string? ReferenceCode { get; set; }
        [JsonPropertyName("order_id")] public string? OrderId { get; set; }
        [JsonPropertyName("xact_transaction_id")] public string? XactTransactionId { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("phone")] public string? Phone { get; set; }
        [JsonPropertyName("company_amount")] public decimal? CompanyAmount { get; set; }
        [JsonPropertyName("company_commission")] public decimal? CompanyCommission { get; set; }
        [JsonPropertyName("company_commission_with_tax")] public decimal? CompanyCommissionWithTax { get; set; }
        [JsonPropertyName("company_net_amount")] public decimal? CompanyNetAmount { get; set; }
        [JsonPropertyName("agent_amount")] public decimal? AgentAmount { get; set; }
        [JsonPropertyName("agent_commission")] public decimal? AgentCommission { get; set; }
        [JsonPropertyName("agent_commission_with_tax")] public decimal? AgentCommissionWithTax { get; set; }
        [JsonPropertyName("agent_net_amount")] public decimal? AgentNetAmount { get; set; }
        [JsonPropertyName("company_cost_ratio")] public decimal? CompanyCostRatio { get; set; }
        [JsonPropertyName("company_pay_ratio")] public decimal? CompanyPayRatio { get; set; }
        [JsonPropertyName("company_vdate")] public string? CompanyVdate { get; set; }
        [JsonPropertyName("agent_vdate")] public string? AgentVdate { get; set; }
        [JsonPropertyName("cp_mfi_vdate")] public string? CompanyVdateList { get; set; }
        [JsonPropertyName("ap_mfi_vdate")] public string? AgentVdateList { get; set; }
        [JsonPropertyName("ipaddress")] public string? IpAddress { get; set; }
        [JsonPropertyName("bank_error_id")] public string? BankErrorId { get; set; }
    }

    /// <summary>A reversal_list row (§3.5); amounts and request state are undocumented, so several names are read.</summary>
    internal sealed class CardRefundDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("request_id")] public string? RequestId { get; set; }
        [JsonPropertyName("xact_id")] public string? XactId { get; set; }
        [JsonPropertyName("xact_date")] public string? XactDate { get; set; }
        [JsonPropertyName("entry_date")] public string? EntryDate { get; set; }
        [JsonPropertyName("company_code")] public string? CompanyCode { get; set; }
        [JsonPropertyName("company_name")] public string? CompanyName { get; set; }
        [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
        [JsonPropertyName("agent_name")] public string? AgentName { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("reversed_xact_id")] public string? ReversedXactId { get; set; }
        [JsonPropertyName("reversed_id")] public string? ReversedId { get; set; }
        [JsonPropertyName("bank_id")] public string? BankId { get; set; }
        [JsonPropertyName("bank_name")] public string? BankName { get; set; }
        [JsonPropertyName("card_no")] public string? CardNo { get; set; }
        [JsonPropertyName("card_holder")] public string? CardHolder { get; set; }
        [JsonPropertyName("reference_no")] public string? ReferenceNo { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("refund_amount")] public decimal? RefundAmount { get; set; }
        [JsonPropertyName("reversal_amount")] public decimal? ReversalAmount { get; set; }
        [JsonPropertyName("requested_amount")] public decimal? RequestedAmount { get; set; }
        [JsonPropertyName("xact_amount")] public decimal? XactAmount { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("request_status")] public string? RequestStatus { get; set; }
        [JsonPropertyName("status_desc")] public string? StatusDesc { get; set; }
        [JsonPropertyName("xact_type")] public string? XactType { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
    }

    /// <summary>A payment_list row (§3.6).</summary>
    internal sealed class CardPayoutDto
    {
        [JsonPropertyName("agent_service_amount")] public decimal? AgentServiceAmount { get; set; }
        [JsonPropertyName("agent_pay_amount")] public decimal? AgentPayAmount { get; set; }
        [JsonPropertyName("company_pay_amount")] public decimal? CompanyPayAmount { get; set; }
        [JsonPropertyName("company_service_amount")] public decimal? CompanyServiceAmount { get; set; }
        [JsonPropertyName("due_date")] public string? DueDate { get; set; }
        [JsonPropertyName("company_code")] public string? CompanyCode { get; set; }
        [JsonPropertyName("company_name")] public string? CompanyName { get; set; }
        [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
        [JsonPropertyName("agent_name")] public string? AgentName { get; set; }
        [JsonPropertyName("xact_id")] public string? XactId { get; set; }
        [JsonPropertyName("xact_date")] public string? XactDate { get; set; }
        [JsonPropertyName("bank_id")] public string? BankId { get; set; }
        [JsonPropertyName("bank_name")] public string? BankName { get; set; }
        [JsonPropertyName("card_no")] public string? CardNo { get; set; }
        [JsonPropertyName("card_holder")] public string? CardHolder { get; set; }
        [JsonPropertyName("card_type")] public string? CardType { get; set; }
        [JsonPropertyName("authorization_code")] public string? AuthorizationCode { get; set; }
        [JsonPropertyName("reference_code")] public string? ReferenceCode { get; set; }
        [JsonPropertyName("order_id")] public string? OrderId { get; set; }
        [JsonPropertyName("xact_type")] public string? XactType { get; set; }
        [JsonPropertyName("is_succeed")] public bool? IsSucceed { get; set; }
        [JsonPropertyName("pos_type")] public string? PosType { get; set; }
        [JsonPropertyName("instalment")] public string? Instalment { get; set; }
        [JsonPropertyName("plus_installment")] public string? PlusInstallment { get; set; }
        [JsonPropertyName("ratio")] public decimal? Ratio { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("net_amount")] public decimal? NetAmount { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("reference_no")] public string? ReferenceNo { get; set; }
        [JsonPropertyName("agent_reference")] public string? AgentReference { get; set; }
    }

    // Request bodies.

    internal sealed class CardLookupBody
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("xact_id")] public string? XactId { get; set; }
        [JsonPropertyName("reference_no")] public string? ReferenceNo { get; set; }
    }

    internal sealed class CardListBody
    {
        [JsonPropertyName("datab")] public string Datab { get; set; } = string.Empty;
        [JsonPropertyName("datbi")] public string Datbi { get; set; } = string.Empty;
        [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
        [JsonPropertyName("bank_id")] public string? BankId { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("show_unsucceed")] public bool? ShowUnsucceed { get; set; }
        [JsonPropertyName("untransferred")] public bool? Untransferred { get; set; }
        [JsonPropertyName("limit")] public int Limit { get; set; }
        [JsonPropertyName("starting_after")] public int StartingAfter { get; set; }
    }

    internal sealed class CardPaymentListBody
    {
        [JsonPropertyName("date")] public string Date { get; set; } = string.Empty;
    }

    internal sealed class CardRefundBody
    {
        [JsonPropertyName("xact_id")] public string XactId { get; set; } = string.Empty;
        [JsonPropertyName("amount")] public string? Amount { get; set; }
        [JsonPropertyName("succeedUrl")] public string? SucceedUrl { get; set; }
    }

    internal sealed class CardCaptureBody
    {
        [JsonPropertyName("xact_id")] public string XactId { get; set; } = string.Empty;
        [JsonPropertyName("amount")] public string? Amount { get; set; }
    }

    internal sealed class CardXactBody
    {
        [JsonPropertyName("xact_id")] public string XactId { get; set; } = string.Empty;
    }

    internal sealed class CardMarkBody
    {
        [JsonPropertyName("xact_id")] public string XactId { get; set; } = string.Empty;
        [JsonPropertyName("document_no")] public string? DocumentNo { get; set; }
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("currency")] public string? Currency { get; set; }
        [JsonPropertyName("exchange_rate")] public decimal? ExchangeRate { get; set; }
    }

    internal sealed class CardAddInfoBody
    {
        [JsonPropertyName("xact_id")] public string XactId { get; set; } = string.Empty;
        [JsonPropertyName("note")] public string? Note { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("phone")] public string? Phone { get; set; }
        [JsonPropertyName("agent_reference")] public string? AgentReference { get; set; }
        [JsonPropertyName("reference_no")] public string? ReferenceNo { get; set; }
    }
}
