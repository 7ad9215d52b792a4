namespace Portal.Domain.Users;

public enum AccountTokenPurpose
{
    PasswordReset = 1,
    EmailChange = 2,
    StaffInvitation = 3,
    /// <summary>Goes to the old address with an e-mail change: its holder can cancel the change and tell the back office.</summary>
    EmailChangeReport = 4,
}
