using System.Collections.Generic;
using System.Text.Json.Serialization;

// Request bodies as §6 names them. Amounts go out as JSON numbers; nulls are left out.
namespace PayNet.Core.Wallet.Wire
{
    internal sealed class LoginBody
    {
        [JsonPropertyName("authType")] public string AuthType { get; set; } = "SESSION";
        /// <summary>The login OTP of a tenant that enforces 2FA (§6.1.1); omitted otherwise.</summary>
        [JsonPropertyName("otp")] public string? Otp { get; set; }
    }

    internal sealed class PaymentBody
    {
        [JsonPropertyName("transferTypeId")] public int TransferTypeId { get; set; }
        [JsonPropertyName("toMemberPrincipal")] public string? ToMemberPrincipal { get; set; }
        [JsonPropertyName("toMemberId")] public long? ToMemberId { get; set; }
        [JsonPropertyName("amount")] public decimal Amount { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("customValues")] public List<CustomValueDto>? CustomValues { get; set; }
        [JsonPropertyName("traceNumber")] public string? TraceNumber { get; set; }
        [JsonPropertyName("isOtpEnable")] public bool? IsOtpEnable { get; set; }
        [JsonPropertyName("transactionPin")] public string? TransactionPin { get; set; }
        [JsonPropertyName("otp")] public string? Otp { get; set; }
    }

    internal sealed class GenerateOtpBody
    {
        [JsonPropertyName("medium")] public string Medium { get; set; } = "";
        [JsonPropertyName("actionType")] public string ActionType { get; set; } = "";
        [JsonPropertyName("otpToMobile")] public bool OtpToMobile { get; set; } = true;
    }

    internal sealed class VerifyOtpBody
    {
        [JsonPropertyName("medium")] public string Medium { get; set; } = "";
        [JsonPropertyName("otp")] public string Otp { get; set; } = "";
    }

    internal sealed class RegistrationBody
    {
        [JsonPropertyName("resourceId")] public string ResourceId { get; set; } = "";
        [JsonPropertyName("groupId")] public int GroupId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; } = "";
        [JsonPropertyName("email")] public string Email { get; set; } = "";
        [JsonPropertyName("mobileNo")] public string MobileNo { get; set; } = "";
        [JsonPropertyName("isMobile")] public bool IsMobile { get; set; }
        [JsonPropertyName("pin")] public string Pin { get; set; } = "";
        [JsonPropertyName("confirmPin")] public string ConfirmPin { get; set; } = "";
    }

    internal sealed class ChangePinBody
    {
        [JsonPropertyName("oldPin")] public string OldPin { get; set; } = "";
        [JsonPropertyName("newPin")] public string NewPin { get; set; } = "";
        [JsonPropertyName("confirmPin")] public string ConfirmPin { get; set; } = "";
        [JsonPropertyName("otp")] public string? Otp { get; set; }
    }

    internal sealed class AcceptAgreementsBody
    {
        [JsonPropertyName("agreementIds")] public List<long> AgreementIds { get; set; } = new List<long>();
    }

    internal sealed class QrCreateBody
    {
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("transferTypeId")] public int? TransferTypeId { get; set; }
        [JsonPropertyName("expiresInSeconds")] public int? ExpiresInSeconds { get; set; }
    }

    internal sealed class QrDecodeBody
    {
        [JsonPropertyName("qrString")] public string QrString { get; set; } = "";
    }

    internal sealed class QrPayBody
    {
        [JsonPropertyName("qrString")] public string QrString { get; set; } = "";
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("transactionPin")] public string? TransactionPin { get; set; }
        [JsonPropertyName("isOtpEnable")] public bool? IsOtpEnable { get; set; }
        [JsonPropertyName("otp")] public string? Otp { get; set; }
        [JsonPropertyName("traceNumber")] public string? TraceNumber { get; set; }
    }

    internal sealed class DisputeCreateBody
    {
        [JsonPropertyName("transferId")] public long TransferId { get; set; }
        [JsonPropertyName("reason")] public string Reason { get; set; } = "";
        [JsonPropertyName("description")] public string Description { get; set; } = "";
        [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    }

    internal sealed class DisputeUpdateBody
    {
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("comment")] public string? Comment { get; set; }
    }

    internal sealed class DisputeCloseBody
    {
        [JsonPropertyName("resolution")] public string? Resolution { get; set; }
    }
}
