using Microsoft.AspNetCore.Mvc;
using Portal.Application.ContactImports;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.ContactImport;

/// <summary>
/// The first step of a contact import: choose a CSV file. It is kept for the preview; nothing is stored as a contact yet.
/// The summary of a committed import is shown here too.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RefuseOversizedCsv(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ContactImportModel : PortalPageModel
{
    /// <summary>A file of the largest size an import takes, plus the form around it.</summary>
    public const long MaxRequestBytes = Domain.Contacts.ContactImport.MaxSizeBytes + 64 * 1024;

    public const string SummaryKey = "ImportSummary";

    /// <summary>New, updated, unchanged, refused, companies created; set after a commit.</summary>
    public IReadOnlyList<int>? Summary { get; private set; }

    public void OnGet()
    {
        if (TempData[OversizedUploadAttribute.RefusalKey] is string refusal) ModelState.AddModelError("File", refusal);
        if (TempData[SummaryKey] is string summary)
        {
            Summary = summary.Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", T.Refusal(DomainErrors.ContactImportEmpty));
            return Page();
        }
        if (file.Length > Domain.Contacts.ContactImport.MaxSizeBytes)
        {
            ModelState.AddModelError("File", T.Refusal(DomainErrors.ContactImportTooLarge));
            return Page();
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var (succeeded, id) = await TrySendAsync(new UploadContactImport(file.FileName, buffer.ToArray()), prefix: "");
        if (!succeeded)
        {
            // A refusal of the file is about the file field.
            if (ModelState.TryGetValue(string.Empty, out var entry))
            {
                foreach (var error in entry.Errors.ToList()) ModelState.AddModelError("File", error.ErrorMessage);
                ModelState.Remove(string.Empty);
            }
            return Page();
        }
        return RedirectToPage("/ContactImport/Preview", new { id });
    }

    public async Task<IActionResult> OnGetTemplateAsync() =>
        File(await SendAsync(new GetContactImportTemplate()), "text/csv", "contacts-template.csv");
}
