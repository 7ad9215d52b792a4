using Microsoft.AspNetCore.Mvc;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

/// <summary>
/// The customer's data as a file. The download is a POST, so only a form of this site (with its antiforgery
/// token) can start it; GET shows what the file contains.
/// </summary>
[OpenBeforeTwoFactorSetup]
public sealed class DownloadMyDataModel : PortalPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var file = await SendAsync(new DownloadMyData());
        // Signed-in pages are never cached anyway; this file is the last thing that should be, so it says so itself.
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, "application/json", file.FileName);
    }
}
