using Portal.Application.Documents;
using Portal.Application.MyAccount;
using Portal.Application.Settings;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

public sealed class MyIndexModel : PortalPageModel
{
    public MyDetails Details { get; private set; } = null!;

    /// <summary>One tile per kind the customer has documents of, each opening the filtered list; none while the section is hidden.</summary>
    public IReadOnlyList<DocumentKindCount> DocumentTiles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Details = await SendAsync(new GetMyDetails());
        if (await HttpContext.SectionShownAsync(MyAccountSection.Documents))
        {
            DocumentTiles = await SendAsync(new GetMyDocumentCounts());
        }
    }
}
