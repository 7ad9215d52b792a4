using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>One colleague with the links they were sent, ready for a change.</summary>
public sealed class StaffMemberSpec : Specification<InternalUser>, ISingleResultSpecification<InternalUser>
{
    public StaffMemberSpec(int id) => Query.Where(u => u.Id == id).Include(u => u.Tokens);
}

/// <summary>The colleague whose invitation link has this hash.</summary>
public sealed class StaffByInvitationSpec : Specification<InternalUser>, ISingleResultSpecification<InternalUser>
{
    public StaffByInvitationSpec(string tokenHash) =>
        Query.Where(u => u.Tokens.Any(t => t.Purpose == AccountTokenPurpose.StaffInvitation && t.TokenHash == tokenHash))
            .Include(u => u.Tokens);
}

/// <summary>
/// Every administrator besides <paramref name="exceptId"/> who can sign in now, tracked: a demotion or
/// deactivation that counts them also bumps their version, so two such moves at once clash.
/// </summary>
public sealed class OtherActiveAdministratorsSpec : Specification<InternalUser>
{
    public OtherActiveAdministratorsSpec(int exceptId) =>
        Query.Where(u => u.Id != exceptId && u.Role == StaffRole.Administrator && u.DeactivatedAt == null && u.PasswordHash != null);
}

public sealed class StaffListSpec : Specification<InternalUser, StaffMemberRow>
{
    public StaffListSpec()
    {
        Query.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Login);
        Query.Select(u => new StaffMemberRow(
            u.Id, u.DisplayName, u.Login, u.Role,
            u.DeactivatedAt != null ? StaffStatus.Deactivated : u.PasswordHash == null ? StaffStatus.Invited : StaffStatus.Active,
            u.InvitedAt, u.JoinedAt, u.LastSignInAt));
    }
}

internal static class StaffRosterLookup
{
    /// <summary>
    /// A colleague, tracked, and the roster that checks a move against the other active administrators (loaded, tracked,
    /// only when the colleague is one: nobody else's move can leave the back office without an administrator).
    /// </summary>
    public static async Task<(InternalUser Colleague, StaffRoster Roster)> RosterAroundAsync(
        this IRepository<InternalUser> staff, int id, CancellationToken cancellationToken)
    {
        var colleague = await staff.FirstOrDefaultAsync(new StaffMemberSpec(id), cancellationToken)
            ?? throw new NotFoundException("Staff member");
        var others = colleague.IsActiveAdministrator
            ? await staff.ListAsync(new OtherActiveAdministratorsSpec(colleague.Id), cancellationToken)
            : [];
        return (colleague, new StaffRoster(others));
    }
}
