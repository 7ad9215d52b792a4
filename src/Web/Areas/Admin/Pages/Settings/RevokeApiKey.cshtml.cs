using Microsoft.AspNetCore.Mvc;
using Portal.Application.ApiKeys;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Settings;

/// <summary>
/// Asks before a key is revoked: the other system stops working at its next call and the key can't be brought back. The
/// question is a page of its own, so it works by keyboard and without script like any other form.
/// </summary>
public sealed class RevokeApiKeyModel : PortalPageModel
{
    public ApiKeyRow Key { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var key = (await SendAsync(new ListApiKeys())).FirstOrDefault(k => k.Id == id);
        if (key is null) return NotFound();
        if (key.RevokedAt is not null) return RedirectToPage("/Settings/ApiKeys");
        Key = key;
        return Page();
    }
}
