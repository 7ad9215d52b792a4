using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Application.Settings;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Access;

/// <summary>
/// When the business requires two-factor sign-in (for customers, or for some or all staff), a user without it is sent
/// to set it up from every page of their side of the portal: customers from My Account, staff from the back office.
/// The pages needed to do that (marked <see cref="OpenBeforeTwoFactorSetupAttribute"/>) stay open, and so does signing
/// out, which lives outside both.
/// </summary>
public sealed class TwoFactorRequirement : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (await MustSetUpTwoFactorAsync(http))
        {
            context.Result = SetUpTwoFactor(http.User);
            return;
        }
        await next();
    }

    /// <summary>
    /// Applies the requirement to a page unless it is marked open; first among the page's own filters, so a user
    /// without 2FA is sent to set it up even where a switched-off section would answer 404.
    /// </summary>
    public static void ApplyTo(PageApplicationModel page)
    {
        if (!page.HandlerType.IsDefined(typeof(OpenBeforeTwoFactorSetupAttribute), inherit: true))
            page.Filters.Insert(0, new TypeFilterAttribute(typeof(TwoFactorRequirement)));
    }

    /// <summary>
    /// A user whose session says two-factor sign-in is off (the claim and the staff role are refreshed on every request)
    /// while the settings require it of them.
    /// </summary>
    public static bool MustSetUpTwoFactor(ClaimsPrincipal user, PortalSettingsSnapshot settings) =>
        user.FindFirst(SessionClaims.TwoFactorClaim)?.Value == "false"
        && (user.IsInRole(SessionClaims.PortalRole)
            ? settings.RequirePortalTwoFactor
            : user.IsInRole(SessionClaims.InternalRole) && user.StaffRole() is { } role && settings.RequiresTwoFactorFor(role));

    /// <summary>The same, with the settings of this request; settings are only read for a user without 2FA.</summary>
    public static async ValueTask<bool> MustSetUpTwoFactorAsync(HttpContext http) =>
        http.User.FindFirst(SessionClaims.TwoFactorClaim)?.Value == "false"
        && MustSetUpTwoFactor(http.User,
            await http.RequestServices.GetRequiredService<IPortalSettings>().CurrentAsync(http.RequestAborted));

    /// <summary>The two-factor setup page of the user's side of the portal.</summary>
    public static IActionResult SetUpTwoFactor(ClaimsPrincipal user) => user.IsInRole(SessionClaims.InternalRole)
        ? new RedirectToPageResult("/Account/TwoFactor", new { area = "Admin" })
        : new RedirectToPageResult("/My/TwoFactor", new { area = "" });
}
