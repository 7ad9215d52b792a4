using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Sessions;

/// <summary>
/// A new security stamp already turns every older cookie away; ending the sessions' rows too keeps the list of active
/// sessions true. A session the page re-issues afterwards (after a password change) starts a row of its own.
/// </summary>
public sealed class EndSessionsOnStampRotation(IRepository<UserSession> sessions, TimeProvider clock)
    : INotificationHandler<SecurityStampRotated>
{
    public async ValueTask Handle(SecurityStampRotated notification, CancellationToken cancellationToken)
    {
        if (notification.Account.Id == 0) return;
        var now = clock.GetUtcNow();
        foreach (var session in await sessions.ListAsync(new UnendedSessionsSpec(notification.Account.Id), cancellationToken))
            session.End(now);
    }
}
