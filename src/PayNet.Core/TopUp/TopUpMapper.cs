using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PayNet.Core.Json;

namespace PayNet.Core.TopUp
{
    /// <summary>Wire DTOs to the public flat models.</summary>
    internal static class TopUpMapper
    {
        internal static PayNetException Malformed(string operation, string what) =>
            new PayNetException(PayNetApi.TopUp, operation, PayNetErrorCategory.Unavailable, $"TopUp {operation}: PayNet sent {what}.");

        /// <summary>Paynet's times carry no zone; the spec reads them as UAE local time.</summary>
        public static readonly TimeSpan AssumedOffset = TimeSpan.FromHours(4);

        public static TopUpBalance Balance(BalanceDto dto)
        {
            var wallets = dto.Wallets ?? throw Malformed("GetBalance", "a balance without wallets");
            decimal? main = wallets.FirstOrDefault(w => string.Equals(w.Key, "main", StringComparison.OrdinalIgnoreCase)).Value;
            return new TopUpBalance
            {
                Currency = string.IsNullOrEmpty(dto.Currency) ? "AED" : dto.Currency!,
                Main = main,
                Wallets = string.Join("; ", wallets.Select(w => $"{w.Key}={MoneyText.Of(w.Value)}")),
            };
        }

        public static TopUpProduct Product(ServiceDto dto) => new TopUpProduct
        {
            Id = dto.Id ?? string.Empty,
            Name = dto.Name,
            Biller = dto.BillerName,
            Category = dto.CategoryName,
            Subcategory = dto.SubcategoryName,
            AmountMin = dto.AmountMin,
            AmountMax = dto.AmountMax,
            AmountStep = dto.AmountStep,
            IsPinBased = dto.IsPinBased ?? false,
            // Undocumented member (§4.2); a non-international product without it is assumed to need one.
            IsAccountRequired = dto.IsAccountRequired ?? true,
            Active = dto.Active ?? true,
            CommissionValue = dto.Commission?.Value,
            CommissionType = dto.Commission?.Type,
        };

        public static TopUpPointInfo PointInfo(PointInfoDto dto) => new TopUpPointInfo
        {
            PosId = dto.Pos?.Id,
            AgentName = dto.Agent?.Name,
            AgentAddress = dto.Agent?.Address,
            SupportEmail = dto.Support?.Email,
        };

        /// <summary>The transaction of a check/confirm/find answer, wherever that answer put it.</summary>
        public static TopUpTransaction Transaction(TransactionReplyDto reply)
        {
            // An answer with neither a transaction nor its id and state tells nothing; reading it as a
            // transaction in an unknown state would let reconciliation act on nothing.
            if (reply.Transaction is null && reply.Id is null && reply.TransactionId is null && reply.State is null)
                throw Malformed("Transaction", "an answer without a transaction");
            var dto = reply.Transaction ?? new TransactionDto
            {
                Id = reply.Id ?? reply.TransactionId,
                State = reply.State,
                ExternalTransactionId = reply.ExternalTransactionId,
            };
            var tx = new TopUpTransaction
            {
                Id = dto.Id ?? dto.TransactionId ?? reply.Id ?? reply.TransactionId ?? string.Empty,
                ExternalId = NullIfEmpty(dto.ExternalTransactionId ?? reply.ExternalTransactionId),
                State = TopUpStates.Parse(dto.State ?? reply.State),
                Error = dto.Error,
                Product = NullIfEmpty(dto.Service?.Id ?? dto.Product),
                ProductName = NullIfEmpty(dto.Service?.Name),
                Account = NullIfEmpty(dto.Account),
                Amount = dto.Amount,
                AmountCurrency = NullIfEmpty(dto.AmountCurrency),
                Price = dto.Price,
                PriceCurrency = NullIfEmpty(dto.PriceCurrency),
                CountryId = NullIfEmpty(dto.CountryId),
                CountryName = NullIfEmpty(dto.CountryName),
                ProviderId = NullIfEmpty(dto.ProviderId),
                ProviderName = NullIfEmpty(dto.ProviderName),
                Time = TolerantJson.ParseDate(dto.Time, AssumedOffset),
            };
            tx.Simulation = dto.Simulation ?? false;
            tx.Receipt = Receipt(reply.Receipt);
            var info = reply.Info ?? dto.Info;
            if (info is not null)
            {
                tx.VoucherPin = NullIfEmpty(info.Number);
                tx.VoucherSerial = NullIfEmpty(info.Serial);
                tx.VoucherReference = NullIfEmpty(info.Reference);
            }
            var offered = reply.Details?.Amounts;
            if (offered is not null && offered.Count > 0)
            {
                tx.Offered = offered.Select(d => Denomination(d, null)).ToList();
                tx.OfferedAmounts = string.Join("; ", tx.Offered);
            }
            return tx;
        }

        /// <summary>PayNet's receipt as sent; null for a missing or empty one (<c>{}</c> while pending).</summary>
        public static TopUpReceipt? Receipt(ReceiptDto? dto)
        {
            if (dto is null) return null;
            var receipt = new TopUpReceipt
            {
                Header = dto.Header ?? string.Empty,
                Subheader = dto.Subheader ?? string.Empty,
                Info = dto.Info ?? string.Empty,
                Instruction = dto.Instruction ?? string.Empty,
                Promo = dto.Promo ?? string.Empty,
                Footer = dto.Footer ?? string.Empty,
            };
            return receipt.IsEmpty ? null : receipt;
        }

        public static TopUpIntlDenomination Denomination(DenominationDto dto, string? providerId) => new TopUpIntlDenomination
        {
            ProviderId = providerId,
            Amount = dto.Amount,
            Currency = dto.Currency ?? dto.AmountCurrency,
            Price = dto.Price,
            PriceCurrency = dto.PriceCurrency ?? "AED",
            TypeId = int.TryParse(dto.TypeId, NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) ? t : (int?)null,
            Name = dto.Name,
        };

        public static TopUpBridgeAmount BridgeAmount(BridgeAmountDto dto, BridgeProviderDto? provider, BridgeCountryDto? country) => new TopUpBridgeAmount
        {
            AmountId = dto.AmountId ?? dto.Id ?? string.Empty,
            Amount = dto.Amount,
            AmountCurrency = dto.AmountCurrency ?? dto.Currency ?? country?.Currency,
            Price = dto.Price,
            PriceCurrency = dto.PriceCurrency ?? "AED",
            CategoryId = dto.CategoryId,
            Name = dto.Name ?? dto.Description,
            ProviderId = provider?.Id,
            ProviderName = provider?.Name,
            CountryName = country?.Name,
        };

        public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
