using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Sessions;

/// <summary>
/// Ends one of the signed-in account's own sessions, picked from its list (a device no longer used, a stolen cookie).
/// Another account's session, or one already ended, is not found. Answers whether it was this request's own session.
/// </summary>
public sealed record EndMySession(int SessionId) : IRequest<EndedSession>;

public sealed record EndedSession(bool WasCurrent);

public sealed class EndMySessionHandler(
    IRepository<UserSession> sessions,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<EndMySession, EndedSession>
{
    public async ValueTask<EndedSession> Handle(EndMySession command, CancellationToken cancellationToken)
    {
        var session = currentUser.UserId is { } userId
            ? await sessions.FirstOrDefaultAsync(new OwnSessionSpec(userId, command.SessionId), cancellationToken)
            : null;
        if (session is null) throw new NotFoundException("Session");
        session.End(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new EndedSession(currentUser.SessionToken is { } token && session.TokenHash == tokens.Hash(token));
    }
}
