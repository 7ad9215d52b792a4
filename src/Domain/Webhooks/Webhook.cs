using Portal.Domain.Activity;
using Portal.Domain.Common;

namespace Portal.Domain.Webhooks;

/// <summary>
/// An endpoint of the business's own systems (an ERP, a CRM) that hears of what happens in the portal: each event it is
/// subscribed to is posted to <see cref="Url"/>, signed with its secret. The secret is kept encrypted
/// (<see cref="ProtectedSecret"/>), since signing needs the secret itself, not a hash of it.
/// </summary>
public sealed class Webhook : AggregateRoot
{
    private Webhook() { }

    public int Id { get; private set; }
    public string Url { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public WebhookEvents Events { get; private set; }
    public bool Enabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A new webhook, enabled, with a secret the caller generated and encrypted.</summary>
    public static Webhook Create(
        string url, WebhookEvents events, string protectedSecret, WebhookAddressPolicy policy, string actor, DateTimeOffset now)
    {
        Check(url, events, policy);
        var webhook = new Webhook
        {
            Url = url.Trim(),
            Events = events,
            ProtectedSecret = protectedSecret,
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        webhook.Raise(new WebhookChanged(webhook, ActivityKind.WebhookCreated, null, actor, now));
        return webhook;
    }

    /// <summary>Changes address, events and whether it is on; the activity names what changed. Nothing changed, nothing recorded.</summary>
    public void Change(string url, WebhookEvents events, bool enabled, WebhookAddressPolicy policy, string actor, DateTimeOffset now)
    {
        Check(url, events, policy);
        var changed = new List<string>();
        if (Url != url.Trim()) changed.Add(nameof(Url));
        if (Events != events) changed.Add(nameof(Events));
        if (Enabled != enabled) changed.Add(enabled ? "Enabled" : "Disabled");
        if (changed.Count == 0) return;
        Url = url.Trim();
        Events = events;
        Enabled = enabled;
        UpdatedAt = now;
        Raise(new WebhookChanged(this, ActivityKind.WebhookChanged, string.Join(',', changed), actor, now));
    }

    /// <summary>Records the deletion; the repository removes the webhook and its delivery log with it.</summary>
    public void Delete(string actor, DateTimeOffset now) => Raise(new WebhookChanged(this, ActivityKind.WebhookDeleted, null, actor, now));

    /// <summary>A test event through the same queue and signature as real ones, enabled or not: it is how a receiver is tried out.</summary>
    public void SendTestEvent(DateTimeOffset now) => Raise(new WebhookTestRequested(this, now));

    public bool SubscribesTo(WebhookEvents single) => Enabled && (Events & single) == single;

    /// <summary>The host alone names a webhook where not only administrators read (a path may carry the receiver's own token).</summary>
    public string Host => Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.Host : Url;

    private static void Check(string url, WebhookEvents events, WebhookAddressPolicy policy)
    {
        if (WebhookAddress.Problem(url, policy) is { } problem) throw new DomainException(problem);
        if (events == WebhookEvents.None || (events & ~WebhookEventTypes.Everything) != 0)
            throw new DomainException(DomainErrors.WebhookNeedsEvents);
    }
}

/// <summary>A webhook was created, changed or deleted; <see cref="Detail"/> names what changed ("Url,Events,Disabled").</summary>
public sealed record WebhookChanged(Webhook Webhook, ActivityKind Kind, string? Detail, string Actor, DateTimeOffset OccurredAt)
    : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForWebhook(Kind, OccurredAt, actorUserId, Actor, Webhook.Host, Detail);
}

/// <summary>A staff member asked for a test event (<see cref="WebhookEventTypes.Ping"/>) to the webhook.</summary>
public sealed record WebhookTestRequested(Webhook Webhook, DateTimeOffset OccurredAt) : IDomainEvent;
