using Ardalis.Specification;
using Portal.Domain.Users;

namespace Portal.Application.Common;

/// <summary>The role of a staff member who may sign in now; nothing for a deactivated or not yet joined one.</summary>
public sealed class ActiveStaffRoleSpec : SingleResultSpecification<InternalUser, StaffRole?>
{
    public ActiveStaffRoleSpec(int userId)
    {
        Query.Where(u => u.Id == userId && u.DeactivatedAt == null && u.PasswordHash != null).AsNoTracking();
        Query.Select(u => (StaffRole?)u.Role);
    }
}
