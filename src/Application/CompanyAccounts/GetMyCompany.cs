using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.CompanyAccounts;

/// <summary>A company administrator's view of their company: its details, read-only, and its people with their access.</summary>
[RequiresCompanyAdministrator]
public sealed record GetMyCompany(PageRequest? Paging = null) : ICompanyAdministratorRequest, IRequest<MyCompanyView>
{
    public const int PageSize = 25;
}

public sealed record MyCompanyView(ContactDetails Details, string? Email, KeysetPage<CompanyColleague> People);

public sealed record CompanyColleague(
    int ContactId,
    string Name,
    string? Email,
    PortalAccessState? AccessState,
    DateTimeOffset? LastSignInAt,
    bool IsCompanyAdministrator);

public sealed class GetMyCompanyHandler(
    IReadRepository<Contact> contacts,
    CompanyAdministratorContext administrator,
    IListCounter counter) : IRequestHandler<GetMyCompany, MyCompanyView>
{
    public async ValueTask<MyCompanyView> Handle(GetMyCompany query, CancellationToken cancellationToken)
    {
        var companyId = administrator.Current.CompanyId;
        var company = await contacts.FirstOrDefaultAsync(new CompanyByIdSpec(companyId), cancellationToken)
            ?? throw new NotFoundException("Company");
        var order = CompanyColleaguesSpec.Order();
        var people = await contacts.KeysetPageAsync(order, query.Paging ?? PageRequest.First, GetMyCompany.PageSize,
            position => new CompanyColleaguesSpec(companyId, order, position), counter, filtered: true, cancellationToken);
        var details = new ContactDetails(company.Name, company.Phone, company.Street, company.PostalCode, company.City,
            company.CountryCode, company.VatNumber, null, company.PreferredLanguage);
        return new MyCompanyView(details, company.Email, people);
    }
}

public sealed class CompanyColleaguesSpec : Specification<Contact, CompanyColleague>
{
    public CompanyColleaguesSpec(int companyId, KeysetOrder<Contact, CompanyColleague> order, KeysetPosition position)
    {
        Query.Where(c => c.CompanyId == companyId).AsNoTracking();
        order.Apply(Query, position, GetMyCompany.PageSize + 1);
        Query.Select(c => new CompanyColleague(c.Id, c.Name, c.Email, c.PortalUser != null ? c.PortalUser.State : null,
            c.PortalUser != null ? c.PortalUser.LastSignInAt : null, c.PortalUser != null && c.PortalUser.IsCompanyAdministrator));
    }

    public static KeysetOrder<Contact, CompanyColleague> Order() =>
        new KeysetOrder<Contact, CompanyColleague>("company-people.name", descending: false)
            .By(c => c.Name, c => c.Name)
            .By(c => c.Id, c => c.ContactId);
}
