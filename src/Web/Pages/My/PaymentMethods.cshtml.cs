using Microsoft.AspNetCore.Mvc;
using Portal.Application.Payments;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.PaymentMethods)]
public sealed class MyPaymentMethodsModel : PortalPageModel
{
    public IReadOnlyList<PaymentMethodItem> Methods { get; private set; } = [];

    public async Task OnGetAsync() => Methods = await SendAsync(new ListMyPaymentMethods());

    public async Task<IActionResult> OnPostMakeDefaultAsync(int id)
    {
        await SendAsync(new MakeMyDefaultPaymentMethod(id));
        TempData["Notice"] = T["The default bank account has been changed."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var masked = await SendAsync(new RemoveMyPaymentMethod(id));
        TempData["Notice"] = T["The bank account {0} has been removed.", masked].Value;
        return RedirectToPage();
    }
}
