using Mediator;
using Portal.Application.Common;
using Portal.Domain.ApiKeys;
using Portal.Domain.Users;

namespace Portal.Application.ApiKeys;

/// <summary>Ends a key at once: its next call is answered 401. The key stays listed, revoked, so its history keeps a name.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record RevokeApiKey(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class RevokeApiKeyHandler(IRepository<ApiKey> apiKeys, ICurrentUser currentUser, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<RevokeApiKey, Unit>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await apiKeys.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("API key");
        key.Revoke(clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
