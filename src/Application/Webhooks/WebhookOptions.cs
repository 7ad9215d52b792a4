using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Portal:Webhooks";

    /// <summary>Plain http receivers are refused unless this is off (the Development settings turn it off).</summary>
    public bool RequireHttps { get; set; } = true;
    /// <summary>
    /// Lets webhooks reach loopback, private, link-local and other non-public addresses: for a receiver inside the business's own
    /// network, at the price of the protection against request forgery. Off unless configured.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
    /// <summary>How long a receiver has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the dispatcher looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>First retry delay; each further failure doubles it (capped at six hours).</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 50;
    /// <summary>How long an instance's claim on a batch lasts; if it dies mid-batch, another instance posts the rest after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Delivered events stay in the delivery log this long, then the maintenance deletes them.</summary>
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Events that could not be delivered stay longer, for finding out what the receiver missed.</summary>
    public TimeSpan KeepFailed { get; set; } = TimeSpan.FromDays(90);
    /// <summary>However old, each webhook's newest deliveries stay, so a quiet webhook's log still shows how it last went.</summary>
    public int KeepNewestPerWebhook { get; set; } = 20;

    public WebhookAddressPolicy Policy => new(RequireHttps, AllowPrivateNetworks);
}
