using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;

namespace Portal.Domain.Webhooks;

/// <summary>
/// One event on its way to one webhook: written in the same transaction as the change the event tells of, posted later by
/// the dispatcher with retries. A crash or a receiver's outage loses no event; the rows are the webhook's delivery log.
/// </summary>
public sealed class WebhookDelivery : ISideEffectRecord
{
    public const int MaxAttempts = 8;
    public const int ErrorMaxLength = 1000;
    public const int TypeMaxLength = 50;

    private WebhookDelivery() { }

    public Guid Id { get; private set; }
    public int WebhookId { get; private set; }
    /// <summary>The event's id: the same for every webhook the event goes to, and across a delivery's attempts.</summary>
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>The contact the event is about; the payload names it with its id and the external reference it has when sent.</summary>
    public int? ContactId { get; private set; }
    /// <summary>Set for a contact the same change creates, whose id is known only once saved.</summary>
    public Contact? Contact { get; private set; }
    /// <summary>The event's own fields as a JSON object (never a secret or a link's token).</summary>
    public string Data { get; private set; } = "{}";
    public DateTimeOffset CreatedAt { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    /// <summary>The receiver's HTTP status of the last attempt; null when it gave none (timeout, refused connection).</summary>
    public int? ResponseStatusCode { get; private set; }
    public string? LastError { get; private set; }

    public static WebhookDelivery Queue(int webhookId, WebhookEvent happened, DateTimeOffset now) => new()
    {
        Id = QueueOrderedIds.Next(now),
        WebhookId = webhookId,
        EventId = happened.Id,
        EventType = happened.Type,
        OccurredAt = happened.OccurredAt,
        ContactId = happened.ContactId is > 0 ? happened.ContactId : null,
        Contact = happened.ContactId is > 0 ? null : happened.NewContact,
        Data = happened.Data,
        CreatedAt = now,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
    };

    public void MarkDelivered(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Delivered;
        ResponseStatusCode = statusCode;
        LastAttemptAt = now;
        LastError = null;
    }

    /// <summary>
    /// Backs off exponentially (the n-th failure waits base × 2^(n−1), capped at six hours); gives up after <see cref="MaxAttempts"/>.
    /// </summary>
    public void MarkAttemptFailed(int? statusCode, string error, DateTimeOffset now, TimeSpan retryBase)
    {
        Attempts++;
        ResponseStatusCode = statusCode;
        LastAttemptAt = now;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = WebhookDeliveryStatus.Failed;
            return;
        }
        NextAttemptAt = now + RetryDelay(Attempts, retryBase);
    }

    public static TimeSpan RetryDelay(int failures, TimeSpan retryBase) =>
        TimeSpan.FromTicks(Math.Min(retryBase.Ticks * (1L << Math.Min(failures - 1, 20)), TimeSpan.FromHours(6).Ticks));
}

/// <summary>
/// Something a webhook may hear of: <see cref="Type"/> (e.g. "access.revoked"), when, about which contact (or
/// <see cref="NewContact"/> while it has no id yet), and its own fields as a JSON object.
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, int? ContactId, Contact? NewContact, string Data);
