using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace PayNet.Core.Http
{
    /// <summary>What a request does to money; the retry policy keys off it.</summary>
    public enum CallKind
    {
        /// <summary>Lookups, lists, catalogues: safe to repeat.</summary>
        Read,
        /// <summary>Quotes and checks that move no money: safe to repeat.</summary>
        Validation,
        /// <summary>Confirms, system payments, refunds: never re-sent once they may have reached the server.</summary>
        MoneyMove,
    }

    /// <summary>Travels with each HttpRequestMessage so the shared handlers know what they are carrying.</summary>
    public sealed class CallInfo
    {
        private const string PropertyKey = "PayNet.CallInfo";

        public CallInfo(PayNetApi api, string operation, CallKind kind, string? reference = null)
        {
            Api = api;
            Operation = operation;
            Kind = kind;
            Reference = reference;
        }

        public PayNetApi Api { get; }
        public string Operation { get; }
        public CallKind Kind { get; }
        public string? Reference { get; }

        /// <summary>
        /// Called before every re-send of the same request: TopUp signs each attempt with a fresh key,
        /// because the server refuses a key it has already seen.
        /// </summary>
        public Func<HttpRequestMessage, Task>? BeforeResend { get; set; }

        /// <summary>
        /// The API's test for an answer that proves the server refused the request before doing anything, and
        /// that asking again soon cannot help (Wallet: the daily call budget is spent). The retry handler never
        /// repeats such an answer, and for a money move does not treat it as an ambiguous outcome.
        /// </summary>
        public Func<HttpResponseMessage, Task<bool>>? IsFinalRefusal { get; set; }

        /// <summary>Number of attempts the retry handler made (1 when nothing was retried).</summary>
        public int Attempts { get; internal set; }

        public void AttachTo(HttpRequestMessage request)
        {
#pragma warning disable CS0618 // Properties is the netstandard2.0 spelling of Options.
            request.Properties[PropertyKey] = this;
#pragma warning restore CS0618
        }

        public static CallInfo Of(HttpRequestMessage request)
        {
#pragma warning disable CS0618
            if (request.Properties.TryGetValue(PropertyKey, out var value) && value is CallInfo info) return info;
#pragma warning restore CS0618
            // A request built without CallInfo is treated as the most dangerous kind.
            return new CallInfo(PayNetApi.Wallet, request.RequestUri?.AbsolutePath ?? "request", CallKind.MoneyMove);
        }
    }
}
