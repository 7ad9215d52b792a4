using Ardalis.Specification;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

public sealed class PortalUserByInvitationSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public PortalUserByInvitationSpec(string tokenHash)
    {
        Query.Where(u => u.Invitations.Any(i => i.TokenHash == tokenHash))
            .Include(u => u.Invitations)
            .Include(u => u.History)
            .Include(u => u.Tokens)
            .Include(u => u.Contact)
            .AsSplitQuery();
    }
}

public sealed class UserByLoginSpec : Specification<UserAccount>, ISingleResultSpecification<UserAccount>
{
    public UserByLoginSpec(string login) =>
        Query.Where(u => u.Login == login).Include(u => ((PortalUser)u).Contact);
}

public sealed class UserByIdSpec : Specification<UserAccount>, ISingleResultSpecification<UserAccount>
{
    public UserByIdSpec(int userId) => Query.Where(u => u.Id == userId);
}
