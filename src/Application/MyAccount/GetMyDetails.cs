using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.MyAccount;

/// <summary>The signed-in customer's own details. There is no id to pass: a customer can only ever read their own.</summary>
public sealed record GetMyDetails : IRequest<MyDetails>;

public sealed record MyDetails(
    string Email,
    ContactDetails Details,
    string? LinkedCompanyName,
    DateTimeOffset? LastSignInAt,
    bool IsCompanyAdministrator = false);

public sealed class GetMyDetailsHandler(IReadRepository<PortalUser> users, ICurrentUser currentUser)
    : IRequestHandler<GetMyDetails, MyDetails>
{
    public async ValueTask<MyDetails> Handle(GetMyDetails query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new NotFoundException("Portal user");
        return await users.FirstOrDefaultAsync(new MyDetailsSpec(userId), cancellationToken)
            ?? throw new NotFoundException("Portal user");
    }
}

/// <summary>
/// What My Account shows, read as one untracked projection (every page of a customer's own area asks for it, so it
/// neither loads nor tracks the whole user, contact and company).
/// </summary>
public sealed class MyDetailsSpec : Specification<PortalUser, MyDetails>, ISingleResultSpecification<PortalUser, MyDetails>
{
    public MyDetailsSpec(int userId)
    {
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active).AsNoTracking();
        Query.Select(u => new MyDetails(
            u.Contact.Email ?? u.Login,
            new ContactDetails(u.Contact.Name, u.Contact.Phone, u.Contact.Street, u.Contact.PostalCode, u.Contact.City,
                u.Contact.CountryCode, u.Contact.VatNumber, u.Contact.CompanyName, u.Contact.PreferredLanguage),
            u.Contact.Company == null ? null : u.Contact.Company.Name,
            u.LastSignInAt,
            u.IsCompanyAdministrator && u.Contact.CompanyId != null));
    }
}

public sealed class MyContactSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public MyContactSpec(int userId) =>
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active)
            .Include(u => u.Contact).ThenInclude(c => c.Company);
}
