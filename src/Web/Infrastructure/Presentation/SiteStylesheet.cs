using Microsoft.AspNetCore.Components;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>
/// The address of the site's stylesheet with its content fingerprint (<c>/css/site.h0tycn28cg.css</c>), as
/// <c>asp-append-version</c> writes it, looked up once: the static-asset manifest is fixed while the app runs, and the
/// layout's link and URL tag helpers repeated the lookup on every page. A request whose endpoint carries no manifest
/// (an error page) gets the plain address, which is served too, and the lookup is tried again on the next one.
/// </summary>
public sealed class SiteStylesheet
{
    private const string Path = "css/site.css";
    private string? fingerprinted;

    public string AddressFor(HttpContext context)
    {
        if (fingerprinted is { } known) return context.Request.PathBase + known;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() is not { } assets)
            return context.Request.PathBase + "/" + Path;
        fingerprinted = "/" + assets[Path];
        return context.Request.PathBase + fingerprinted;
    }
}
