using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Reminds invited customers who have not accepted yet, once per invitation, halfway through its validity (when
/// the business has switched reminders on). Each reminder is a second link with the same end as the first, and
/// its mail goes into the outbox in the same unit of work.
/// </summary>
public sealed class InvitationReminders(
    IRepository<PortalUser> users,
    ITokenGenerator tokens,
    IPortalSettings settings,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public const int BatchSize = 200;

    /// <summary>Sends the reminders due now (at most <see cref="BatchSize"/>); returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!(await settings.CurrentAsync(cancellationToken)).SendInvitationReminders) return 0;
        var now = clock.GetUtcNow();
        var due = await users.ListAsync(new PortalUsersDueForReminderSpec(now, BatchSize), cancellationToken);
        foreach (var user in due) user.RemindOfInvitation(tokens.Create(), now);
        if (due.Count > 0) await unitOfWork.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

/// <summary>Invited users with an open invitation whose reminder is due (uses the index on RemindAt).</summary>
public sealed class PortalUsersDueForReminderSpec : Specification<PortalUser>
{
    public PortalUsersDueForReminderSpec(DateTimeOffset now, int take)
    {
        Query.Where(u => u.State == PortalAccessState.Invited && u.Invitations.Any(i =>
                i.RemindAt != null && i.RemindAt <= now && i.RemindedAt == null
                && i.UsedAt == null && i.VoidedAt == null && i.ExpiresAt > now))
            .Include(u => u.Invitations)
            .Include(u => u.Contact)
            .OrderBy(u => u.Id)
            .Take(take);
    }
}
