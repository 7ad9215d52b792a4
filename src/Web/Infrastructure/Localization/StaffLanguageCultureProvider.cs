using Microsoft.AspNetCore.Localization;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Localization;

/// <summary>
/// A signed-in colleague's stored language, after the language switcher's cookie (an explicit choice on this browser wins) and
/// before the browser's Accept-Language. Needs the authenticated user, so request localization runs after authentication.
/// </summary>
internal sealed class StaffLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.User.StaffLanguage() is { Length: > 0 } language
            ? new ProviderCultureResult(language)
            : null);
}
