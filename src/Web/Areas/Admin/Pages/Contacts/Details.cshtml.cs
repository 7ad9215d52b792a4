using Portal.Application.Contacts;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Contacts;

public sealed class ContactDetailsModel : PortalPageModel
{
    public ContactView Contact { get; private set; } = null!;

    public IReadOnlyList<Portal.Application.Payments.PaymentMethodItem> PaymentMethods { get; private set; } = [];

    public async Task OnGetAsync(int id)
    {
        Contact = await SendAsync(new GetContact(id));
        PaymentMethods = await SendAsync(new Portal.Application.Payments.ListContactPaymentMethods(id));
    }
}
