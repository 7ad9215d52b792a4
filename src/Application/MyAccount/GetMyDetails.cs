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
    DateTimeOffset? LastSignInAt);

public sealed class GetMyDetailsHandler(IReadRepository<PortalUser> users, ICurrentUser currentUser)
    : IRequestHandler<GetMyDetails, MyDetails>
{
    public async ValueTask<MyDetails> Handle(GetMyDetails query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new NotFoundException("Portal user");
        var user = await users.FirstOrDefaultAsync(new MyContactSpec(userId), cancellationToken)
            ?? throw new NotFoundException("Portal user");
        var c = user.Contact;
        return new MyDetails(
            c.Email ?? user.Login,
            new ContactDetails(c.Name, c.Phone, c.Street, c.PostalCode, c.City, c.CountryCode, c.VatNumber, c.CompanyName,
                c.PreferredLanguage),
            c.Company?.Name,
            user.LastSignInAt);
    }
}

public sealed class MyContactSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public MyContactSpec(int userId) =>
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active)
            .Include(u => u.Contact).ThenInclude(c => c.Company);
}
