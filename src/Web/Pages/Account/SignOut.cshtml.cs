using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Sessions;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.Account;

/// <summary>
/// Signing out is a POST (with antiforgery), so no link or image elsewhere can sign a user out. It ends the session on the
/// server too: a copy of the cookie is then worth nothing.
/// </summary>
public sealed class SignOutModel : PortalPageModel
{
    /// <summary>The page the menu's "Sign out" opens; someone not signed in has nothing to sign out of.</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await SendAsync(new EndCurrentSession());
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Index");
    }
}
