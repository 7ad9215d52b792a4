using Portal.Domain.Webhooks;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Webhooks;

/// <summary>The webhook deliveries as a claimable queue, as the outbox is for mail: due deliveries in the order they fall due.</summary>
internal static class WebhookClaim
{
    public static readonly ClaimableQueue<WebhookDelivery> Queue = new(
        table: "WebhookDeliveries",
        rows: db => db.WebhookDeliveries,
        pendingStatus: (int)WebhookDeliveryStatus.Pending,
        dueAt: now => d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now,
        tieBreak: "Id",
        inQueueOrder: deliveries => deliveries.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id));
}
