using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Copies an outbox mail's new status onto the invitation it carries (<see cref="Domain.PortalAccess.Invitation.MailStatus"/>)
/// and keeps its portal user's <see cref="Domain.PortalAccess.PortalUser.InvitationDeliveredAt"/>, in the transaction that
/// stores the status. Set-based statements, outside the aggregates' own changes (and versions), so the dispatcher never clashes
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

    /// <summary>
    /// A few statements per save whatever the number of mails (a dispatcher's batch stores a hundred results at once): the
    /// links of the mails by their status, then their users by key.
    /// </summary>
    public static async Task KeepAsync(PortalDbContext db, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        foreach (var byStatus in changes.GroupBy(c => c.Status))
        {
            var status = byStatus.Key;
            var mailIds = byStatus.Select(c => (Guid?)c.MailId).ToList();
            if (await db.Invitations.Where(i => mailIds.Contains(i.MailId))
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.MailStatus, status), cancellationToken) == 0) continue;
            if (status == OutboxStatus.Sent)
            {
                await MarkDeliveredAsync(db, mailIds, cancellationToken);
                continue;
            }
            var wereSent = byStatus.Where(c => c.WasStatus == OutboxStatus.Sent).Select(c => (Guid?)c.MailId).ToList();
            if (wereSent.Count == 0) continue;
            // A mail stored as sent is not sent again; should one be set back anyway, its user counts as delivered only
            // while another link of the grant was.
            var linkUsers = db.Invitations.Where(i => wereSent.Contains(i.MailId)).Select(i => i.PortalUserId);
            await db.PortalUsers
                .Where(u => linkUsers.Contains(u.Id) && u.InvitationDeliveredAt != null
                    && !u.Invitations.Any(i => i.CreatedAt >= u.GrantedAt && i.MailStatus == OutboxStatus.Sent))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.InvitationDeliveredAt, (DateTimeOffset?)null), cancellationToken);
        }
    }

    /// <summary>
    /// Each user with a link of the current grant among the sent mails, not yet delivered, takes the time its first such mail
    /// was sent (stored by the save just before). Only a link of the current grant: an older grant's mail says nothing about
    /// this one.
    /// </summary>
    private static Task MarkDeliveredAsync(PortalDbContext db, List<Guid?> sentMailIds, CancellationToken cancellationToken)
    {
        // The link's user by the mail's key: a condition on the users alone would read every one of them.
        var linkUsers = db.Invitations.Where(i => sentMailIds.Contains(i.MailId)).Select(i => i.PortalUserId);
        return db.PortalUsers
            .Where(u => linkUsers.Contains(u.Id) && u.InvitationDeliveredAt == null
                && u.Invitations.Any(i => sentMailIds.Contains(i.MailId) && i.CreatedAt >= u.GrantedAt))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.InvitationDeliveredAt, u => u.Invitations
                .Where(i => sentMailIds.Contains(i.MailId) && i.CreatedAt >= u.GrantedAt)
                .Select(i => db.OutboxMessages.Where(m => m.Id == i.MailId).Select(m => m.SentAt).FirstOrDefault())
                .OrderBy(sentAt => sentAt)
                .FirstOrDefault()), cancellationToken);
    }
}
