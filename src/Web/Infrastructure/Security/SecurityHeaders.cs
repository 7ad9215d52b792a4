namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// Headers every response carries: a strict CSP (no inline script or style), no sniffing, no framing,
/// no referrer (token links must never leak through it), and no caching of signed-in pages.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var metadata = context.GetEndpoint()?.Metadata;
            var branding = metadata?.GetMetadata<PublicAssetAttribute>() is not null;
            var oneTimeLink = metadata?.GetMetadata<OneTimeLinkPageAttribute>() is not null;
            // The logo brings a stricter policy of its own (BrandingEndpoints), the API reference a looser one for its
            // script's inline styles; everything else gets the site's.
            if (metadata?.GetMetadata<Api.ApiReferencePageAttribute>() is not null)
                headers.ContentSecurityPolicy = Api.PortalApi.ReferenceContentSecurityPolicy(context);
            else if (!branding || string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The logo and theme are the same for everyone and versioned in their address: they may be cached.
            if (!branding && (context.User.Identity?.IsAuthenticated == true || oneTimeLink))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>A page whose address is a one-time link: neither the page nor its address may stay in a cache.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OneTimeLinkPageAttribute : Attribute;

/// <summary>A file that is the same for everyone and versioned in its address: it may be cached, and may bring its own CSP.</summary>
public sealed class PublicAssetAttribute : Attribute;
