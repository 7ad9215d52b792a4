using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Account;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Pages.Account;

/// <summary>
/// GET only shows the form (mail scanners that open links consume nothing); the POST consumes the link.
/// After a reset nobody is signed in: the user goes to sign in with the new password.
/// </summary>
[OneTimeLinkPage]
public sealed class ResetPasswordModel : PortalPageModel
{
    public const string ResetNotice =
        "Your password has been reset and every session has been signed out. Please sign in with your new password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Problem { get; private set; }
    public string? Login { get; private set; }

    public async Task OnGetAsync(string token) => await DescribeAsync(token);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        try
        {
            var (succeeded, _) = await TrySendAsync(new ResetPassword(token, Input.NewPassword ?? "", Input.ConfirmPassword ?? ""));
            if (succeeded)
            {
                TempData["Notice"] = T[ResetNotice].Value;
                return RedirectToPage("/Account/SignIn");
            }
        }
        finally
        {
            Input = new InputModel();
        }
        await DescribeAsync(token);
        return Page();
    }

    /// <summary>
    /// "Request a new one": the form carries nothing but this page's own link, so the new one can only go to the account's
    /// address; the answer is the same page whatever happened.
    /// </summary>
    public async Task<IActionResult> OnPostNewLinkAsync(string token)
    {
        await TrySendAsync(new RequestNewPasswordReset(token));
        return RedirectToPage("/Account/NewLinkSent");
    }

    private async Task DescribeAsync(string token)
    {
        var reset = await SendAsync(new GetPasswordReset(token));
        Problem = reset.Problem is { } problem ? T.Refusal(problem).Value : null;
        Login = reset.Login;
    }

    public sealed class InputModel
    {
        [Display(Name = "New password")]
        [DataType(DataType.Password)]
        public string? NewPassword { get; set; }

        [Display(Name = "Repeat the password")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }
}
