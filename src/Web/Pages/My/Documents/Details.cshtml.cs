using Portal.Application.Documents;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.My.Documents;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.Documents)]
public sealed class MyDocumentModel : PortalPageModel
{
    public MyDocumentView Document { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Document = await SendAsync(new GetMyDocument(id));
}
