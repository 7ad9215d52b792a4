using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// The outbox as a claimable queue: due mail is claimed and sent in queue order, the time it is due, then
/// <see cref="OutboxSequence"/> (the order it was queued in).
/// </summary>
internal static class OutboxClaim
{
    public static readonly ClaimableQueue<OutboxMessage> Queue = new(
        table: "OutboxMessages",
        rows: db => db.OutboxMessages,
        pendingStatus: (int)OutboxStatus.Pending,
        dueAt: now => m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now,
        tieBreak: OutboxSequence.Column,
        inQueueOrder: mails => mails.OrderBy(m => m.NextAttemptAt).ThenBy(m => EF.Property<long>(m, OutboxSequence.Column)));
}
