using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Infrastructure.Composition;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Pages;

/// <summary>Remembers the chosen language in a cookie and goes back to the page the user was on.</summary>
public sealed class LanguageModel(IWebHostEnvironment environment) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(string? culture, string? returnUrl)
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
