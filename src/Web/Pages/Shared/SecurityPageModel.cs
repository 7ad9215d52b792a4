using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Pages.Shared;

/// <summary>
/// A signed-in user's security page, the customer's (/my/security) and the colleague's (/admin/account) alike: change the
/// password, sign out everywhere, see recent activity. The commands act on whoever is signed in.
/// </summary>
public abstract class SecurityPageModel : PortalPageModel
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
        return RedirectToPage("/Account/SignIn", new { area = "" });
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
