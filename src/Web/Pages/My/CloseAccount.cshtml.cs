using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Pages.My;

[OpenBeforeTwoFactorSetup]
public sealed class CloseMyAccountModel : PortalPageModel
{
    public const string Closed = "Your account has been closed and you have been signed out. Thank you for using the customer portal.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (succeeded, _) = await TrySendAsync(new CloseMyAccount(Input.CurrentPassword ?? ""));
        Input = new InputModel();
        if (!succeeded) return Page();
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData["Notice"] = T[Closed].Value;
        return RedirectToPage("/Index");
    }

    public sealed class InputModel
    {
        [Display(Name = "Current password"), DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }
    }
}
