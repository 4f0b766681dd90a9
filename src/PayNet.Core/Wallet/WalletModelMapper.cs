using System;
using System.Globalization;
using System.Linq;
using PayNet.Core.Money;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>Wire DTOs → flat public models. The only place that knows both.</summary>
    internal sealed class WalletModelMapper
    {
        public WalletModelMapper(WalletSettings settings) => Settings = settings;

        public WalletSettings Settings { get; }

        /// <summary>ISO code of a CurrencyVO: the symbol when it is one, else the configured map, else the tenant default.</summary>
        public string Currency(CurrencyDto? currency)
        {
            if (currency is null) return Settings.DefaultCurrency.ToUpperInvariant();
            foreach (var candidate in new[] { currency.Symbol, currency.Name })
            {
                if (string.IsNullOrWhiteSpace(candidate)) continue;
                string c = candidate!.Trim();
                if (c.Length == 3 && MoneyRules.IsKnownCurrency(c)) return c.ToUpperInvariant();
                if (Settings.CurrencyCodes.TryGetValue(c, out var iso)) return iso.ToUpperInvariant();
            }
            return (currency.Symbol ?? currency.Name ?? Settings.DefaultCurrency).Trim();
        }

        private string Currency(TransferTypeDto? type) => Currency(type?.From?.Currency ?? type?.To?.Currency);

        public WalletInitialData InitialData(InitialDataDto? dto, string principal)
        {
            var profile = dto?.Profile;
            var accounts = dto?.Accounts ?? new System.Collections.Generic.List<MemberAccountDto>();
            var main = accounts.FirstOrDefault(a => a.IsDefaultAccount) ?? accounts.FirstOrDefault();
            return new WalletInitialData
            {
                MemberId = profile?.Id,
                Name = profile?.Name,
                Username = profile?.Username ?? principal,
                MobileNo = profile?.MobileNumber ?? profile?.MobileNo,
                RequireTransactionPassword = dto?.RequireTransactionPassword,
                CanMakeMemberPayments = dto?.CanMakeMemberPayments ?? false,
                CanMakeSystemPayments = dto?.CanMakeSystemPayments ?? false,
                DecimalCount = dto?.DecimalCount,
                DecimalSeparator = dto?.DecimalSeparator,
                GroupId = dto?.GroupDetails?.GroupId ?? profile?.GroupId,
                GroupName = dto?.GroupDetails?.GroupName,
                GroupNature = dto?.GroupDetails?.Nature,
                CredentialsExpired = dto?.CredentialsExpired ?? false,
                IsOperator = dto?.Operator ?? false,
                DefaultAccountId = main?.Id,
                AccountCount = accounts.Count,
                Currency = Currency(main?.Type?.Currency),
            };
        }

        public WalletPaymentQuote Quote(PaymentDraft draft, DoPaymentResultDto dto, DateTimeOffset now)
        {
            var fees = (dto.Fees ?? new System.Collections.Generic.List<FeeDto>()).Where(f => f.Amount.HasValue).ToList();
            decimal totalFees = fees.Sum(f => f.Amount!.Value);
            return new WalletPaymentQuote(draft)
            {
                BaseAmount = dto.BaseAmount ?? draft.Amount,
                TotalFees = totalFees,
                FeeSummary = string.Join("; ", fees.Select(f => $"{(string.IsNullOrWhiteSpace(f.Name) ? "Fee" : f.Name)} {Format(f.Amount!.Value)}")),
                FinalAmount = dto.FinalAmount ?? draft.Amount,
                // Without consolidatedAmount: on-top fees add, cashback/discount lines (negative) subtract.
                ConsolidatedAmount = dto.ConsolidatedAmount ?? draft.Amount + totalFees,
                Currency = dto.TransferType is null ? draft.Currency : Currency(dto.TransferType),
                PayerName = dto.From?.Name,
                PayeeName = dto.To?.Name,
                ToMemberId = dto.To?.Id ?? draft.ToMemberId,
                ToMemberPrincipal = dto.To?.Username ?? draft.ToMemberPrincipal,
                TransferTypeId = dto.TransferType?.Id ?? draft.TransferTypeId,
                TransferTypeName = dto.TransferType?.Name,
                Description = draft.Description,
                RequiresOtp = dto.OtpEnable ?? dto.IsOtpEnable ?? false,
                WouldRequireAuthorization = dto.WouldRequireAuthorization,
                QuotedAt = now,
            };
        }

        public WalletPaymentReceipt Receipt(WalletPaymentQuote quote, long transferId, bool pending, DateTimeOffset now) => new WalletPaymentReceipt
        {
            TransferId = transferId,
            TraceNumber = quote.TraceNumber,
            Pending = pending,
            State = pending ? WalletTransferState.Pending : WalletTransferState.Processed,
            Amount = quote.BaseAmount,
            TotalFees = quote.TotalFees,
            FinalAmount = quote.FinalAmount,
            Currency = quote.Currency,
            PayeeName = quote.PayeeName,
            TransferTypeId = quote.TransferTypeId,
            Description = quote.Description,
            Time = now,
            Direction = quote.TransferTypeId == Settings.TransferTypes.AddMoney ? "Credit" : "Debit",
        };

        /// <summary>A receipt rebuilt from the history line that proves the payment went through.</summary>
        public WalletPaymentReceipt Reconciled(WalletPaymentQuote quote, WalletStatementLine line) => new WalletPaymentReceipt
        {
            TransferId = line.TransferId,
            TraceNumber = quote.TraceNumber,
            Pending = line.State == WalletTransferState.Pending,
            State = line.State,
            Amount = quote.BaseAmount,
            TotalFees = quote.TotalFees,
            FinalAmount = quote.FinalAmount,
            Currency = quote.Currency,
            PayeeName = quote.PayeeName ?? line.CounterpartyName,
            TransferTypeId = line.TransferTypeId ?? quote.TransferTypeId,
            Description = quote.Description,
            Time = line.Time,
            Reconciled = true,
            Direction = line.Direction,
        };

        public WalletStatementLine Line(HistoryTransferDto dto, long? accountId)
        {
            var state = WalletEnumText.Parse<WalletTransferState>(dto.Status);
            return new WalletStatementLine
            {
                TransferId = dto.Id ?? 0,
                TraceNumber = dto.TraceNumber,
                TransactionNumber = dto.TransactionNumber,
                Amount = dto.Amount ?? 0m,
                Currency = Currency(dto.TransferType),
                State = state,
                StateName = WalletEnumText.NameOf(state, dto.Status),
                Time = dto.Date,
                ProcessTime = dto.ProcessDate,
                Description = dto.Description,
                TransferTypeId = dto.TransferType?.Id,
                TransferTypeName = dto.TransferType?.Name,
                CounterpartyName = dto.Member?.Name ?? dto.SystemAccountName,
                CounterpartyId = dto.Member?.Id,
                CounterpartyPrincipal = dto.Member?.Username,
                FromName = dto.FromMember?.Name ?? dto.FromSystemAccountName,
                AccountId = accountId,
            };
        }

        public WalletAccount Account(MemberAccountDto account, AccountStatusDto? status) => new WalletAccount
        {
            Id = account.Id ?? 0,
            IsDefault = account.IsDefaultAccount,
            TypeId = account.Type?.Id,
            TypeName = account.Type?.Name,
            Currency = Currency(account.Type?.Currency),
            Balance = status?.Balance ?? 0m,
            AvailableBalance = status?.AvailableBalance ?? (status?.Balance ?? 0m) - (status?.ReservedAmount ?? 0m) + (status?.CreditLimit ?? 0m),
            ReservedAmount = status?.ReservedAmount ?? 0m,
            CreditLimit = status?.CreditLimit ?? 0m,
            UpperCreditLimit = status?.UpperCreditLimit,
        };

        public WalletMember Member(MemberDto dto) => new WalletMember
        {
            Id = dto.Id,
            Name = dto.Name,
            Username = dto.Username,
            Email = dto.Email,
            MobileNo = dto.MobileNumber ?? dto.MobileNo,
            GroupId = dto.GroupId,
            Status = dto.Status,
        };

        public WalletAgreement Agreement(AgreementDto dto) => new WalletAgreement
        {
            Id = dto.Id ?? 0,
            Name = dto.Name,
            Version = dto.Version,
            Required = dto.Required,
            Accepted = dto.Accepted,
            AcceptedAt = dto.AcceptedAt,
            Content = dto.Url ?? dto.Content,
        };

        public WalletQrCode Qr(QrCodeDto dto, bool? payable = null)
        {
            var state = WalletEnumText.Parse<WalletQrState>(dto.Status);
            return new WalletQrCode
            {
                Id = dto.Id,
                QrString = dto.QrString ?? string.Empty,
                Amount = dto.Amount,
                Currency = Currency(dto.Currency),
                ToMemberId = dto.ToMember?.Id,
                ToMemberName = dto.ToMember?.Name,
                ToMemberPrincipal = dto.ToMember?.Username,
                TransferTypeId = dto.TransferTypeId,
                Description = dto.Description,
                State = state,
                StateName = WalletEnumText.NameOf(state, dto.Status),
                Payable = payable ?? dto.Payable,
                CreatedAt = dto.CreatedAt,
                ExpiresAt = dto.ExpiresAt,
                ImageBase64 = dto.ImageBase64,
            };
        }

        public WalletDocument Document(DocumentDto dto)
        {
            var state = WalletEnumText.Parse<WalletDocumentState>(dto.Status);
            return new WalletDocument
            {
                Id = dto.Id ?? 0,
                Category = dto.Category,
                Description = dto.Description,
                FileName = dto.FileName,
                ContentType = dto.ContentType,
                Size = dto.Size,
                State = state,
                StateName = WalletEnumText.NameOf(state, dto.Status),
                UploadedAt = dto.UploadedAt,
            };
        }

        public WalletDispute Dispute(DisputeDto dto)
        {
            var state = WalletEnumText.Parse<WalletDisputeState>(dto.Status);
            var comments = dto.Comments ?? new System.Collections.Generic.List<DisputeCommentDto>();
            return new WalletDispute
            {
                DisputeId = dto.Id ?? 0,
                TransferId = dto.TransferId,
                TransactionNumber = dto.TransactionNumber,
                Reason = WalletEnumText.Parse<WalletDisputeReason>(dto.Reason),
                Description = dto.Description,
                Amount = dto.Amount,
                Currency = dto.Amount is null ? null : Settings.DefaultCurrency.ToUpperInvariant(),
                State = state,
                StateName = WalletEnumText.NameOf(state, dto.Status),
                Time = dto.CreatedAt,
                UpdatedAt = dto.UpdatedAt,
                ClosedAt = dto.ClosedAt,
                Resolution = dto.Resolution,
                CommentCount = comments.Count,
                LastComment = comments.LastOrDefault()?.Text,
            };
        }

        public static string Format(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
    }
}
