using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Copies an outbox mail's new status onto the invitation it carries (<see cref="Domain.PortalAccess.Invitation.MailStatus"/>)
/// and keeps its portal user's <see cref="Domain.PortalAccess.PortalUser.InvitationDeliveredAt"/>, in the transaction that
/// stores the status. One statement each, outside the aggregates' own changes (and versions), so the dispatcher never clashes
/// with someone re-inviting the customer at the same moment.
/// </summary>
internal static class InvitationMailStatuses
{
    internal sealed record Change(Guid MailId, OutboxStatus Status, OutboxStatus WasStatus, DateTimeOffset? SentAt);

    /// <summary>The stored mails whose status this save changes; read before the save, which resets what was original.</summary>
    public static List<Change> Pending(ChangeTracker tracker) =>
        tracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Modified && e.Property(m => m.Status).IsModified
                && e.Property(m => m.Status).OriginalValue != e.Entity.Status)
            .Select(e => new Change(e.Entity.Id, e.Entity.Status, e.Property(m => m.Status).OriginalValue, e.Entity.SentAt))
            .ToList();

    public static async Task KeepAsync(PortalDbContext db, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            var (mailId, status) = (change.MailId, change.Status);
            if (await db.Invitations.Where(i => i.MailId == mailId)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.MailStatus, status), cancellationToken) == 0) continue;
            // The link's user by the mail's key: a condition on the users alone would read every one of them for each mail.
            var linkUsers = db.Invitations.Where(i => i.MailId == mailId).Select(i => i.PortalUserId);
            if (status == OutboxStatus.Sent)
            {
                // Only a link of the current grant: an older grant's mail says nothing about this one.
                var sentAt = change.SentAt;
                await db.PortalUsers
                    .Where(u => linkUsers.Contains(u.Id) && u.InvitationDeliveredAt == null
                        && u.Invitations.Any(i => i.MailId == mailId && i.CreatedAt >= u.GrantedAt))
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.InvitationDeliveredAt, sentAt), cancellationToken);
            }
            else if (change.WasStatus == OutboxStatus.Sent)
            {
                // A mail stored as sent is not sent again; should one be set back anyway, its user counts as delivered only
                // while another link of the grant was.
                await db.PortalUsers
                    .Where(u => linkUsers.Contains(u.Id) && u.InvitationDeliveredAt != null
                        && !u.Invitations.Any(i => i.CreatedAt >= u.GrantedAt && i.MailStatus == OutboxStatus.Sent))
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.InvitationDeliveredAt, (DateTimeOffset?)null), cancellationToken);
            }
        }
    }
}
