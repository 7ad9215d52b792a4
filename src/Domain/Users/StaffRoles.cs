namespace Portal.Domain.Users;

public static class StaffRoles
{
    public static bool Allows(this StaffRole role, StaffPermission permission) => role switch
    {
        StaffRole.Administrator => true,
        StaffRole.PortalManager => permission is StaffPermission.ViewBackOffice or StaffPermission.ManageContacts
            or StaffPermission.ManagePortalAccess or StaffPermission.ManageDocuments or StaffPermission.ManagePages
            or StaffPermission.ManageMail,
        StaffRole.ReadOnly => permission == StaffPermission.ViewBackOffice,
        _ => false,
    };

    public static IReadOnlyList<StaffRole> All { get; } = [StaffRole.Administrator, StaffRole.PortalManager, StaffRole.ReadOnly];
}
