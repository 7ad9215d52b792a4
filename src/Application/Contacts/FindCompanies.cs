using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>
/// The companies whose name or e-mail contain what was typed, by name, for a filter that picks one: a handful to choose
/// from, never the whole list (which, at ten thousand companies, no select box holds).
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record FindCompanies(string Term, int Take = FindCompanies.DefaultTake)
    : IStaffRequest, IRequest<IReadOnlyList<CompanyOption>>
{
    public const int DefaultTake = 20;
}

public sealed class FindCompaniesHandler(IReadRepository<Contact> contacts, IContactSearch search)
    : IRequestHandler<FindCompanies, IReadOnlyList<CompanyOption>>
{
    public async ValueTask<IReadOnlyList<CompanyOption>> Handle(FindCompanies query, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(query.Term)
            ? []
            : await contacts.ListAsync(new CompaniesMatchingSpec(search.MatchingContactIds(query.Term), Math.Clamp(query.Take, 1, 100)),
                cancellationToken);
}

public sealed class CompaniesMatchingSpec : Specification<Contact, CompanyOption>
{
    public CompaniesMatchingSpec(IQueryable<int> matchingIds, int take)
    {
        Query.Where(c => c.Kind == ContactKind.Company && matchingIds.Contains(c.Id))
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(take).AsNoTracking();
        Query.Select(c => new CompanyOption(c.Id, c.Name));
    }
}
