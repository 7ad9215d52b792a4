using Microsoft.AspNetCore.Mvc;
using Portal.Application.Contacts;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>A new draft document for the contact in the query string (/admin/documents/new?contactId=…).</summary>
public sealed class NewDocumentModel(TimeProvider clock) : DocumentFormPageModel
{
    [FromQuery(Name = "contactId")] public int RequestedContactId { get; set; }

    public override bool IsNew => true;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.IssuedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input.PadRows();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        return await SaveAsync(null);
    }

    protected override async Task LoadAsync()
    {
        var contact = await SendAsync(new GetContact(RequestedContactId));
        ContactId = contact.Id;
        ContactName = contact.Name;
    }
}
