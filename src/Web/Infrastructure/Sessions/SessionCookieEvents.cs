using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Application.Common;
using Portal.Application.Sessions;
using Portal.Application.Settings;
using Portal.Infrastructure.Security;

namespace Portal.Web.Infrastructure.Sessions;

/// <summary>
/// Checks every session against its row on the server and the user's current security stamp, so signing out, ending the
/// session from its list, a revoke, a deactivation (or anything else that rotates the stamp) ends it on its very next
/// request; a session idle for longer than the configured timeout, or older than the absolute lifetime, ends too. The staff role and 2FA state are read
/// fresh on each request, so a role change applies at once. Forbidden answers are a 403 page, not a redirect.
/// </summary>
internal sealed class SessionCookieEvents(TimeSpan absoluteLifetime) : CookieAuthenticationEvents
{
    /// <summary>How often an active session's cookie is re-issued to restart its idle clock.</summary>
    private static readonly TimeSpan RenewAfter = SessionLifetimeOptions.LastSeenPrecision;

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var started = context.Principal?.SessionStarted();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var settings = await services.GetRequiredService<IPortalSettings>().CurrentAsync(context.HttpContext.RequestAborted);
        var lastActive = context.Properties.IssuedUtc;
        if (started is null || now - started.Value >= absoluteLifetime
            || lastActive is null || now - lastActive.Value >= settings.SessionIdleTimeout)
        {
            await RejectAsync(context);
            return;
        }

        var userId = context.Principal?.UserId();
        var stamp = context.Principal?.FindFirst(SessionClaims.SecurityStamp)?.Value;
        var token = context.Principal?.FindFirst(SessionClaims.SessionId)?.Value;
        var sessions = services.GetRequiredService<SessionLookup>();
        var current = userId is not null && token is { Length: > 0 }
            ? await sessions.CurrentAsync(services.GetRequiredService<ITokenGenerator>().Hash(token), context.HttpContext.RequestAborted)
            : null;
        if (current is null || current.UserId != userId || now >= current.ExpiresAt
            || !string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context);
            return;
        }
        if (now - current.LastSeenAt >= SessionLifetimeOptions.LastSeenPrecision)
        {
            await sessions.NoteSeenAsync(current.SessionId, now, context.HttpContext.Connection.RemoteIpAddress?.ToString(),
                context.HttpContext.RequestAborted);
        }

        if (context.Principal!.Identity is ClaimsIdentity identity)
        {
            // Never taken from the cookie: what this request may do is what the database says now.
            foreach (var stale in identity.FindAll(c => c.Type is SessionClaims.StaffRoleClaim or SessionClaims.TwoFactorClaim
                or SessionClaims.PasswordChangeClaim or SessionClaims.StaffLanguageClaim).ToList())
                identity.RemoveClaim(stale);
            if (current.StaffRole is { } role) identity.AddClaim(new Claim(SessionClaims.StaffRoleClaim, role.ToString()));
            if (current.StaffLanguage is { } language) identity.AddClaim(new Claim(SessionClaims.StaffLanguageClaim, language));
            identity.AddClaim(new Claim(SessionClaims.TwoFactorClaim, current.TwoFactorEnabled ? "true" : "false"));
            if (current.MustChangePassword) identity.AddClaim(new Claim(SessionClaims.PasswordChangeClaim, "true"));
        }
        if (now - lastActive.Value >= RenewAfter) context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
