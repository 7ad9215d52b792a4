using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// The application layer's own check of a company administrator's request, whatever page sent it: the flag is read from the
/// database (not from the cookie), so ending the role applies at once; a named colleague must be a person of the same
/// company. Every refusal is "not found", so another company's ids reveal nothing. It wraps only
/// <see cref="ICompanyAdministratorRequest"/>s (the generator applies it where the constraint holds).
/// </summary>
public sealed class CompanyAdministratorBehavior<TMessage, TResponse>(
    ICurrentUser currentUser,
    IReadRepository<PortalUser> users,
    IReadRepository<Contact> contacts,
    CompanyAdministratorContext context) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ICompanyAdministratorRequest
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var administrator = currentUser.UserId is { } id
            ? await users.FirstOrDefaultAsync(new ActiveCompanyAdministratorSpec(id), cancellationToken)
            : null;
        if (administrator is null) throw new NotFoundException("Company");
        if (message is ICompanyColleagueRequest colleague
            && !await contacts.AnyAsync(new CompanyPersonSpec(administrator.CompanyId, colleague.ColleagueId), cancellationToken))
            throw new NotFoundException("Colleague");
        context.Set(administrator);
        return await next(message, cancellationToken);
    }
}

public sealed class ActiveCompanyAdministratorSpec
    : Specification<PortalUser, CompanyAdministrator>, ISingleResultSpecification<PortalUser, CompanyAdministrator>
{
    public ActiveCompanyAdministratorSpec(int userId)
    {
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active && u.IsCompanyAdministrator
                && u.Contact.CompanyId != null)
            .AsNoTracking();
        Query.Select(u => new CompanyAdministrator(u.Id, u.ContactId, u.Contact.CompanyId!.Value, u.Contact.Name, u.Login));
    }
}

/// <summary>A person of the company, by id: the one test every colleague id a company administrator sends must pass.</summary>
public sealed class CompanyPersonSpec : Specification<Contact>
{
    public CompanyPersonSpec(int companyId, int personId)
    {
        Query.Where(c => c.Id == personId && c.CompanyId == companyId && c.Kind == ContactKind.Person).AsNoTracking();
    }
}
