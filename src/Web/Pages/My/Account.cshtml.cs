using Microsoft.AspNetCore.Mvc;
using Portal.Application.MyAccount;
using Portal.Web.Infrastructure.Access;
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

    private async Task<MyDetails> LoadAsync()
    {
        var mine = await SendAsync(new GetMyDetails());
        Email = mine.Email;
        LinkedCompanyName = mine.LinkedCompanyName;
        return mine;
    }
}
