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

/// <summary>
/// What My Account shows of an active portal user, read as one statement (every page of a customer's own area asks for
/// it, so it neither loads nor tracks the whole user, contact and company); null when the user is not an active portal
/// user.
/// </summary>
public interface IMyDetailsReader
{
    Task<MyDetails?> ReadAsync(int userId, CancellationToken cancellationToken);
}

public sealed class GetMyDetailsHandler(IMyDetailsReader details, ICurrentUser currentUser)
    : IRequestHandler<GetMyDetails, MyDetails>
{
    public async ValueTask<MyDetails> Handle(GetMyDetails query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new NotFoundException("Portal user");
        return await details.ReadAsync(userId, cancellationToken) ?? throw new NotFoundException("Portal user");
    }
}

public sealed class MyContactSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public MyContactSpec(int userId) =>
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active)
            .Include(u => u.Contact).ThenInclude(c => c.Company);
}
