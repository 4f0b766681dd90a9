using System;
using System.Globalization;
using PayNet.Core.Json;

namespace PayNet.Core.Card
{
    /// <summary>Wire rows to the flat public models, folding the APIs' alternative spellings into one property each.</summary>
    internal static class CardMapper
    {
        public static CardTransaction Transaction(CardRowDto row) => Fill(new CardTransaction(), row);

        public static CardTransactionDetail Detail(CardDetailRowDto row)
        {
            var detail = Fill(new CardTransactionDetail(), row);
            detail.XactTypeDescription = Text(row.XactTypeDesc ?? row.XactTypeDescList);
            detail.ChannelId = Text(row.ChannelId);
            detail.PosType = CardErrors.ParseInt(row.PosType);
            detail.PosTypeDescription = Text(row.PosTypeDesc);
            detail.AgentName = Text(row.AgentName);
            detail.CompanyCode = Text(row.CompanyCode ?? row.CompanyCodeCamel);
            detail.CompanyName = Text(row.CompanyName ?? row.CompanyNameCamel);
            detail.UserName = Text(row.UserName);
            detail.RatioCode = Text(row.RatioCode);
            detail.InstalmentText = Text(row.InstalmentText);
            detail.PaymentString = Text(row.PaymentString);
            detail.CardType = Text(row.CardType);
            detail.ReferenceCode = Text(row.ReferenceCode);
            detail.OrderId = Text(row.OrderId);
            detail.XactTransactionId = Text(row.XactTransactionId);
            detail.Email = Text(row.Email);
            detail.Phone = Text(row.Phone);
            detail.CompanyAmount = row.CompanyAmount;
            detail.CompanyCommission = row.CompanyCommission;
            detail.CompanyCommissionWithTax = row.CompanyCommissionWithTax;
            detail.CompanyNetAmount = row.CompanyNetAmount;
            detail.AgentAmount = row.AgentAmount;
            detail.AgentCommission = row.AgentCommission;
            detail.AgentCommissionWithTax = row.AgentCommissionWithTax;
            detail.AgentNetAmount = row.AgentNetAmount;
            detail.CompanyCostRatio = row.CompanyCostRatio;
            detail.CompanyPayRatio = row.CompanyPayRatio;
            detail.CompanyValueDate = Date(row.CompanyVdate ?? row.CompanyVdateList);
            detail.AgentValueDate = Date(row.AgentVdate ?? row.AgentVdateList);
            detail.IpAddress = Text(row.IpAddress);
            return detail;
        }

        private static T Fill<T>(T tx, CardRowDto row) where T : CardTransaction
        {
            tx.XactId = Text(row.XactId);
            tx.Id = Text(row.Id) ?? Text(row.Xact) ?? tx.XactId ?? string.Empty;
            tx.ReferenceNo = Text(row.ReferenceNo) ?? Text(row.AgentReference) ?? Text(row.XactAgentReference) ?? Text(row.AgentReferansNo) ?? Text(row.AgentReferenceNo);
            // The list's xact_time carries the time of day its xact_date (dd.MM.yyyy) lacks.
            tx.Time = Date(row.XactTime) ?? Date(row.XactDate);
            var type = TypeOf(row.TransactionType);
            tx.XactType = Text(row.XactType);
            tx.TransactionType = type != CardTransactionType.Unknown ? type : TypeOfXactType(tx.XactType);
            tx.XactType ??= XactTypeOf(tx.TransactionType);
            tx.IsSucceeded = row.IsSucceed ?? false;
            tx.IsReversed = row.Reversed ?? false;
            tx.State = row.IsSucceed == false ? CardTransactionState.Failed
                : row.Reversed == true ? CardTransactionState.Reversed
                : row.IsSucceed == true ? CardTransactionState.Succeeded
                : CardTransactionState.Unknown;
            tx.IsTds = row.IsTds ?? false;
            tx.Amount = row.Amount;
            tx.NetAmount = row.NetAmount ?? row.NetAmountCamel;
            tx.Commission = row.Comission ?? row.Commission;
            tx.CommissionTax = row.ComissionTax ?? row.CommissionTax;
            tx.Ratio = row.Ratio;
            tx.Currency = Text(row.Currency)?.ToUpperInvariant() ?? "TRY";
            tx.BankId = Text(row.BankId);
            tx.BankName = Text(row.BankName);
            tx.CardNo = Text(row.CardNo) ?? Text(row.CardNoMasked);
            tx.CardHolder = Text(row.CardHolder);
            tx.Instalment = CardErrors.ParseInt(row.Instalment);
            tx.AuthorizationCode = Text(row.AuthorizationCode);
            tx.AgentId = Text(row.AgentId);
            tx.Note = Text(row.Note) ?? Text(row.XactNote);
            tx.IsTransferred = row.IsTransferred ?? false;
            tx.ReversedXactId = Text(row.ReversedXactId);
            return tx;
        }

