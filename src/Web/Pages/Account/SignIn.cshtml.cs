using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Account;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Sessions;
using SignInResult = Portal.Application.Account.SignInResult;

namespace Portal.Web.Pages.Account;

public sealed class SignInModel : PortalPageModel
{
    public const string GenericFailure = "The e-mail address or password is not correct.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (succeeded, result) = await TrySendAsync(new SignIn(Input.Email ?? "", Input.Password ?? ""));
        if (!succeeded) return Page();
        switch (result)
        {
            case SignInResult.Succeeded signedIn:
                await HttpContext.SignInAsync(signedIn.User);
                return LocalRedirect(SessionClaims.HomeAfterSignIn(Url, ReturnUrl, signedIn.User.Kind));
            case SignInResult.TwoFactorRequired pending:
                await HttpContext.StartTwoFactorSignInAsync(pending, ReturnUrl);
                return RedirectToPage("/Account/TwoFactor");
            default:
                // One message for every failure: the page never tells whether an account exists.
                Input.Password = null;
                ModelState.AddModelError(string.Empty, T[GenericFailure]);
                return Page();
        }
    }

    public sealed class InputModel
    {
        [Display(Name = "E-mail")]
        public string? Email { get; set; }

        [Display(Name = "Password")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
