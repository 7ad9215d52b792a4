using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>The signed-in portal user with what the customer-only pages act on; only an active user is found.</summary>
public sealed class MySecurityAccountSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public MySecurityAccountSpec(int userId) =>
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active)
            .Include(u => u.Contact)
            .Include(u => u.RecoveryCodes)
            .Include(u => u.Tokens)
            .AsSplitQuery();
}

/// <summary>
/// The signed-in account — a customer (with their contact) or a colleague — with what the security pages act on; only an
/// account that may sign in now is found, so a revoked customer or a deactivated colleague can't change anything.
/// </summary>
public sealed class SignedInAccountSpec : Specification<UserAccount>, ISingleResultSpecification<UserAccount>
{
    public SignedInAccountSpec(int userId) =>
        Query.Where(u => u.Id == userId && u.PasswordHash != null
                && ((u.Kind == UserKind.Internal && ((InternalUser)u).DeactivatedAt == null)
                    || (u.Kind == UserKind.Portal && ((PortalUser)u).State == PortalAccessState.Active)))
            .Include(u => ((PortalUser)u).Contact)
            .Include(u => u.RecoveryCodes)
            .Include(u => u.Tokens)
            .AsSplitQuery();
}

public sealed record SecurityActivityItem(SecurityEventKind Kind, DateTimeOffset OccurredAt, string? IpAddress);

public sealed class RecentSecurityEventsSpec : Specification<SecurityEvent, SecurityActivityItem>
{
    public RecentSecurityEventsSpec(int userId, int count)
    {
        Query.Where(e => e.UserAccountId == userId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(count)
            .AsNoTracking();
        Query.Select(e => new SecurityActivityItem(e.Kind, e.OccurredAt, e.IpAddress));
    }
}

internal static class MyAccountLookup
{
    public static async Task<PortalUser> MeAsync(
        this IRepository<PortalUser> users,
        ICurrentUser currentUser,
        CancellationToken cancellationToken) =>
        await users.FirstOrDefaultAsync(new MySecurityAccountSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Portal user");

    /// <summary>The signed-in account, customer or colleague, tracked for a change.</summary>
    public static async Task<UserAccount> MeAsync(
        this IReadRepositoryBase<UserAccount> users,
        ICurrentUser currentUser,
        CancellationToken cancellationToken) =>
        await users.FirstOrDefaultAsync(new SignedInAccountSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("User");
}
