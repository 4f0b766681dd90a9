using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PayNet.Core.Http
{
    /// <summary>
    /// Retries what is safe to retry and nothing else. Reads and validations: 5xx, 408, 429, timeouts
    /// and network errors, with exponential backoff and jitter, honouring Retry-After. Money moves:
    /// only a refusal the server provably made (429, or a connection that never opened); any other
    /// failure after sending becomes <see cref="PayNetAmbiguousOutcomeException"/> for the client to reconcile.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new ResiliencePropertyKey<HttpRequestMessage>("request");
        private readonly PayNetClientOptions _options;
        private readonly ResiliencePipeline<HttpResponseMessage> _safe;
        private readonly ResiliencePipeline<HttpResponseMessage> _moneyMove;

        public RetryHandler(PayNetClientOptions options)
        {
            _options = options;
            _safe = Build(options, moneyMove: false);
            _moneyMove = Build(options, moneyMove: true);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = CallInfo.Of(request);
            var pipeline = call.Kind == CallKind.MoneyMove ? _moneyMove : _safe;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            int attempt = 0;
            try
            {
                var outcome = await pipeline.ExecuteOutcomeAsync(async (ctx, state) =>
                {
                    attempt++;
                    call.Attempts = attempt;
                    if (attempt > 1 && call.BeforeResend is not null) await call.BeforeResend(request).ConfigureAwait(false);
                    try
                    {
                        return Outcome.FromResult(await base.SendAsync(request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                }, context, this).ConfigureAwait(false);

                if (outcome.Exception is null)
                {
                    var response = outcome.Result!;
                    if (call.Kind == CallKind.MoneyMove && IsAmbiguousStatus(response.StatusCode) && !await IsFinalRefusalAsync(call, response).ConfigureAwait(false))
                    {
                        int status = (int)response.StatusCode;
                        response.Dispose();
                        throw new PayNetAmbiguousOutcomeException($"the server answered HTTP {status} after the request was sent", status);
                    }
                    return response;
                }

                var error = outcome.Exception;
                if (cancellationToken.IsCancellationRequested)
                {
                    if (call.Kind == CallKind.MoneyMove && !ProvablyNotSent(error))
                        throw new PayNetAmbiguousOutcomeException("the call was cancelled while the request was in flight", error);
                    throw new OperationCanceledException("The PayNet call was cancelled.", error, cancellationToken);
                }
                if (call.Kind == CallKind.MoneyMove && !ProvablyNotSent(error))
                    throw new PayNetAmbiguousOutcomeException(Describe(error), error);
                throw Translate(call, error);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private static ResiliencePipeline<HttpResponseMessage> Build(PayNetClientOptions options, bool moneyMove)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            if (options.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryDelay,
                    ShouldHandle = async args =>
                    {
                        var request = args.Context.Properties.GetValue(RequestKey, null!);
                        if (request is not null && args.Outcome.Result is HttpResponseMessage answer
                            && await IsFinalRefusalAsync(CallInfo.Of(request), answer).ConfigureAwait(false))
                            return false;
                        return moneyMove ? ShouldRetryMoneyMove(args.Outcome) : ShouldRetrySafe(args.Outcome);
                    },
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options.MaxRetryDelay)),
                    OnRetry = args =>
                    {
                        var request = args.Context.Properties.GetValue(RequestKey, null!);
                        string why = args.Outcome.Exception is not null ? Describe(args.Outcome.Exception) : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                        var log = PayNetLog.Current;
                        if (log is not null && log.IsVerboseEnabled)
                            log.Verbose($"Retrying {request?.Method} {request?.RequestUri?.AbsolutePath} in {args.RetryDelay.TotalMilliseconds:0} ms (attempt {args.AttemptNumber + 2} of {options.MaxRetries + 1}): {why}.");
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }
            builder.AddTimeout(options.Timeout);
            return builder.Build();
        }

        private static bool ShouldRetrySafe(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Exception is not null) return outcome.Exception is HttpRequestException || outcome.Exception is TimeoutRejectedException || outcome.Exception is System.IO.IOException;
            var status = (int)outcome.Result!.StatusCode;
            return status >= 500 || status == 408 || status == 429;
        }

        private static bool ShouldRetryMoneyMove(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Exception is not null) return ProvablyNotSent(outcome.Exception);
            return (int)outcome.Result!.StatusCode == 429; // the server refused it before doing anything
        }

        private static async Task<bool> IsFinalRefusalAsync(CallInfo call, HttpResponseMessage response)
        {
            if (call.IsFinalRefusal is null || (int)response.StatusCode < 400) return false;
            try
            {
                return await call.IsFinalRefusal(response).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is HttpRequestException || ex is OperationCanceledException)
            {
                return false; // an unreadable answer proves nothing
            }
        }

        private static bool IsAmbiguousStatus(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

        /// <summary>True only when the connection never opened, so the server cannot have seen the request.</summary>
        internal static bool ProvablyNotSent(Exception error)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                if (e is SocketException se && (se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.HostNotFound || se.SocketErrorCode == SocketError.NetworkUnreachable))
                    return true;
            }
            return false;
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
        {
            if (response is null) return null;
            var status = (int)response.StatusCode;
            if (status != 429 && status != 503) return null;
            var header = response.Headers.RetryAfter;
            TimeSpan? wait = header?.Delta ?? (header?.Date is DateTimeOffset at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null);
            if (wait is null) return null;
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            return wait > max ? max : wait;
        }

        private static string Describe(Exception error) => error switch
        {
            TimeoutRejectedException _ => "no answer within the timeout",
            HttpRequestException h => "network error: " + (h.InnerException?.Message ?? h.Message),
            _ => error.Message,
        };

        private static PayNetException Translate(CallInfo call, Exception error)
        {
            var category = error is TimeoutRejectedException ? PayNetErrorCategory.Timeout : PayNetErrorCategory.Unavailable;
            string tries = call.Attempts > 1 ? $" after {call.Attempts} attempts" : string.Empty;
            return new PayNetException(call.Api, call.Operation, category,
                $"{call.Api} {call.Operation} failed{tries}: {Describe(error)}.", reference: call.Reference, inner: error);
        }
    }
}
