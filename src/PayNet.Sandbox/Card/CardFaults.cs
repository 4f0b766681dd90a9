namespace PayNet.Sandbox.Card;

/// <summary>
/// card.md §7.6 fault references, for every service that carries a `reference_no`: ERR-500 answers HTTP 500 before
/// anything runs, ERR-TIMEOUT answers SlowMs late (then runs normally), ERR-NODATA takes the not-found path.
/// </summary>
public static class CardFaults
{
    public const string ServerError = "ERR-500", Timeout = "ERR-TIMEOUT", NoData = "ERR-NODATA";

    private static readonly byte[] ServerErrorBody = CardJson.Error("api_error", "Beklenmeyen bir hata oluştu (sandbox ERR-500).", 500, 8);

    /// <summary>False when the fault has answered and the service must not run.</summary>
    public static async Task<bool> Apply(CardCall call)
    {
        if (!call.Fields.TryText("reference_no", out var reference, out _) || reference is null) return true;
        switch (reference.ToUpperInvariant())
        {
            case ServerError:
                await CardResponses.WriteAsync(call.Http, 500, ServerErrorBody);
                return false;
            case Timeout:
                try { await Task.Delay(call.Options.SlowMs, call.Http.RequestAborted); }
                catch (OperationCanceledException) { return false; }
                return true;
            case NoData:
                await call.NotFound();
                return false;
            default:
                return true;
        }
    }
}
