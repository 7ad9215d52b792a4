using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Application.Settings;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Access;

/// <summary>
/// When the business requires two-factor sign-in for customers, a customer without it is sent to set it up from
/// every My Account page; the pages needed to do that (marked <see cref="OpenBeforeTwoFactorSetupAttribute"/>:
/// security, 2FA setup, data download, closing the account) stay open, and so does signing out, which lives outside /my.
/// </summary>
public sealed class PortalTwoFactorRequirement(IPortalSettings settings) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (MustSetUpTwoFactor(http.User) && (await settings.CurrentAsync(http.RequestAborted)).RequirePortalTwoFactor)
        {
            context.Result = new RedirectToPageResult("/My/TwoFactor", new { area = "" });
            return;
        }
        await next();
    }

    /// <summary>
    /// Applies the requirement to a page unless it is marked open; first among the page's own filters, so a customer
    /// without 2FA is sent to set it up even where a switched-off section would answer 404.
    /// </summary>
    public static void ApplyTo(PageApplicationModel page)
    {
        if (!page.HandlerType.IsDefined(typeof(OpenBeforeTwoFactorSetupAttribute), inherit: true))
            page.Filters.Insert(0, new TypeFilterAttribute(typeof(PortalTwoFactorRequirement)));
    }

    /// <summary>A customer whose session says two-factor sign-in is off (the claim is refreshed on every request).</summary>
    public static bool MustSetUpTwoFactor(ClaimsPrincipal user) =>
        user.IsInRole(SessionClaims.PortalRole) && user.FindFirst(SessionClaims.TwoFactorClaim)?.Value == "false";
}
