using Mediator;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Documents;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>The "Documents" section of the back-office contact page, so that page needs no change of its own model.</summary>
public sealed class ContactDocumentsViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int contactId)
    {
        var documents = await sender.Send(new ListContactDocuments(contactId), HttpContext.RequestAborted);
        return View("~/Areas/Admin/Pages/Documents/_ContactDocuments.cshtml", new ContactDocumentsModel(contactId, documents));
    }
}

public sealed record ContactDocumentsModel(int ContactId, IReadOnlyList<DocumentListItem> Documents);
