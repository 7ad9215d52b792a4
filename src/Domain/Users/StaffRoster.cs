using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>
/// The rule across every colleague's account: the back office always keeps an administrator who can sign in. A move
/// that would end a colleague's administrator role or access is checked against the other active administrators, and
/// each of them is counted with a version bump, so two such moves at the same moment clash instead of both passing and
/// leaving nobody.
/// </summary>
public sealed class StaffRoster(IEnumerable<InternalUser> otherActiveAdministrators)
{
    private readonly IReadOnlyList<InternalUser> _otherActiveAdministrators = otherActiveAdministrators.ToList();

    public void ChangeRole(InternalUser colleague, StaffRole role, DateTimeOffset now, string changedBy)
    {
        // Only a real change away from administrator is checked, so a bad or unchanged role keeps its own refusal.
        var endsAnAdministrator = colleague.IsActiveAdministrator && Enum.IsDefined(role) && role != StaffRole.Administrator;
        if (endsAnAdministrator) RequireAnotherAdministrator(colleague);
        colleague.ChangeRole(role, now, changedBy);
        if (endsAnAdministrator) CountTheOthers(colleague);
    }

    public void Deactivate(InternalUser colleague, bool byThemselves, DateTimeOffset now, string deactivatedBy)
    {
        var endsAnAdministrator = colleague.IsActiveAdministrator && !byThemselves;
        if (endsAnAdministrator) RequireAnotherAdministrator(colleague);
        colleague.Deactivate(byThemselves, now, deactivatedBy);
        if (endsAnAdministrator) CountTheOthers(colleague);
    }

    private void RequireAnotherAdministrator(InternalUser colleague)
    {
        if (!Others(colleague).Any()) throw new DomainException(DomainErrors.LastAdministrator);
    }

    private void CountTheOthers(InternalUser colleague)
    {
        foreach (var other in Others(colleague)) other.CountAsRemainingAdministrator();
    }

    private IEnumerable<InternalUser> Others(InternalUser colleague) =>
        _otherActiveAdministrators.Where(other => !ReferenceEquals(other, colleague) && other.IsActiveAdministrator);
}
