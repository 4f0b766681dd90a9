using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Security;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>Marks on a request that the auth handler reads.</summary>
    [Flags]
    internal enum WalletRequestFlags
    {
        None = 0,
        /// <summary>Registration/OTP/login: apikey only, no session.</summary>
        Anonymous = 1,
        /// <summary>Use the current session if there is one, but never sign in again for it (logout).</summary>
        NoRenewal = 2,
    }

    internal static class WalletRequestMarks
    {
        private const string Key = "PayNet.Wallet.Flags";

        public static void Mark(HttpRequestMessage request, WalletRequestFlags flags)
        {
#pragma warning disable CS0618 // Properties is the netstandard2.0 spelling of Options.
            request.Properties[Key] = flags;
#pragma warning restore CS0618
        }

        public static WalletRequestFlags Of(HttpRequestMessage request)
        {
#pragma warning disable CS0618
            return request.Properties.TryGetValue(Key, out var value) && value is WalletRequestFlags flags ? flags : WalletRequestFlags.None;
#pragma warning restore CS0618
        }
    }

    /// <summary>
    /// The member's session: the token from login, the PIN (which Change PIN replaces) and the last
    /// InitialData. One login at a time; every secret it learns goes to the redactor first.
    /// </summary>
    internal sealed class WalletSession
    {
        public const string TokenHeader = "Paynet-Session-Token";
        public const string ApiKeyHeader = "apikey";

        private readonly SemaphoreSlim _loginGate = new SemaphoreSlim(1, 1);
        private readonly WalletCredentials _credentials;
        private readonly Redactor _redactor;
        private readonly WalletModelMapper _mapper;
        private string? _token;
        private volatile SecretString _pin;
        private volatile bool _otpNeeded;
        private volatile bool _hadSession;

        public WalletSession(WalletCredentials credentials, Redactor redactor, WalletModelMapper mapper)
        {
            _credentials = credentials;
            _redactor = redactor;
            _mapper = mapper;
            _pin = credentials.Pin;
            redactor.AddSecret(credentials.ApiKey);
            redactor.AddSecret(credentials.Pin);
            redactor.AddSecret(BasicValue());
        }

        public string Principal => _credentials.Principal;
        public string ApiKey => _credentials.ApiKey.Reveal();
        public string Pin => _pin.Reveal();
        public string? Token => Volatile.Read(ref _token);
        public bool HasToken => Token is not null;
        public WalletInitialData? InitialData { get; private set; }

        public void ReplacePin(SecretString pin)
        {
            _redactor.AddSecret(pin);
            _pin = pin;
            _redactor.AddSecret(BasicValue());
        }

        public void Forget() => Volatile.Write(ref _token, null);

        /// <summary>Drops the token only if it is still the one that was refused (another caller may have renewed it).</summary>
        public void Invalidate(string refused) => Interlocked.CompareExchange(ref _token, null, refused);

        /// <summary>The current token, signing in first when there is none.</summary>
        public async Task<string> GetTokenAsync(Func<HttpRequestMessage, CancellationToken, Task<RawResponse>> send, CancellationToken cancellationToken)
        {
            string? token = Token;
            if (token is not null) return token;
            await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = Token;
                if (token is not null) return token;
                // A 2FA tenant already refused a login without OTP: asking again would only text the member another one.
                if (_otpNeeded) throw WalletLoginOtp.Required(Principal, _mapper.Settings.ReconnectHint, _hadSession, null);
                await LoginCoreAsync(send, null, explicitLogin: false, cancellationToken).ConfigureAwait(false);
                return Token!;
            }
            finally
            {
                _loginGate.Release();
            }
        }

        /// <summary>An explicit login: always a fresh session; <paramref name="otp"/> is the login OTP of a 2FA tenant.</summary>
        public async Task<WalletInitialData> LoginAsync(Func<HttpRequestMessage, CancellationToken, Task<RawResponse>> send, string? otp, CancellationToken cancellationToken)
        {
            await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await LoginCoreAsync(send, otp, explicitLogin: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _loginGate.Release();
            }
        }

        private async Task<WalletInitialData> LoginCoreAsync(Func<HttpRequestMessage, CancellationToken, Task<RawResponse>> send, string? otp,
            bool explicitLogin, CancellationToken cancellationToken)
        {
            const string operation = "Login";
            otp = string.IsNullOrWhiteSpace(otp) ? null : otp!.Trim();
            if (otp is not null) _redactor.AddSecret(otp);
            using (var request = new HttpRequestMessage(HttpMethod.Post, _mapper.Settings.Routes.Login))
            {
                request.Content = PayNetHttpPipeline.JsonBody(new LoginBody { Otp = otp });
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue());
                WalletRequestMarks.Mark(request, WalletRequestFlags.Anonymous);
                new CallInfo(PayNetApi.Wallet, operation, CallKind.Validation).AttachTo(request);
                var raw = await send(request, cancellationToken).ConfigureAwait(false);
                var envelope = WalletEnvelope.TryParse(raw) ?? throw WalletErrors.Unreadable(raw, operation, null);
                if (!envelope.Success)
                {
                    if (WalletLoginOtp.IsRequired(envelope))
                    {
                        // Explicit logins say so too, so a later automatic renewal does not try without an OTP.
                        _otpNeeded = true;
                        bool renewal = !explicitLogin && _hadSession;
                        throw WalletLoginOtp.Required(Principal, _mapper.Settings.ReconnectHint, renewal, envelope,
                            envelope.ErrorText is null ? null : _redactor.Redact(envelope.ErrorText));
                    }
                    throw WalletErrors.FromEnvelope(envelope, operation, null, _redactor);
                }
                string? token = envelope.SessionId;
                if (string.IsNullOrEmpty(token))
                    throw new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.Unavailable,
                        "Wallet Login succeeded but the answer carried no sessionId.", envelope.HttpStatus);
                _redactor.AddSecret(token);
                var data = _mapper.InitialData(envelope.Read<InitialDataDto>("InitialData"), Principal);
                InitialData = data;
                _otpNeeded = false;
                _hadSession = true;
                Volatile.Write(ref _token, token);
                return data;
            }
        }

        public void Remember(WalletInitialData data) => InitialData = data;

        private string BasicValue() => Convert.ToBase64String(Encoding.UTF8.GetBytes(_credentials.Principal + ":" + _pin.Reveal()));
    }
}
