namespace Portal.Domain.Users;

public enum StaffStatus
{
    /// <summary>Invited, the link not yet used: no password, can't sign in.</summary>
    Invited = 1,
    Active = 2,
    Deactivated = 3,
}
