using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-request session check: one indexed lookup of the session by its token's hash, joined to
/// its user (nothing when the session has ended or the user may no longer sign in), with the security stamp, staff role and language,
/// 2FA state and pending password change that decide what this request may do. It runs on every authenticated request.
/// </summary>
public sealed class SessionLookup(PortalDbContext dbContext)
{
    /// <summary>The session by its token's hash, if it has not ended, with its user if they may still sign in.</summary>
    private static readonly string CurrentStateSql = $"""
        SELECT s."Id", u."Id", s."ExpiresAt", s."LastSeenAt", u."SecurityStamp", u."Kind", u."StaffRole", u."StaffLanguage",
               u."TwoFactorEnabledAt" IS NOT NULL, u."MustChangePassword"
        FROM "Sessions" AS s
        INNER JOIN "Users" AS u ON u."Id" = s."UserAccountId"
        WHERE s."TokenHash" = @tokenHash AND s."EndedAt" IS NULL AND u."PasswordHash" IS NOT NULL
          AND ((u."Kind" = {(int)UserKind.Internal} AND u."DeactivatedAt" IS NULL)
            OR (u."Kind" = {(int)UserKind.Portal} AND u."AccessState" = {(int)PortalAccessState.Active}))
        LIMIT 1
        """;

    public Task<SessionState?> CurrentAsync(string tokenHash, CancellationToken cancellationToken) =>
        DirectStatement.FirstOrDefaultAsync(dbContext, CurrentStateSql, command => command.Bind("@tokenHash", tokenHash),
            row => new SessionState(row.Int(0), row.Int(1), row.Instant(2), row.Instant(3), row.String(4),
                row.Int(5) == (int)UserKind.Internal ? (StaffRole)row.Int(6) : null,
                row.Int(5) == (int)UserKind.Internal ? row.NullableString(7) : null, row.Bool(8), row.Bool(9)),
            cancellationToken);

    /// <summary>Notes that the session was used now, from this address; callers do it at most about once a minute.</summary>
    public Task NoteSeenAsync(int sessionId, DateTimeOffset now, string? ipAddress, CancellationToken cancellationToken)
    {
        var address = UserSession.AddressOf(ipAddress);
        return dbContext.Sessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.IpAddress, address), cancellationToken);
    }
}
