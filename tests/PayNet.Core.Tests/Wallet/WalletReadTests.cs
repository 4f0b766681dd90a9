using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

public sealed class WalletReadTests
{
    [Fact]
    public async Task Statement_lines_parse_string_amounts_colonless_offsets_and_states()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts/default/history", WalletSpecExamples.HistoryPage(0, 50, 2,
            WalletSpecExamples.HistoryLine(90002, "-50.00", "PNPS-AAAA", status: "PENDING"),
            WalletSpecExamples.HistoryLine(90001, "200.00", null, status: "SOMETHING_NEW")));

        var lines = new List<WalletStatementLine>();
        await foreach (var line in kit.Client.GetStatementAsync()) lines.Add(line);

        Assert.Equal(2, lines.Count);
        var debit = lines[0];
        Assert.Equal(90002, debit.TransferId);
        Assert.Equal(-50.00m, debit.Amount);
        Assert.Equal("Debit", debit.Direction);
        Assert.Equal("USD", debit.Currency);
        Assert.Equal(WalletTransferState.Pending, debit.State);
        Assert.Equal("Pending", debit.StateName);
        Assert.Null(debit.ProcessTime);
        Assert.Equal(new DateTimeOffset(2024, 2, 18, 10, 15, 30, TimeSpan.Zero), debit.Time);
        Assert.Equal("PNPS-AAAA", ((IPayNetRecord)debit).Reference);
        Assert.Equal("Avatar S", debit.CounterpartyName);
        Assert.Equal(3, debit.CounterpartyId);
        Assert.Equal(14, debit.TransferTypeId);
        Assert.Equal("PN20240218000001", debit.TransactionNumber);
        Assert.Equal(WalletTransferState.Unknown, lines[1].State);
        Assert.Equal("SOMETHING_NEW", lines[1].StateName);
        Assert.Equal("Credit", lines[1].Direction);
    }

    [Fact]
    public async Task Statement_pages_are_requested_only_as_the_consumer_reads_on()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.On("/accounts/1001/history", request =>
        {
            int page = int.Parse(System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["currentPage"]!);
            var lines = Enumerable.Range(0, page < 2 ? 2 : 1).Select(i => WalletSpecExamples.HistoryLine(90100 - page * 2 - i, "-1.00", $"T{page}{i}")).ToArray();
            return FakeHandler.Json(200, WalletSpecExamples.HistoryPage(page, 2, 5, lines));
        });

        var taken = new List<WalletStatementLine>();
        await foreach (var line in kit.Client.GetStatementAsync(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), 1001, pageSize: 2))
        {
            taken.Add(line);
            if (taken.Count == 3) break;
        }
        Assert.Equal(2, kit.Fake.To("/accounts/1001/history").Count);
        Assert.Contains("beginDate=2024-02-01", kit.Fake.To("/accounts/1001/history")[0].Uri.Query);
        Assert.Contains("endDate=2024-02-29", kit.Fake.To("/accounts/1001/history")[0].Uri.Query);

        var all = new List<WalletStatementLine>();
        await foreach (var line in kit.Client.GetStatementAsync(accountId: 1001, pageSize: 2)) all.Add(line);
        Assert.Equal(5, all.Count);
        Assert.Equal(2 + 3, kit.Fake.To("/accounts/1001/history").Count);
        Assert.All(all, l => Assert.Equal(1001, l.AccountId));
    }

    [Fact]
    public async Task Registration_flow_reads_payloadX_and_the_registration_result()
    {
        using var kit = new WalletTestKit();
        kit.Fake.OnJson("/members/registration/generate-otp", """{ "status": true, "sessionExpired": false, "failed": false, "messages": [ { "shortMessage": "OTP sent successfully", "longMessage": "OTP sent successfully" } ] }""");
        kit.Fake.OnJson("/members/registration/verify-otp", """{ "status": true, "sessionExpired": false, "payloadX": { "medium": "233249621938", "resourceId": "5f0c2d7e9a8b4c1d8e2f3a4b5c6d7e8f" } }""");
        kit.Fake.OnJson("/members/registration", """{ "status": true, "payload": { "RegistrationResult": { "memberId": "6", "username": "233249621938", "accounts": [ { "id": 1006, "isDefault": true } ] } } }""");

        string? message = await kit.Client.GenerateOtpAsync("+233 249 621 938", WalletOtpAction.Registration);
        string resourceId = await kit.Client.VerifyOtpAsync("233249621938", "123456");
        var member = await kit.Client.RegisterAsync(new WalletRegistration(resourceId, "Ama Serwaa", "ama@example.com", "233249621938", new Security.SecretString("2468")));

        Assert.Equal("OTP sent successfully", message);
        Assert.Equal("5f0c2d7e9a8b4c1d8e2f3a4b5c6d7e8f", resourceId);
        Assert.Equal(6, member.Id);
        Assert.Equal("233249621938", member.Username);
        Assert.Equal(1006, member.DefaultAccountId);
        Assert.All(kit.Fake.Requests, r => Assert.Null(r.Header("Paynet-Session-Token")));
        Assert.DoesNotContain(kit.Fake.Requests, r => r.Path.EndsWith("/access/login"));
        var generate = WalletTestKit.Body(kit.Fake.Requests[0]);
        Assert.Equal("233249621938", generate.GetProperty("medium").GetString());
        Assert.Equal("Registration", generate.GetProperty("actionType").GetString());
        Assert.True(generate.GetProperty("otpToMobile").GetBoolean());
        var register = WalletTestKit.Body(kit.Fake.Requests[2]);
        Assert.Equal(5, register.GetProperty("groupId").GetInt32());
        Assert.Equal("2468", register.GetProperty("confirmPin").GetString());
    }

    [Fact]
    public async Task Change_pin_takes_two_steps_and_the_client_then_signs_in_with_the_new_pin()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/members/self/pin", """{ "status": true, "messages": [ { "shortMessage": "OK" } ] }""");
        var oldPin = new Security.SecretString(WalletTestKit.Pin);
        var newPin = new Security.SecretString("8642");

        Assert.Equal(WalletPinChangeOutcome.OtpSent, await kit.Client.ChangePinAsync(oldPin, newPin));
        Assert.Equal(WalletPinChangeOutcome.Changed, await kit.Client.ChangePinAsync(oldPin, newPin, "123456"));
        await kit.Client.LoginAsync();

        var steps = kit.Fake.To("/members/self/pin").Select(WalletTestKit.Body).ToArray();
        Assert.False(steps[0].TryGetProperty("otp", out _));
        Assert.Equal("123456", steps[1].GetProperty("otp").GetString());
        Assert.Equal("8642", steps[1].GetProperty("confirmPin").GetString());
        var lastLogin = kit.Fake.To("/access/login").Last();
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(WalletTestKit.Principal + ":8642")), lastLogin.Header("Authorization"));
    }

    [Fact]
    public async Task Documents_are_uploaded_as_multipart_form_data()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/members/self/documents", """{ "status": true, "payload": { "Document": { "id": 60001, "category": "ID", "fileName": "passport.png", "contentType": "image/png", "size": 4, "status": "PENDING_REVIEW", "uploadedAt": "2024-01-18T06:00:00.000+0000" } } }""");

        var document = await kit.Client.UploadDocumentAsync(new MemoryStream(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), "passport.png", "image/png", "ID", "Passport");

        Assert.Equal(60001, document.Id);
        Assert.Equal(WalletDocumentState.PendingReview, document.State);
        var upload = kit.Fake.To("/members/self/documents").Single();
        Assert.StartsWith("multipart/form-data", upload.Header("Content-Type"));
        Assert.Contains("name=file", upload.Body);
        Assert.Contains("filename=passport.png", upload.Body);
        Assert.Contains("Passport", upload.Body);
    }

    [Fact]
    public async Task Disputes_are_read_flat_with_their_state_and_paged()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/disputes", """
            { "status": true, "payload": { "DisputeResultPage": { "currentPage": 0, "pageSize": 50, "totalCount": 1, "elements": [
              { "id": 70001, "transferId": 90001, "reason": "WRONG_AMOUNT", "description": "Charged twice", "amount": "25.00", "status": "IN_REVIEW",
                "createdAt": "2024-01-18T06:00:00.000+0000", "comments": [ { "at": "2024-01-18T07:00:00.000+0000", "by": "support", "text": "Looking" } ] } ] } } }
            """);

        var disputes = new List<WalletDispute>();
        await foreach (var d in kit.Client.GetDisputesAsync(WalletDisputeState.InReview)) disputes.Add(d);

        var dispute = Assert.Single(disputes);
        Assert.Equal(WalletDisputeState.InReview, dispute.State);
        Assert.Equal(WalletDisputeReason.WrongAmount, dispute.Reason);
        Assert.Equal(25.00m, dispute.Amount);
        Assert.Equal("90001", dispute.Reference);
        Assert.Equal(1, dispute.CommentCount);
        Assert.Equal("Looking", dispute.LastComment);
        Assert.Contains("status=IN_REVIEW", kit.Fake.To("/disputes").Single().Uri.Query);
    }

    [Fact]
    public void Public_models_are_flat_for_Export_Csv()
    {
        var models = new[] { typeof(WalletPaymentQuote), typeof(WalletPaymentReceipt), typeof(WalletStatementLine), typeof(WalletAccount), typeof(WalletMember),
            typeof(WalletInitialData), typeof(WalletAgreement), typeof(WalletQrCode), typeof(WalletDocument), typeof(WalletDispute) };
        foreach (var model in models)
        {
            foreach (var property in model.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                bool flat = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset);
                Assert.True(flat, $"{model.Name}.{property.Name} is {type.Name}");
                Assert.DoesNotContain("Pin", property.Name);
                Assert.DoesNotContain("Token", property.Name);
            }
        }
    }
}
