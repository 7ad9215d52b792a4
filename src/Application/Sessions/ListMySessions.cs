using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Sessions;

/// <summary>The signed-in account's active sessions, most recently used first, for customers and staff alike.</summary>
public sealed record ListMySessions : IRequest<IReadOnlyList<ActiveSession>>;

/// <summary>One active session as its list shows it; <see cref="IsCurrent"/> marks the device asking.</summary>
public sealed record ActiveSession(
    int Id,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeenAt,
    string? IpAddress,
    string? UserAgent,
    bool IsCurrent)
{
    public UserAgentSummary Device => UserAgentSummary.Parse(UserAgent);
}

public sealed class ListMySessionsHandler(
    IReadRepository<UserSession> sessions,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IPortalSettings settings,
    TimeProvider clock) : IRequestHandler<ListMySessions, IReadOnlyList<ActiveSession>>
{
    public async ValueTask<IReadOnlyList<ActiveSession>> Handle(ListMySessions query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new NotFoundException("Account");
        var now = clock.GetUtcNow();
        var idleTimeout = (await settings.CurrentAsync(cancellationToken)).SessionIdleTimeout;
        var current = currentUser.SessionToken is { } token ? tokens.Hash(token) : null;
        // "Last seen" is written at most once a minute, so a session may look that much older than it is.
        var idleSince = now - idleTimeout - SessionLifetimeOptions.LastSeenPrecision;
        return await sessions.ListAsync(new ActiveSessionsSpec(userId, now, idleSince, current), cancellationToken);
    }
}
