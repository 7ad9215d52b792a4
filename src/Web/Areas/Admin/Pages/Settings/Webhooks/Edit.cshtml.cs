using Microsoft.AspNetCore.Mvc;
using Portal.Application.Webhooks;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Settings.Webhooks;

/// <summary>
/// One webhook: change its address and events or switch it off, send a test event, delete it, and show its signing secret —
/// only when asked, in a response no cache keeps.
/// </summary>
public sealed class EditWebhookModel : PortalPageModel
{
    [BindProperty] public WebhookInput Input { get; set; } = new();

    public WebhookView Webhook { get; private set; } = null!;

    public string? Secret { get; private set; }

    public async Task OnGetAsync(int id)
    {
        Webhook = await SendAsync(new GetWebhook(id));
        Input = WebhookInput.From(Webhook);
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if ((await TrySendAsync(new ChangeWebhook(id, Input.Url, Input.Events, Input.Enabled))).Succeeded)
        {
            TempData["Notice"] = T["The webhook was saved."].Value;
            return RedirectToPage(new { id });
        }
        Webhook = await SendAsync(new GetWebhook(id));
        return Page();
    }

    public async Task<IActionResult> OnPostSecretAsync(int id)
    {
        Secret = await SendAsync(new RevealWebhookSecret(id));
        Response.Headers.CacheControl = "no-store";
        await OnGetAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(int id)
    {
        await SendAsync(new SendWebhookTestEvent(id));
        TempData["Notice"] = T["A test event is on its way. The delivery log shows how the receiver answered."].Value;
        return RedirectToPage("/Settings/Webhooks/Deliveries", new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        await SendAsync(new DeleteWebhook(id));
        TempData["Notice"] = T["The webhook was deleted."].Value;
        return RedirectToPage("/Settings/Webhooks/Index");
    }
}
