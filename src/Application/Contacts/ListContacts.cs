using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>Each sort is backed by an index ending in Id, so any page is read by seeking, on both databases.</summary>
public enum ContactSort { Name, Email, Created }

/// <summary>
/// "NoAccess" is a filter value of its own: contacts that never had a portal user. The values after Revoked are what the
/// dashboard's "needs attention" counts (<see cref="AccessConditions"/>): invited with a link that runs out within 48 hours;
/// invited with no working link left; an open link whose mail the outbox gave up on; accepted but not signed in for 90 days;
/// locked out now.
/// </summary>
public enum AccessFilter { All, NoAccess, Invited, Active, Revoked, InvitationExpiringSoon, InvitationExpired, InvitationMailFailed, Dormant, LockedOut }

[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListContacts(
    string? Search = null,
    AccessFilter Access = AccessFilter.All,
    ContactSort Sort = ContactSort.Name,
    bool Descending = false,
    PageRequest? Paging = null,
    int PageSize = ListContacts.DefaultPageSize,
    DateTimeOffset? UpdatedSince = null,
    int? CompanyId = null) : IStaffRequest, IRequest<KeysetPage<ContactListItem>>
{
    public const int DefaultPageSize = 25;

    public ContactSelection Selection => new(Search, Access, CompanyId);
}

public sealed record ContactListItem(
    int Id,
    string Name,
    ContactKind Kind,
    string? Email,
    string? CompanyName,
    PortalAccessState? AccessState,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt,
    bool EmailUndeliverable = false);

public sealed class ListContactsHandler(
    IReadRepository<Contact> contacts, IContactSearch search, IListCounter counter, AccessConditions conditions)
    : IRequestHandler<ListContacts, KeysetPage<ContactListItem>>
{
    public async ValueTask<KeysetPage<ContactListItem>> Handle(ListContacts query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var order = ContactListSpec.Order(query.Sort, query.Descending);
        var paging = query.Paging ?? PageRequest.First;
        if (!string.IsNullOrWhiteSpace(query.Search) && query.Access == AccessFilter.All && query.CompanyId is null
            && query.UpdatedSince is null)
        {
            // The count comes first because it decides how a page is read.
            var count = await search.CountMatchesAsync(query.Search, cancellationToken);
            return await order.KeysetPageAsync(paging, pageSize,
                position => count.Precision == CountPrecision.Exact
                    ? contacts.ListAsync(new ContactListSpec(query, order, position, pageSize + 1, search, conditions), cancellationToken)
                    : ReadBroadMatchesAsync(query, order, position, pageSize + 1, cancellationToken),
                count);
        }

        return await contacts.KeysetPageAsync(order, paging, pageSize,
            position => new ContactListSpec(query, order, position, pageSize + 1, search, conditions), counter,
            query.Selection.IsFiltered || query.UpdatedSince is not null, cancellationToken);
    }

    /// <summary>
    /// A search that matches many contacts fills a page within a few hundred rows of the sort order, so testing each row
    /// there is cheaper than reading every match from the text index and sorting them. Only the next
    /// <see cref="IContactSearch.WalkLength"/> rows are tested, though: matches that cluster far down the order (every "Zoë"
    /// behind 95,000 other names) are sorted by their keys alone, and only the page's rows are read.
    /// </summary>
    private async Task<List<ContactListItem>> ReadBroadMatchesAsync(
        ListContacts query, KeysetOrder<Contact, ContactListItem> order, KeysetPosition position, int take,
        CancellationToken cancellationToken)
    {
        var boundary = await contacts.FirstOrDefaultAsync(
            new ContactListBoundarySpec(order, position, search.WalkLength), cancellationToken);
        var walked = await contacts.ListAsync(
            new ContactListSpec(query, order, position, take, search, conditions, testEachRowUpTo: boundary), cancellationToken);
        if (boundary is null || walked.Count == take) return walked;

        var ids = await search.ReadSortedMatchesAsync(query.Search!, new ContactMatchPageSpec(order, position, take), cancellationToken);
        if (ids.Count == 0) return [];
        // Read by primary key and put in the order the ids came in: asked to sort, PostgreSQL may walk the name index
        // testing each row against the ids instead.
        var rows = await contacts.ListAsync(new ContactListSpec(ids), cancellationToken);
        var place = ids.Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index);
        return rows.OrderBy(row => place[row.Id]).ToList();
    }
}

/// <summary>The ids of a page of matches, in the list's order from a position: only the sort keys are needed for it.</summary>
public sealed class ContactMatchPageSpec : Specification<Contact, int>
{
    public ContactMatchPageSpec(KeysetOrder<Contact, ContactListItem> order, KeysetPosition position, int take)
    {
        order.Apply(Query, position, take);
        Query.Select(c => c.Id);
    }
}

/// <summary>The row <c>distance</c> rows on from a position, or none where the list ends first.</summary>
public sealed class ContactListBoundarySpec : Specification<Contact, ContactListItem>
{
    public ContactListBoundarySpec(KeysetOrder<Contact, ContactListItem> order, KeysetPosition position, int distance)
    {
        Query.AsNoTracking();
        order.Apply(Query, position, take: 1);
        Query.Skip(distance);
        // Only the sort keys: the row is a bound, never shown.
        Query.Select(c => new ContactListItem(c.Id, c.Name, c.Kind, c.Email, null, null, null, c.CreatedAt));
    }
}

public sealed class ContactListSpec : Specification<Contact, ContactListItem>
{
    public ContactListSpec(
        ListContacts query,
        KeysetOrder<Contact, ContactListItem> order,
        KeysetPosition position,
        int take,
        IContactSearch search,
        AccessConditions conditions,
        ContactListItem? testEachRowUpTo = null)
    {
        Query.AsNoTracking();

        ContactSelection.Apply(Query, query.Selection, search, conditions, testEachRow: testEachRowUpTo is not null);
        if (query.UpdatedSince is { } since) Query.Where(c => c.UpdatedAt >= since);
        if (testEachRowUpTo is not null) order.ReadUpTo(Query, position, testEachRowUpTo);

        order.Apply(Query, position, take);
        SelectItems();
    }

    /// <summary>The rows of <paramref name="ids"/>, in no particular order.</summary>
    public ContactListSpec(IReadOnlyCollection<int> ids)
    {
        Query.AsNoTracking().Where(c => ids.Contains(c.Id));
        SelectItems();
    }

    private void SelectItems() =>
        Query.Select(c => new ContactListItem(
            c.Id,
            c.Name,
            c.Kind,
            c.Email,
            c.Company != null ? c.Company.Name : c.CompanyName,
            c.PortalUser != null ? c.PortalUser.State : null,
            c.PortalUser != null ? c.PortalUser.LastSignInAt : null,
            c.CreatedAt,
            c.EmailUndeliverableSince != null));

    public static KeysetOrder<Contact, ContactListItem> Order(ContactSort sort, bool descending)
    {
        var order = new KeysetOrder<Contact, ContactListItem>($"contacts.{sort}", descending);
        _ = sort switch
        {
            ContactSort.Email => order.ByNullable(c => c.Email, c => c.Email),
            ContactSort.Created => order.By(c => c.CreatedAt, c => c.CreatedAt),
            _ => order.By(c => c.Name, c => c.Name),
        };
        return order.By(c => c.Id, c => c.Id);
    }
}
