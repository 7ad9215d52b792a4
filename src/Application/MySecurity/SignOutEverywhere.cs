using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>Ends every session of the signed-in customer, this one included.</summary>
public sealed record SignOutEverywhere : IRequest<Unit>;

public sealed class SignOutEverywhereHandler(IRepository<UserAccount> users, ICurrentUser currentUser, IUnitOfWork unitOfWork)
    : IRequestHandler<SignOutEverywhere, Unit>
{
    public async ValueTask<Unit> Handle(SignOutEverywhere command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        me.EndAllSessions();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
