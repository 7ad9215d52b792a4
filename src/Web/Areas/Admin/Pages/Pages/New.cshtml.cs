using Microsoft.AspNetCore.Mvc;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Pages;

/// <summary>Writes a new page or blog post; it is saved as a draft and published from its edit page.</summary>
public sealed class NewPageModel : PortalPageModel
{
    [BindProperty] public PageInput Input { get; set; } = new();

    public void OnGet()
    {
        if (Request.Query["kind"] == "blog") Input.Kind = Domain.Pages.PortalPageKind.BlogPost;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var (succeeded, id) = await TrySendAsync(Input.ToCommand(null));
        if (!succeeded) return Page();
        TempData["Notice"] = T["The page has been saved as a draft."].Value;
        return RedirectToPage("/Pages/Edit", new { id });
    }
}
