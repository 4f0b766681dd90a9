using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    /// <summary>
    /// Typed client of the PayNet Wallet API (wallet.md §6/§7) for one member. Thread-safe; owns one
    /// HTTP pipeline. Signs in lazily on first use and again, transparently, when the session expires.
    /// Money moves carry a trace number, are never re-sent, and are reconciled through the history
    /// when their answer is lost.
    /// </summary>
    public sealed partial class WalletClient : IDisposable
    {
        private readonly PayNetHttpPipeline _pipeline;
        private readonly PayNetClientOptions _options;
        private readonly WalletSession _session;
        private readonly WalletCallCounter _counter;
        private readonly WalletModelMapper _mapper;
        private int _disposed;

        public WalletClient(WalletCredentials credentials, PayNetClientOptions options, WalletSettings? settings = null)
        {
            if (credentials is null) throw new ArgumentNullException(nameof(credentials));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            Settings = settings ?? new WalletSettings();
            if (!Money.MoneyRules.IsKnownCurrency(Settings.DefaultCurrency))
                throw new PayNetException(PayNetApi.Wallet, "Connect", PayNetErrorCategory.InvalidArgument,
                    $"Wallet default currency '{Settings.DefaultCurrency}' is not a known ISO 4217 code.");
            _mapper = new WalletModelMapper(Settings);
            _session = new WalletSession(credentials, options.Redactor, _mapper);
            _counter = new WalletCallCounter(Settings.DailyCallBudget);
            _pipeline = new PayNetHttpPipeline(PayNetApi.Wallet, options, () => new WalletAuthHandler(_session, _counter, options, OnCallBudgetWarning));
        }

        public WalletSettings Settings { get; }

        public Uri BaseUri => _options.BaseUri;

        public string Principal => _session.Principal;

        /// <summary>HTTP attempts this client made today (UTC), retries and logins included.</summary>
        public int CallsToday => _counter.Today;

        /// <summary>The documented daily budget (<see cref="WalletSettings.DailyCallBudget"/>).</summary>
        public int DailyCallBudget => _counter.Budget;

        public bool IsLoggedIn => _session.HasToken;

        /// <summary>What the last login (or <see cref="GetInitialDataAsync"/>) returned; null before the first.</summary>
        public WalletInitialData? InitialData => _session.InitialData;

        /// <summary>Signs in now (a fresh session) instead of on first use.</summary>
        public Task<WalletInitialData> LoginAsync(CancellationToken cancellationToken = default) => LoginAsync(null, cancellationToken);

        /// <summary>
        /// Signs in now with the login OTP of a tenant that enforces 2FA (§6.1.1 <c>otp</c>). Without one, such a
        /// tenant refuses with <see cref="PayNetOtpRequiredException"/> (and texts the member an OTP).
        /// </summary>
        public Task<WalletInitialData> LoginAsync(string? otp, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            return _session.LoginAsync((request, ct) => _pipeline.SendAsync(request, CallInfo.Of(request), ct), otp, cancellationToken);
        }

        /// <summary>Ends the session (§6.1.4). Does nothing when there is none; the next call signs in again.</summary>
        public async Task LogoutAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            if (!_session.HasToken) return;
            try
            {
                var raw = await SendAsync(HttpMethod.Post, Settings.Routes.Logout, new object(), "Logout", CallKind.Validation,
                    WalletRequestFlags.NoRenewal, null, cancellationToken).ConfigureAwait(false);
                var envelope = WalletEnvelope.TryParse(raw);
                if (envelope is not null && !envelope.Success && !envelope.SessionExpired)
                    throw WalletErrors.FromEnvelope(envelope, "Logout", null, _options.Redactor);
            }
            finally
            {
                _session.Forget();
            }
        }

        public async Task<WalletMember> GetProfileAsync(CancellationToken cancellationToken = default)
        {
            var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.Profile, null, "GetProfile", CallKind.Read, cancellationToken).ConfigureAwait(false);
            var dto = envelope.Read<MemberDto>("Member", "MemberVO", "Profile") ?? throw MissingPayload("GetProfile", envelope);
            return _mapper.Member(dto);
        }

        /// <summary>Re-reads InitialData (§6.1.3) without signing in again.</summary>
        public async Task<WalletInitialData> GetInitialDataAsync(CancellationToken cancellationToken = default)
        {
            var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.InitialData, null, "GetInitialData", CallKind.Read, cancellationToken).ConfigureAwait(false);
            var data = _mapper.InitialData(envelope.Read<InitialDataDto>("InitialData") ?? throw MissingPayload("GetInitialData", envelope), Principal);
            _session.Remember(data);
            return data;
        }

        // ---- transport helpers shared by the partial files ----

        /// <summary>One call whose failure (status false, unreadable body) becomes a PayNetException.</summary>
        private async Task<WalletEnvelope> CallAsync(HttpMethod method, string path, object? body, string operation, CallKind kind,
            CancellationToken cancellationToken, WalletRequestFlags flags = WalletRequestFlags.None, string? reference = null, HttpContent? content = null)
        {
            var raw = await SendAsync(method, path, body, operation, kind, flags, reference, cancellationToken, content).ConfigureAwait(false);
            var envelope = WalletEnvelope.TryParse(raw) ?? throw WalletErrors.Unreadable(raw, operation, reference);
            if (!envelope.Success) throw WalletErrors.FromEnvelope(envelope, operation, reference, _options.Redactor);
            return envelope;
        }

        /// <summary>
        /// A write that must not be repeated (a creation): sent once, and when its answer is lost the caller
        /// is told the outcome is unknown instead of the pipeline retrying it.
        /// </summary>
        private async Task<WalletEnvelope> CallOnceAsync(HttpMethod method, string path, object? body, string operation, string reference,
            CancellationToken cancellationToken, WalletRequestFlags flags = WalletRequestFlags.None, HttpContent? content = null)
        {
            try
            {
                return await CallAsync(method, path, body, operation, CallKind.MoneyMove, cancellationToken, flags, reference, content).ConfigureAwait(false);
            }
            catch (Exception ex) when (!Settlement.MoneyMovePath.IsProvenRefusal(ex))
            {
                // Lost, unreadable or unmappable: it may have been created, so it must not be sent again blindly.
                throw new PayNetStateUnknownException(PayNetApi.Wallet, operation, reference, ex.Message.TrimEnd('.'), ex);
            }
        }

        private async Task<RawResponse> SendAsync(HttpMethod method, string path, object? body, string operation, CallKind kind,
            WalletRequestFlags flags, string? reference, CancellationToken cancellationToken, HttpContent? content = null)
        {
            ThrowIfDisposed();
            using (var request = new HttpRequestMessage(method, path))
            {
                request.Content = content ?? (body is null ? null : PayNetHttpPipeline.JsonBody(body));
                WalletRequestMarks.Mark(request, flags);
                return await _pipeline.SendAsync(request, new CallInfo(PayNetApi.Wallet, operation, kind, reference), cancellationToken).ConfigureAwait(false);
            }
        }

        private static PayNetException MissingPayload(string operation, WalletEnvelope envelope) =>
            new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.Unavailable,
                $"Wallet {operation} succeeded but its answer carried no result the client could read.", envelope.HttpStatus, envelope.Code);

        private static PayNetException Invalid(string operation, string message) =>
            new PayNetException(PayNetApi.Wallet, operation, PayNetErrorCategory.InvalidArgument, message);

        private static string Escape(string segment) => Uri.EscapeDataString(segment.Trim());

        private static string Path(string template, long id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id);

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(WalletClient));
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _pipeline.Dispose();
        }

        public override string ToString() => $"Wallet client for {Principal} at {BaseUri}";
    }
}
