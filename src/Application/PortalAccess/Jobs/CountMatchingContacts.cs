using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>The exact number of contacts a job over the list's search and filter would act on, for its confirmation.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record CountMatchingContacts(string? Search, AccessFilter Access, int? CompanyId = null) : IStaffRequest, IRequest<int>;

public sealed class CountMatchingContactsHandler(IReadRepository<Contact> contacts, IContactSearch search, AccessConditions conditions)
    : IRequestHandler<CountMatchingContacts, int>
{
    public async ValueTask<int> Handle(CountMatchingContacts query, CancellationToken cancellationToken) =>
        await contacts.CountAsync(new MatchingContactIdsSpec(new ContactSelection(query.Search, query.Access, query.CompanyId), search, conditions), cancellationToken);
}
