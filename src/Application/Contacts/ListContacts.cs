using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>Each sort is backed by an index ending in Id, so any page is read by seeking, on both databases.</summary>
public enum ContactSort { Name, Email, Created }

/// <summary>"NoAccess" is a filter value of its own: contacts that never had a portal user.</summary>
public enum AccessFilter { All, NoAccess, Invited, Active, Revoked }

[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListContacts(
    string? Search = null,
    AccessFilter Access = AccessFilter.All,
    ContactSort Sort = ContactSort.Name,
    bool Descending = false,
    PageRequest? Paging = null,
    int PageSize = ListContacts.DefaultPageSize) : IRequest<KeysetPage<ContactListItem>>
{
    public const int DefaultPageSize = 25;
}

public sealed record ContactListItem(
    int Id,
    string Name,
    ContactKind Kind,
    string? Email,
    string? CompanyName,
    PortalAccessState? AccessState,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt);

public sealed class ListContactsHandler(IReadRepository<Contact> contacts, IContactSearch search, IListCounter counter)
    : IRequestHandler<ListContacts, KeysetPage<ContactListItem>>
{
    public async ValueTask<KeysetPage<ContactListItem>> Handle(ListContacts query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var order = ContactListSpec.Order(query.Sort, query.Descending);
        var paging = query.Paging ?? PageRequest.First;
        if (!string.IsNullOrWhiteSpace(query.Search) && query.Access == AccessFilter.All)
        {
            // The count comes first because it decides the plan: a search that matches more than the count's limit walks
            // the sort order's index, testing each row; a narrower one reads its matches from the text index and sorts them.
            var count = await search.CountMatchesAsync(query.Search, cancellationToken);
            var broad = count.Precision != CountPrecision.Exact;
            return await contacts.KeysetPageAsync(order, paging, pageSize,
                position => new ContactListSpec(query, order, position, pageSize + 1, search, broad), count, cancellationToken);
        }

        var filtered = !string.IsNullOrWhiteSpace(query.Search) || query.Access != AccessFilter.All;
        return await contacts.KeysetPageAsync(order, paging, pageSize,
            position => new ContactListSpec(query, order, position, pageSize + 1, search), counter, filtered, cancellationToken);
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
        bool testEachRow = false)
    {
        Query.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search) && testEachRow)
        {
            Query.Where(search.Matches(query.Search));
        }
        else if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var matchingIds = search.MatchingContactIds(query.Search);
            Query.Where(c => matchingIds.Contains(c.Id));
        }

        switch (query.Access)
        {
            case AccessFilter.NoAccess: Query.Where(c => c.PortalUser == null); break;
            case AccessFilter.Invited: Query.Where(c => c.PortalUser!.State == PortalAccessState.Invited); break;
            case AccessFilter.Active: Query.Where(c => c.PortalUser!.State == PortalAccessState.Active); break;
            case AccessFilter.Revoked: Query.Where(c => c.PortalUser!.State == PortalAccessState.Revoked); break;
        }

        order.Apply(Query, position, take);

        Query.Select(c => new ContactListItem(
            c.Id,
            c.Name,
            c.Kind,
            c.Email,
            c.Company != null ? c.Company.Name : c.CompanyName,
            c.PortalUser != null ? c.PortalUser.State : null,
            c.PortalUser != null ? c.PortalUser.LastSignInAt : null,
            c.CreatedAt));
    }

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
