using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        /// <summary>
        /// Sends an OTP to <paramref name="mobile"/> (§6.2.1): Registration before sign-up, Verification before
        /// a confirm that needs one, ChangePin. Returns the server's message ("OTP sent successfully").
        /// </summary>
        public async Task<string?> GenerateOtpAsync(string mobile, WalletOtpAction action = WalletOtpAction.Registration, CancellationToken cancellationToken = default)
        {
            const string operation = "GenerateOtp";
            string medium = Medium(mobile, operation);
            var body = new GenerateOtpBody { Medium = medium, ActionType = action.ToString(), OtpToMobile = true };
            var envelope = await CallAsync(HttpMethod.Post, Settings.Routes.GenerateOtp, body, operation, CallKind.Validation,
                cancellationToken, WalletRequestFlags.Anonymous).ConfigureAwait(false);
            return envelope.Messages.Select(m => m.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        }

        /// <summary>Checks a registration OTP (§6.2.2) and returns the resourceId that <see cref="RegisterAsync"/> consumes.</summary>
        public async Task<string> VerifyOtpAsync(string mobile, string otp, CancellationToken cancellationToken = default)
        {
            const string operation = "VerifyOtp";
            string medium = Medium(mobile, operation);
            if (string.IsNullOrWhiteSpace(otp)) throw Invalid(operation, "The OTP is required.");
            _options.Redactor.AddSecret(otp.Trim());
            WalletEnvelope envelope;
            try
            {
                // Each attempt uses up one of the OTP's tries, so a lost answer is not re-sent.
                envelope = await CallAsync(HttpMethod.Post, Settings.Routes.VerifyOtp, new VerifyOtpBody { Medium = medium, Otp = otp.Trim() },
                    operation, CallKind.MoneyMove, cancellationToken, WalletRequestFlags.Anonymous).ConfigureAwait(false);
            }
            catch (PayNetAmbiguousOutcomeException ex)
            {
                throw new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.Unavailable,
                    $"Wallet {operation} got no answer ({ex.Message}); generate a new OTP and verify again.", inner: ex);
            }
            var dto = envelope.Read<VerifyOtpDto>("VerifyOtpResult", "OtpVerification") ?? throw MissingPayload(operation, envelope);
            if (string.IsNullOrWhiteSpace(dto.ResourceId)) throw MissingPayload(operation, envelope);
            _options.Redactor.AddSecret(dto.ResourceId);
            return dto.ResourceId!;
        }

        /// <summary>Creates the member and their wallet (§6.2.3). The new member signs in with their own client.</summary>
        public async Task<WalletMember> RegisterAsync(WalletRegistration registration, CancellationToken cancellationToken = default)
        {
            const string operation = "Register";
            if (registration is null) throw new ArgumentNullException(nameof(registration));
            string medium = Medium(registration.MobileNo, operation);
            if (string.IsNullOrWhiteSpace(registration.ResourceId)) throw Invalid(operation, "The resourceId from VerifyOtpAsync is required.");
            if (string.IsNullOrWhiteSpace(registration.Name)) throw Invalid(operation, "The member's name is required.");
            if (string.IsNullOrWhiteSpace(registration.Email) || registration.Email.IndexOf('@') <= 0) throw Invalid(operation, "A valid e-mail address is required.");
            if (registration.Pin is null) throw Invalid(operation, "A PIN is required.");
            _options.Redactor.AddSecret(registration.Pin);
            var body = new RegistrationBody
            {
                ResourceId = registration.ResourceId.Trim(),
                GroupId = registration.GroupId ?? Settings.CustomerGroupId,
                Name = registration.Name.Trim(),
                Email = registration.Email.Trim(),
                MobileNo = medium,
                IsMobile = registration.IsMobile,
                Pin = registration.Pin.Reveal(),
                ConfirmPin = registration.Pin.Reveal(),
            };
            var envelope = await CallOnceAsync(HttpMethod.Post, Settings.Routes.Register, body, operation, medium, cancellationToken,
                WalletRequestFlags.Anonymous).ConfigureAwait(false);
            var dto = envelope.Read<RegistrationResultDto>("RegistrationResult");
            var accounts = dto?.Accounts ?? new List<MemberAccountDto>();
            return new WalletMember
            {
                Id = dto?.MemberId ?? dto?.Id,
                Name = dto?.Name ?? body.Name,
                Username = dto?.Username ?? medium,
                Email = body.Email,
                MobileNo = medium,
                GroupId = body.GroupId,
                DefaultAccountId = (accounts.FirstOrDefault(a => a.IsDefaultAccount) ?? accounts.FirstOrDefault())?.Id,
            };
        }

        /// <summary>
        /// Change PIN (§6.9) in two steps: without <paramref name="otp"/> the server sends an OTP
        /// (<see cref="WalletPinChangeOutcome.OtpSent"/>); with it the PIN changes and this client uses the new one.
        /// </summary>
        public async Task<WalletPinChangeOutcome> ChangePinAsync(SecretString oldPin, SecretString newPin, string? otp = null, CancellationToken cancellationToken = default)
        {
            const string operation = "ChangePin";
            if (oldPin is null || newPin is null) throw Invalid(operation, "Both the old and the new PIN are required.");
            if (newPin.Matches(oldPin.Reveal())) throw Invalid(operation, "The new PIN must differ from the old one.");
            _options.Redactor.AddSecret(oldPin);
            _options.Redactor.AddSecret(newPin);
            var body = new ChangePinBody { OldPin = oldPin.Reveal(), NewPin = newPin.Reveal(), ConfirmPin = newPin.Reveal() };
            if (string.IsNullOrWhiteSpace(otp))
            {
                await CallAsync(HttpMethod.Post, Settings.Routes.ChangePin, body, operation, CallKind.Validation, cancellationToken).ConfigureAwait(false);
                return WalletPinChangeOutcome.OtpSent;
            }
            body.Otp = otp!.Trim();
            await CallOnceAsync(HttpMethod.Post, Settings.Routes.ChangePin, body, operation, Principal, cancellationToken).ConfigureAwait(false);
            _session.ReplacePin(newPin);
            return WalletPinChangeOutcome.Changed;
        }

        public async Task<IReadOnlyList<WalletAgreement>> GetAgreementsAsync(CancellationToken cancellationToken = default)
        {
            var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.Agreements, null, "GetAgreements", CallKind.Read, cancellationToken).ConfigureAwait(false);
            return envelope.ReadList<AgreementDto>("Agreements").Select(_mapper.Agreement).ToList();
        }

        /// <summary>Accepts the given agreements (§6.10) and returns the updated list. Accepting twice is harmless.</summary>
        public async Task<IReadOnlyList<WalletAgreement>> AcceptAgreementsAsync(IEnumerable<long> agreementIds, CancellationToken cancellationToken = default)
        {
            const string operation = "AcceptAgreements";
            var ids = (agreementIds ?? throw new ArgumentNullException(nameof(agreementIds))).Distinct().ToList();
            if (ids.Count == 0 || ids.Any(id => id <= 0)) throw Invalid(operation, "Name at least one agreement id, all positive.");
            var envelope = await CallAsync(HttpMethod.Post, Settings.Routes.AcceptAgreements, new AcceptAgreementsBody { AgreementIds = ids },
                operation, CallKind.Validation, cancellationToken).ConfigureAwait(false);
            return envelope.ReadList<AgreementDto>("Agreements").Select(_mapper.Agreement).ToList();
        }

        /// <summary>Mobile numbers go out in international form without '+' or spaces (§6.2.1).</summary>
        private static string Medium(string? mobile, string operation)
        {
            if (string.IsNullOrWhiteSpace(mobile)) throw Invalid(operation, "A mobile number is required.");
            string digits = new string(mobile!.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '(' && c != ')').ToArray()).TrimStart('+');
            if (digits.Length < 6 || !digits.All(char.IsDigit))
                throw Invalid(operation, "The mobile number must be digits in international form (e.g. 233249621938).");
            return digits;
        }
    }
}
