using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// The checked administrator's <see cref="CompanyAdministration"/> with the company's administrators as they are now, and
/// the colleague a request names, tracked with everything an access move changes.
/// </summary>
public sealed class CompanyAdministrations(IRepository<Contact> contacts, CompanyAdministratorContext administrator)
{
    public async Task<(CompanyAdministration Administration, Contact Colleague)> ForAsync(
        int colleagueId, CancellationToken cancellationToken)
    {
        var current = administrator.Current;
        var colleague = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(colleagueId), cancellationToken)
            ?? throw new NotFoundException("Colleague");
        var administrators = await contacts.ListAsync(new CompanyAdministratorIdsSpec(current.CompanyId), cancellationToken);
        return (new CompanyAdministration(current.CompanyId, current.ContactId, ActorName(current), administrators), colleague);
    }

    /// <summary>As staff are named in histories: "Name &lt;login&gt;".</summary>
    public static string ActorName(CompanyAdministrator administrator) => $"{administrator.Name} <{administrator.Login}>";
}

/// <summary>The contacts that are a company's administrators now.</summary>
public sealed class CompanyAdministratorIdsSpec : Specification<Contact, int>
{
    public CompanyAdministratorIdsSpec(int companyId)
    {
        Query.Where(c => c.CompanyId == companyId && c.PortalUser != null && c.PortalUser.IsCompanyAdministrator).AsNoTracking();
        Query.Select(c => c.Id);
    }
}
