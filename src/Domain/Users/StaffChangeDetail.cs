namespace Portal.Domain.Users;

/// <summary>The detail line of a staff change: stable, language-neutral codes the pages translate.</summary>
public static class StaffChangeDetail
{
    public static string Role(StaffRole role) => role.ToString();

    public static string RoleChange(StaffRole from, StaffRole to) => $"{from}>{to}";
}
