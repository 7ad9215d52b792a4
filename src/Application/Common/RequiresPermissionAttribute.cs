using Portal.Domain.Users;

namespace Portal.Application.Common;

/// <summary>A back-office request: only a signed-in, active staff member whose role allows <see cref="Permission"/> may send it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(StaffPermission permission) : Attribute
{
    public StaffPermission Permission { get; } = permission;
}
