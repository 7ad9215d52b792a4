using Portal.Application.Documents;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My.Documents;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.Documents)]
public sealed class MyDocumentModel : PortalPageModel
{
    public MyDocumentView Document { get; private set; } = null!;

    public async Task OnGetAsync(int id)
    {
        Document = await SendAsync(new GetMyDocument(id));
        await SendAsync(new NoteMyDocumentViewed(id));
    }
}
