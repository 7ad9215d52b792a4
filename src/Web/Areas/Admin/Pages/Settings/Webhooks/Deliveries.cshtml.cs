using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Webhooks;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Settings.Webhooks;

/// <summary>A webhook's delivery log, newest first, a page at a time.</summary>
public sealed class WebhookDeliveriesModel : KeysetListPageModel
{
    public WebhookDeliveryLog Log { get; private set; } = null!;
    public Pager Pager => Pager.For(Log.Deliveries, ListLink);

    public async Task OnGetAsync(int id) => Log = await SendAsync(new ListWebhookDeliveries(id, Paging));

    private string ListLink(PageRequest paging) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        Url.Page("/Settings/Webhooks/Deliveries", new { id = Log.Webhook.Id })!,
        Pager.QueryOf(paging).Where(p => !string.IsNullOrEmpty(p.Value)));
}
