using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-request session check: one indexed, untracked, compiled lookup of the session by its token's hash, joined to
/// its user (nothing when the session has ended or the user may no longer sign in), with the security stamp, staff role and language,
/// 2FA state and pending password change that decide what this request may do. It runs on every authenticated request.
/// </summary>
public sealed class SessionLookup(PortalDbContext dbContext)
{
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<SessionState?>> CurrentStateQuery =
        EF.CompileAsyncQuery((PortalDbContext db, string tokenHash, CancellationToken _) =>
            db.Sessions.AsNoTracking()
                .Where(s => s.TokenHash == tokenHash && s.EndedAt == null)
                .Join(db.Users.Where(u => u.PasswordHash != null
                        && ((u.Kind == UserKind.Internal && ((InternalUser)u).DeactivatedAt == null)
                            || (u.Kind == UserKind.Portal && ((PortalUser)u).State == PortalAccessState.Active))),
                    s => s.UserAccountId, u => u.Id,
                    (s, u) => new SessionState(s.Id, u.Id, s.ExpiresAt, s.LastSeenAt, u.SecurityStamp,
                        u.Kind == UserKind.Internal ? ((InternalUser)u).Role : null,
                        u.Kind == UserKind.Internal ? ((InternalUser)u).Language : null, u.TwoFactorEnabledAt != null,
                        u.MustChangePassword))
                .FirstOrDefault());

    public Task<SessionState?> CurrentAsync(string tokenHash, CancellationToken cancellationToken) =>
        CurrentStateQuery(dbContext, tokenHash, cancellationToken);

    /// <summary>Notes that the session was used now, from this address; callers do it at most about once a minute.</summary>
    public Task NoteSeenAsync(int sessionId, DateTimeOffset now, string? ipAddress, CancellationToken cancellationToken)
    {
        var address = UserSession.AddressOf(ipAddress);
        return dbContext.Sessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.IpAddress, address), cancellationToken);
    }
}
