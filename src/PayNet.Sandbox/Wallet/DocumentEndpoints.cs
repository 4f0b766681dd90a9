namespace PayNet.Sandbox.Wallet;

/// <summary>KYC documents (§6.12, §11.11): multipart upload of jpg/png/pdf up to 5 MB, kept in memory for review.</summary>
internal static class DocumentEndpoints
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, string> ContentTypeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".pdf"] = "application/pdf",
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.Post("/members/self/documents", WalletAuth.Session, Upload, WalletBodyKind.Multipart);
        api.Get("/members/self/documents", WalletAuth.Session, call => WalletReply.Ok("Documents",
            call.State.Documents.Values.Where(d => d.MemberId == call.Member.Id).Select(View).ToArray()));
        api.Get("/members/self/documents/{id:long}", WalletAuth.Session, call =>
        {
            long id = call.RouteId("id", "Document");
            var document = call.State.Documents.GetValueOrDefault(id);
            if (document is null || document.MemberId != call.Member.Id) throw WalletErrors.NotFound($"Document {id} was not found");
            return WalletReply.Ok("Document", View(document));
        });
    }

    private static WalletReply Upload(WalletCall call)
    {
        if (call.ReadProblem is { } problem) throw WalletErrors.Validation(problem);
        var form = call.Form!;
        var file = form.Files.GetFile("file") ?? throw WalletErrors.Validation("The form field 'file' is required");
        if (file.Length == 0) throw WalletErrors.Validation("The uploaded file is empty");
        if (file.Length > MaxBytes) throw WalletErrors.Validation("The file is larger than 5 MB");
        string contentType = AcceptedContentType(file) ?? throw WalletErrors.Validation("Only jpg, png and pdf files are accepted");
        string? category = form["category"];
        if (string.IsNullOrWhiteSpace(category)) throw WalletErrors.Validation("The form field 'category' is required");
        string? description = form["description"];

        var state = call.State;
        var document = new WalletDocument
        {
            Id = state.NextDocumentId(),
            MemberId = call.Member.Id,
            Category = category.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            FileName = Path.GetFileName(file.FileName),
            ContentType = contentType,
            Size = file.Length,
            UploadedAt = state.Now,
        };
        state.Documents[document.Id] = document;
        return WalletReply.Ok("Document", View(document), "Document uploaded");
    }

    /// <summary>The part's declared type when it is one of the three; a generic type falls back to the extension.</summary>
    private static string? AcceptedContentType(IFormFile file)
    {
        string declared = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (declared == "image/jpg") declared = "image/jpeg";
        if (ContentTypeByExtension.ContainsValue(declared)) return declared;
        bool generic = declared is "" or "application/octet-stream";
        return generic && ContentTypeByExtension.TryGetValue(Path.GetExtension(file.FileName ?? ""), out var byExtension) ? byExtension : null;
    }

    public static object View(WalletDocument d) => new
    {
        id = d.Id,
        category = d.Category,
        description = d.Description,
        fileName = d.FileName,
        contentType = d.ContentType,
        size = d.Size,
        status = d.Status,
        uploadedAt = d.UploadedAt,
        reviewedAt = d.ReviewedAt,
    };
}
