using Portal.Application.MyAccount;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

public sealed class MyIndexModel : PortalPageModel
{
    public MyDetails Details { get; private set; } = null!;

    public async Task OnGetAsync() => Details = await SendAsync(new GetMyDetails());
}
