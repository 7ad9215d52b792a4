using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Application.Sessions;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Infrastructure.Sessions;

/// <summary>What a session cookie carries: the user's id, kind (as role), name, and the security stamp it was issued with.</summary>
public static class SessionClaims
{
    public const string InternalRole = "Internal";
    public const string PortalRole = "Portal";
    public const string SecurityStamp = "portal:stamp";
    /// <summary>
    /// The session's random token, new per sign-in (a fresh session never continues an older one); the server keeps only
    /// its hash, in the session's row.
    /// </summary>
    public const string SessionId = "portal:sid";
    /// <summary>
    /// When this session began (Unix seconds); sliding renewals and re-issues keep it, so the absolute lifetime counts from the sign-in.
    /// </summary>
    public const string SessionStartedAt = "portal:started";
    /// <summary>A staff member's role, added on every request from the database (never trusted from the cookie).</summary>
    public const string StaffRoleClaim = "portal:staffrole";
    /// <summary>A staff member's language (en/de), added on every request from the database: the back office speaks it.</summary>
    public const string StaffLanguageClaim = "portal:stafflang";
    /// <summary>Whether the user has two-factor sign-in on, added on every request from the database.</summary>
    public const string TwoFactorClaim = "portal:2fa";
    /// <summary>Present ("true") while the user must replace their password, added on every request from the database.</summary>
    public const string PasswordChangeClaim = "portal:pwchange";

    /// <summary>
    /// Issues the session cookie for a fully signed-in user and records the session on the server; the cookie carries
    /// only the random token whose hash names the session's row.
    /// </summary>
    public static async Task SignInAsync(this HttpContext http, SignedInUser user)
    {
        // Re-issuing the current user's own session (after a password change, a 2FA switch, an e-mail confirmation)
        // keeps its start, so such moves never stretch the absolute lifetime.
        var started = http.User.UserId() == user.UserId && http.User.SessionStarted() is { } current
            ? current
            : http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var token = await http.RequestServices.GetRequiredService<ISender>()
            .Send(new StartSession(user.UserId, started, http.Request.Headers.UserAgent.ToString()), http.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Email, user.Login),
                new Claim(ClaimTypes.Role, user.Kind == UserKind.Internal ? InternalRole : PortalRole),
                new Claim(SecurityStamp, user.SecurityStamp),
                new Claim(SessionId, token),
                new Claim(
                    SessionStartedAt,
                    started.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ClaimValueTypes.Integer64),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Where a fresh session goes: back to the page that asked for sign-in if this kind of user may see it, else home.</summary>
    public static string HomeAfterSignIn(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl, UserKind kind)
    {
        var home = kind == UserKind.Internal ? PortalRoutes.Admin.Home : PortalRoutes.My.Home;
        var allowed = url.IsLocalUrl(returnUrl)
            && (kind == UserKind.Internal || !returnUrl!.StartsWith(PortalRoutes.Admin.Home, StringComparison.OrdinalIgnoreCase));
        return allowed ? returnUrl! : home;
    }

    public const string TwoFactorScheme = "TwoFactorPending";

    /// <summary>
    /// Between password and second factor: a short-lived cookie of its own that proves only "the password was
    /// right" and grants nothing; the session cookie is issued once the code is verified.
    /// </summary>
    public static Task StartTwoFactorSignInAsync(
        this HttpContext http,
        Application.Account.SignInResult.TwoFactorRequired pending,
        string? returnUrl)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, pending.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(SecurityStamp, pending.SecurityStamp),
            ],
            TwoFactorScheme);
        var properties = new AuthenticationProperties { IsPersistent = false };
        if (!string.IsNullOrEmpty(returnUrl)) properties.Items["returnUrl"] = returnUrl;
        return http.SignInAsync(TwoFactorScheme, new ClaimsPrincipal(identity), properties);
    }

    public static DateTimeOffset? SessionStarted(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SessionStartedAt), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static Portal.Domain.Users.StaffRole? StaffRole(this ClaimsPrincipal principal) =>
        Enum.TryParse<Portal.Domain.Users.StaffRole>(principal.FindFirstValue(StaffRoleClaim), out var role) ? role : null;

    public static string? StaffLanguage(this ClaimsPrincipal principal) => principal.FindFirstValue(StaffLanguageClaim);

    /// <summary>
    /// Whether this request's user may do <paramref name="permission"/> in the back office (for showing or hiding its buttons).
    /// </summary>
    public static bool May(this ClaimsPrincipal principal, Portal.Domain.Users.StaffPermission permission) =>
        principal.StaffRole() is { } role && Portal.Domain.Users.StaffRoles.Allows(role, permission);

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
