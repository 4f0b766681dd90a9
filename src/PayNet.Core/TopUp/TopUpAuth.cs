using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PayNet.Core.Journal;
using PayNet.Core.Security;

namespace PayNet.Core.TopUp
{
    /// <summary>
    /// The process-wide source of auth keys. Paynet refuses any key not greater than the last one it
    /// saw for the POS, so every client and thread signing for one POS must draw from one counter.
    /// Keys follow the wall clock in milliseconds and never run ahead of it by more than the burst
    /// rate: a far-future key (e.g. microseconds) would lock the POS out until Paynet support resets it.
    /// </summary>
    internal static class TopUpKeySource
    {
        private static readonly ConcurrentDictionary<int, Counter> Counters = new ConcurrentDictionary<int, Counter>();

        /// <param name="store">When given, the key is also reserved in this cross-process store, so other processes and later runs never reuse or fall behind it.</param>
        public static long Next(int posId, ITopUpKeySequenceStore? store = null)
        {
            var counter = Counters.GetOrAdd(posId, _ => new Counter());
            lock (counter)
            {
                long next = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), counter.Last + 1);
                if (store is not null) next = store.ReserveTopUpKey(posId, next);
                counter.Last = next;
                return next;
            }
        }

        /// <summary>Remembers that Paynet accepted a request signed for the POS: its id and token are right.</summary>
        public static void MarkAccepted(int posId) => Counters.GetOrAdd(posId, _ => new Counter()).Accepted = true;

        /// <summary>True once Paynet accepted any request signed for the POS in this process.</summary>
        public static bool WasAccepted(int posId) => Counters.TryGetValue(posId, out var counter) && counter.Accepted;

        /// <summary>The last key handed out for the POS (0 when none yet).</summary>
        public static long Last(int posId)
        {
            if (!Counters.TryGetValue(posId, out var counter)) return 0;
            lock (counter) return counter.Last;
        }

        private sealed class Counter
        {
            public long Last;
            public volatile bool Accepted;
        }
    }

    /// <summary>Builds the signed JSON bodies: the payload plus an auth object with a fresh key per send.</summary>
    internal sealed class TopUpSigner
    {
        private readonly TopUpCredentials _credentials;
        private readonly Security.Redactor? _redactor;

        /// <param name="redactor">Told every hash signed, so a server that echoes one cannot put it in a message.</param>
        public TopUpSigner(TopUpCredentials credentials, Security.Redactor? redactor = null)
        {
            _credentials = credentials;
            _redactor = redactor;
        }

        public int PosId => _credentials.PosId;

        /// <summary>The cross-process store of the last key per POS (the journal); null keeps keys in this process only.</summary>
        public ITopUpKeySequenceStore? Keys { get; set; }

        /// <summary>md5(id + token + key) as 32 lower-case hex characters (topup.md §2).</summary>
        public static string Hash(int posId, string token, long key)
        {
            string material = posId.ToString(CultureInfo.InvariantCulture) + token + key.ToString(CultureInfo.InvariantCulture);
            // One MD5 per thread (an instance is not thread-safe) and hex written straight into the result.
            var md5 = _md5 ??= MD5.Create();
            byte[] digest = md5.ComputeHash(Encoding.UTF8.GetBytes(material));
            var hex = new char[digest.Length * 2];
            for (int i = 0; i < digest.Length; i++)
            {
                hex[2 * i] = HexDigits[digest[i] >> 4];
                hex[2 * i + 1] = HexDigits[digest[i] & 0xF];
            }
            return new string(hex);
        }

        private const string HexDigits = "0123456789abcdef";

        [ThreadStatic] private static MD5? _md5;

        /// <summary>A body for one send: <c>{"auth":{id,key,hash}, ...payload}</c>, signed with a key drawn now.</summary>
        public HttpContent Sign(string payloadJson, out long key)
        {
            key = TopUpKeySource.Next(_credentials.PosId, Keys);
            string hash = Hash(_credentials.PosId, _credentials.Token.Reveal(), key);
            _redactor?.AddTransientSecret(hash);
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer))
                using (var payload = JsonDocument.Parse(payloadJson))
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("auth");
                    writer.WriteNumber("id", _credentials.PosId);
                    writer.WriteNumber("key", key);
                    writer.WriteString("hash", hash);
                    writer.WriteEndObject();
                    foreach (var property in payload.RootElement.EnumerateObject())
                    {
                        if (string.Equals(property.Name, "auth", StringComparison.OrdinalIgnoreCase)) continue;
                        property.WriteTo(writer);
                    }
                    writer.WriteEndObject();
                }
                return new ByteArrayContent(buffer.ToArray())
                {
                    Headers = { { "Content-Type", "application/json; charset=utf-8" } },
                };
            }
        }
    }
}
