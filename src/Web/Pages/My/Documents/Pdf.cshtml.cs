using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My.Documents;

/// <summary>
/// The PDF of a document the customer may see; every other id is a 404, exactly like the page. Opening it straight from a link
/// counts as viewing the document, as opening its page does.
/// </summary>
[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.Documents)]
public sealed class MyDocumentPdfModel : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var pdf = await SendAsync(new GetMyDocumentPdf(id));
        await SendAsync(new NoteMyDocumentViewed(id));
        return PdfFile.Result(this, pdf);
    }
}
