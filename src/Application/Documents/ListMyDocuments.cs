using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

public enum MyDocumentSort { Date, Number, Amount }

/// <summary>
/// The signed-in customer's documents (own and company's, never drafts), filtered, sorted and paged. <paramref name="Number"/>
/// finds documents whose number contains it; <paramref name="Overdue"/> keeps open invoices past their due day.
/// </summary>
public sealed record ListMyDocuments(
    DocumentKind? Kind = null,
    DocumentStatus? Status = null,
    MyDocumentSort Sort = MyDocumentSort.Date,
    bool Descending = true,
    PageRequest? Paging = null,
    string? Number = null,
    bool Overdue = false) : IRequest<KeysetPage<MyDocumentListItem>>
{
    public const int PageSize = 25;
}

public sealed record MyDocumentListItem(
    int Id, DocumentKind Kind, string Number, DateOnly IssuedOn, DateOnly? DueOn, DocumentStatus Status, decimal TotalAmount,
    string Currency, bool HasPdf);

public sealed class ListMyDocumentsHandler(
    IReadRepository<PortalUser> users,
    IReadRepository<Document> documents,
    ICurrentUser currentUser,
    IListCounter counter,
    TimeProvider clock) : IRequestHandler<ListMyDocuments, KeysetPage<MyDocumentListItem>>
{
    public async ValueTask<KeysetPage<MyDocumentListItem>> Handle(ListMyDocuments query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        var order = MyDocumentListSpec.Order(query.Sort, query.Descending);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // One index range per contact whose documents the viewer sees: a database would sort all rows of "own OR company's".
        IReadOnlyList<int> sources = viewer.CompanyId is { } companyId ? [viewer.ContactId, companyId] : [viewer.ContactId];
        // Always filtered (by who is looking), so above the limit the count says "more than", never a table estimate.
        return await documents.KeysetPageAsync(order, query.Paging ?? PageRequest.First, ListMyDocuments.PageSize,
            position => sources.Select(source => new MyDocumentListSpec(viewer, query, order, position, source, today)).ToList(),
            new MyDocumentListSpec(viewer, query, order, KeysetPosition.First, today: today), counter, filtered: true, cancellationToken);
    }
}

public sealed class MyDocumentListSpec : Specification<Document, MyDocumentListItem>
{
    public MyDocumentListSpec(
        DocumentViewer viewer,
        ListMyDocuments query,
        KeysetOrder<Document, MyDocumentListItem> order,
        KeysetPosition position,
        int? ofContactId = null,
        DateOnly today = default)
    {
        Query.VisibleTo(viewer).AsNoTracking();
        // Narrows the one visibility rule to one contact's index range; it never widens it.
        if (ofContactId is { } contactId) Query.Where(d => d.ContactId == contactId);
        if (query.Kind is { } kind) Query.Where(d => d.Kind == kind);
        if (query.Status is { } status) Query.Where(d => d.Status == status);
        Query.NumberContains(query.Number);
        if (query.Overdue) Query.Overdue(today);

        order.Apply(Query, position, ListMyDocuments.PageSize + 1);
        Query.Select(d => new MyDocumentListItem(d.Id, d.Kind, d.Number, d.IssuedOn, d.DueOn, d.Status, d.TotalAmount, d.Currency,
            d.Pdf != null));
    }

    public static KeysetOrder<Document, MyDocumentListItem> Order(MyDocumentSort sort, bool descending)
    {
        var order = new KeysetOrder<Document, MyDocumentListItem>($"documents.{sort}", descending);
        _ = sort switch
        {
            MyDocumentSort.Number => order.By(d => d.Number, d => d.Number),
            MyDocumentSort.Amount => order.By(d => d.TotalAmount, d => d.TotalAmount),
            _ => order.By(d => d.IssuedOn, d => d.IssuedOn),
        };
        return order.By(d => d.Id, d => d.Id);
    }
}
