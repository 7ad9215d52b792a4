namespace Portal.Domain.Settings;

/// <summary>Which members of staff must sign in with a second factor. Stored as a number: the values never change.</summary>
public enum StaffTwoFactorRequirement
{
    Off = 0,
    Administrators = 1,
    AllStaff = 2,
}
