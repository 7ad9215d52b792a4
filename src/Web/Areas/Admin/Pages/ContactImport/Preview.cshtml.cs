using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common.Csv;
using Portal.Application.ContactImports;
using Portal.Domain.Contacts;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Areas.Admin.Pages.ContactImport;

/// <summary>
/// What an uploaded file will do: the column mapping (editable), counts per outcome, the first rows as they will be stored
/// and the refused rows with their reasons. Confirming carries it out; until then nothing is stored.
/// </summary>
public sealed class ContactImportPreviewModel : PortalPageModel
{
    [FromRoute(Name = "id")] public Guid Id { get; set; }

    [BindProperty] public List<ContactImportField?> Columns { get; set; } = [];

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
        var (succeeded, result) = await TrySendAsync(new CommitContactImport(Id), prefix: "");
        if (!succeeded)
        {
            Preview = await SendAsync(new GetContactImportPreview(Id));
            return Page();
        }
        if (result is null)
        {
            TempData["Notice"] = T["This import has already been done, or it has expired. Please upload the file again if needed."].Value;
        }
        else
        {
            TempData[ContactImportModel.SummaryKey] = string.Join(',',
                new[] { result.New, result.Updated, result.Unchanged, result.Refused, result.NewCompanies }
                    .Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return RedirectToPage("/ContactImport/Index");
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
