using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Infrastructure.Composition;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Pages;

/// <summary>
/// Remembers the chosen language in a cookie and goes back to the page the user was on. A GET, from the form at the foot of
/// every page: it changes nothing but this preference, so that form needs no antiforgery token (a page from elsewhere could
/// at most switch someone's language), and only a known language and a local address are followed.
/// </summary>
public sealed class LanguageModel(IWebHostEnvironment environment) : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        if (culture is not null && WebServices.Cultures.Contains(culture))
        {
            Response.Cookies.Append(
                PortalCookies.Name(environment, PortalCookies.Culture),
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    HttpOnly = true,
                    Secure = Request.IsHttps || !environment.IsDevelopment(),
                    Path = "/",
                });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Index")!);
    }
}
