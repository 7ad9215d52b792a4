using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

public enum MyDocumentSort { Date, Number, Amount }

/// <summary>The signed-in customer's documents (own and company's, never drafts), filtered, sorted and paged.</summary>
public sealed record ListMyDocuments(
    DocumentKind? Kind = null,
    DocumentStatus? Status = null,
    MyDocumentSort Sort = MyDocumentSort.Date,
    bool Descending = true,
    int Page = 1) : IRequest<PagedList<MyDocumentListItem>>
{
    public const int PageSize = 25;
}

public sealed record MyDocumentListItem(
    int Id, DocumentKind Kind, string Number, DateOnly IssuedOn, DateOnly? DueOn, DocumentStatus Status, decimal TotalAmount,
    string Currency, bool HasPdf);

public sealed class ListMyDocumentsHandler(IReadRepository<PortalUser> users, IReadRepository<Document> documents, ICurrentUser currentUser)
    : IRequestHandler<ListMyDocuments, PagedList<MyDocumentListItem>>
{
    public async ValueTask<PagedList<MyDocumentListItem>> Handle(ListMyDocuments query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        return await documents.PageAsync(page => new MyDocumentListSpec(viewer, query, page), query.Page, ListMyDocuments.PageSize,
            cancellationToken);
    }
}

public sealed class MyDocumentListSpec : Specification<Document, MyDocumentListItem>
{
    public MyDocumentListSpec(DocumentViewer viewer, ListMyDocuments query, int page)
    {
        Query.VisibleTo(viewer).AsNoTracking();
        if (query.Kind is { } kind) Query.Where(d => d.Kind == kind);
        if (query.Status is { } status) Query.Where(d => d.Status == status);

        // Id as the last key keeps paging stable when the sort key has ties.
        switch (query.Sort, query.Descending)
        {
            case (MyDocumentSort.Number, false): Query.OrderBy(d => d.Number).ThenBy(d => d.Id); break;
            case (MyDocumentSort.Number, true): Query.OrderByDescending(d => d.Number).ThenByDescending(d => d.Id); break;
            case (MyDocumentSort.Amount, false): Query.OrderBy(d => d.TotalAmount).ThenBy(d => d.Id); break;
            case (MyDocumentSort.Amount, true): Query.OrderByDescending(d => d.TotalAmount).ThenByDescending(d => d.Id); break;
            case (_, false): Query.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id); break;
            default: Query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id); break;
        }

        Query.Skip((page - 1) * ListMyDocuments.PageSize).Take(ListMyDocuments.PageSize);
        Query.Select(d => new MyDocumentListItem(d.Id, d.Kind, d.Number, d.IssuedOn, d.DueOn, d.Status, d.TotalAmount, d.Currency,
            d.Pdf != null));
    }
}
