using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

/// <summary>One document the signed-in customer may see; any other id, real or not, is "not found".</summary>
public sealed record GetMyDocument(int Id) : IRequest<MyDocumentView>;

/// <summary>How an invoice stands for the customer.</summary>
public enum PaymentState { Open, Overdue, Paid }

public sealed record MyDocumentView(
    int Id,
    DocumentKind Kind,
    string Number,
    DateOnly IssuedOn,
    DateOnly? DueOn,
    string Currency,
    DocumentStatus Status,
    decimal NetAmount,
    decimal TaxAmount,
    decimal TotalAmount,
    bool HasPdf,
    IReadOnlyList<DocumentLineView> Lines,
    IReadOnlyList<TaxAmountByRate> Taxes,
    PaymentState? Payment);

public sealed class GetMyDocumentHandler(
    IReadRepository<PortalUser> users,
    IReadRepository<Document> documents,
    ICurrentUser currentUser,
    TimeProvider clock)
    : IRequestHandler<GetMyDocument, MyDocumentView>
{
    public async ValueTask<MyDocumentView> Handle(GetMyDocument query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        var d = await documents.FirstOrDefaultAsync(new MyDocumentSpec(viewer, query.Id), cancellationToken)
            ?? throw new NotFoundException("Document");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return d with
        {
            Taxes = Document.TaxesByRate(d.Lines.Select(l => (l.TaxRate, l.NetAmount))),
            Payment = PaymentStateOf(d.Kind, d.Status, d.DueOn, today),
        };
    }

    /// <summary>Invoices only: paid, or open — and overdue once the day after the due date has begun (UTC) while still open.</summary>
    public static PaymentState? PaymentStateOf(DocumentKind kind, DocumentStatus status, DateOnly? dueOn, DateOnly today) =>
        (kind, status) switch
        {
            (DocumentKind.Invoice, DocumentStatus.Paid) => PaymentState.Paid,
            (DocumentKind.Invoice, DocumentStatus.Sent) => dueOn < today ? PaymentState.Overdue : PaymentState.Open,
            _ => null,
        };
}

public sealed class MyDocumentSpec : Specification<Document, MyDocumentView>
{
    public MyDocumentSpec(DocumentViewer viewer, int id)
    {
        Query.VisibleTo(viewer).Where(d => d.Id == id).AsNoTracking();
        Query.Select(d => new MyDocumentView(
            d.Id, d.Kind, d.Number, d.IssuedOn, d.DueOn, d.Currency, d.Status, d.NetAmount, d.TaxAmount, d.TotalAmount, d.Pdf != null,
            d.Lines.OrderBy(l => l.Position)
                .Select(l => new DocumentLineView(l.Position, l.Description, l.Quantity, l.UnitPrice, l.TaxRate, l.NetAmount)).ToList(),
            new List<TaxAmountByRate>(),
            null));
    }
}

/// <summary>The PDF of a document the signed-in customer may see; the same rule as the page, so the same 404s.</summary>
public sealed record GetMyDocumentPdf(int Id) : IRequest<PdfDownload>;

public sealed class GetMyDocumentPdfHandler(
    IReadRepository<PortalUser> users,
    IReadRepository<Document> documents,
    ICurrentUser currentUser)
    : IRequestHandler<GetMyDocumentPdf, PdfDownload>
{
    public async ValueTask<PdfDownload> Handle(GetMyDocumentPdf query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        return await documents.FirstOrDefaultAsync(new MyDocumentPdfSpec(viewer, query.Id), cancellationToken)
            ?? throw new NotFoundException("PDF");
    }
}

public sealed class MyDocumentPdfSpec : Specification<Document, PdfDownload>
{
    public MyDocumentPdfSpec(DocumentViewer viewer, int id)
    {
        Query.VisibleTo(viewer).Where(d => d.Id == id && d.Pdf != null).AsNoTracking();
        Query.Select(d => new PdfDownload(DocumentFileNames.ForDownload(d.Kind, d.Number), d.Pdf!.Content));
    }
}
