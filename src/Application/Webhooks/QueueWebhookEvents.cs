using System.Text.Json;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>
/// Turns what happened into webhook deliveries, one per subscribed webhook, in the transaction of the change itself: an event
/// is queued exactly when its change commits. The payload carries identifiers and addresses, never a link's token or a secret.
/// <c>invitation.sent</c> is queued when the invitation is issued, together with its mail; whether the mail reached the mailbox
/// is the e-mail list's business.
/// </summary>
public sealed class QueueWebhookEvents(WebhookSubscribers subscribers, IRecordWriter<WebhookDelivery> deliveries, TimeProvider clock)
    : INotificationHandler<InvitationIssued>,
        INotificationHandler<PortalAccessChanged>,
        INotificationHandler<SignedIn>,
        INotificationHandler<EmailChanged>,
        INotificationHandler<DocumentViewed>,
        INotificationHandler<WebhookTestRequested>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask Handle(InvitationIssued notification, CancellationToken cancellationToken)
    {
        var user = notification.User;
        // A user granted together with their contact (an import) knows only the contact, whose id the save assigns.
        var contactId = user.ContactId != 0 ? user.ContactId : user.Contact?.Id ?? 0;
        await QueueAsync(WebhookEvents.InvitationSent, clock.GetUtcNow(), contactId, user.Contact, new
        {
            email = user.Login,
            expiresAt = notification.Invitation.ExpiresAt,
            setsNewPassword = notification.SetsNewPassword,
        }, cancellationToken);
    }

    public async ValueTask Handle(PortalAccessChanged notification, CancellationToken cancellationToken)
    {
        var single = notification.Kind switch
        {
            PortalAccessEventKind.Accepted => WebhookEvents.InvitationAccepted,
            PortalAccessEventKind.Revoked => WebhookEvents.AccessRevoked,
            _ => WebhookEvents.None,
        };
        if (single == WebhookEvents.None) return;
        await QueueAsync(single, notification.OccurredAt, notification.ContactId, notification.NewContact,
            new { email = notification.Login }, cancellationToken);
    }

    public async ValueTask Handle(SignedIn notification, CancellationToken cancellationToken)
    {
        if (!notification.First || notification.Account is not PortalUser user) return;
        await QueueAsync(WebhookEvents.CustomerFirstSignIn, clock.GetUtcNow(), user.ContactId, null,
            new { email = user.Login, signedInAt = user.LastSignInAt }, cancellationToken);
    }

    public async ValueTask Handle(EmailChanged notification, CancellationToken cancellationToken) =>
        await QueueAsync(WebhookEvents.CustomerEmailChanged, clock.GetUtcNow(), notification.User.ContactId, null,
            new { email = notification.User.Login, previousEmail = notification.OldEmail }, cancellationToken);

    public async ValueTask Handle(DocumentViewed notification, CancellationToken cancellationToken)
    {
        var document = notification.Document;
        await QueueAsync(WebhookEvents.DocumentViewed, notification.OccurredAt, notification.ViewerContactId, null, new
        {
            document = new
            {
                id = document.Id,
                kind = KindName(document.Kind),
                number = document.Number,
                contactId = document.ContactId,
            },
        }, cancellationToken);
    }

    public ValueTask Handle(WebhookTestRequested notification, CancellationToken cancellationToken)
    {
        var now = notification.OccurredAt;
        var happened = new WebhookEvent(Guid.CreateVersion7(now), WebhookEventTypes.Ping, now, null, null,
            JsonSerializer.Serialize(new { webhookId = notification.Webhook.Id, message = "Test event from the customer portal." }, Json));
        deliveries.Append(WebhookDelivery.Queue(notification.Webhook.Id, happened, clock.GetUtcNow()));
        return ValueTask.CompletedTask;
    }

    private async Task QueueAsync(
        WebhookEvents single, DateTimeOffset occurredAt, int contactId, Contact? newContact, object data, CancellationToken cancellationToken)
    {
        var webhooks = await subscribers.ForAsync(single, cancellationToken);
        if (webhooks.Count == 0) return;
        var happened = new WebhookEvent(Guid.CreateVersion7(occurredAt), WebhookEventTypes.NameOf(single), occurredAt,
            contactId, contactId == 0 ? newContact : null, JsonSerializer.Serialize(data, Json));
        var now = clock.GetUtcNow();
        foreach (var webhook in webhooks) deliveries.Append(WebhookDelivery.Queue(webhook, happened, now));
    }

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Quotation => "quotation",
        DocumentKind.SalesOrder => "sales_order",
        DocumentKind.Invoice => "invoice",
        DocumentKind.CreditNote => "credit_note",
        _ => kind.ToString(),
    };
}
