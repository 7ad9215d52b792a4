using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Infrastructure.Security;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Checks every session against the user's current security stamp, so a revoke (or anything else that
/// rotates the stamp) ends the session on its very next request; a session older than the absolute
/// lifetime ends too, however active it was. Forbidden answers are a 403 page, not a redirect.
/// </summary>
internal sealed class SessionCookieEvents(TimeSpan absoluteLifetime) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var started = context.Principal?.SessionStarted();
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (started is null || now - started.Value >= absoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        var userId = context.Principal?.UserId();
        var stamp = context.Principal?.FindFirst(SessionClaims.SecurityStamp)?.Value;
        var current = userId is { } id
            ? await context.HttpContext.RequestServices.GetRequiredService<SessionStamps>().CurrentStampAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
