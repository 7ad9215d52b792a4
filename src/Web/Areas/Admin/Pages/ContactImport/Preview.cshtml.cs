using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common.Csv;
using Portal.Application.ContactImports;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.Contacts;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Areas.Admin.Pages.ContactImport;

/// <summary>
/// What an uploaded file will do: the column mapping (editable), counts per outcome, the first rows as they will be stored
/// and the refused rows with their reasons. Confirming carries it out; until then nothing is stored.
/// </summary>
public sealed class ContactImportPreviewModel : PortalPageModel
{
    [FromRoute(Name = "id")] public Guid Id { get; set; }

    [BindProperty] public List<ContactImportField?> Columns { get; set; } = [];

    /// <summary>Hands the imported people to a bulk grant once they are stored (staff who may manage portal access).</summary>
    [BindProperty] public bool GrantAccess { get; set; }

    [BindProperty] public string? WelcomeMessage { get; set; }

    public ContactImportPreview Preview { get; private set; } = null!;

    public async Task OnGetAsync() => Preview = await SendAsync(new GetContactImportPreview(Id));

    public async Task<IActionResult> OnPostMapAsync()
    {
        var (succeeded, _) = await TrySendAsync(new MapContactImportColumns(Id, Columns), prefix: "");
        if (succeeded) return RedirectToPage("/ContactImport/Preview", new { id = Id });
        Preview = await SendAsync(new GetContactImportPreview(Id));
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (GrantAccess && !User.May(StaffPermission.ManagePortalAccess)) return Forbid();
        // Checked before anything is stored: the grant starts after the commit and must not fail on its input then.
        if (GrantAccess && WelcomeMessage?.Trim().Length > GrantPortalAccessValidator.WelcomeMessageMaxLength)
        {
            ModelState.AddModelError(nameof(WelcomeMessage), T[ContactValidation.TooLong]);
            Preview = await SendAsync(new GetContactImportPreview(Id));
            return Page();
        }
        var (succeeded, result) = await TrySendAsync(new CommitContactImport(Id), prefix: "");
        if (!succeeded)
        {
            Preview = await SendAsync(new GetContactImportPreview(Id));
            return Page();
        }
        if (result is null)
        {
            TempData["Notice"] = T["This import has already been done, or it has expired. Please upload the file again if needed."].Value;
            return RedirectToPage("/ContactImport/Index");
        }
        TempData[ContactImportModel.SummaryKey] = string.Join(',',
            new[] { result.New, result.Updated, result.Unchanged, result.Refused, result.NewCompanies }
                .Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!GrantAccess || result.ImportedPersonIds.Count == 0) return RedirectToPage("/ContactImport/Index");
        var jobId = await SendAsync(new StartImportPortalAccessJob(result.ImportedPersonIds, result.FileName, WelcomeMessage));
        return RedirectToPage("/PortalAccess/Jobs/Details", new { id = jobId });
    }

    public async Task<IActionResult> OnGetRefusedAsync()
    {
        var refused = await SendAsync(new GetRefusedContactImportRows(Id));
        var csv = HttpContext.RequestServices.GetRequiredService<ICsvFileWriter>();
        var header = refused.Headers.Append(T["Reason"].Value).ToList();
        var rows = refused.Rows.Select(row => (IReadOnlyList<string?>)
            [.. Enumerable.Range(0, refused.Headers.Count).Select(row.Record.Cell), T.ImportRefusals(row)]);
        var name = Path.GetFileNameWithoutExtension(refused.FileName);
        return File(csv.Write(header, rows), "text/csv", $"{(name.Length == 0 ? "contacts" : name)}-refused.csv");
    }
}
