using System.Net;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>Registration with OTP (§6.2, §11.9, flow 1 of §12) and change PIN (§6.9).</summary>
public sealed class WalletRegistrationTests : WalletTestBase
{
    public WalletRegistrationTests(WalletFixture fixture) : base(fixture) { }

    private const string Mobile = "233249621938";

    private Task<WalletResponse> GenerateOtp(string medium = Mobile, string action = "Registration") =>
        Wallet.Post("members/registration/generate-otp", new { medium, actionType = action, otpToMobile = true });

    private async Task<string> VerifiedResource(string medium = Mobile)
    {
        (await GenerateOtp(medium)).AssertSuccess();
        var verified = (await Wallet.Post("members/registration/verify-otp", new { medium, otp = "123456" })).AssertSuccess();
        var payloadX = verified.Root.GetProperty("payloadX");
        Assert.Equal(medium, payloadX.GetProperty("medium").GetString());
        return payloadX.GetProperty("resourceId").GetString()!;
    }

    private static object Registration(string resourceId, string mobile = Mobile, string pin = "4321", string confirmPin = "4321", string email = "ama@example.com") =>
        new { resourceId, groupId = 5, name = "Ama Mensah", email, mobileNo = mobile, isMobile = true, pin, confirmPin };

    [Fact]
    public async Task Register_flow_creates_a_member_with_an_empty_wallet()
    {
        var sent = (await GenerateOtp()).AssertSuccess();
        Assert.Equal("OTP sent successfully", sent.Root.GetProperty("messages")[0].GetProperty("shortMessage").GetString());
        string resourceId = await VerifiedResource();
        Assert.Matches("^[0-9a-f]{32}$", resourceId);

        var registered = (await Wallet.Post("members/registration", Registration(resourceId))).AssertSuccess();
        var result = registered.Payload("RegistrationResult");
        Assert.Equal(6, result.GetProperty("memberId").GetInt64());
        Assert.Equal(Mobile, result.GetProperty("username").GetString());
        Assert.Equal(601, result.GetProperty("accounts")[0].GetProperty("id").GetInt64());

        var ama = await Wallet.Login(Mobile, "4321");
        Assert.Equal(0.00m, await ama.Balance());
        Assert.Equal("Ama Mensah", (await ama.Get("members/me")).Payload("Member").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_resource_id_is_single_use_and_bound_to_its_number()
    {
        string resourceId = await VerifiedResource();
        (await Wallet.Post("members/registration", Registration(resourceId, mobile: "233200000009"))).AssertFailure(HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID");
        (await Wallet.Post("members/registration", Registration(resourceId))).AssertSuccess();
        (await Wallet.Post("members/registration", Registration(resourceId))).AssertFailure(HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID");
        (await Wallet.Post("members/registration", Registration("made-up"))).AssertFailure(HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID");
    }

    [Fact]
    public async Task A_resource_id_expires_after_30_minutes()
    {
        string resourceId = await VerifiedResource();
        await Wallet.AdvanceMinutes(31);
        (await Wallet.Post("members/registration", Registration(resourceId))).AssertFailure(HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID");
    }

    [Fact]
    public async Task Registration_checks_PINs_email_and_required_fields()
    {
        string resourceId = await VerifiedResource();
        (await Wallet.Post("members/registration", Registration(resourceId, confirmPin: "9999"))).AssertFailure(HttpStatusCode.BadRequest, "PIN_MISMATCH");
        (await Wallet.Post("members/registration", Registration(resourceId, pin: "12", confirmPin: "12"))).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Post("members/registration", Registration(resourceId, pin: "12ab", confirmPin: "12ab"))).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Post("members/registration", Registration(resourceId, email: "not-an-email"))).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Post("members/registration", new { resourceId, groupId = 5 })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Post("members/registration", new { resourceId, groupId = "five", name = "x" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Post("members/registration", Registration(resourceId))).AssertSuccess(); // the failures did not spend it
    }

    [Fact]
    public async Task Registration_OTP_for_an_existing_member_and_verification_OTP_for_a_stranger_are_refused()
    {
        (await GenerateOtp("9555292137")).AssertFailure(HttpStatusCode.BadRequest, "MEMBER_ALREADY_EXISTS");
        (await GenerateOtp(Mobile, "Verification")).AssertFailure(HttpStatusCode.NotFound, "MEMBER_NOT_FOUND");
        (await GenerateOtp(Mobile, "Payment")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await GenerateOtp("+233 24")).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await Wallet.Post("members/registration/generate-otp", new { medium = Mobile, actionType = "Registration" }))
            .AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Registering_the_same_number_twice_is_MEMBER_ALREADY_EXISTS()
    {
        string first = await VerifiedResource();
        string second = await VerifiedResource();
        (await Wallet.Post("members/registration", Registration(first))).AssertSuccess();
        (await Wallet.Post("members/registration", Registration(second))).AssertFailure(HttpStatusCode.BadRequest, "MEMBER_ALREADY_EXISTS");
    }

    [Fact]
    public async Task An_OTP_allows_three_wrong_tries_expires_after_five_minutes_and_is_replaced_by_a_new_one()
    {
        (await GenerateOtp()).AssertSuccess();
        for (int i = 0; i < 3; i++)
            (await Wallet.Post("members/registration/verify-otp", new { medium = Mobile, otp = "000000" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
        (await Wallet.Post("members/registration/verify-otp", new { medium = Mobile, otp = "123456" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");

        (await GenerateOtp()).AssertSuccess();
        await Wallet.AdvanceMinutes(5);
        (await Wallet.Post("members/registration/verify-otp", new { medium = Mobile, otp = "123456" })).AssertFailure(HttpStatusCode.BadRequest, "OTP_EXPIRED");

        (await GenerateOtp()).AssertSuccess();
        (await Wallet.Post("members/registration/verify-otp", new { medium = Mobile, otp = "123456" })).AssertSuccess();
        (await Wallet.Post("members/registration/verify-otp", new { medium = Mobile, otp = "123456" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
    }

    [Fact]
    public async Task Random_OTPs_can_be_read_through_the_sandbox()
    {
        await using var server = await SandboxServer.StartAsync(o => o.Wallet.OtpFixedCode = "");
        using var wallet = new WalletClient(server);
        (await wallet.Post("members/registration/generate-otp", new { medium = Mobile, actionType = "Registration", otpToMobile = true })).AssertSuccess();
        var (status, last) = await wallet.ControlGet($"otp/last?medium={Mobile}");
        Assert.Equal(HttpStatusCode.OK, status);
        string code = last.GetProperty("otp").GetString()!;
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal("Registration", last.GetProperty("actionType").GetString());
        (await wallet.Post("members/registration/verify-otp", new { medium = Mobile, otp = code })).AssertSuccess();
        Assert.Equal(HttpStatusCode.NotFound, (await wallet.ControlGet("otp/last?medium=111")).Status);
    }

    [Fact]
    public async Task Change_PIN_takes_two_calls_and_keeps_only_the_calling_session()
    {
        var jhon = await Wallet.Login();
        var other = await Wallet.Login();
        var pins = new { oldPin = "1234", newPin = "4321", confirmPin = "4321" };
        var first = (await jhon.Post("members/self/pin", pins)).AssertSuccess();
        Assert.Equal("OTP sent successfully", first.Root.GetProperty("messages")[0].GetProperty("shortMessage").GetString());
        (await jhon.Post("members/self/pin", new { oldPin = "1234", newPin = "4321", confirmPin = "4321", otp = "999999" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
        (await jhon.Post("members/self/pin", new { oldPin = "1234", newPin = "4321", confirmPin = "4321", otp = "123456" })).AssertSuccess();

        (await jhon.Get("accounts")).AssertSuccess();
        WalletAuthTests.AssertExactSessionExpiredBody(await other.Get("accounts"));
        (await Wallet.LoginRaw("48889", "1234")).AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        await Wallet.Login("48889", "4321");
        await jhon.Pay(new { toMemberId = 3, amount = 1, transactionPin = "4321" });
    }

    [Fact]
    public async Task Change_PIN_refuses_a_wrong_old_PIN_and_mismatched_or_malformed_new_PINs()
    {
        var jhon = await Wallet.Login();
        (await jhon.Post("members/self/pin", new { oldPin = "0000", newPin = "4321", confirmPin = "4321" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_CREDENTIALS");
        (await jhon.Post("members/self/pin", new { oldPin = "1234", newPin = "4321", confirmPin = "4322" })).AssertFailure(HttpStatusCode.BadRequest, "PIN_MISMATCH");
        (await jhon.Post("members/self/pin", new { oldPin = "1234", newPin = "43", confirmPin = "43" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("members/self/pin", new { oldPin = "1234" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("members/self/pin", new { oldPin = "1234", newPin = "4321", confirmPin = "4321", otp = "123456" })).AssertFailure(HttpStatusCode.BadRequest, "INVALID_OTP");
        WalletAuthTests.AssertExactSessionExpiredBody(await Wallet.Post("members/self/pin", new { oldPin = "1234", newPin = "4321", confirmPin = "4321" }));
    }

    [Fact]
    public async Task Change_PIN_also_accepts_Basic_auth_and_the_misspelled_path()
    {
        var pins = new { oldPin = "5678", newPin = "8765", confirmPin = "8765" };
        (await Wallet.Post("member/self/pin", pins, configure: r => WalletClient.Basic(r, "86888", "5678"))).AssertSuccess();
        (await Wallet.Post("member/self/pin", new { oldPin = "5678", newPin = "8765", confirmPin = "8765", otp = "123456" },
            configure: r => WalletClient.Basic(r, "86888", "5678"))).AssertSuccess();
        await Wallet.Login("86888", "8765");
        (await Wallet.Post("member/self/pin", pins, configure: r => WalletClient.Basic(r, "86888", "5678")))
            .AssertFailure(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }
}
