using Microsoft.EntityFrameworkCore;
using Portal.Application.Documents;
using Portal.Domain.Documents;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// One statement with a bounded count per kind, each read from the index on (ContactId, Kind, Status): the cost stays
/// the same however many documents a company has.
/// </summary>
internal sealed class DocumentKindCounter(PortalDbContext db) : IDocumentKindCounter
{
    public async Task<IReadOnlyDictionary<DocumentKind, int>> CountUpToAsync(
        DocumentViewer viewer, int limit, CancellationToken cancellationToken)
    {
        var visible = db.Documents.Where(DocumentVisibility.Rule(viewer));
        var counts = await db.Contacts.Where(c => c.Id == viewer.ContactId)
            .Select(_ => new
            {
                Quotations = visible.Where(d => d.Kind == DocumentKind.Quotation).Take(limit).Count(),
                SalesOrders = visible.Where(d => d.Kind == DocumentKind.SalesOrder).Take(limit).Count(),
                Invoices = visible.Where(d => d.Kind == DocumentKind.Invoice).Take(limit).Count(),
                CreditNotes = visible.Where(d => d.Kind == DocumentKind.CreditNote).Take(limit).Count(),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (counts is null) return new Dictionary<DocumentKind, int>();
        // A kind added to the domain is added here too: a functional test shows a tile of every kind.
        return new Dictionary<DocumentKind, int>
        {
            [DocumentKind.Quotation] = counts.Quotations,
            [DocumentKind.SalesOrder] = counts.SalesOrders,
            [DocumentKind.Invoice] = counts.Invoices,
            [DocumentKind.CreditNote] = counts.CreditNotes,
        };
    }
}
