using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Application.Documents;

/// <summary>The back-office view of one document: everything, drafts included, and the statuses it may move to.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetDocument(int Id) : IStaffRequest, IRequest<DocumentView>;

public sealed record DocumentLineView(
    int Position,
    string Description,
    decimal Quantity,
    decimal UnitPrice,
    decimal TaxRate,
    decimal NetAmount);

public sealed record DocumentPdfInfo(string FileName, long SizeBytes, DateTimeOffset UploadedAt);

public sealed record DocumentView(
    int Id,
    int ContactId,
    string ContactName,
    DocumentKind Kind,
    string Number,
    DateOnly IssuedOn,
    DateOnly? DueOn,
    string Currency,
    DocumentStatus Status,
    decimal NetAmount,
    decimal TaxAmount,
    decimal TotalAmount,
    IReadOnlyList<DocumentLineView> Lines,
    IReadOnlyList<TaxAmountByRate> Taxes,
    IReadOnlyList<DocumentStatus> NextStatuses,
    DocumentPdfInfo? Pdf,
    DateTimeOffset UpdatedAt)
{
    public bool IsDraft => Status == DocumentStatus.Draft;
}

public sealed class GetDocumentHandler(IReadRepository<Document> documents, IReadRepository<Contact> contacts)
    : IRequestHandler<GetDocument, DocumentView>
{
    public async ValueTask<DocumentView> Handle(GetDocument query, CancellationToken cancellationToken)
    {
        var d = await documents.FirstOrDefaultAsync(new DocumentViewSpec(query.Id), cancellationToken)
            ?? throw new NotFoundException("Document");
        var contactName = await contacts.FirstOrDefaultAsync(new ContactNameSpec(d.ContactId), cancellationToken) ?? "";
        return d with
        {
            ContactName = contactName,
            Taxes = Document.TaxesByRate(d.Lines.Select(l => (l.TaxRate, l.NetAmount))),
            NextStatuses = Document.NextStatuses(d.Kind, d.Status),
        };
    }
}

public sealed class DocumentViewSpec : Specification<Document, DocumentView>
{
    public DocumentViewSpec(int id)
    {
        Query.Where(d => d.Id == id).AsNoTracking();
        Query.Select(d => new DocumentView(
            d.Id, d.ContactId, "", d.Kind, d.Number, d.IssuedOn, d.DueOn, d.Currency, d.Status, d.NetAmount, d.TaxAmount, d.TotalAmount,
            d.Lines.OrderBy(l => l.Position)
                .Select(l => new DocumentLineView(l.Position, l.Description, l.Quantity, l.UnitPrice, l.TaxRate, l.NetAmount)).ToList(),
            new List<TaxAmountByRate>(),
            new List<DocumentStatus>(),
            d.Pdf != null ? new DocumentPdfInfo(d.Pdf.FileName, d.Pdf.SizeBytes, d.Pdf.UploadedAt) : null,
            d.UpdatedAt));
    }
}

public sealed class ContactNameSpec : Specification<Contact, string>
{
    public ContactNameSpec(int contactId)
    {
        Query.Where(c => c.Id == contactId).AsNoTracking();
        Query.Select(c => c.Name);
    }
}

/// <summary>The documents of one contact for its back-office page, newest first, drafts included.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListContactDocuments(int ContactId) : IStaffRequest, IRequest<IReadOnlyList<DocumentListItem>>;

public sealed record DocumentListItem(
    int Id, DocumentKind Kind, string Number, DateOnly IssuedOn, DateOnly? DueOn, DocumentStatus Status, decimal TotalAmount,
    string Currency, bool HasPdf);

public sealed class ListContactDocumentsHandler(IReadRepository<Document> documents)
    : IRequestHandler<ListContactDocuments, IReadOnlyList<DocumentListItem>>
{
    public async ValueTask<IReadOnlyList<DocumentListItem>> Handle(ListContactDocuments query, CancellationToken cancellationToken) =>
        await documents.ListAsync(new ContactDocumentsSpec(query.ContactId), cancellationToken);
}

public sealed class ContactDocumentsSpec : Specification<Document, DocumentListItem>
{
    public ContactDocumentsSpec(int contactId)
    {
        Query.Where(d => d.ContactId == contactId).OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).AsNoTracking();
        Query.Select(d => new DocumentListItem(d.Id, d.Kind, d.Number, d.IssuedOn, d.DueOn, d.Status, d.TotalAmount, d.Currency,
            d.Pdf != null));
    }
}
