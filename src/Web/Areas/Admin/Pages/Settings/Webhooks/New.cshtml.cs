using Microsoft.AspNetCore.Mvc;
using Portal.Application.Webhooks;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Settings.Webhooks;

/// <summary>Adds a webhook; its page then offers the signing secret for setting up the receiver.</summary>
public sealed class NewWebhookModel : PortalPageModel
{
    [BindProperty] public WebhookInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (succeeded, id) = await TrySendAsync(new CreateWebhook(Input.Url, Input.Events));
        if (!succeeded) return Page();
        TempData["Notice"] = T["The webhook was added. Show its signing secret to set up the receiver."].Value;
        return RedirectToPage("/Settings/Webhooks/Edit", new { id });
    }
}
