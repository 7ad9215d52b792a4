using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Application.Documents;

namespace Portal.Web.Infrastructure.PageModels;

/// <summary>A document's PDF as a download: always an attachment (never rendered inline from our origin) and never cached.</summary>
public static class PdfFile
{
    public const string ContentType = "application/pdf";

    public static IActionResult Result(PageModel page, PdfDownload pdf)
    {
        page.Response.Headers.CacheControl = "no-store";
        return page.File(pdf.Content, ContentType, pdf.FileName);
    }
}
