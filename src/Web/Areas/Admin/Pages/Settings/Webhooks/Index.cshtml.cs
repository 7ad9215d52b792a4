using Portal.Application.Webhooks;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Settings.Webhooks;

/// <summary>The webhooks, for administrators (the Settings folder's policy).</summary>
public sealed class WebhooksModel : PortalPageModel
{
    public IReadOnlyList<WebhookView> Webhooks { get; private set; } = [];

    public async Task OnGetAsync() => Webhooks = await SendAsync(new ListWebhooks());
}
