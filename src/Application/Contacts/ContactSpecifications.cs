using Ardalis.Specification;
using Portal.Domain.Contacts;

namespace Portal.Application.Contacts;

/// <summary>
/// A contact with everything its access moves touch: company, portal user, invitations, history, and the account's
/// links and recovery codes — a revoke voids and deletes those, which it can only do to what is loaded.
/// </summary>
public sealed class ContactWithAccessSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public ContactWithAccessSpec(int contactId)
    {
        IncludeAccess(Query.Where(c => c.Id == contactId));
    }

    /// <summary>Everything an access move (grant, re-invite, revoke) reads or changes.</summary>
    internal static void IncludeAccess(ISpecificationBuilder<Contact> query) =>
        query.Include(c => c.Company)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Invitations)
            .Include(c => c.PortalUser!).ThenInclude(u => u.History)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .Include(c => c.PortalUser!).ThenInclude(u => u.RecoveryCodes)
            .AsSplitQuery();
}

public sealed class CompanyByIdSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public CompanyByIdSpec(int companyId) =>
        Query.Where(c => c.Id == companyId && c.Kind == ContactKind.Company);
}

public sealed class ContactByExternalReferenceSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public ContactByExternalReferenceSpec(string reference) =>
        Query.Where(c => c.ExternalReference == reference).AsNoTracking();
}

public sealed record CompanyOption(int Id, string Name);

public sealed class CompanyOptionsSpec : Specification<Contact, CompanyOption>
{
    public CompanyOptionsSpec()
    {
        Query.Where(c => c.Kind == ContactKind.Company).OrderBy(c => c.Name).AsNoTracking();
        Query.Select(c => new CompanyOption(c.Id, c.Name));
    }
}

public sealed class CompanyNameSpec : Specification<Contact, string>, ISingleResultSpecification<Contact, string>
{
    public CompanyNameSpec(int companyId)
    {
        Query.Where(c => c.Id == companyId && c.Kind == ContactKind.Company).AsNoTracking();
        Query.Select(c => c.Name);
    }
}
