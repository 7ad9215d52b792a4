using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Pages;

/// <summary>The friendly page behind every error status (404, 403, 429, …), in the user's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // Read from the route, not bound: binding a re-executed POST would read the original request's form, which may be unreadable.
    public void OnGet() => Describe(RouteCode());

    public void OnPost() => Describe(RouteCode());

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var code)
        && code is >= 400 and <= 599 ? code : 404;

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => (t["Page not found"], t["There is nothing here, or it is not yours to see."]),
            403 => (t["Access denied"], t["Your account may not open this page."]),
            400 => (t["Request not accepted"], t["The request could not be understood. Please go back and try again."]),
            409 => (t["Changed in the meantime"], t["Someone else changed this at the same time. Please reload and try again."]),
            429 => (t["Too many attempts"], t["Please wait a minute, then try again."]),
            _ => (t["Something went wrong"], t["Your request could not be completed. Please try again in a moment."]),
        };
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        if (original is not null) Response.StatusCode = code;
    }
}
