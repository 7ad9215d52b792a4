namespace Portal.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Not yet delivered: due now, or waiting for its next attempt.</summary>
    Pending = 0,
    Delivered = 1,
    /// <summary>Every attempt failed; nothing more is tried.</summary>
    Failed = 2,
}
