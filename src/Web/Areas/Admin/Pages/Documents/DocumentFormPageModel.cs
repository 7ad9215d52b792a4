using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>What the new and the edit page share: the form, "add line", and saving.</summary>
public abstract class DocumentFormPageModel : PortalPageModel
{
    [BindProperty] public DocumentInput Input { get; set; } = new();

    public int ContactId { get; protected set; }
    public string ContactName { get; protected set; } = "";
    public abstract bool IsNew { get; }

    /// <summary>Loads what the page shows besides the form (the contact), or answers 404.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Another empty row; nothing is saved and everything typed so far stays.</summary>
    public async Task<IActionResult> OnPostAddLineAsync()
    {
        await LoadAsync();
        if (Input.Lines.Count < Document.MaxLines) Input.Lines.Add(new LineInput());
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(int? documentId)
    {
        if (!Enum.IsDefined(Input.Kind)) Input.Kind = DocumentKind.Invoice;
        if (ModelState.IsValid)
        {
            // Blank rows are dropped before sending, so the line numbers of any refusal match the rows shown afterwards.
            Input.DropBlankRows();
            ModelState.Clear();
            var command = new SaveDocument(documentId, ContactId, Input.Kind, Input.Number, Input.IssuedOn, Input.DueOn, Input.Currency,
                Input.LineItems());
            var (succeeded, id) = await TrySendAsync(command);
            if (succeeded)
            {
                TempData["Notice"] = T["The document has been saved."].Value;
                return RedirectToPage("/Documents/Details", new { id });
            }
        }
        Input.PadRows();
        return Page();
    }

    /// <summary>
    /// What the row shows: the text as typed when it could not be read as a number, else the number in the user's format.
    /// </summary>
    public string LineValue(int index, string field, decimal? value) =>
        ModelState.TryGetValue($"Input.Lines[{index}].{field}", out var entry) && entry.Errors.Count > 0
            ? entry.AttemptedValue ?? ""
            : value is { } v ? DocumentDisplay.Number(v) : "";
}
