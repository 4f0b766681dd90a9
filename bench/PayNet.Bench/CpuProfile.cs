using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PayNet.Core;
using PayNet.Core.Card;
using PayNet.Core.Http;
using PayNet.Core.Security;

namespace PayNet.Bench;

/// <summary>
/// `--cpu-profile`: the client's own cost of one Card check with the network taken out. Every side
/// talks to the same in-memory handler that answers the sandbox's check body instantly, so the
/// figures are CPU time and allocations of the client code alone: the fair raw side, the PayNet
/// pipeline (handler chain, retry, body read) without parsing, and the whole PayNet.Core call.
/// </summary>
internal static class CpuProfile
{
    private const string Answer = """{"Data":[{"xact_id":"xk_EAAAADHyVDnZwjtlF22gMj*nOdXLVo0jSfYNpPtq9RUEg","id":1000001,"xact_date":"2024-01-15T10:15:00.000","transaction_type":1,"pos_type":5,"is_tds":false,"agent_id":"","note":"","ratio":0.02,"agent_reference":"RCN-0001","bank_id":"BONS","instalment":0,"card_type":"cc","card_no":"540061******6908","card_holder":"MEHMET DEMIR","amount":1000.00,"netAmount":976.40,"comission":20.00,"comission_tax":3.60,"currency":"TRY","authorization_code":"aut-6908","reference_code":"ref-6908","order_id":"order-6908","is_succeed":true,"xact_transaction_id":"BD35879F-3678-9A15-B47F-6FF7800A413D","email":"mehmet.demir@example.com.tr","phone":"+905326908001","ratio_code":"PESIN","end_user_comission":0}],"object_name":"transaction_check","code":0,"message":"Başarılı İşlem"}""";
    private static readonly byte[] AnswerBytes = Encoding.UTF8.GetBytes(Answer);

    private sealed class Instant : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(AnswerBytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    public static async Task RunAsync()
    {
        var baseUri = new Uri("http://127.0.0.1:9/card");
        using var http = new HttpClient(new Instant());
        var check = new Uri("http://127.0.0.1:9/card/v1/transaction/check");
        async Task Raw()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, check) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new RawCardCheckRequest { ReferenceNo = "RCN-0001" }, RawJson.Default.RawCardCheckRequest)) };
            request.Headers.TryAddWithoutValidation("Authorization", "Basic sck_x");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync(RawJson.Default.RawCardCheckAnswer);
            if (answer!.Data!.Count != 1) throw new InvalidOperationException();
        }
        var options = new PayNetClientOptions(baseUri) { PrimaryHandlerFactory = () => new Instant() };
        using var pipeline = new PayNetHttpPipeline(PayNetApi.Card, options, null);
        async Task Pipeline()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/transaction/check") { Content = PayNetHttpPipeline.JsonBody(new RawCardCheckRequest { ReferenceNo = "RCN-0001" }) };
            using var raw = await pipeline.SendAsync(request, new CallInfo(PayNetApi.Card, "Check", CallKind.Read, "RCN-0001"), CancellationToken.None);
        }
        using var card = new CardClient(new SecretString("sck_x"), new PayNetClientOptions(baseUri) { PrimaryHandlerFactory = () => new Instant() });
        Task Core() => card.CheckAsync(referenceNo: "RCN-0001");

        Task Parse()
        {
            var envelope = JsonSerializer.Deserialize<CardEnvelopeDto<CardRowDto>>(AnswerBytes, PayNet.Core.Json.TolerantJson.Options)!;
            if (envelope.Data!.Count != 1) throw new InvalidOperationException();
            return Task.CompletedTask;
        }
        var parsed = JsonSerializer.Deserialize<CardEnvelopeDto<CardRowDto>>(AnswerBytes, PayNet.Core.Json.TolerantJson.Options)!;
        Task Map() { CardMapper.Transaction(parsed.Data![0]); return Task.CompletedTask; }
        Task RawParse() { JsonSerializer.Deserialize(AnswerBytes, RawJson.Default.RawCardCheckAnswer); return Task.CompletedTask; }

        foreach (var round in Enumerable.Range(1, 3))
            foreach (var (name, call) in new (string, Func<Task>)[] { ("fair raw", Raw), ("PayNet pipeline, body as text, no parse", Pipeline), ("PayNet.Core CheckAsync", Core), ("  of which: PayNet parse (bytes to DTO)", Parse), ("  of which: PayNet map (DTO to model)", Map), ("  raw parse (bytes to DTO)", RawParse) })
            {
                for (int i = 0; i < 5_000; i++) await call();
                const int calls = 100_000;
                long bytes = GC.GetTotalAllocatedBytes(true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < calls; i++) await call();
                double us = watch.Elapsed.TotalMicroseconds / calls;
                double cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / calls;
                Console.WriteLine($"round {round}  {name,-42} {us,6:0.0} µs/call wall, {cpuUs,6:0.0} µs/call CPU (all threads, incl. GC), {(GC.GetTotalAllocatedBytes(true) - bytes) / (double)calls,7:0} B/call");
            }
    }
}
