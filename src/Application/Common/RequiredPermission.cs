using System.Collections.Concurrent;
using System.Reflection;
using Portal.Domain.Users;

namespace Portal.Application.Common;

public static class RequiredPermission
{
    private static readonly ConcurrentDictionary<Type, StaffPermission?> Cache = new();

    public static StaffPermission? Of(Type requestType) =>
        Cache.GetOrAdd(requestType, type => type.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission);
}
