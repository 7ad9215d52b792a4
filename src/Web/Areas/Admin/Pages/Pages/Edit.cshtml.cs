using Microsoft.AspNetCore.Mvc;
using Portal.Application.Pages;
using Portal.Domain.Pages;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Pages;

/// <summary>Edits a page, publishes it to everyone or to portal users, or takes it back to a draft; previews what is saved.</summary>
public sealed class EditPageModel : PortalPageModel
{
    [FromRoute(Name = "id")] public int Id { get; set; }

    [BindProperty] public PageInput Input { get; set; } = new();

    public PageDetails Saved { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Saved = await SendAsync(new GetPage(Id));
        Input = PageInput.From(Saved);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(Input.ToCommand(Id));
            if (succeeded)
            {
                TempData["Notice"] = T["The page has been saved."].Value;
                return RedirectToPage("/Pages/Edit", new { id = Id });
            }
        }
        Saved = await SendAsync(new GetPage(Id));
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(PageVisibility audience) =>
        MoveAsync(new PublishPage(Id, audience), "The page has been published.");

    public Task<IActionResult> OnPostUnpublishAsync() =>
        MoveAsync(new UnpublishPage(Id), "The page is a draft again.");

    private async Task<IActionResult> MoveAsync(Mediator.IRequest<Mediator.Unit> move, string notice)
    {
        ModelState.Clear();
        var (succeeded, _) = await TrySendAsync(move, prefix: "");
        if (succeeded)
        {
            TempData["Notice"] = T[notice].Value;
            return RedirectToPage("/Pages/Edit", new { id = Id });
        }
        Saved = await SendAsync(new GetPage(Id));
        Input = PageInput.From(Saved);
        return Page();
    }
}
