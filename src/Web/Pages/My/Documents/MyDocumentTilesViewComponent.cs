using Mediator;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;
using Portal.Web.Infrastructure.Access;

namespace Portal.Web.Pages.My.Documents;

/// <summary>My Account's document tiles: one per kind the customer has documents of, each opening the filtered list.</summary>
public sealed class MyDocumentTilesViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!await HttpContext.SectionShownAsync(Portal.Application.Settings.MyAccountSection.Documents)) return Content("");
        var counts = await sender.Send(new GetMyDocumentCounts(), HttpContext.RequestAborted);
        return View("~/Pages/My/Documents/_DocumentTiles.cshtml", counts);
    }
}
