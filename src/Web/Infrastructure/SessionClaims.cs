using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Application.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Web.Infrastructure;

/// <summary>What a session cookie carries: the user's id, kind (as role), name, and the security stamp it was issued with.</summary>
public static class SessionClaims
{
    public const string InternalRole = "Internal";
    public const string PortalRole = "Portal";
    public const string SecurityStamp = "portal:stamp";

    public static Task SignInAsync(this HttpContext http, SignedInUser user)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Email, user.Login),
                new Claim(ClaimTypes.Role, user.Kind == UserKind.Internal ? InternalRole : PortalRole),
                new Claim(SecurityStamp, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Where a fresh session goes: back to the page that asked for sign-in if this kind of user may see it, else home.</summary>
    public static string HomeAfterSignIn(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl, UserKind kind)
    {
        var home = kind == UserKind.Internal ? "/admin" : "/my";
        var allowed = url.IsLocalUrl(returnUrl)
            && (kind == UserKind.Internal || !returnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase));
        return allowed ? returnUrl! : home;
    }

    public const string TwoFactorScheme = "TwoFactorPending";

    /// <summary>
    /// Between password and second factor: a short-lived cookie of its own that proves only "the password was
    /// right" and grants nothing; the session cookie is issued once the code is verified.
    /// </summary>
    public static Task StartTwoFactorSignInAsync(this HttpContext http, Application.Account.SignInResult.TwoFactorRequired pending, string? returnUrl)
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

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