        public static CardRefund Refund(CardRefundDto row) => new CardRefund
        {
            TransactionId = Text(row.Id),
            XactId = Text(row.XactId),
            ReferenceNo = Text(row.ReferenceNo),
            TransactionTime = Date(row.XactDate),
            EntryDate = Date(row.EntryDate),
            Amount = row.RefundAmount ?? row.ReversalAmount ?? row.RequestedAmount ?? row.Amount,
            Currency = Text(row.Currency)?.ToUpperInvariant() ?? "TRY",
            Status = Text(row.StatusDesc) ?? Text(row.RequestStatus) ?? Text(row.Status) ?? Text(row.State),
            XactType = Text(row.XactType),
            ReversedXactId = Text(row.ReversedXactId),
            ReversedId = Text(row.ReversedId),
            CompanyCode = Text(row.CompanyCode),
            CompanyName = Text(row.CompanyName),
            AgentId = Text(row.AgentId),
            AgentName = Text(row.AgentName),
            UserId = Text(row.UserId),
            BankId = Text(row.BankId),
            BankName = Text(row.BankName),
            CardNo = Text(row.CardNo),
            CardHolder = Text(row.CardHolder),
        };

        public static CardPayout Payout(CardPayoutDto row) => new CardPayout
        {
            DueDate = Date(row.DueDate),
            XactId = Text(row.XactId),
            TransactionTime = Date(row.XactDate),
            XactType = Text(row.XactType),
            TransactionType = TypeOfXactType(Text(row.XactType)),
            Amount = row.Amount,
            CompanyPayAmount = row.CompanyPayAmount,
            CompanyServiceAmount = row.CompanyServiceAmount,
            AgentPayAmount = row.AgentPayAmount,
            AgentServiceAmount = row.AgentServiceAmount,
            Currency = Text(row.Currency)?.ToUpperInvariant() ?? "TRY",
            ReferenceNo = Text(row.ReferenceNo) ?? Text(row.AgentReference),
            CompanyCode = Text(row.CompanyCode),
            CompanyName = Text(row.CompanyName),
            AgentId = Text(row.AgentId),
            AgentName = Text(row.AgentName),
            BankId = Text(row.BankId),
            BankName = Text(row.BankName),
            CardNo = Text(row.CardNo),
            CardHolder = Text(row.CardHolder),
            CardType = Text(row.CardType),
            AuthorizationCode = Text(row.AuthorizationCode),
            IsSucceeded = row.IsSucceed ?? true,
            Instalment = CardErrors.ParseInt(row.Instalment),
            PlusInstallment = CardErrors.ParseInt(row.PlusInstallment),
            Ratio = row.Ratio,
            UserId = Text(row.UserId),
        };

        public static DateTimeOffset? Date(string? text) => TolerantJson.ParseDate(text, CardAmounts.TurkeyOffset);

        private static CardTransactionType TypeOf(string? wire)
        {
            int? code = CardErrors.ParseInt(wire);
            return code.HasValue && Enum.IsDefined(typeof(CardTransactionType), code.Value) ? (CardTransactionType)code.Value : CardTransactionType.Unknown;
        }

        /// <summary>§2.2 to §2.1: S↔1, R/CD↔2, PR↔3, CR↔4, RP↔5, RC↔6, PK↔10, PI↔11.</summary>
        internal static CardTransactionType TypeOfXactType(string? xactType) => (xactType ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "S" => CardTransactionType.Sale,
            "R" or "CD" => CardTransactionType.Reversal,
            "PR" => CardTransactionType.PreAuth,
            "CR" => CardTransactionType.Capture,
            "RP" => CardTransactionType.PreAuthReversal,
            "RC" => CardTransactionType.CaptureReversal,
            "PK" => CardTransactionType.PointUse,
            "PI" => CardTransactionType.PointReturn,
            _ => CardTransactionType.Unknown,
        };

        /// <summary>The reverse, where it is unambiguous (a Reversal is R on the same day, CD later).</summary>
        private static string? XactTypeOf(CardTransactionType type) => type switch
        {
            CardTransactionType.Sale => "S",
            CardTransactionType.PreAuth => "PR",
            CardTransactionType.Capture => "CR",
            CardTransactionType.PreAuthReversal => "RP",
            CardTransactionType.CaptureReversal => "RC",
            CardTransactionType.PointUse => "PK",
            CardTransactionType.PointReturn => "PI",
            _ => null,
        };

        /// <summary>Paynet pads empty values with spaces (phone: " ").</summary>
        private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
