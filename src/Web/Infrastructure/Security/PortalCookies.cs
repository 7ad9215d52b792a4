namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// Outside Development every cookie the portal sets is <c>__Host-</c>prefixed and Secure: browsers then accept it only
/// over HTTPS, only from this very host and for the whole site, so neither a plain-HTTP answer nor a neighbouring
/// subdomain can plant or overwrite one (session fixation, a forged antiforgery pair, a chosen language). Development on
/// http://localhost keeps plain names, which browsers would refuse with the prefix.
/// </summary>
public static class PortalCookies
{
    public const string Session = "portal.session";
    public const string TwoFactorPending = "portal.2fa";
    public const string Antiforgery = "portal.antiforgery";
    public const string TempData = "portal.tempdata";
    public const string Culture = "portal.culture";

    public static string Name(IHostEnvironment environment, string name) => environment.IsDevelopment() ? name : "__Host-" + name;

    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>
    /// The antiforgery cookie, Secure outside Development like the others. Not through its own "Always" policy: that one
    /// refuses every form posted over plain HTTP as the app sees it (TLS ending at a proxy whose headers are not trusted,
    /// a test server on loopback) instead of just marking the cookie.
    /// </summary>
    public static CookieBuilder AntiforgeryCookie(IHostEnvironment environment, CookieBuilder defaults)
    {
        var cookie = environment.IsDevelopment() ? new CookieBuilder() : new AlwaysSecureCookieBuilder();
        cookie.Name = Name(environment, Antiforgery);
        cookie.SameSite = defaults.SameSite;
        cookie.HttpOnly = defaults.HttpOnly;
        cookie.IsEssential = defaults.IsEssential;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        return cookie;
    }

    private sealed class AlwaysSecureCookieBuilder : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }
}
