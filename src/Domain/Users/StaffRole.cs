namespace Portal.Domain.Users;

/// <summary>What a back-office user may do. Every back-office command names the right it needs.</summary>
public enum StaffRole
{
    Administrator = 1,
    PortalManager = 2,
    ReadOnly = 3,
}
