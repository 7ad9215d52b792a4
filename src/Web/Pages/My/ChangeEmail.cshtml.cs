using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.MyAccount;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Pages.My;

public sealed class ChangeMyEmailModel : PortalPageModel
{
    public const string LinkSent = "We have sent a confirmation link to {0}. Your e-mail address changes once you open it.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var newEmail = Input.NewEmail?.Trim() ?? "";
        var (succeeded, _) = await TrySendAsync(new RequestMyEmailChange(newEmail, Input.CurrentPassword ?? ""));
        Input.CurrentPassword = null;
        if (succeeded)
        {
            TempData["Notice"] = T[LinkSent, newEmail].Value;
            return RedirectToPage("/My/Account");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => CurrentEmail = (await SendAsync(new GetMyDetails())).Email;

    public sealed class InputModel
    {
        [Display(Name = "New e-mail address")]
        public string? NewEmail { get; set; }

        [Display(Name = "Current password"), DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }
    }
}
