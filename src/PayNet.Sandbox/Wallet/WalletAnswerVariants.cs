namespace PayNet.Sandbox.Wallet;

/// <summary>
/// The envelope-wide answer variants of <see cref="WalletSwitches"/>, applied as the answer is written:
/// <c>statusCode</c> in place of <c>responseCode</c> (§2.2, CellPay) and 400 instead of 401 for an
/// expired session (§10.5). The 201/202 variants depend on the endpoint and are chosen there.
/// </summary>
internal static class WalletAnswerVariants
{
    public static (int Status, Dictionary<string, object?> Body) Apply(HttpContext http, int status, Dictionary<string, object?> body)
    {
        var state = http.RequestServices.GetService<WalletState>();
        if (state is null) return (status, body);
        string codeField;
        int expiredStatus;
        lock (state.Gate)
        {
            codeField = state.Switches.CodeField;
            expiredStatus = state.Switches.SessionExpiredStatus;
        }

        if (status == 401 && body.TryGetValue("sessionExpired", out var expired) && expired is true) status = expiredStatus;
        if (codeField == WalletSwitches.StatusCode && body.ContainsKey("responseCode"))
        {
            var renamed = new Dictionary<string, object?>();
            foreach (var (key, value) in body) renamed[key == "responseCode" ? WalletSwitches.StatusCode : key] = value;
            body = renamed;
        }
        return (status, body);
    }
}
