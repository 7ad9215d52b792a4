using Ardalis.Specification;
using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Application.Documents;

/// <summary>Each sort is backed by an index ending in Id, so any page is read by seeking, on both databases.</summary>
public enum DocumentSort { Date, Number, Total, DueDate }

/// <summary>
/// /admin/documents: every document, drafts included, filtered, sorted and paged by keyset. <paramref name="Number"/> finds
/// documents whose number contains it; <paramref name="ContactId"/> keeps the documents filed under one contact (a person or
/// a company); <paramref name="IssuedFrom"/> and <paramref name="IssuedTo"/> bound the issue date, both days included;
/// <paramref name="Overdue"/> keeps open invoices past their due day.
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListDocuments(
    DocumentKind? Kind = null,
    DocumentStatus? Status = null,
    int? ContactId = null,
    DateOnly? IssuedFrom = null,
    DateOnly? IssuedTo = null,
    bool Overdue = false,
    string? Number = null,
    DocumentSort Sort = DocumentSort.Date,
    bool Descending = true,
    PageRequest? Paging = null,
    int PageSize = ListDocuments.DefaultPageSize) : IStaffRequest, IRequest<DocumentList>
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public bool IsFiltered => Kind is not null || Status is not null || ContactId is not null || IssuedFrom is not null
        || IssuedTo is not null || Overdue || !string.IsNullOrWhiteSpace(Number);
}

public sealed class ListDocumentsValidator : AbstractValidator<ListDocuments>
{
    public const string RangeReversed = "The start of the date range is after its end.";

    public ListDocumentsValidator() =>
        RuleFor(q => q.IssuedTo).GreaterThanOrEqualTo(q => q.IssuedFrom).WithMessage(RangeReversed)
            .When(q => q.IssuedFrom is not null && q.IssuedTo is not null);
}

public sealed record DocumentRow(
    int Id,
    DocumentKind Kind,
    string Number,
    int ContactId,
    DateOnly IssuedOn,
    DateOnly? DueOn,
    DocumentStatus Status,
    decimal TotalAmount,
    string Currency)
{
    /// <summary>Filled in after the page is read, for its few rows only.</summary>
    public string ContactName { get; init; } = "";
}

/// <summary>The page, and the name of the contact it is filtered by (null when it is not, or the contact is unknown).</summary>
public sealed record DocumentList(KeysetPage<DocumentRow> Page, string? ContactName);

public sealed class ListDocumentsHandler(
    IReadRepository<Document> documents,
    IReadRepository<Contact> contacts,
    IListCounter counter,
    TimeProvider clock) : IRequestHandler<ListDocuments, DocumentList>
{
    public async ValueTask<DocumentList> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        var order = DocumentListSpec.Order(query.Sort, query.Descending);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var pageSize = Math.Clamp(query.PageSize, 1, ListDocuments.MaxPageSize);
        var page = await documents.KeysetPageAsync(order, query.Paging ?? PageRequest.First, pageSize,
            position => new DocumentListSpec(query, order, position, today, pageSize), counter, query.IsFiltered, cancellationToken);

        // A document knows its contact only by id: the page's few names are one more query, not a join over every row read.
        var ids = page.Items.Select(d => d.ContactId).Append(query.ContactId ?? 0).Distinct().ToList();
        var names = (await contacts.ListAsync(new ContactNamesSpec(ids), cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var items = page.Items.Select(d => d with { ContactName = names.GetValueOrDefault(d.ContactId, "") }).ToList();
        return new DocumentList(page with { Items = items },
            query.ContactId is { } contactId ? names.GetValueOrDefault(contactId) : null);
    }
}

public sealed record ContactNameRow(int Id, string Name);

public sealed class ContactNamesSpec : Specification<Contact, ContactNameRow>
{
    public ContactNamesSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(c => ids.Contains(c.Id)).AsNoTracking();
        Query.Select(c => new ContactNameRow(c.Id, c.Name));
    }
}

public sealed class DocumentListSpec : Specification<Document, DocumentRow>
{
    public DocumentListSpec(
        ListDocuments query, KeysetOrder<Document, DocumentRow> order, KeysetPosition position, DateOnly today,
        int pageSize)
    {
        Query.AsNoTracking();
        if (query.Kind is { } kind) Query.Where(d => d.Kind == kind);
        if (query.Status is { } status) Query.Where(d => d.Status == status);
        if (query.ContactId is { } contactId) Query.Where(d => d.ContactId == contactId);
        if (query.IssuedFrom is { } from) Query.Where(d => d.IssuedOn >= from);
        if (query.IssuedTo is { } to) Query.Where(d => d.IssuedOn <= to);
        Query.NumberContains(query.Number);
        if (query.Overdue) Query.Overdue(today);

        order.Apply(Query, position, pageSize + 1);
        Query.Select(d => new DocumentRow(d.Id, d.Kind, d.Number, d.ContactId, d.IssuedOn, d.DueOn, d.Status, d.TotalAmount,
            d.Currency));
    }

    public static KeysetOrder<Document, DocumentRow> Order(DocumentSort sort, bool descending)
    {
        var order = new KeysetOrder<Document, DocumentRow>($"admin-documents.{sort}", descending);
        _ = sort switch
        {
            DocumentSort.Number => order.By(d => d.Number, d => d.Number),
            DocumentSort.Total => order.By(d => d.TotalAmount, d => d.TotalAmount),
            DocumentSort.DueDate => order.ByNullable(d => d.DueOn, d => d.DueOn),
            _ => order.By(d => d.IssuedOn, d => d.IssuedOn),
        };
        return order.By(d => d.Id, d => d.Id);
    }
}
