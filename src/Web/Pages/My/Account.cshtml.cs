using Microsoft.AspNetCore.Mvc;
using Portal.Application.Contacts;
using Portal.Application.MyAccount;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Pages.My;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.Details)]
public sealed class MyAccountModel : PortalPageModel
{
    [BindProperty]
    public ContactDetailsInput Details { get; set; } = new();

    public string Email { get; private set; } = "";
    public string? LinkedCompanyName { get; private set; }
    public PendingEmailChange? PendingEmailChange { get; private set; }

    public const string EmailChangeCancelled = "Your e-mail change has been cancelled; the confirmation link no longer works.";

    public async Task OnGetAsync()
    {
        var mine = await LoadAsync();
        Details = ContactDetailsInput.From(mine.Details);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(new UpdateMyDetails(Details.ToDetails()), prefix: "");
            if (succeeded)
            {
                TempData["Notice"] = T["Your details have been saved."].Value;
                return RedirectToPage();
            }
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>Withdraws the customer's own change still waiting for confirmation from the new address.</summary>
    public async Task<IActionResult> OnPostCancelEmailChangeAsync()
    {
        var (succeeded, _) = await TrySendAsync(new CancelMyEmailChange(), prefix: "");
        TempData["Notice"] = succeeded ? T[EmailChangeCancelled].Value
            : T.Refusal(Portal.Domain.Common.DomainErrors.NoEmailChangePending).Value;
        return RedirectToPage();
    }

    private async Task<MyDetails> LoadAsync()
    {
        var mine = await SendAsync(new GetMyDetails());
        Email = mine.Email;
        LinkedCompanyName = mine.LinkedCompanyName;
        PendingEmailChange = await SendAsync(new GetMyPendingEmailChange());
        return mine;
    }
}
