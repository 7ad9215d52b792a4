using System.Globalization;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Settings;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Infrastructure.Branding;

/// <summary>
/// The business's look as files the strict CSP allows ('self'): the logo, and a small stylesheet that gives
/// Bootstrap the primary colour. Both are addressed with a version, so they may be cached for a year.
/// </summary>
public static class BrandingEndpoints
{
    /// <summary>The logo is served as an image that can do nothing: no scripts, nothing loaded, sandboxed if opened on its own.</summary>
    public const string LogoContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private const string Forever = "public, max-age=31536000, immutable";

    public static string LogoUrl(PortalSettingsSnapshot settings) => $"{PortalRoutes.Endpoints.BrandingLogo}?v={settings.LogoVersion}";

    public static string ThemeUrl(PortalSettingsSnapshot settings) =>
        $"{PortalRoutes.Endpoints.BrandingTheme}?v={settings.Version.ToString(CultureInfo.InvariantCulture)}";

    public static IEndpointRouteBuilder MapBranding(this IEndpointRouteBuilder endpoints)
    {
        var branding = endpoints.MapGroup(string.Empty).WithMetadata(new PublicAssetAttribute());
        branding.MapGet(PortalRoutes.Endpoints.BrandingLogo, async (HttpContext http, ISender sender, string? v) =>
        {
            var logo = await sender.Send(new GetLogo(), http.RequestAborted);
            if (logo is null) return Results.NotFound();
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = LogoContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = v == logo.Version ? Forever : "no-cache";
            return Results.File(logo.Data, logo.ContentType);
        });
        branding.MapGet(PortalRoutes.Endpoints.BrandingTheme, async (HttpContext http, IPortalSettings settings, string? v) =>
        {
            var current = await settings.CurrentAsync(http.RequestAborted);
            http.Response.Headers.CacheControl = v == current.Version.ToString(CultureInfo.InvariantCulture) ? Forever : "no-cache";
            return Results.Text(Theme(current.PrimaryColour), "text/css; charset=utf-8");
        });
        return endpoints;
    }

    /// <summary>Bootstrap 5.3 reads its primary colour from custom properties; buttons and backgrounds get theirs set too.</summary>
    public static string Theme(string primaryColour)
    {
        var colour = BrandColour.IsHex(primaryColour) ? primaryColour : PortalSettings.DefaultPrimaryColour;
        var (r, g, b) = BrandColour.Rgb(colour);
        var dark = Darker(r, g, b, 0.85);
        var darker = Darker(r, g, b, 0.75);
        var rgb = string.Create(CultureInfo.InvariantCulture, $"{r}, {g}, {b}");
        return $$"""
            :root, [data-bs-theme=light] {
              --bs-primary: {{colour}};
              --bs-primary-rgb: {{rgb}};
              --bs-link-color: {{colour}};
              --bs-link-color-rgb: {{rgb}};
              --bs-link-hover-color: {{dark}};
              --bs-link-hover-color-rgb: {{RgbOf(dark)}};
            }
            .btn-primary {
              --bs-btn-bg: {{colour}};
              --bs-btn-border-color: {{colour}};
              --bs-btn-hover-bg: {{dark}};
              --bs-btn-hover-border-color: {{dark}};
              --bs-btn-active-bg: {{darker}};
              --bs-btn-active-border-color: {{darker}};
              --bs-btn-disabled-bg: {{colour}};
              --bs-btn-disabled-border-color: {{colour}};
            }
            .btn-outline-primary {
              --bs-btn-color: {{colour}};
              --bs-btn-border-color: {{colour}};
              --bs-btn-hover-bg: {{colour}};
              --bs-btn-hover-border-color: {{colour}};
              --bs-btn-active-bg: {{dark}};
              --bs-btn-active-border-color: {{dark}};
            }
            .bg-primary { background-color: {{colour}} !important; }
            .text-primary { color: {{colour}} !important; }
            .border-primary { border-color: {{colour}} !important; }
            a { color: {{colour}}; }
            a:hover { color: {{dark}}; }

            """;
    }

    private static string Darker(int r, int g, int b, double factor) =>
        string.Create(CultureInfo.InvariantCulture, $"#{(int)(r * factor):x2}{(int)(g * factor):x2}{(int)(b * factor):x2}");

    private static string RgbOf(string hex)
    {
        var (r, g, b) = BrandColour.Rgb(hex);
        return string.Create(CultureInfo.InvariantCulture, $"{r}, {g}, {b}");
    }
}
