using Portal.Application.Contacts;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages;

public sealed class AdminIndexModel : PortalPageModel
{
    public BackOfficeOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync() => Overview = await SendAsync(new GetBackOfficeOverview());
}
