using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Sessions;

/// <summary>Signing out: the session of this request's cookie ends on the server, so a copy of the cookie is worthless.</summary>
public sealed record EndCurrentSession : IRequest<Unit>;

public sealed class EndCurrentSessionHandler(
    IRepository<UserSession> sessions,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<EndCurrentSession, Unit>
{
    public async ValueTask<Unit> Handle(EndCurrentSession command, CancellationToken cancellationToken)
    {
        if (currentUser.SessionToken is { } token
            && await sessions.FirstOrDefaultAsync(new SessionByTokenSpec(tokens.Hash(token)), cancellationToken) is { } session)
        {
            session.End(clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }
}
