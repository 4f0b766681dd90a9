using System.Net;
using System.Net.Http.Headers;

namespace PayNet.Sandbox.Tests.Wallet;

/// <summary>KYC documents (§6.12) and agreements (§6.10).</summary>
public sealed class WalletDocumentAgreementTests : WalletTestBase
{
    public WalletDocumentAgreementTests(WalletFixture fixture) : base(fixture) { }

    private static MultipartFormDataContent Upload(int bytes, string fileName, string? contentType, string? category = "ID_CARD", string? description = "Front side")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[bytes]);
        if (contentType is not null) file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (category is not null) form.Add(new StringContent(category), "category");
        if (description is not null) form.Add(new StringContent(description), "description");
        return form;
    }

    [Fact]
    public async Task A_document_is_uploaded_listed_and_reviewed()
    {
        var jhon = await Wallet.Login();
        var document = (await jhon.Post("members/self/documents", Upload(2048, "passport.jpg", "image/jpeg"))).AssertSuccess().Payload("Document");
        Assert.Equal(60001, document.GetProperty("id").GetInt64());
        Assert.Equal("PENDING_REVIEW", document.GetProperty("status").GetString());
        Assert.Equal("passport.jpg", document.GetProperty("fileName").GetString());
        Assert.Equal("image/jpeg", document.GetProperty("contentType").GetString());
        Assert.Equal(2048, document.GetProperty("size").GetInt64());
        Assert.Equal("ID_CARD", document.GetProperty("category").GetString());
        Assert.Equal("Front side", document.GetProperty("description").GetString());
        Assert.Equal("2024-01-18T06:00:00.000+0000", document.GetProperty("uploadedAt").GetString());

        (await jhon.Post("members/self/documents", Upload(10, "statement.PDF", "application/octet-stream", description: null))).AssertSuccess();
        var list = (await jhon.Get("members/self/documents")).AssertSuccess().Payload("Documents");
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("application/pdf", list[1].GetProperty("contentType").GetString());

        await Wallet.Control("documents/60001/approve");
        await Wallet.Control("documents/60002/reject");
        Assert.Equal("APPROVED", (await jhon.Get("members/self/documents/60001")).AssertSuccess().Payload("Document").GetProperty("status").GetString());
        Assert.Equal("REJECTED", (await jhon.Get("members/self/documents/60002")).AssertSuccess().Payload("Document").GetProperty("status").GetString());
        await Wallet.Control("documents/60009/approve", expected: HttpStatusCode.NotFound);

        var avatar = await Wallet.Login("86888", "5678");
        (await avatar.Get("members/self/documents/60001")).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
        Assert.Equal(0, (await avatar.Get("members/self/documents")).Payload("Documents").GetArrayLength());
    }

    [Theory]
    [InlineData(5 * 1024 * 1024 + 1, "big.png", "image/png", "ID_CARD")]
    [InlineData(100, "notes.txt", "text/plain", "ID_CARD")]
    [InlineData(100, "script.exe", "application/octet-stream", "ID_CARD")]
    [InlineData(0, "empty.png", "image/png", "ID_CARD")]
    [InlineData(100, "photo.png", "image/png", null)]
    public async Task Uploads_outside_the_rules_are_400(int bytes, string fileName, string contentType, string? category)
    {
        var jhon = await Wallet.Login();
        (await jhon.Post("members/self/documents", Upload(bytes, fileName, contentType, category))).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(0, (await jhon.Get("members/self/documents")).Payload("Documents").GetArrayLength());
    }

    [Fact]
    public async Task A_5_MB_file_is_accepted_and_a_non_multipart_body_or_an_oversized_body_is_400()
    {
        var jhon = await Wallet.Login();
        (await jhon.Post("members/self/documents", Upload(5 * 1024 * 1024, "scan.pdf", "application/pdf"))).AssertSuccess();
        (await jhon.Post("members/self/documents", new { file = "x" })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await jhon.Post("members/self/documents", Upload(7 * 1024 * 1024, "huge.pdf", "application/pdf"))).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var form = new MultipartFormDataContent { { new StringContent("ID_CARD"), "category" } };
        (await jhon.Post("members/self/documents", form)).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Agreements_start_unaccepted_and_are_accepted_per_member()
    {
        var jhon = await Wallet.Login();
        var agreement = Assert.Single((await jhon.Get("agreements")).AssertSuccess().Payload("Agreements").EnumerateArray());
        Assert.Equal(1, agreement.GetProperty("id").GetInt64());
        Assert.Equal("Terms of Use", agreement.GetProperty("name").GetString());
        Assert.Equal("1.0", agreement.GetProperty("version").GetString());
        Assert.True(agreement.GetProperty("required").GetBoolean());
        Assert.False(agreement.GetProperty("accepted").GetBoolean());
        Assert.False(agreement.TryGetProperty("acceptedAt", out _));

        var accepted = (await jhon.Post("agreements/accept", new { agreementIds = new[] { "1" } })).AssertSuccess().Payload("Agreements")[0];
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        Assert.Equal("2024-01-18T06:00:00.000+0000", accepted.GetProperty("acceptedAt").GetString());

        var avatar = await Wallet.Login("86888", "5678");
        Assert.False((await avatar.Get("agreements")).Payload("Agreements")[0].GetProperty("accepted").GetBoolean());
        (await avatar.Post("agreements/accept", new { agreementIds = new[] { 1, 7 } })).AssertFailure(HttpStatusCode.NotFound, "ENTITY_NOT_FOUND");
        Assert.False((await avatar.Get("agreements")).Payload("Agreements")[0].GetProperty("accepted").GetBoolean());
        (await avatar.Post("agreements/accept", new { agreementIds = Array.Empty<int>() })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await avatar.Post("agreements/accept", new { agreementIds = 1 })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        (await avatar.Post("agreements/accept", new { })).AssertFailure(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}
