using Microsoft.Extensions.Localization;
using Portal.Domain.Webhooks;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How the webhook pages name events and delivery states, in the reader's language.</summary>
public static class WebhookDisplay
{
    public static string WebhookEvent(this IStringLocalizer t, WebhookEvents single) => single switch
    {
        WebhookEvents.InvitationSent => t["Invitation sent"],
        WebhookEvents.InvitationAccepted => t["Invitation accepted"],
        WebhookEvents.AccessRevoked => t["Portal access revoked"],
        WebhookEvents.CustomerFirstSignIn => t["Customer signed in for the first time"],
        WebhookEvents.CustomerEmailChanged => t["Customer changed their e-mail address"],
        WebhookEvents.DocumentViewed => t["Customer opened a document"],
        _ => single.ToString(),
    };

    public static string WebhookEventList(this IStringLocalizer t, WebhookEvents events) =>
        string.Join(", ", WebhookEventTypes.Split(events).Select(e => t.WebhookEvent(e)));

    public static string WebhookDeliveryStatus(this IStringLocalizer t, WebhookDeliveryStatus status) => status switch
    {
        Domain.Webhooks.WebhookDeliveryStatus.Pending => t["Waiting to be sent"],
        Domain.Webhooks.WebhookDeliveryStatus.Delivered => t["Delivered"],
        Domain.Webhooks.WebhookDeliveryStatus.Failed => t["Failed"],
        _ => t["Unknown"],
    };
}
