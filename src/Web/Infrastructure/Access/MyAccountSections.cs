using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Application.Settings;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Access;

/// <summary>
/// Marks a page as part of a My Account section the business can switch off. While the section is off the page
/// doesn't exist: every handler answers 404, and its tiles and links are gone (see <see cref="SectionShownAsync"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MyAccountSectionPageAttribute(MyAccountSection section) : Attribute, IAsyncPageFilter
{
    public MyAccountSection Section { get; } = section;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await context.HttpContext.SectionShownAsync(Section))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}

public static class MyAccountSections
{
    public static async ValueTask<bool> SectionShownAsync(this HttpContext http, MyAccountSection section) =>
        (await http.RequestServices.GetRequiredService<IPortalSettings>().CurrentAsync(http.RequestAborted)).Shows(section);
}

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
