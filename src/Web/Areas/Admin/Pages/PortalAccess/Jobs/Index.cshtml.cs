using Portal.Application.PortalAccess.Jobs;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.PortalAccess.Jobs;

public sealed class PortalAccessJobsModel : PortalPageModel
{
    public IReadOnlyList<PortalAccessJobSummary> Jobs { get; private set; } = [];

    public async Task OnGetAsync() => Jobs = await SendAsync(new ListPortalAccessJobs());
}
