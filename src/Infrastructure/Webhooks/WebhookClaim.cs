using Portal.Domain.Webhooks;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Webhooks;

/// <summary>The webhook deliveries as a claimable queue, as the outbox is for mail: due deliveries in the order they fall due.</summary>
internal static class WebhookClaim
{
    public static readonly ClaimableQueue<WebhookDelivery, int> Queue =
        new("WebhookDeliveries", db => db.WebhookDeliveries, WebhookDeliveryStatus.Pending, nameof(WebhookDelivery.Id));
}
