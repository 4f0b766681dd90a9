using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Wire shapes of §5/§6, read case-insensitively with TolerantJson. Unknown members are dropped here and
// never reach the public models. Everything is nullable: the engine omits null properties.
namespace PayNet.Core.Wallet.Wire
{
    internal sealed class CurrencyDto
    {
        public long? Id { get; set; }
        public string? Symbol { get; set; }
        public string? Name { get; set; }
        public string? Pattern { get; set; }
    }

    internal sealed class AccountTypeDto
    {
        public long? Id { get; set; }
        public string? Name { get; set; }
        public CurrencyDto? Currency { get; set; }
    }

    internal sealed class TransferTypeDto
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public AccountTypeDto? From { get; set; }
        public AccountTypeDto? To { get; set; }
    }

    internal sealed class FeeDto
    {
        public string? Name { get; set; }
        public decimal? Amount { get; set; }
    }

    internal sealed class MemberDto
    {
        public long? Id { get; set; }
        public string? Name { get; set; }
        public string? Username { get; set; }
        public string? Email { get; set; }
        /// <summary>Other deployments' spelling of <see cref="MobileNumber"/> (the seed's).</summary>
        public string? MobileNo { get; set; }
        public string? MobileNumber { get; set; }
        public long? GroupId { get; set; }
        public string? Status { get; set; }
    }

    internal sealed class DoPaymentResultDto
    {
        public bool WouldRequireAuthorization { get; set; }
        public MemberDto? From { get; set; }
        public MemberDto? To { get; set; }
        /// <summary>The requested amount, as the seed's previews show it (wallet.md §5.11).</summary>
        public decimal? BaseAmount { get; set; }
        public decimal? FinalAmount { get; set; }
        public List<FeeDto>? Fees { get; set; }
        public TransferTypeDto? TransferType { get; set; }
        /// <summary>The seed's spelling; other deployments send <see cref="IsOtpEnable"/>.</summary>
        public bool? OtpEnable { get; set; }
        public bool? IsOtpEnable { get; set; }
        public decimal? ConsolidatedAmount { get; set; }
    }

    internal sealed class ConfirmPaymentResultDto
    {
        public long? Id { get; set; }
        public bool Pending { get; set; }
    }

    internal sealed class GroupDetailsDto
    {
        public string? Nature { get; set; }
        public long? GroupId { get; set; }
        public string? GroupName { get; set; }
    }

    internal sealed class InitialDataDto
    {
        public MemberDto? Profile { get; set; }
        public bool? RequireTransactionPassword { get; set; }
        public List<MemberAccountDto>? Accounts { get; set; }
        public bool CanMakeMemberPayments { get; set; }
        public bool CanMakeSystemPayments { get; set; }
        public int? DecimalCount { get; set; }
        public string? DecimalSeparator { get; set; }
        public GroupDetailsDto? GroupDetails { get; set; }
        public bool CredentialsExpired { get; set; }
        public bool Operator { get; set; }
    }

    internal sealed class MemberAccountDto
    {
        public long? Id { get; set; }
        public bool IsDefault { get; set; }
        /// <summary>Older clients read "default".</summary>
        public bool Default { get; set; }
        public AccountTypeDto? Type { get; set; }

        public bool IsDefaultAccount => IsDefault || Default;
    }

    internal sealed class AccountStatusDto
    {
        public decimal? Balance { get; set; }
        public decimal? AvailableBalance { get; set; }
        public decimal? ReservedAmount { get; set; }
        public decimal? CreditLimit { get; set; }
        public decimal? UpperCreditLimit { get; set; }
    }

    internal sealed class HistoryTransferDto
    {
        public long? Id { get; set; }
        public DateTimeOffset? Date { get; set; }
        public DateTimeOffset? ProcessDate { get; set; }
        public decimal? Amount { get; set; }
        public string? Status { get; set; }
        public TransferTypeDto? TransferType { get; set; }
        public string? Description { get; set; }
        public MemberDto? FromMember { get; set; }
        public MemberDto? Member { get; set; }
        public string? FromSystemAccountName { get; set; }
        public string? SystemAccountName { get; set; }
        public string? TransactionNumber { get; set; }
        public string? TraceNumber { get; set; }
        public string? Channel { get; set; }
    }

    internal sealed class TransferDataDto
    {
        public HistoryTransferDto? AccountHistoryTransfer { get; set; }
    }

    internal sealed class ResultPageDto<T>
    {
        public int? CurrentPage { get; set; }
        public int? PageSize { get; set; }
        public int? TotalCount { get; set; }
        public List<T>? Elements { get; set; }
    }

    internal sealed class RegistrationResultDto
    {
        public long? MemberId { get; set; }
        public long? Id { get; set; }
        public string? Username { get; set; }
        public string? Name { get; set; }
        public List<MemberAccountDto>? Accounts { get; set; }
    }

    internal sealed class VerifyOtpDto
    {
        public string? Medium { get; set; }
        public string? ResourceId { get; set; }
    }

    internal sealed class AgreementDto
    {
        public long? Id { get; set; }
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Content { get; set; }
        public string? Url { get; set; }
        public bool Required { get; set; }
        public bool Accepted { get; set; }
        public DateTimeOffset? AcceptedAt { get; set; }
    }

    internal sealed class QrCodeDto
    {
        public long? Id { get; set; }
        public string? QrString { get; set; }
        public decimal? Amount { get; set; }
        public CurrencyDto? Currency { get; set; }
        public MemberDto? ToMember { get; set; }
        public int? TransferTypeId { get; set; }
        public string? Description { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public string? ImageBase64 { get; set; }
        public bool? Payable { get; set; }
    }

    internal sealed class DocumentDto
    {
        public long? Id { get; set; }
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? FileName { get; set; }
        public string? ContentType { get; set; }
        public long? Size { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? UploadedAt { get; set; }
    }

    internal sealed class DisputeCommentDto
    {
        public DateTimeOffset? At { get; set; }
        public string? By { get; set; }
        public string? Text { get; set; }
    }

    internal sealed class DisputeDto
    {
        public long? Id { get; set; }
        public long? TransferId { get; set; }
        public string? TransactionNumber { get; set; }
        public string? Reason { get; set; }
        public string? Description { get; set; }
        public decimal? Amount { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public DateTimeOffset? ClosedAt { get; set; }
        public string? Resolution { get; set; }
        public List<DisputeCommentDto>? Comments { get; set; }
    }

    internal sealed class CustomValueDto
    {
        [JsonPropertyName("internalName")] public string InternalName { get; set; } = "";
        [JsonPropertyName("value")] public string Value { get; set; } = "";
    }
}
