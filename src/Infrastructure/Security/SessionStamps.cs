using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-request session check: one indexed, untracked primary-key lookup of the user's current
/// security stamp (nothing when the user may no longer sign in), with the staff role, 2FA state and pending password change that
/// decide what this request may do. It runs on every authenticated request.
/// </summary>
public sealed class SessionStamps(PortalDbContext dbContext)
{
    private static readonly Func<PortalDbContext, int, CancellationToken, Task<SessionState?>> CurrentStateQuery =
        EF.CompileAsyncQuery((PortalDbContext db, int userId, CancellationToken _) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.PasswordHash != null
                    && ((u.Kind == UserKind.Internal && ((InternalUser)u).DeactivatedAt == null)
                        || (u.Kind == UserKind.Portal && ((PortalUser)u).State == PortalAccessState.Active)))
                .Select(u => new SessionState(u.SecurityStamp, u.Kind == UserKind.Internal ? ((InternalUser)u).Role : null,
                    u.TwoFactorEnabledAt != null, u.MustChangePassword))
                .FirstOrDefault());

    public Task<SessionState?> CurrentAsync(int userId, CancellationToken cancellationToken) =>
        CurrentStateQuery(dbContext, userId, cancellationToken);
}
