namespace Portal.Domain.Users;

public enum AccountTokenPurpose
{
    PasswordReset = 1,
    EmailChange = 2,
    StaffInvitation = 3,
}
