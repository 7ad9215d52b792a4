using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Account;
using Portal.Domain.Users;
using Portal.Web.Infrastructure;

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
        var (succeeded, user) = await TrySendAsync(new SignIn(Input.Email ?? "", Input.Password ?? ""));
        if (!succeeded) return Page();
        if (user is null)
        {
            // One message for every failure: the page never tells whether an account exists.
            ModelState.AddModelError(string.Empty, T[GenericFailure]);
            return Page();
        }

        await HttpContext.SignInAsync(user);
        var home = user.Kind == UserKind.Internal ? "/admin" : "/my";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && IsForThisKindOfUser(ReturnUrl!, user.Kind) ? ReturnUrl! : home);
    }

    private static bool IsForThisKindOfUser(string returnUrl, UserKind kind) =>
        kind == UserKind.Internal || !returnUrl.StartsWith("/admin", StringComparison.OrdinalIgnoreCase);

    public sealed class InputModel
    {
        [Display(Name = "E-mail")]
        public string? Email { get; set; }

        [Display(Name = "Password")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
