using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.MyAccount;

/// <summary>
/// The signed-in customer's e-mail change still waiting for confirmation from the new address, or null. Asked by My details
/// only, so the projection every page of the customer's area reads stays without it.
/// </summary>
public sealed record GetMyPendingEmailChange : IRequest<PendingEmailChange?>;

public sealed class GetMyPendingEmailChangeHandler(IReadRepository<PortalUser> users, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<GetMyPendingEmailChange, PendingEmailChange?>
{
    public async ValueTask<PendingEmailChange?> Handle(GetMyPendingEmailChange query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new NotFoundException("Portal user");
        return await users.FirstOrDefaultAsync(new MyPendingEmailChangeSpec(userId, clock.GetUtcNow()), cancellationToken);
    }
}

/// <summary>The newest usable e-mail change link of the user, as <see cref="PortalUser.PendingEmailChange"/> picks it.</summary>
public sealed class MyPendingEmailChangeSpec
    : Specification<PortalUser, PendingEmailChange?>, ISingleResultSpecification<PortalUser, PendingEmailChange?>
{
    public MyPendingEmailChangeSpec(int userId, DateTimeOffset now)
    {
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active).AsNoTracking();
        Query.Select(u => u.Tokens
            .Where(t => t.Purpose == AccountTokenPurpose.EmailChange && t.UsedAt == null && t.VoidedAt == null && t.ExpiresAt > now)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new PendingEmailChange(t.NewEmail!, t.CreatedAt, t.ExpiresAt))
            .FirstOrDefault());
    }
}
