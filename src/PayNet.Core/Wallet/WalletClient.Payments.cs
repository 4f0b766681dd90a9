using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Journal;
using PayNet.Core.Settlement;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        private const string ValidatePaymentOp = "ValidatePayment";
        private const string ExecutePaymentOp = "ExecutePayment";
        private const string ValidateSystemPaymentOp = "ValidateSystemPayment";
        private const string ExecuteSystemPaymentOp = "ExecuteSystemPayment";

        /// <summary>Previews a member payment (§6.3.1): fees, payee, final amounts. Moves no money.</summary>
        public Task<WalletPaymentQuote> ValidatePaymentAsync(WalletPaymentRequest request, CancellationToken cancellationToken = default) =>
            QuoteAsync(PaymentDraft.Member(request, Settings, ValidatePaymentOp), cancellationToken);

        /// <summary>Previews a system payment (§6.4.1): add money, withdraw, tenant types. Moves no money.</summary>
        public Task<WalletPaymentQuote> ValidateSystemPaymentAsync(WalletSystemPaymentRequest request, CancellationToken cancellationToken = default) =>
            QuoteAsync(PaymentDraft.System(request, Settings, ValidateSystemPaymentOp), cancellationToken);

        /// <summary>Executes exactly what <paramref name="quote"/> previewed, with its trace number.</summary>
        public Task<WalletPaymentReceipt> ExecutePaymentAsync(WalletPaymentQuote quote, string? otp = null, CancellationToken cancellationToken = default)
        {
            if (quote is null) throw new ArgumentNullException(nameof(quote));
            string operation = quote.IsSystemPayment ? ExecuteSystemPaymentOp : ExecutePaymentOp;
            if (quote.RequiresOtp && string.IsNullOrWhiteSpace(otp))
                throw Invalid(operation, "This payment needs an OTP: request one with GenerateOtpAsync(<your mobile>, Verification) and pass it in.");
            var body = quote.Draft.ToConfirmBody(TransactionPinForConfirm(), string.IsNullOrWhiteSpace(otp) ? null : otp!.Trim());
            string path = quote.IsSystemPayment ? Settings.Routes.ExecuteSystemPayment : Settings.Routes.ExecuteMemberPayment;
            return ConfirmAsync(quote, path, body, operation, cancellationToken);
        }

        /// <summary>Validates, then executes (two calls): a refusal surfaces before any money moves.</summary>
        public async Task<WalletPaymentReceipt> ExecutePaymentAsync(WalletPaymentRequest request, string? otp = null, CancellationToken cancellationToken = default)
        {
            var quote = await ValidatePaymentAsync(request, cancellationToken).ConfigureAwait(false);
            return await ExecutePaymentAsync(quote, otp, cancellationToken).ConfigureAwait(false);
        }

        public async Task<WalletPaymentReceipt> ExecuteSystemPaymentAsync(WalletSystemPaymentRequest request, string? otp = null, CancellationToken cancellationToken = default)
        {
            var quote = await ValidateSystemPaymentAsync(request, cancellationToken).ConfigureAwait(false);
            return await ExecutePaymentAsync(quote, otp, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Add money (§6.5): the receipt is normally Pending until the gateway confirms.</summary>
        public Task<WalletPaymentReceipt> AddMoneyAsync(decimal amount, string? description = null, string? traceNumber = null,
            string? otp = null, CancellationToken cancellationToken = default) =>
            ExecuteSystemPaymentAsync(new WalletSystemPaymentRequest(Settings.TransferTypes.AddMoney, amount)
            {
                Description = description,
                TraceNumber = traceNumber,
            }, otp, cancellationToken);

        /// <summary>Withdraw (§6.6) to the given bank account number (custom field ACCOUNTNUMBER) or the tenant's default.</summary>
        public Task<WalletPaymentReceipt> WithdrawAsync(decimal amount, string? bankAccount = null, string? description = null,
            string? traceNumber = null, string? otp = null, CancellationToken cancellationToken = default)
        {
            var request = new WalletSystemPaymentRequest(Settings.TransferTypes.Withdraw, amount) { Description = description, TraceNumber = traceNumber };
            if (!string.IsNullOrWhiteSpace(bankAccount)) request.CustomValues["ACCOUNTNUMBER"] = bankAccount!.Trim();
            return ExecuteSystemPaymentAsync(request, otp, cancellationToken);
        }

        /// <summary>
        /// The PIN, only when the login's requireTransactionPassword asks for it (wallet.md §5.13); unknown (no
        /// login yet, or a deployment that does not say) counts as asked. The seed tenant says false.
        /// </summary>
        private string? TransactionPinForConfirm() =>
            _session.InitialData?.RequireTransactionPassword == false ? null : _session.Pin;

        private async Task<WalletPaymentQuote> QuoteAsync(PaymentDraft draft, CancellationToken cancellationToken)
        {
            string operation = draft.IsSystemPayment ? ValidateSystemPaymentOp : ValidatePaymentOp;
            string path = draft.IsSystemPayment ? Settings.Routes.ValidateSystemPayment : Settings.Routes.ValidateMemberPayment;
            var envelope = await CallAsync(HttpMethod.Post, path, draft.ToValidateBody(), operation, CallKind.Validation,
                cancellationToken, reference: draft.TraceNumber).ConfigureAwait(false);
            var dto = envelope.Read<DoPaymentResultDto>("DoPaymentResult") ?? throw MissingPayload(operation, envelope);
            return _mapper.Quote(draft, dto, DateTimeOffset.UtcNow);
        }

        /// <summary>
        /// Sends a confirm exactly once through the single money-move path: a refusal (including
        /// DUPLICATE_TRACE_NUMBER) is thrown as the server worded it; anything else that goes wrong after the
        /// request may have left is settled from the history (<see cref="SettleFromHistoryAsync"/>).
        /// </summary>
        private Task<WalletPaymentReceipt> ConfirmAsync(WalletPaymentQuote quote, string path, object body, string operation, CancellationToken cancellationToken)
        {
            var intent = new MoneyMoveIntent(PayNetApi.Wallet, Principal, JournalOperation(quote, operation), quote.TraceNumber, quote.BaseAmount,
                string.IsNullOrEmpty(quote.Currency) ? Settings.DefaultCurrency : quote.Currency)
            {
                Payee = quote.ToMemberPrincipal ?? quote.ToMemberId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? quote.PayeeName,
            };
            var sends = TraceSends.For(_traceSends, quote.TraceNumber);
            return RunTracked(sends, MoneyMovePath.RunAsync(_options, intent,
                async token =>
                {
                    sends.Start();
                    var raw = await SendAsync(HttpMethod.Post, path, body, operation, CallKind.MoneyMove, WalletRequestFlags.None,
                        quote.TraceNumber, token).ConfigureAwait(false);
                    var envelope = WalletEnvelope.TryParse(raw)
                        ?? throw new PayNetAmbiguousOutcomeException($"the answer (HTTP {raw.StatusCode}) could not be read");
                    if (!envelope.Success) throw WalletErrors.FromEnvelope(envelope, operation, quote.TraceNumber, _options.Redactor);
                    var result = envelope.Read<ConfirmPaymentResultDto>("ConfirmPaymentResult");
                    if (result?.Id is not long id || id <= 0) throw new PayNetAmbiguousOutcomeException("the answer named no transfer id");
                    // The confirm answer carries no time (seed 000: id and pending only): PayNet's clock is its Date header.
                    return _mapper.Receipt(quote, id, result.Pending, raw.ServerTime ?? DateTimeOffset.UtcNow);
                },
                OutcomeOf,
                (round, token) => SettleFromHistoryAsync(quote, sends, token),
                cancellationToken));
        }

        private static async Task<WalletPaymentReceipt> RunTracked(TraceSends.Send sends, Task<WalletPaymentReceipt> run)
        {
            try
            {
                var receipt = await run.ConfigureAwait(false);
                sends.Claim(receipt.TransferId);
                return receipt;
            }
            finally { sends.Finish(); }
        }

        internal static (MoneyMoveState, string?) OutcomeOf(WalletPaymentReceipt receipt) =>
            (receipt.State switch
            {
                WalletTransferState.Processed => receipt.Pending ? MoneyMoveState.Pending : MoneyMoveState.Succeeded,
                WalletTransferState.Denied or WalletTransferState.Canceled or WalletTransferState.Failed or WalletTransferState.Blocked => MoneyMoveState.Failed,
                _ => MoneyMoveState.Pending,
            }, receipt.Id);

        /// <summary>The journal's name of the move: MemberPayment, QrPayment, AddMoney, Withdrawal or SystemPayment.</summary>
        private string JournalOperation(WalletPaymentQuote quote, string operation)
        {
            if (operation == "PayQr") return "QrPayment";
            if (!quote.IsSystemPayment) return "MemberPayment";
            if (quote.TransferTypeId == Settings.TransferTypes.AddMoney) return "AddMoney";
            if (quote.TransferTypeId == Settings.TransferTypes.Withdraw) return "Withdrawal";
            return "SystemPayment";
        }
    }
}
