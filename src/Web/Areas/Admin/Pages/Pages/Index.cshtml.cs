using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Pages;

public sealed class PagesIndexModel : PortalPageModel
{
    // From the query only: "page" is also the route value Razor Pages uses to pick the page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<PageListItem> Pages { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        Pages = await SendAsync(new ListPages(Math.Max(1, PageNumber)));
    }
}
