using Mediator;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Common;

/// <summary>
/// The application layer's own check of a back-office request, whatever page or caller sent it: the sender's
/// role is read from the database (not from the cookie), so a role change or deactivation applies at once.
/// </summary>
public sealed class StaffAuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser, IReadRepository<InternalUser> staff)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (RequiredPermission.Of(typeof(TMessage)) is { } permission)
        {
            var role = currentUser.UserId is { } id
                ? await staff.FirstOrDefaultAsync(new ActiveStaffRoleSpec(id), cancellationToken)
                : null;
            if (role is not { } granted || !granted.Allows(permission)) throw new DomainException(DomainErrors.NotPermitted);
        }
        return await next(message, cancellationToken);
    }
}
