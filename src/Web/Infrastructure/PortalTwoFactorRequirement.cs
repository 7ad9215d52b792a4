using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Application.Settings;

namespace Portal.Web.Infrastructure;

/// <summary>
/// When the business requires two-factor sign-in for customers, a customer without it is sent to set it up from
/// every My Account page; the pages needed to do that (security, 2FA setup, data download) stay open, and so
/// does signing out, which lives outside /my.
/// </summary>
public sealed class PortalTwoFactorRequirement(IPortalSettings settings) : IAsyncPageFilter
{
    public const string SetupPath = "/my/security/two-factor";

    private static readonly string[] StillOpen = ["/my/security"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (MustSetUpTwoFactor(http.User) && http.Request.Path.StartsWithSegments("/my")
            && !StillOpen.Any(path => http.Request.Path.StartsWithSegments(path))
            && (await settings.CurrentAsync(http.RequestAborted)).RequirePortalTwoFactor)
        {
            context.Result = new RedirectResult(SetupPath);
            return;
        }
        await next();
    }

    /// <summary>A customer whose session says two-factor sign-in is off (the claim is refreshed on every request).</summary>
    public static bool MustSetUpTwoFactor(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(SessionClaims.PortalRole) && user.FindFirst(SessionClaims.TwoFactorClaim)?.Value == "false";
}
