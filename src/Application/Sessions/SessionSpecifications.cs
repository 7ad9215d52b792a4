using Ardalis.Specification;
using Portal.Domain.Users;

namespace Portal.Application.Sessions;

/// <summary>The session a cookie's token stands for, whoever it belongs to.</summary>
public sealed class SessionByTokenSpec : Specification<UserSession>, ISingleResultSpecification<UserSession>
{
    public SessionByTokenSpec(string tokenHash) => Query.Where(s => s.TokenHash == tokenHash && s.EndedAt == null);
}

/// <summary>One session of one account, only while it has not ended: nobody reaches another account's session.</summary>
public sealed class OwnSessionSpec : Specification<UserSession>, ISingleResultSpecification<UserSession>
{
    public OwnSessionSpec(int userId, int sessionId) =>
        Query.Where(s => s.Id == sessionId && s.UserAccountId == userId && s.EndedAt == null);
}

/// <summary>Every session of an account that has not been ended yet.</summary>
public sealed class UnendedSessionsSpec : Specification<UserSession>
{
    public UnendedSessionsSpec(int userId) => Query.Where(s => s.UserAccountId == userId && s.EndedAt == null);
}

/// <summary>The sessions an account can still use: not ended, not past the absolute lifetime, not idle too long.</summary>
public sealed class ActiveSessionsSpec : Specification<UserSession, ActiveSession>
{
    public ActiveSessionsSpec(int userId, DateTimeOffset now, DateTimeOffset idleSince, string? currentTokenHash)
    {
        Query.Where(s => s.UserAccountId == userId && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.Id)
            .AsNoTracking();
        Query.Select(s => new ActiveSession(s.Id, s.StartedAt, s.LastSeenAt, s.IpAddress, s.UserAgent, s.TokenHash == currentTokenHash));
    }
}
