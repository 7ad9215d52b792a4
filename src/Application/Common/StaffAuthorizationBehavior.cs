using Mediator;
using Portal.Application.ApiKeys;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Common;

/// <summary>
/// The application layer's own check of a back-office request, whatever page or caller sent it: the sender's
/// role (or an API key's) is read from the database (not from the cookie), so a role change, deactivation or revoke applies at once.
/// It wraps only <see cref="IStaffRequest"/>s (the generator applies it where the constraint holds); one that names no
/// permission is refused, so a missing attribute can never open a request.
/// </summary>
public sealed class StaffAuthorizationBehavior<TMessage, TResponse>(
    ICurrentUser currentUser,
    IReadRepository<InternalUser> staff,
    IReadRepository<ApiKey> apiKeys,
    TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IStaffRequest
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (RequiredPermission.Of(typeof(TMessage)) is not { } permission) throw new DomainException(DomainErrors.NotPermitted);
        // An API key acts with its own role, read afresh like a colleague's: a revoke applies to the very next call.
        var role = currentUser.ApiKeyId is { } keyId
            ? await apiKeys.FirstOrDefaultAsync(new UsableApiKeyRoleSpec(keyId, clock.GetUtcNow()), cancellationToken)
            : currentUser.UserId is { } id
                ? await staff.FirstOrDefaultAsync(new ActiveStaffRoleSpec(id), cancellationToken)
                : null;
        if (role is not { } granted || !granted.Allows(permission)) throw new DomainException(DomainErrors.NotPermitted);
        return await next(message, cancellationToken);
    }
}
