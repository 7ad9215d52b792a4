namespace Portal.Domain.Users;

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
    /// <summary>Asks for another delivery attempt of waiting or failed mail.</summary>
    ManageMail = 8,
}
