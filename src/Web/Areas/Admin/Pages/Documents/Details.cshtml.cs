using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>
/// One document in the back office: lines and totals, status moves, and its PDF. The PDF upload is the only
/// form here that carries a file, so this page alone accepts bodies up to <see cref="MaxRequestBytes"/>.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RefuseOversizedUpload(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class DocumentDetailsModel : PortalPageModel
{
    /// <summary>
    /// A <see cref="DocumentFile.MaxSizeMegabytes"/> MB file plus the form around it; larger files get a clear message from the
    /// check, not a reset connection.
    /// </summary>
    public const long MaxRequestBytes = 11 * 1024 * 1024;

    [FromRoute(Name = "id")] public int Id { get; set; }

    [BindProperty] public DocumentStatus? NewStatus { get; set; }

    public DocumentView Document { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        if (TempData[RefuseOversizedUploadAttribute.RefusalKey] is string refusal) ModelState.AddModelError("Content", refusal);
        Document = await SendAsync(new GetDocument(Id));
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (NewStatus is { } status && Enum.IsDefined(status) && ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(new ChangeDocumentStatus(Id, status), prefix: "");
            if (succeeded)
            {
                TempData["Notice"] = T["The status has been changed."].Value;
                return RedirectToPage("/Documents/Details", new { id = Id });
            }
        }
        else
        {
            ModelState.AddModelError(nameof(NewStatus), T["Please choose a status."]);
        }
        Document = await SendAsync(new GetDocument(Id));
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? pdf)
    {
        if (pdf is null || pdf.Length == 0)
        {
            ModelState.AddModelError("Content", T[DomainErrors.DocumentPdfEmpty.Message]);
        }
        else if (pdf.Length > DocumentFile.MaxSizeBytes)
        {
            ModelState.AddModelError("Content", T.Refusal(DomainErrors.DocumentPdfTooLarge));
        }
        else
        {
            using var buffer = new MemoryStream((int)pdf.Length);
            await pdf.CopyToAsync(buffer, HttpContext.RequestAborted);
            var (succeeded, _) = await TrySendAsync(new AttachDocumentPdf(Id, pdf.FileName, buffer.ToArray()), prefix: "");
            if (succeeded)
            {
                TempData["Notice"] = T["The PDF has been saved."].Value;
                return RedirectToPage("/Documents/Details", new { id = Id });
            }
        }
        Document = await SendAsync(new GetDocument(Id));
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePdfAsync()
    {
        var (succeeded, _) = await TrySendAsync(new RemoveDocumentPdf(Id), prefix: "");
        if (succeeded)
        {
            TempData["Notice"] = T["The PDF has been removed."].Value;
            return RedirectToPage("/Documents/Details", new { id = Id });
        }
        Document = await SendAsync(new GetDocument(Id));
        return Page();
    }
}
