using System.ComponentModel.DataAnnotations;
using Portal.Application.Webhooks;
using Portal.Domain.Webhooks;

namespace Portal.Web.Areas.Admin.Pages.Settings.Webhooks;

/// <summary>The webhook form, shared by adding and changing one.</summary>
public sealed class WebhookInput
{
    [Display(Name = "Receiver address (URL)")]
    public string? Url { get; set; }

    [Display(Name = "Events")]
    public List<string> Events { get; set; } = [];

    /// <summary>An unticked box sends nothing, so anything but "true" posted means off.</summary>
    [Display(Name = "Send events to this webhook")]
    public bool Enabled { get; set; }

    public bool Has(WebhookEvents single) => Events.Contains(WebhookEventTypes.NameOf(single));

    public static WebhookInput From(WebhookView webhook) => new()
    {
        Url = webhook.Url,
        Events = WebhookEventTypes.Split(webhook.Events).Select(WebhookEventTypes.NameOf).ToList(),
        Enabled = webhook.Enabled,
    };
}
