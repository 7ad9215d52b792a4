using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.MyAccount;
using Portal.Application.Payments;
using Portal.Domain.Payments;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Pages.My;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.PaymentMethods)]
public sealed class MyNewPaymentMethodModel : PortalPageModel
{
    [BindProperty]
    public NewBankAccountInput Input { get; set; } = new();

    /// <summary>The language the mandate text is shown in: the one the customer agrees to, and the one recorded.</summary>
    public string MandateLanguage { get; private set; } = "en";

    public async Task OnGetAsync()
    {
        MandateLanguage = CurrentMandateLanguage();
        Input = new NewBankAccountInput { AccountHolder = (await SendAsync(new GetMyDetails())).Details.Name };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The customer agreed to the mandate text in the language of the form they saw, which is what is recorded.
        var languageShown = Input.MandateLanguage is { } shown && PaymentMethod.MandateLanguages.Contains(shown)
            ? shown
            : CurrentMandateLanguage();
        var (succeeded, added) = await TrySendAsync(
            new AddMyPaymentMethod(Input.AccountHolder, Input.Iban, Input.Bic, Input.AgreesToMandate, languageShown));
        if (succeeded)
        {
            TempData["Notice"] = T["The bank account {0} has been added.", added!.MaskedIban].Value;
            return RedirectToPage("/My/PaymentMethods");
        }
        MandateLanguage = CurrentMandateLanguage();
        return Page();
    }

    private static string CurrentMandateLanguage() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? "de" : "en";

    public sealed class NewBankAccountInput
    {
        [Display(Name = "Account holder")]
        public string? AccountHolder { get; set; }

        [Display(Name = "IBAN")]
        public string? Iban { get; set; }

        [Display(Name = "BIC (optional)")]
        public string? Bic { get; set; }

        [Display(Name = "I agree to the SEPA Direct Debit mandate above.")]
        public bool AgreesToMandate { get; set; }

        public string? MandateLanguage { get; set; }
    }
}
