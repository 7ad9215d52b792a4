using Mediator;
using Portal.Application.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.MySecurity;

/// <summary>
/// The signed-in customer withdraws their own e-mail change before confirming it: the link sent to the new address and the
/// old address's report link stop working. Cancelling gives nobody anything, so it needs no password.
/// </summary>
public sealed record CancelMyEmailChange : IRequest<Unit>;

public sealed class CancelMyEmailChangeHandler(
    IRepository<PortalUser> users,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CancelMyEmailChange, Unit>
{
    public async ValueTask<Unit> Handle(CancelMyEmailChange command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        me.CancelEmailChange(clock.GetUtcNow(), me.Login);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
