using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PayNet.Core.Http;
using PayNet.Core.Wallet.Wire;

namespace PayNet.Core.Wallet
{
    public sealed partial class WalletClient
    {
        /// <summary>Uploads a KYC document (§6.12) as multipart form data; read fully first so a session renewal can resend it.</summary>
        public async Task<WalletDocument> UploadDocumentAsync(Stream content, string fileName, string contentType, string category,
            string? description = null, CancellationToken cancellationToken = default)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > Settings.MaxDocumentBytes) throw TooLarge();
                }
                return await UploadDocumentAsync(buffer.ToArray(), fileName, contentType, category, description, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<WalletDocument> UploadDocumentAsync(byte[] content, string fileName, string contentType, string category,
            string? description = null, CancellationToken cancellationToken = default)
        {
            const string operation = "UploadDocument";
            if (content is null || content.Length == 0) throw Invalid(operation, "The document is empty.");
            if (content.Length > Settings.MaxDocumentBytes) throw TooLarge();
            if (string.IsNullOrWhiteSpace(fileName)) throw Invalid(operation, "A file name is required.");
            if (string.IsNullOrWhiteSpace(category)) throw Invalid(operation, "A document category is required.");
            if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)) throw Invalid(operation, $"'{contentType}' is not a content type.");

            var file = new ByteArrayContent(content);
            file.Headers.ContentType = mediaType;
            var form = new MultipartFormDataContent
            {
                { file, "file", System.IO.Path.GetFileName(fileName.Trim()) },
                { new StringContent(category.Trim()), "category" },
            };
            if (!string.IsNullOrWhiteSpace(description)) form.Add(new StringContent(description!.Trim()), "description");
            var envelope = await CallOnceAsync(HttpMethod.Post, Settings.Routes.Documents, null, operation, fileName, cancellationToken, content: form).ConfigureAwait(false);
            var dto = envelope.Read<DocumentDto>("Document") ?? throw MissingPayload(operation, envelope);
            return _mapper.Document(dto);
        }

        public async Task<IReadOnlyList<WalletDocument>> GetDocumentsAsync(CancellationToken cancellationToken = default)
        {
            var envelope = await CallAsync(HttpMethod.Get, Settings.Routes.Documents, null, "GetDocuments", CallKind.Read, cancellationToken).ConfigureAwait(false);
            return envelope.ReadList<DocumentDto>("Documents").Select(_mapper.Document).ToList();
        }

        public async Task<WalletDocument> GetDocumentAsync(long documentId, CancellationToken cancellationToken = default)
        {
            const string operation = "GetDocument";
            if (documentId <= 0) throw Invalid(operation, $"Document id {documentId} is not valid.");
            var envelope = await CallAsync(HttpMethod.Get, $"{Settings.Routes.Documents}/{documentId}", null, operation, CallKind.Read, cancellationToken).ConfigureAwait(false);
            var dto = envelope.Read<DocumentDto>("Document") ?? throw MissingPayload(operation, envelope);
            return _mapper.Document(dto);
        }

        private PayNetException TooLarge() =>
            Invalid("UploadDocument", $"The document is larger than {Settings.MaxDocumentBytes / (1024 * 1024)} MB.");
    }
}
