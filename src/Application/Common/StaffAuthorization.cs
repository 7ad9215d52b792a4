using System.Collections.Concurrent;
using System.Reflection;
using Ardalis.Specification;
using Mediator;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Common;

/// <summary>A back-office request: only a signed-in, active staff member whose role allows <see cref="Permission"/> may send it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(StaffPermission permission) : Attribute
{
    public StaffPermission Permission { get; } = permission;
}

/// <summary>
/// The application layer's own check of a back-office request, whatever page or caller sent it: the sender's
/// role is read from the database (not from the cookie), so a role change or deactivation applies at once.
/// </summary>
public sealed class StaffAuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser, IReadRepository<InternalUser> staff)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
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

public static class RequiredPermission
{
    private static readonly ConcurrentDictionary<Type, StaffPermission?> Cache = new();

    public static StaffPermission? Of(Type requestType) =>
        Cache.GetOrAdd(requestType, type => type.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission);
}

/// <summary>The role of a staff member who may sign in now; nothing for a deactivated or not yet joined one.</summary>
public sealed class ActiveStaffRoleSpec : SingleResultSpecification<InternalUser, StaffRole?>
{
    public ActiveStaffRoleSpec(int userId)
    {
        Query.Where(u => u.Id == userId && u.DeactivatedAt == null && u.PasswordHash != null).AsNoTracking();
        Query.Select(u => (StaffRole?)u.Role);
    }
}
