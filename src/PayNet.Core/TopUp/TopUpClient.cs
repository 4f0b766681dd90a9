using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;

namespace PayNet.Core.TopUp
{
    /// <summary>
    /// Typed client of the Paynet POS API (topup.md): balance, catalogue, check / confirm / find, polling,
    /// and both international catalogues. Thread-safe; one instance per POS and base URI.
    /// </summary>
    public sealed partial class TopUpClient : IDisposable
    {
        private readonly TopUpTransport _transport;
        private readonly TopUpCredentials _credentials;
        private volatile IReadOnlyList<TopUpProduct>? _catalogue;

        public TopUpClient(TopUpCredentials credentials, PayNetClientOptions options, TopUpSettings? settings = null)
        {
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            if (options is null) throw new ArgumentNullException(nameof(options));
            Settings = settings ?? new TopUpSettings();
            Settings.Validate();
            _transport = new TopUpTransport(credentials, options);
        }

        public TopUpSettings Settings { get; }

        public int PosId => _credentials.PosId;

        public Uri BaseUri => _transport.Options.BaseUri;

        /// <summary>The catalogue as last read by <see cref="GetServicesAsync"/>; checks are validated against it when known.</summary>
        public IReadOnlyList<TopUpProduct>? KnownCatalogue => _catalogue;

        public async Task<TopUpBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
        {
            var reply = await ReadAsync("balance", "GetBalance", null, null, cancellationToken).ConfigureAwait(false);
            return TopUpMapper.Balance(reply.Read<BalanceDto>("GetBalance", null));
        }

        /// <summary>The POS catalogue; remembered so later checks can be validated before they are sent.</summary>
        public async Task<IReadOnlyList<TopUpProduct>> GetServicesAsync(CancellationToken cancellationToken = default)
        {
            var reply = await ReadAsync("services", "GetServices", null, null, cancellationToken).ConfigureAwait(false);
            var dto = reply.Read<ServicesDto>("GetServices", null);
            var products = (dto.Services ?? throw TopUpMapper.Malformed("GetServices", "a catalogue without services")).Select(TopUpMapper.Product).ToList();
            _catalogue = products;
            return products;
        }

        public async Task<TopUpPointInfo> GetPointInfoAsync(CancellationToken cancellationToken = default)
        {
            var reply = await ReadAsync("point_info", "GetPointInfo", null, null, cancellationToken).ConfigureAwait(false);
            return TopUpMapper.PointInfo(reply.Read<PointInfoDto>("GetPointInfo", null));
        }

        /// <summary>A read whose error envelope becomes a <see cref="TopUpApiException"/>.</summary>
        private async Task<TopUpReply> ReadAsync(string path, string operation, object? payload, string? reference, CancellationToken cancellationToken)
        {
            var reply = await _transport.PostAsync(path, operation, CallKind.Read, payload, reference, cancellationToken).ConfigureAwait(false);
            if (reply.IsError) throw reply.ToException(operation, reference);
            return reply;
        }

        private TopUpProduct? KnownProduct(string product) =>
            _catalogue?.FirstOrDefault(p => string.Equals(p.Id, product, StringComparison.OrdinalIgnoreCase));

        private static PayNetException Invalid(string operation, string message, string? reference = null) =>
            new PayNetException(PayNetApi.TopUp, operation, PayNetErrorCategory.InvalidArgument, message, reference: reference);

        private static void Verbose(string message)
        {
            var log = PayNetLog.Current;
            if (log is not null && log.IsVerboseEnabled) log.Verbose(message);
        }

        public void Dispose() => _transport.Dispose();

        public override string ToString() => $"TopUp POS {PosId} at {BaseUri}";
    }
}
