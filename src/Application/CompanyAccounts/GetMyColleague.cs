using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.CompanyAccounts;

/// <summary>One person of the company administrator's own company, with their access; anyone else's id is "not found".</summary>
[RequiresCompanyAdministrator]
public sealed record GetMyColleague(int ColleagueId) : ICompanyAdministratorRequest, IRequest<MyColleagueView>, ICompanyColleagueRequest;

/// <param name="CompanyDocumentKinds">Null without portal access; otherwise all, or the kinds chosen.</param>
/// <param name="IsYou">The administrator looking at themselves: nothing on the page may change.</param>
public sealed record MyColleagueView(
    int ContactId,
    string Name,
    string? Email,
    PortalAccessState? AccessState,
    DateTimeOffset? LastSignInAt,
    bool IsCompanyAdministrator,
    DocumentKindSet? CompanyDocumentKinds,
    bool IsYou)
{
    public bool HasLiveAccess => AccessState is PortalAccessState.Invited or PortalAccessState.Active;
}

public sealed class GetMyColleagueHandler(IReadRepository<Contact> contacts, CompanyAdministratorContext administrator)
    : IRequestHandler<GetMyColleague, MyColleagueView>
{
    public async ValueTask<MyColleagueView> Handle(GetMyColleague query, CancellationToken cancellationToken)
    {
        var current = administrator.Current;
        var colleague = await contacts.FirstOrDefaultAsync(new MyColleagueSpec(current.CompanyId, query.ColleagueId), cancellationToken)
            ?? throw new NotFoundException("Colleague");
        return colleague with { IsYou = colleague.ContactId == current.ContactId };
    }
}

public sealed class MyColleagueSpec : Specification<Contact, MyColleagueView>, ISingleResultSpecification<Contact, MyColleagueView>
{
    public MyColleagueSpec(int companyId, int colleagueId)
    {
        Query.Where(c => c.Id == colleagueId && c.CompanyId == companyId && c.Kind == ContactKind.Person).AsNoTracking();
        Query.Select(c => new MyColleagueView(c.Id, c.Name, c.Email,
            c.PortalUser != null ? c.PortalUser.State : null,
            c.PortalUser != null ? c.PortalUser.LastSignInAt : null,
            c.PortalUser != null && c.PortalUser.IsCompanyAdministrator,
            c.PortalUser != null ? c.PortalUser.CompanyDocumentKinds : null,
            false));
    }
}
