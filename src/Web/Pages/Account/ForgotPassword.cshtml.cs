using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Account;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Pages.Account;

/// <summary>
/// Asks for a reset link. Whatever the address, a valid one always ends on the same "check your e-mail"
/// page through the same redirect, so the answer never tells whether an account exists.
/// </summary>
public sealed class ForgotPasswordModel : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (succeeded, _) = await TrySendAsync(new ForgotPassword(Input.Email ?? ""));
        return succeeded ? RedirectToPage("/Account/ForgotPasswordSent") : Page();
    }

    public sealed class InputModel
    {
        [Display(Name = "E-mail")]
        public string? Email { get; set; }
    }
}
