using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Pages.My;

[OpenBeforeTwoFactorSetup]
public sealed class MySecurityModel : PortalPageModel
{
    [BindProperty] public ChangePasswordInput Password { get; set; } = new();

    public MySecurityView Security { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var (succeeded, me) = await TrySendAsync(
            new ChangeMyPassword(Password.CurrentPassword ?? "", Password.NewPassword ?? "", Password.ConfirmPassword ?? ""),
            prefix: "Password");
        if (succeeded)
        {
            // The stamp rotated: every other session is now invalid; this one gets a cookie with the new stamp.
            await HttpContext.SignInAsync(me!);
            TempData["Notice"] = T["Your password has been changed. Every other session has been signed out."].Value;
            return RedirectToPage();
        }
        Password = new ChangePasswordInput();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await SendAsync(new SignOutEverywhere());
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData["Notice"] = T["You have been signed out everywhere."].Value;
        return RedirectToPage("/Account/SignIn");
    }

    private async Task LoadAsync() => Security = await SendAsync(new GetMySecurity());

    public sealed class ChangePasswordInput
    {
        [Display(Name = "Current password"), DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }

        [Display(Name = "New password"), DataType(DataType.Password)]
        public string? NewPassword { get; set; }

        [Display(Name = "Repeat the new password"), DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }
}
