using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Reminds invited customers who have not accepted yet, once per invitation, halfway through its validity (when
/// the business has switched reminders on), and once more a set number of hours before it ends (when the business has
/// chosen a last reminder). Each reminder is one more link with the same end as the first, and its mail goes into the
/// outbox in the same unit of work.
/// </summary>
public sealed class InvitationReminders(
    IRepository<PortalUser> users,
    ITokenGenerator tokens,
    IPortalSettings settings,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public const int BatchSize = 200;

    /// <summary>Sends the reminders due now (at most <see cref="BatchSize"/> of each kind); returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        var sent = 0;
        if (current.SendInvitationReminders)
        {
            var now = clock.GetUtcNow();
            var due = await users.ListAsync(new PortalUsersDueForReminderSpec(now, BatchSize), cancellationToken);
            foreach (var user in due) user.RemindOfInvitation(tokens.Create(), now);
            if (due.Count > 0) await unitOfWork.SaveChangesAsync(cancellationToken);
            sent += due.Count;
        }
        if (current.FinalReminderHoursBeforeExpiry is { } hours)
        {
            var now = clock.GetUtcNow();
            var before = TimeSpan.FromHours(hours);
            var due = await users.ListAsync(new PortalUsersDueForFinalReminderSpec(now, before, BatchSize), cancellationToken);
            foreach (var user in due) user.RemindFinallyOfInvitation(tokens.Create(), now, before);
            if (due.Count > 0) await unitOfWork.SaveChangesAsync(cancellationToken);
            sent += due.Count;
        }
        return sent;
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

/// <summary>
/// Invited users with an open invitation whose last reminder is due (<see cref="Invitation.IsDueForFinalReminder"/>, written
/// with bounds computed here so the database compares plain times; uses the index on ExpiresAt).
/// </summary>
public sealed class PortalUsersDueForFinalReminderSpec : Specification<PortalUser>
{
    public PortalUsersDueForFinalReminderSpec(DateTimeOffset now, TimeSpan before, int take)
    {
        var endsBy = now + before;
        var longAgo = now - before;
        Query.Where(u => u.State == PortalAccessState.Invited && u.Invitations.Any(i =>
                i.ExpiresAt > now && i.ExpiresAt <= endsBy && i.RemindAt != null && i.FinalRemindedAt == null
                && i.UsedAt == null && i.VoidedAt == null && i.CreatedAt <= longAgo
                && (i.RemindedAt == null || i.RemindedAt <= longAgo)))
            .Include(u => u.Invitations)
            .Include(u => u.Contact)
            .OrderBy(u => u.Id)
            .Take(take);
    }
}
