using Portal.Domain.Users;

namespace Portal.Domain.Settings;

public static class StaffTwoFactorRule
{
    /// <summary>
    /// Whether a member of staff in <paramref name="role"/> must have two-factor sign-in under <paramref name="requirement"/>.
    /// </summary>
    public static bool Applies(StaffTwoFactorRequirement requirement, StaffRole role) => requirement switch
    {
        StaffTwoFactorRequirement.AllStaff => true,
        StaffTwoFactorRequirement.Administrators => role == StaffRole.Administrator,
        _ => false,
    };
}
