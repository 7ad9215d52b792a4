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

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
