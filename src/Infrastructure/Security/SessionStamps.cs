using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-request session check: one indexed, untracked primary-key lookup of the user's current
/// security stamp (null when the user may no longer sign in). It runs on every authenticated request.
/// </summary>
public sealed class SessionStamps(PortalDbContext dbContext)
{
    private static readonly Func<PortalDbContext, int, CancellationToken, Task<string?>> CurrentStampQuery =
        EF.CompileAsyncQuery((PortalDbContext db, int userId, CancellationToken _) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.PasswordHash != null
                    && (u.Kind == UserKind.Internal || ((PortalUser)u).State == PortalAccessState.Active))
                .Select(u => u.SecurityStamp)
                .FirstOrDefault());

    public Task<string?> CurrentStampAsync(int userId, CancellationToken cancellationToken) =>
        CurrentStampQuery(dbContext, userId, cancellationToken);
}
