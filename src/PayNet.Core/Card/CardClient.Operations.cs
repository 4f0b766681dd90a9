using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Settlement;

namespace PayNet.Core.Card
{
    public sealed partial class CardClient
    {
        /// <summary>Captures a pre-authorisation for its full amount or less (kuruş on the wire).</summary>
        public async Task<CardTransaction> CaptureAsync(string xactId, decimal? amount = null, CancellationToken cancellationToken = default)
        {
            string id = RequireXactId("Capture", xactId);
            var body = new CardCaptureBody { XactId = id, Amount = Kurus("Capture", amount, id) };
            return await MoveMoneyAsync("v1/transaction/capture", "Capture", body, id, amount, reply => CardOperation("Capture", id, reply), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Cancels a successful capture.</summary>
        public async Task<CardTransaction> CaptureReversalAsync(string xactId, CancellationToken cancellationToken = default)
        {
            string id = RequireXactId("CaptureReversal", xactId);
            return await MoveMoneyAsync("v1/transaction/capture_reversal", "CaptureReversal", new CardXactBody { XactId = id }, id, null,
                reply => CardOperation("CaptureReversal", id, reply), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Releases a pre-authorisation.</summary>
        public async Task<CardOperationResult> PreAuthReversalAsync(string xactId, CancellationToken cancellationToken = default)
        {
            string id = RequireXactId("PreAuthReversal", xactId);
            return await MoveMoneyAsync("v1/transaction/preauth_reversal", "PreAuthReversal", new CardXactBody { XactId = id }, id, null,
                reply => Result("PreAuthReversal", id, reply, null, movesMoney: true), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Flags a transaction as booked on your side, so lists with Untransferred skip it. Idempotent.</summary>
        public async Task<CardOperationResult> MarkTransferredAsync(string xactId, string? documentNo = null, decimal? amount = null, string? currency = null,
            decimal? exchangeRate = null, CancellationToken cancellationToken = default)
        {
            string id = RequireXactId("MarkTransferred", xactId);
            if (amount.HasValue && amount.Value < 0m) throw Invalid("MarkTransferred", "The booked amount cannot be negative.", id);
            if (exchangeRate.HasValue && exchangeRate.Value <= 0m) throw Invalid("MarkTransferred", "The exchange rate must be positive.", id);
            var body = new CardMarkBody { XactId = id, DocumentNo = Blank(documentNo), Amount = amount, Currency = Blank(currency)?.ToUpperInvariant(), ExchangeRate = exchangeRate };
            var reply = await _transport.PostAsync("v1/transaction/mark_transferred", "MarkTransferred", CallKind.Validation, body, id, false, cancellationToken).ConfigureAwait(false);
            return Result("MarkTransferred", id, reply, amount);
        }

        /// <summary>Attaches or overwrites metadata (note, contact, references) of a transaction. Idempotent.</summary>
        public async Task<CardOperationResult> AddInfoAsync(string xactId, string? note = null, string? email = null, string? phone = null,
            string? agentReference = null, string? referenceNo = null, CancellationToken cancellationToken = default)
        {
            string id = RequireXactId("AddInfo", xactId);
            var body = new CardAddInfoBody { XactId = id, Note = note, Email = Blank(email), Phone = Blank(phone), AgentReference = Blank(agentReference), ReferenceNo = Blank(referenceNo) };
            if (body.Note is null && body.Email is null && body.Phone is null && body.AgentReference is null && body.ReferenceNo is null)
                throw Invalid("AddInfo", "Give at least one of note, email, phone, agent reference or reference number.", id);
            if (body.ReferenceNo is not null && body.ReferenceNo.Length > 50) throw Invalid("AddInfo", "A merchant reference is at most 50 characters.", id);
            var reply = await _transport.PostAsync("v1/transaction/add_info", "AddInfo", CallKind.Validation, body, id, false, cancellationToken).ConfigureAwait(false);
            return Result("AddInfo", id, reply, null);
        }

        /// <summary>
        /// Sends once through the money-move path; an answer that may have been lost, or that cannot be read or mapped,
        /// becomes StateUnknown, because repeating could move money twice.
        /// </summary>
        private Task<T> MoveMoneyAsync<T>(string path, string operation, object body, string xactId, decimal? amount,
            Func<CardReply, T> map, CancellationToken cancellationToken) where T : class
        {
            var intent = new MoneyMoveIntent(PayNetApi.Card, KeyFingerprint, operation, xactId, amount ?? 0m, "TRY") { ProductOrAccount = xactId };
            return MoneyMovePath.RunAsync(_transport.Options, intent,
                async token => map(await _transport.PostAsync(path, operation, CallKind.MoneyMove, body, xactId, false, token).ConfigureAwait(false)),
                _ => (MoneyMoveState.Succeeded, xactId),
                null,
                cancellationToken);
        }

        /// <summary>A request's answer; one without a return code is unreadable, not a success (it may or may not have run).</summary>
        private static CardOperationResult Result(string operation, string xactId, CardReply reply, decimal? amount, bool movesMoney = false) => movesMoney && reply.Code is null
            ? throw new PayNetAmbiguousOutcomeException($"the answer to {operation} carried no return code")
            : new CardOperationResult
        {
            Operation = operation,
            XactId = xactId,
            Code = reply.Code ?? 0,
            Message = reply.Message,
            Amount = amount,
        };

        /// <summary>Capture answers are a transaction at the root (or in Data); a bank decline is HTTP 200 with is_succeed false.</summary>
        private static CardTransaction CardOperation(string operation, string xactId, CardReply reply)
        {
            var envelope = reply.Read<CardEnvelopeDto<CardRowDto>>(operation, xactId);
            var row = envelope.Data?.FirstOrDefault() ?? reply.Read<CardRowDto>(operation, xactId);
            // A 200 that names no transaction and no outcome is not a success: it may or may not have run.
            if (row.IsSucceed is null && string.IsNullOrEmpty(row.XactId) && reply.Code is null)
                throw new PayNetAmbiguousOutcomeException($"the answer to {operation} named no transaction and no return code");
            if (row.IsSucceed == false)
            {
                string why = row.BankErrorMessage ?? row.PaynetErrorMessage ?? reply.Message ?? "declined";
                throw new CardApiException(operation, PayNetErrorCategory.Rejected, $"Card {operation} for '{xactId}' was declined: {why}.",
                    reply.Raw.StatusCode, CardErrors.ParseInt(row.PaynetErrorId) ?? reply.Code, null, why, xactId);
            }
            var tx = CardMapper.Transaction(row);
            if (string.IsNullOrEmpty(tx.Id)) tx.Id = xactId;
            return tx;
        }

        private static string RequireXactId(string operation, string? xactId)
        {
            if (string.IsNullOrWhiteSpace(xactId)) throw Invalid(operation, "The Paynet xact id (xk_...) is required.");
            string id = xactId!.Trim();
            if (id.Length > 100) throw Invalid(operation, "An xact id is at most 100 characters.");
            return id;
        }

        private static string? Kurus(string operation, decimal? amount, string xactId)
        {
            if (!amount.HasValue) return null;
            try
            {
                return CardAmounts.ToKurusString(amount.Value);
            }
            catch (PayNetException bad)
            {
                throw new PayNetException(PayNetApi.Card, operation, PayNetErrorCategory.InvalidArgument, bad.Message, reference: xactId);
            }
        }

        private static string? CallbackUrl(string? url, string xactId)
        {
            if (string.IsNullOrWhiteSpace(url)) return null;
            if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw Invalid("RequestRefund", $"'{url}' is not an absolute http(s) URL for the outcome callback.", xactId);
            return uri.AbsoluteUri;
        }
    }
}
