using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Mail;
using Portal.Domain.Mail;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Emails;

public sealed class EmailsModel : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public OutboxStatus? Status { get; set; }
    // From the query only: "page" is also the route value Razor Pages uses to pick the page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<OutboxItem> Mails { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        if (Status is { } status && !Enum.IsDefined(status)) Status = null;
        Mails = await SendAsync(new ListOutbox(Status, Math.Max(1, PageNumber)));
    }
}
