using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Wallet;

/// <summary>Add-PayNetDocument checks the file before uploading; Get-PayNetDocument lists what was uploaded.</summary>
public sealed class DocumentTests : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly byte[] PngHeader = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 };

    private readonly SandboxFixture _sandbox;
    private readonly string _folder = Directory.CreateTempSubdirectory("paynet-docs-").FullName;

    public DocumentTests(SandboxFixture sandbox) => _sandbox = sandbox;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, byte[] content)
    {
        string path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    private async Task<PwshSession> FreshAsync()
    {
        await _sandbox.ResetAsync();
        return _sandbox.Connect();
    }

    private static IReadOnlyList<WalletDocument> Uploaded(PwshSession store) =>
        WalletTestKit.Run(store, "Get-PayNetDocument", null).OutputOf<WalletDocument>().ToList();

    [Fact]
    public async Task A_real_PNG_is_uploaded_under_ShouldProcess_and_listed()
    {
        var store = await FreshAsync();
        string path = File("passport.png", PngHeader.Concat(new byte[2048]).ToArray());
        var host = WalletTestKit.Run(store, "Add-PayNetDocument", new { Path = path, Category = "PASSPORT", Description = "Front page" });

        Assert.Empty(host.Errors);
        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("passport.png", target);
        Assert.Contains("PASSPORT", target);
        Assert.Equal("Upload KYC document", action);
        var document = Assert.IsType<WalletDocument>(Assert.Single(host.Output));
        Assert.Equal("image/png", document.ContentType);
        Assert.Equal("passport.png", document.FileName);
        Assert.Equal(PngHeader.Length + 2048, document.Size);
        Assert.Equal(WalletDocumentState.PendingReview, document.State);

        Assert.Equal(document.Id, Assert.Single(Uploaded(store)).Id);
        var byId = WalletTestKit.Run(store, "Get-PayNetDocument", new { Id = document.Id });
        Assert.Equal("PASSPORT", Assert.IsType<WalletDocument>(Assert.Single(byId.Output)).Category);
    }

    [Fact]
    public async Task Bad_files_are_refused_before_anything_is_sent_and_the_next_file_is_still_uploaded()
    {
        var store = await FreshAsync();
        var client = store.DefaultConnection(PayNetApi.Wallet)!.WalletClient;
        _ = Uploaded(store);
        int callsBefore = client.CallsToday;
        var files = new[]
        {
            Path.Combine(_folder, "missing.pdf"),
            File("notes.txt", "hello"u8.ToArray()),
            File("renamed.pdf", PngHeader),
            File("empty.jpg", Array.Empty<byte>()),
            File("huge.pdf", "%PDF-"u8.ToArray().Concat(new byte[5 * 1024 * 1024]).ToArray()),
            File("statement.pdf", "%PDF-1.7\n"u8.ToArray()),
        };

        var host = WalletTestKit.Pipeline(store, "Add-PayNetDocument", new { Category = "PROOF_OF_ADDRESS" },
            files.Select(f => new { Path = f }));

        Assert.Collection(host.Errors,
            e => AssertFileError(e, ErrorCategory.ObjectNotFound, files[0]),
            e => AssertFileError(e, ErrorCategory.InvalidType, files[1]),
            e => AssertFileError(e, ErrorCategory.InvalidType, files[2]),
            e => AssertFileError(e, ErrorCategory.InvalidData, files[3]),
            e => AssertFileError(e, ErrorCategory.LimitsExceeded, files[4]));
        Assert.Equal("statement.pdf", Assert.IsType<WalletDocument>(Assert.Single(host.Output)).FileName);
        Assert.Single(host.ShouldProcessCalls);
        Assert.Equal(callsBefore + 1, client.CallsToday);
    }

    [Fact]
    public async Task WhatIf_uploads_nothing()
    {
        var store = await FreshAsync();
        string path = File("id.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
        var host = WalletTestKit.Run(store, "Add-PayNetDocument", new { Path = path, Category = "ID" }, h => h.WhatIf = true);
        Assert.Single(host.ShouldProcessCalls);
        Assert.Empty(host.Output);
        Assert.Empty(Uploaded(store));
    }

    [Fact]
    public async Task An_unknown_document_id_is_not_found()
    {
        var store = await FreshAsync();
        var host = WalletTestKit.Run(store, "Get-PayNetDocument", new { Id = 69999 });
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.NotFound, error.ErrorId);
        Assert.Equal(69999L, error.TargetObject);
    }

    private static void AssertFileError(ErrorRecord error, ErrorCategory category, string path)
    {
        Assert.Equal(ErrorIds.InvalidFile, error.ErrorId);
        Assert.Equal(category, error.Category);
        Assert.Equal(path, error.TargetObject);
    }
}
