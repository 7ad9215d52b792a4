using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Staff;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Account;

/// <summary>
/// A colleague's own security page: the same commands as the customer's, on the signed-in account, and the colleague's
/// language.
/// </summary>
[OpenBeforeTwoFactorSetup]
[OpenBeforePasswordChange]
public sealed class StaffSecurityModel(IWebHostEnvironment environment) : SecurityPageModel
{
    [BindProperty, Display(Name = "Language")]
    public string? Language { get; set; }

    [BindProperty, Display(Name = "Send me the daily digest")]
    public bool DailyDigest { get; set; }

    public async Task<IActionResult> OnPostDailyDigestAsync()
    {
        var (succeeded, _) = await TrySendAsync(new ChooseMyDailyDigest(DailyDigest), prefix: "");
        if (!succeeded)
        {
            // Shown next to the choice, not in the password form's summary above it.
            if (ModelState.TryGetValue(string.Empty, out var refusals))
            {
                foreach (var refusal in refusals.Errors.ToList()) ModelState.AddModelError(nameof(DailyDigest), refusal.ErrorMessage);
                ModelState.Remove(string.Empty);
            }
            await OnGetAsync();
            return Page();
        }
        TempData["Notice"] = DailyDigest
            ? T["You will receive the daily digest."].Value
            : T["You will no longer receive the daily digest."].Value;
        return RedirectToPage(null, null, null, Portal.Application.Common.PortalRoutes.Admin.DailyDigestSection);
    }

    public async Task<IActionResult> OnPostChangeLanguageAsync()
    {
        var (succeeded, _) = await TrySendAsync(new ChangeMyLanguage(Language ?? ""), prefix: "");
        if (!succeeded)
        {
            await OnGetAsync();
            return Page();
        }
        // A choice made on this page is the latest word on this browser too: the switcher's older cookie would otherwise outvote it.
        Response.Cookies.Delete(PortalCookies.Name(environment, PortalCookies.Culture),
            new CookieOptions { Path = "/", Secure = Request.IsHttps || !environment.IsDevelopment() });
        // Said in the language just chosen, which the next page speaks.
        var requestCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Language!);
        TempData["Notice"] = T["Your language has been saved."].Value;
        CultureInfo.CurrentUICulture = requestCulture;
        return RedirectToPage();
    }
}
