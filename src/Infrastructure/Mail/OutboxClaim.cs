using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// The outbox as a claimable queue: due mail is claimed and sent in queue order, the time it is due, then
/// <see cref="OutboxSequence"/> (the order it was queued in).
/// </summary>
internal static class OutboxClaim
{
    public static readonly ClaimableQueue<OutboxMessage, long> Queue =
        new("OutboxMessages", db => db.OutboxMessages, OutboxStatus.Pending, OutboxSequence.Column);
}
