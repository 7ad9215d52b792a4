using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>Changes a draft; a document that has left the draft status is shown, not edited.</summary>
public sealed class EditDocumentModel : DocumentFormPageModel
{
    [FromRoute(Name = "id")] public int Id { get; set; }

    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync()
    {
        var document = await LoadDocumentAsync();
        if (!document.IsDraft) return RedirectToPage("/Documents/Details", new { id = Id });
        Input = DocumentInput.From(document);
        Input.Lines.Add(new LineInput());
        Input.PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var document = await LoadDocumentAsync();
        Input.Kind = document.Kind;
        return await SaveAsync(Id);
    }

    protected override async Task LoadAsync() => await LoadDocumentAsync();

    private async Task<DocumentView> LoadDocumentAsync()
    {
        var document = await SendAsync(new GetDocument(Id));
        ContactId = document.ContactId;
        ContactName = document.ContactName;
        return document;
    }
}
