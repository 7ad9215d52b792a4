using Microsoft.AspNetCore.Mvc;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Contacts;

public sealed class ContactDetailsModel : PortalPageModel
{
    public const string MadeCompanyAdministrator = "{0} is now a company administrator and manages the colleagues' access.";
    public const string EndedCompanyAdministrator = "{0} is no longer a company administrator.";

    public ContactView Contact { get; private set; } = null!;

    public IReadOnlyList<Portal.Application.Payments.PaymentMethodItem> PaymentMethods { get; private set; } = [];

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    /// <summary>Staff make the customer their company's administrator, or end the role.</summary>
    public async Task<IActionResult> OnPostCompanyAdministratorAsync(int id, bool isAdministrator)
    {
        var (succeeded, _) = await TrySendAsync(new ChangeCompanyAdministrator(id, isAdministrator), prefix: "");
        if (!succeeded)
        {
            await LoadAsync(id);
            return Page();
        }
        var contact = await SendAsync(new GetContact(id));
        TempData["Notice"] = T[isAdministrator ? MadeCompanyAdministrator : EndedCompanyAdministrator, contact.Name].Value;
        return RedirectToPage("/Contacts/Details", new { id });
    }

    private async Task LoadAsync(int id)
    {
        Contact = await SendAsync(new GetContact(id));
        PaymentMethods = await SendAsync(new Portal.Application.Payments.ListContactPaymentMethods(id));
    }
}
