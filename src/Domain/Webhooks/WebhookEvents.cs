namespace Portal.Domain.Webhooks;

/// <summary>What a webhook is subscribed to; stored as one number, so a subscription check is a bit test.</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    InvitationSent = 1,
    InvitationAccepted = 2,
    AccessRevoked = 4,
    CustomerFirstSignIn = 8,
    CustomerEmailChanged = 16,
    DocumentViewed = 32,
}

/// <summary>The names receivers see in a payload's <c>type</c> and the <c>Portal-Event</c> header.</summary>
public static class WebhookEventTypes
{
    /// <summary>The test event a staff member sends from the webhook's page; every webhook receives it, whatever it subscribes to.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<WebhookEvents> All { get; } =
    [
        WebhookEvents.InvitationSent, WebhookEvents.InvitationAccepted, WebhookEvents.AccessRevoked,
        WebhookEvents.CustomerFirstSignIn, WebhookEvents.CustomerEmailChanged, WebhookEvents.DocumentViewed,
    ];

    public static WebhookEvents Everything { get; } = All.Aggregate(WebhookEvents.None, (all, one) => all | one);

    public static string NameOf(WebhookEvents single) => single switch
    {
        WebhookEvents.InvitationSent => "invitation.sent",
        WebhookEvents.InvitationAccepted => "invitation.accepted",
        WebhookEvents.AccessRevoked => "access.revoked",
        WebhookEvents.CustomerFirstSignIn => "customer.first_sign_in",
        WebhookEvents.CustomerEmailChanged => "customer.email_changed",
        WebhookEvents.DocumentViewed => "document.viewed",
        _ => throw new ArgumentOutOfRangeException(nameof(single), single, "Not a single event."),
    };

    /// <summary>The events named in <paramref name="names"/>; null when one of them is unknown.</summary>
    public static WebhookEvents? Parse(IEnumerable<string> names)
    {
        var events = WebhookEvents.None;
        foreach (var name in names)
        {
            var match = All.Where(e => NameOf(e) == name).ToList();
            if (match.Count == 0) return null;
            events |= match[0];
        }
        return events;
    }

    public static IEnumerable<WebhookEvents> Split(WebhookEvents events) => All.Where(e => (events & e) == e);
}
