using Mediator;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Sessions;

/// <summary>
/// Records a fully signed-in session (after the password, and the second factor when it is on) and returns the random
/// token its cookie carries. <paramref name="StartedAt"/> is the original sign-in when a session is re-issued (after a
/// password or 2FA change), so the absolute lifetime still counts from there. The session this browser had is ended.
/// </summary>
public sealed record StartSession(int UserId, DateTimeOffset StartedAt, string? UserAgent) : IRequest<string>;

public sealed class StartSessionHandler(
    IRepository<UserSession> sessions,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    IOptions<SessionLifetimeOptions> options,
    TimeProvider clock) : IRequestHandler<StartSession, string>
{
    public async ValueTask<string> Handle(StartSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (currentUser.SessionToken is { } previous
            && await sessions.FirstOrDefaultAsync(new SessionByTokenSpec(tokens.Hash(previous)), cancellationToken) is { } replaced)
            replaced.End(now);
        var token = tokens.Create();
        await sessions.AddAsync(UserSession.Start(command.UserId, token, command.StartedAt, now,
            options.Value.AbsoluteLifetime, currentUser.IpAddress, command.UserAgent), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return token.Token;
    }
}
