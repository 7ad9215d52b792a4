using Microsoft.EntityFrameworkCore;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// One compiled statement from the user's row: who they are as a viewer and, per kind, a bounded count of their own
/// documents and of their company's, each read from the index on (ContactId, Kind, Status), so the cost stays the same
/// however many documents a company has. The company's counts are taken whatever kinds the viewer sees; which of them
/// count is decided by <see cref="DocumentVisibility"/>, so there is no second copy of the rule in SQL. My Account runs
/// it on every visit: compiled and without an OR between the contact and the company, SQLite prepares and plans it in a
/// fraction of the time the viewer lookup and a filtered count took as two statements.
/// </summary>
internal sealed class DocumentKindCounter(PortalDbContext db) : IDocumentKindCounter
{
    /// <summary>
    /// A constant in the SQL, not a parameter: SQLite recompiles a statement on every run after a LIMIT's parameter is
    /// bound (it plans with the limit's value), which made running the kept, prepared statement cost as much as
    /// preparing it anew (about 130 µs instead of 7 µs here).
    /// </summary>
    private const int Limit = IDocumentKindCounter.CountedUpTo;

    private static readonly Func<PortalDbContext, int, CancellationToken, Task<Row?>> CountQuery =
        EF.CompileAsyncQuery((PortalDbContext db, int userId, CancellationToken _) =>
            db.PortalUsers.AsNoTracking()
                .Where(u => u.Id == userId && u.State == PortalAccessState.Active)
                .Select(u => new Row
                {
                    ContactId = u.ContactId,
                    CompanyId = u.Contact.CompanyId,
                    CompanyKinds = u.CompanyDocumentKinds,
                    OwnQuotations = db.Documents.Where(d => d.ContactId == u.ContactId && d.Kind == DocumentKind.Quotation
                        && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    OwnSalesOrders = db.Documents.Where(d => d.ContactId == u.ContactId && d.Kind == DocumentKind.SalesOrder
                        && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    OwnInvoices = db.Documents.Where(d => d.ContactId == u.ContactId && d.Kind == DocumentKind.Invoice
                        && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    OwnCreditNotes = db.Documents.Where(d => d.ContactId == u.ContactId && d.Kind == DocumentKind.CreditNote
                        && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    CompanyQuotations = db.Documents.Where(d => d.ContactId == u.Contact.CompanyId
                        && d.Kind == DocumentKind.Quotation && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    CompanySalesOrders = db.Documents.Where(d => d.ContactId == u.Contact.CompanyId
                        && d.Kind == DocumentKind.SalesOrder && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    CompanyInvoices = db.Documents.Where(d => d.ContactId == u.Contact.CompanyId
                        && d.Kind == DocumentKind.Invoice && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                    CompanyCreditNotes = db.Documents.Where(d => d.ContactId == u.Contact.CompanyId
                        && d.Kind == DocumentKind.CreditNote && d.Status != DocumentStatus.Draft).Take(Limit).Count(),
                })
                .FirstOrDefault());

    public async Task<ViewerDocumentCounts?> CountAsync(int userId, CancellationToken cancellationToken)
    {
        if (await CountQuery(db, userId, cancellationToken) is not { } row) return null;
        // A kind added to the domain is added here too: a functional test shows a tile of every kind.
        return new ViewerDocumentCounts(
            new DocumentViewer(row.ContactId, row.CompanyId, row.CompanyKinds),
            new Dictionary<DocumentKind, OwnAndCompanyCount>
            {
                [DocumentKind.Quotation] = new(row.OwnQuotations, row.CompanyQuotations),
                [DocumentKind.SalesOrder] = new(row.OwnSalesOrders, row.CompanySalesOrders),
                [DocumentKind.Invoice] = new(row.OwnInvoices, row.CompanyInvoices),
                [DocumentKind.CreditNote] = new(row.OwnCreditNotes, row.CompanyCreditNotes),
            });
    }

    private sealed class Row
    {
        public int ContactId { get; init; }
        public int? CompanyId { get; init; }
        public DocumentKindSet CompanyKinds { get; init; }
        public int OwnQuotations { get; init; }
        public int OwnSalesOrders { get; init; }
        public int OwnInvoices { get; init; }
        public int OwnCreditNotes { get; init; }
        public int CompanyQuotations { get; init; }
        public int CompanySalesOrders { get; init; }
        public int CompanyInvoices { get; init; }
        public int CompanyCreditNotes { get; init; }
    }
}
