using Microsoft.AspNetCore.Mvc;
using Portal.Application.Account;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Pages.Account;

/// <summary>
/// GET only shows the change (mail scanners that open links consume nothing); the POST confirms it. Works signed
/// in or not: the change ends every session, and only a browser signed in as this very customer gets a new one.
/// </summary>
[OneTimeLinkPage]
public sealed class ConfirmEmailModel : PortalPageModel
{
    public const string ChangedSignedIn =
        "Your e-mail address has been changed. It is now your login; every other session has been signed out.";
    public const string ChangedSignIn = "Your e-mail address has been changed. Please sign in with {0}.";

    public string? Problem { get; private set; }
    public string? NewEmail { get; private set; }

    public async Task OnGetAsync(string token) => await DescribeAsync(token);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (succeeded, user) = await TrySendAsync(new ConfirmEmailChange(token), prefix: "");
        if (succeeded)
        {
            if (User.Identity?.IsAuthenticated == true && User.UserId() == user!.UserId)
            {
                // The stamp rotated; this browser confirmed it, so it keeps a session under the new login.
                await HttpContext.SignInAsync(user);
                TempData["Notice"] = T[ChangedSignedIn].Value;
                return RedirectToPage("/My/Account");
            }
            TempData["Notice"] = T[ChangedSignIn, user!.Login].Value;
            return RedirectToPage(User.Identity?.IsAuthenticated == true ? "/Index" : "/Account/SignIn");
        }
        await DescribeAsync(token);
        // A refusal the description already explains is shown once, in the box that explains it.
        if (Problem is not null) ModelState.Clear();
        return Page();
    }

    private async Task DescribeAsync(string token)
    {
        var change = await SendAsync(new GetEmailChange(token));
        Problem = change.Problem is { } problem ? T.Refusal(problem).Value : null;
        NewEmail = change.NewEmail;
    }
}
