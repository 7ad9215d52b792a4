using Ardalis.Specification;
using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Application.Documents;

/// <summary>
/// Attaches a PDF to a document, replacing the one it had. The content is checked to be a PDF of at most 10 MB. With
/// <see cref="UnchangedSince"/> (the <c>UpdatedAt</c> the caller read), a change made by someone else since (another PDF, a
/// status move) is refused as a clash.
/// </summary>
[RequiresPermission(StaffPermission.ManageDocuments)]
public sealed record AttachDocumentPdf(int Id, string? FileName, byte[] Content, DateTimeOffset? UnchangedSince = null)
    : IStaffRequest, IRequest<Unit>;

public sealed class AttachDocumentPdfValidator : AbstractValidator<AttachDocumentPdf>
{
    public AttachDocumentPdfValidator()
    {
        RuleFor(c => c.Content).NotEmpty().WithMessage(DomainErrors.DocumentPdfEmpty.Message)
            .Must(c => c.LongLength <= DocumentFile.MaxSizeBytes).WithMessage(DomainErrors.DocumentPdfTooLarge)
            // Only the signature check waits for a size worth reading; a condition on the whole chain would skip the two before it.
            .Must(c => PdfContent.LooksLikePdf(c))
            .When(c => c.Content.Length > 0 && c.Content.LongLength <= DocumentFile.MaxSizeBytes, ApplyConditionTo.CurrentValidator)
            .WithMessage(DomainErrors.DocumentPdfInvalid.Message);
    }
}

public sealed class AttachDocumentPdfHandler(
    IRepository<Document> documents, IUnitOfWork unitOfWork, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<AttachDocumentPdf, Unit>
{
    public async ValueTask<Unit> Handle(AttachDocumentPdf command, CancellationToken cancellationToken)
    {
        var document = await documents.FirstOrDefaultAsync(new DocumentWithPdfSpec(command.Id), cancellationToken)
            ?? throw new NotFoundException("Document");
        ConflictException.ThrowIfChangedSince(command.UnchangedSince, document.UpdatedAt);
        document.AttachPdf(command.FileName ?? "", command.Content, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

[RequiresPermission(StaffPermission.ManageDocuments)]
public sealed record RemoveDocumentPdf(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class RemoveDocumentPdfHandler(
    IRepository<Document> documents, IUnitOfWork unitOfWork, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<RemoveDocumentPdf, Unit>
{
    public async ValueTask<Unit> Handle(RemoveDocumentPdf command, CancellationToken cancellationToken)
    {
        var document = await documents.FirstOrDefaultAsync(new DocumentWithPdfSpec(command.Id), cancellationToken)
            ?? throw new NotFoundException("Document");
        document.RemovePdf(clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>A document's PDF as a download: the bytes and a file name that is safe in any Content-Disposition header.</summary>
public sealed record PdfDownload(string FileName, byte[] Content);

/// <summary>The back office's download of any document's PDF, drafts included.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetDocumentPdf(int Id) : IStaffRequest, IRequest<PdfDownload>;

public sealed class GetDocumentPdfHandler(IReadRepository<Document> documents) : IRequestHandler<GetDocumentPdf, PdfDownload>
{
    public async ValueTask<PdfDownload> Handle(GetDocumentPdf query, CancellationToken cancellationToken) =>
        await documents.FirstOrDefaultAsync(new DocumentPdfSpec(query.Id), cancellationToken) ?? throw new NotFoundException("PDF");
}

public sealed class DocumentPdfSpec : Specification<Document, PdfDownload>
{
    public DocumentPdfSpec(int id)
    {
        Query.Where(d => d.Id == id && d.Pdf != null).AsNoTracking();
        Query.Select(d => new PdfDownload(DocumentFileNames.ForDownload(d.Kind, d.Number), d.Pdf!.Content));
    }
}

public static class DocumentFileNames
{
    /// <summary>"invoice-RE-2026-001.pdf": built from kind and number, never from what was uploaded, and ASCII only.</summary>
    public static string ForDownload(DocumentKind kind, string number)
    {
        var prefix = kind switch
        {
            DocumentKind.Quotation => "quotation",
            DocumentKind.SalesOrder => "sales-order",
            DocumentKind.Invoice => "invoice",
            _ => "credit-note",
        };
        var safe = new string(number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray())
            .Trim('.', '-');
        return safe.Length == 0 ? prefix + ".pdf" : $"{prefix}-{safe}.pdf";
    }
}
