using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Sessions;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.Account;

/// <summary>
/// Ends one of the signed-in account's sessions from its list, wherever the list is shown (My Account, the staff's own
/// security page), then goes back there. Ending this device's own session signs it out. Another account's session is a 404.
/// </summary>
[Authorize]
public sealed class EndSessionModel : PortalPageModel
{
    public const string Ended = "The session has been ended. That device is signed out.";
    public const string EndedHere = "You ended the session on this device and have been signed out.";

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(int id, string? returnUrl)
    {
        var ended = await SendAsync(new EndMySession(id));
        if (ended.WasCurrent)
        {
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            TempData["Notice"] = T[EndedHere].Value;
            return RedirectToPage("/Account/SignIn");
        }
        TempData["Notice"] = T[Ended].Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Index")!);
    }
}
