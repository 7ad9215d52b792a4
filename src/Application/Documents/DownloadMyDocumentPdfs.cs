using System.IO.Compression;
using Ardalis.Specification;
using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

/// <summary>
/// The PDFs of the documents the customer ticked, as one ZIP. The ids are only a wish: a document the customer may not see,
/// or one without a PDF, is left out exactly as if it didn't exist; if nothing is left, the answer is "not found".
/// </summary>
public sealed record DownloadMyDocumentPdfs(IReadOnlyList<int> Ids) : IRequest<PdfArchive>
{
    /// <summary>Up to 50 PDFs of at most 10 MB each: the archive stays a download, not a backup.</summary>
    public const int MaxDocuments = 50;
}

/// <summary>A ZIP of PDFs in a temporary file that deletes itself when <see cref="Content"/> is disposed.</summary>
public sealed record PdfArchive(string FileName, Stream Content, int Count);

public sealed class DownloadMyDocumentPdfsValidator : AbstractValidator<DownloadMyDocumentPdfs>
{
    public DownloadMyDocumentPdfsValidator()
    {
        RuleFor(c => c.Ids).NotEmpty().WithMessage("Please select at least one document.")
            .Must(ids => ids.Distinct().Count() <= DownloadMyDocumentPdfs.MaxDocuments)
            .WithMessage("You can download at most {0} documents at once.", DownloadMyDocumentPdfs.MaxDocuments);
    }
}

public sealed class DownloadMyDocumentPdfsHandler(
    IReadRepository<PortalUser> users,
    IReadRepository<Document> documents,
    ICurrentUser currentUser)
    : IRequestHandler<DownloadMyDocumentPdfs, PdfArchive>
{
    public async ValueTask<PdfArchive> Handle(DownloadMyDocumentPdfs query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        var wanted = await documents.ListAsync(new MyDocumentsWithPdfSpec(viewer, query.Ids.Distinct().ToList()), cancellationToken);
        if (wanted.Count == 0) throw new NotFoundException("PDF");

        // On disk, not in memory: 50 PDFs of 10 MB would otherwise sit in the server's memory until the download ends.
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"portal-pdfs-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var count = 0;
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                // One PDF at a time, through the single download's own query and rule.
                foreach (var id in wanted)
                {
                    if (await documents.FirstOrDefaultAsync(new MyDocumentPdfSpec(viewer, id), cancellationToken) is not { } pdf) continue;
                    var name = names.Add(pdf.FileName) ? pdf.FileName : $"{Path.GetFileNameWithoutExtension(pdf.FileName)}-{id}.pdf";
                    names.Add(name);
                    await using var entry = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellationToken);
                    await entry.WriteAsync(pdf.Content, cancellationToken);
                    count++;
                }
            }
            if (count == 0) throw new NotFoundException("PDF");
            file.Position = 0;
            return new PdfArchive("documents.zip", file, count);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}

/// <summary>Which of <paramref name="ids"/> the viewer may see and have a PDF, in number order.</summary>
public sealed class MyDocumentsWithPdfSpec : Specification<Document, int>
{
    public MyDocumentsWithPdfSpec(DocumentViewer viewer, IReadOnlyList<int> ids)
    {
        Query.VisibleTo(viewer).Where(d => ids.Contains(d.Id) && d.Pdf != null).OrderBy(d => d.Number).ThenBy(d => d.Id).AsNoTracking();
        Query.Select(d => d.Id);
    }
}
