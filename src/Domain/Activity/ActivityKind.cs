namespace Portal.Domain.Activity;

public enum ActivityKind
{
    AccessGranted = 1,
    AccessReInvited = 2,
    InvitationAccepted = 3,
    AccessRevoked = 4,
    EmailChangeRequested = 5,
    EmailChanged = 6,
    EmailChangeCancelled = 7,
    EmailChangeReported = 8,
    MadeCompanyAdministrator = 9,
    CompanyAdministratorEnded = 10,
    StaffInvited = 20,
    StaffReInvited = 21,
    StaffJoined = 22,
    StaffRoleChanged = 23,
    StaffDeactivated = 24,
    StaffReactivated = 25,
    SettingsChanged = 40,
    PortalAccessJobCompleted = 50,
    PortalAccessJobCancelled = 51,
    ContactsImported = 60,
}
