using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayNet.Sandbox.Wallet;

/// <summary>
/// QR (PROPOSED, §6.11/§11.11): <c>PNQR1.&lt;base64url(JSON{id,m,a,c,t})&gt;.&lt;first 8 hex of HMAC-SHA256(secret, middle part)&gt;</c>.
/// Dynamic codes (with amount) are single-use and expire; static codes are reusable and never expire.
/// </summary>
internal static class QrEndpoints
{
    private const string Prefix = "PNQR1";
    private const long MaxExpirySeconds = 366L * 24 * 3600;
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("paynet-sandbox-qr-secret");
    private static readonly JsonSerializerOptions CompactJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static void Map(RouteGroupBuilder api)
    {
        api.Post("/qr/create", WalletAuth.Session, Create);
        api.Post("/qr/decode", WalletAuth.Session, call =>
        {
            var qr = Decode(call.State, call.Body.RequiredString("qrString"));
            return WalletReply.Ok("QrCode", View(call, qr, withPayable: true));
        });
        api.Post("/qr/pay", WalletAuth.Session, Pay);
    }

    private static WalletReply Create(WalletCall call)
    {
        var state = call.State;
        var body = call.Body;
        var owner = call.Member;
        decimal? amount = body.Amount();
        if (amount is { } a)
        {
            if (a <= 0m || !WalletMoney.HasAtMostTwoDecimals(a) || a > state.Rules.MaxAmount)
                throw WalletErrors.InvalidAmount("The amount must be greater than zero, with at most 2 decimals");
            if (a < state.Rules.MinimumPayment)
                throw WalletErrors.Business("TRANSFER_MINIMUM_PAYMENT", "Amount below minimum", $"The minimum payment is {WalletMoney.Format(state.Rules.MinimumPayment)}");
            amount = WalletMoney.Wire(a);
        }
        long typeId = body.Long("transferTypeId") ?? 14;
        var type = state.Rules.Find(typeId, PaymentFamily.Member);
        if (type is null || !type.ToTypes.Contains(state.DefaultAccount(owner.Id).TypeId))
            throw WalletErrors.Business("NO_POSSIBLE_TRANSFER_TYPES", "No possible transfer types", $"Transfer type {typeId} cannot pay this member");
        long? expiresIn = body.Long("expiresInSeconds");
        if (expiresIn is <= 0 or > MaxExpirySeconds) throw WalletErrors.Validation($"'expiresInSeconds' must be between 1 and {MaxExpirySeconds}");

        var qr = new WalletQr
        {
            Id = state.NextQrId(),
            OwnerId = owner.Id,
            Amount = amount,
            TransferTypeId = type.Id,
            Description = body.String("description"),
            CreatedAt = state.Now,
            ExpiresAt = amount is null ? null : state.Now.AddSeconds(expiresIn ?? state.Rules.QrDefaultExpirySeconds),
        };
        qr.QrString = Encode(qr);
        state.Qrs[qr.Id] = qr;
        return WalletReply.Ok("QrCode", View(call, qr, withPayable: false), "QR code created");
    }

    private static WalletReply Pay(WalletCall call)
    {
        var state = call.State;
        var qr = Decode(state, call.Body.RequiredString("qrString"));
        switch (qr.StatusAt(state.Now))
        {
            case "EXPIRED": throw WalletErrors.Business("QR_EXPIRED", "QR code expired", $"QR code {qr.Id} has expired");
            case "USED": throw WalletErrors.Business("QR_ALREADY_USED", "QR code already used", $"QR code {qr.Id} was already paid");
        }
        if (qr.OwnerId == call.Member.Id) throw WalletErrors.Validation("You cannot pay your own QR code");
        if (qr.Amount is { } fixedAmount && call.Body.Amount() is { } sent && sent != fixedAmount)
            throw WalletErrors.InvalidAmount($"This QR code fixes the amount at {WalletMoney.Format(fixedAmount)}");

        var payment = WalletPayments.Prepare(call, PaymentFamily.Member, new PaymentOverrides(qr.TransferTypeId, state.Members[qr.OwnerId], qr.Amount));
        if (payment.Description is null) payment = payment with { Description = qr.Description ?? $"QR payment {qr.Id}" };
        var transfer = WalletPayments.Execute(call, payment);
        if (qr.Amount is not null) qr.Used = true;
        return WalletReply.Ok("ConfirmPaymentResult", WalletPayments.ConfirmPaymentResult(transfer), "QR payment processed");
    }

    private static object View(WalletCall call, WalletQr qr, bool withPayable)
    {
        string status = qr.StatusAt(call.Now);
        return new
        {
            id = qr.Id,
            qrString = qr.QrString,
            amount = qr.Amount,
            formattedAmount = qr.Amount is { } a ? WalletMoney.Format(a) : null,
            currency = WalletViews.Currency(),
            toMember = WalletViews.Member(call.State.Members[qr.OwnerId]),
            transferTypeId = qr.TransferTypeId,
            description = qr.Description,
            status,
            createdAt = qr.CreatedAt,
            expiresAt = qr.ExpiresAt,
            payable = withPayable ? status == "ACTIVE" && qr.OwnerId != call.Member.Id : (bool?)null,
        };
    }

    private static string Encode(WalletQr qr)
    {
        var content = new { id = qr.Id, m = qr.OwnerId, a = qr.Amount, c = WalletSeed.Currency.Id, t = qr.TransferTypeId };
        string middle = Base64Url(JsonSerializer.SerializeToUtf8Bytes(content, CompactJson));
        return $"{Prefix}.{middle}.{Checksum(middle)}";
    }

    /// <summary>Malformed or tampered strings are VALIDATION_ERROR; a well-formed but unknown code is 404.</summary>
    private static WalletQr Decode(WalletState state, string qrString)
    {
        var malformed = WalletErrors.Validation("The QR string is malformed or its checksum is wrong");
        string[] parts = qrString.Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || !string.Equals(parts[2], Checksum(parts[1]), StringComparison.OrdinalIgnoreCase))
            throw malformed;
        long id;
        try
        {
            using var doc = JsonDocument.Parse(FromBase64Url(parts[1]));
            id = doc.RootElement.GetProperty("id").GetInt64();
        }
        catch (Exception error) when (error is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw malformed;
        }
        if (!state.Qrs.TryGetValue(id, out var qr) || qr.QrString != qrString)
            throw WalletErrors.NotFound($"QR code {id} was not found");
        return qr;
    }

    private static string Checksum(string middle) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.ASCII.GetBytes(middle)))[..8];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
