using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>The back office's download of a document's PDF (drafts included).</summary>
public sealed class DocumentPdfModel : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => PdfFile.Result(this, await SendAsync(new GetDocumentPdf(id)));
}
