using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

public enum ContactSort { Name, Email, Company, AccessState, LastSignIn, Created }

/// <summary>"NoAccess" is a filter value of its own: contacts that never had a portal user.</summary>
public enum AccessFilter { All, NoAccess, Invited, Active, Revoked }

[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListContacts(
    string? Search = null,
    AccessFilter Access = AccessFilter.All,
    ContactSort Sort = ContactSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = ListContacts.DefaultPageSize) : IRequest<PagedList<ContactListItem>>
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
    DateTimeOffset? LastSignInAt);

public sealed class ListContactsHandler(IReadRepository<Contact> contacts, IContactSearch search)
    : IRequestHandler<ListContacts, PagedList<ContactListItem>>
{
    public async ValueTask<PagedList<ContactListItem>> Handle(ListContacts query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        return await contacts.PageAsync(page => new ContactListSpec(query, page, pageSize, search), query.Page, pageSize, cancellationToken);
    }
}

public sealed class ContactListSpec : Specification<Contact, ContactListItem>
{
    public ContactListSpec(ListContacts query, int page, int pageSize, IContactSearch search)
    {
        Query.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search))
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

        ApplySort(query.Sort, query.Descending);
        Query.Skip((page - 1) * pageSize).Take(pageSize);

        Query.Select(c => new ContactListItem(
            c.Id,
            c.Name,
            c.Kind,
            c.Email,
            c.Company != null ? c.Company.Name : c.CompanyName,
            c.PortalUser != null ? c.PortalUser.State : null,
            c.PortalUser != null ? c.PortalUser.LastSignInAt : null));
    }

    private void ApplySort(ContactSort sort, bool descending)
    {
        // Id as the last key keeps paging stable when the sort key has ties.
        switch (sort, descending)
        {
            case (ContactSort.Email, false): Query.OrderBy(c => c.Email).ThenBy(c => c.Id); break;
            case (ContactSort.Email, true): Query.OrderByDescending(c => c.Email).ThenByDescending(c => c.Id); break;
            case (ContactSort.Company, false):
                Query.OrderBy(c => c.Company != null ? c.Company.Name : c.CompanyName).ThenBy(c => c.Name).ThenBy(c => c.Id);
                break;
            case (ContactSort.Company, true):
                Query.OrderByDescending(c => c.Company != null ? c.Company.Name : c.CompanyName).ThenBy(c => c.Name).ThenBy(c => c.Id);
                break;
            case (ContactSort.AccessState, false): Query.OrderBy(c => c.PortalUser!.State).ThenBy(c => c.Name).ThenBy(c => c.Id); break;
            case (ContactSort.AccessState, true):
                Query.OrderByDescending(c => c.PortalUser!.State).ThenBy(c => c.Name).ThenBy(c => c.Id);
                break;
            case (ContactSort.LastSignIn, false): Query.OrderBy(c => c.PortalUser!.LastSignInAt).ThenBy(c => c.Id); break;
            case (ContactSort.LastSignIn, true):
                Query.OrderByDescending(c => c.PortalUser!.LastSignInAt).ThenByDescending(c => c.Id);
                break;
            case (ContactSort.Created, false): Query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id); break;
            case (ContactSort.Created, true): Query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id); break;
            case (_, true): Query.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id); break;
            default: Query.OrderBy(c => c.Name).ThenBy(c => c.Id); break;
        }
    }
}
