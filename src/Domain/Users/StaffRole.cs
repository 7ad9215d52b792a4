namespace Portal.Domain.Users;

/// <summary>What a back-office user may do. Every back-office command names the right it needs.</summary>
public enum StaffRole
{
    Administrator = 1,
    PortalManager = 2,
    ReadOnly = 3,
}

public enum StaffPermission
{
    /// <summary>Sees contacts, access states, history and activity.</summary>
    ViewBackOffice = 1,
    ManageContacts = 2,
    ManagePortalAccess = 3,
    ManageDocuments = 4,
    ManagePages = 5,
    ManageStaff = 6,
    ManageSettings = 7,
}

public static class StaffRoles
{
    public static bool Allows(this StaffRole role, StaffPermission permission) => role switch
    {
        StaffRole.Administrator => true,
        StaffRole.PortalManager => permission is StaffPermission.ViewBackOffice or StaffPermission.ManageContacts
            or StaffPermission.ManagePortalAccess or StaffPermission.ManageDocuments or StaffPermission.ManagePages,
        StaffRole.ReadOnly => permission == StaffPermission.ViewBackOffice,
        _ => false,
    };

    public static IReadOnlyList<StaffRole> All { get; } = [StaffRole.Administrator, StaffRole.PortalManager, StaffRole.ReadOnly];
}

public enum StaffStatus
{
    /// <summary>Invited, the link not yet used: no password, can't sign in.</summary>
    Invited = 1,
    Active = 2,
    Deactivated = 3,
}
