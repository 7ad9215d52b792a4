using Microsoft.AspNetCore.Mvc;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Infrastructure.Sessions;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Pages.Invitation;

/// <summary>GET only shows the invitation (mail scanners that open links consume nothing); the POST consumes it.</summary>
[OneTimeLinkPage]
public sealed class InvitationModel : PortalPageModel
{
    public const string PasswordSetNotice =
        "Your new password is set and every session has been signed out. Please sign in with it.";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public string? Problem { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public bool SetsNewPassword { get; private set; }
    public NewLinkOffer NewLink { get; private set; }

    public async Task OnGetAsync(string token) => await DescribeAsync(token);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        try
        {
            var (succeeded, user) = await TrySendAsync(new AcceptInvitation(token, Input.Password ?? "", Input.ConfirmPassword ?? ""));
            if (succeeded && user is not null)
            {
                await HttpContext.SignInAsync(user);
                return RedirectToPage("/My/Index");
            }
            if (succeeded)
            {
                // A re-invite link proves the mailbox, not the second factor: the customer signs in as usual.
                TempData["Notice"] = T[PasswordSetNotice].Value;
                return RedirectToPage("/Account/SignIn");
            }
        }
        finally
        {
            Input = new NewPasswordInput();
        }
        await DescribeAsync(token);
        return Page();
    }

    /// <summary>
    /// "Send me a new link": the form carries nothing but this page's own link, so the new one can only go to the address on
    /// file; the answer is the same page whatever happened.
    /// </summary>
    public async Task<IActionResult> OnPostNewLinkAsync(string token)
    {
        await TrySendAsync(new RequestNewInvitationLink(token));
        return RedirectToPage("/Account/NewLinkSent");
    }

    private async Task DescribeAsync(string token)
    {
        var invitation = await SendAsync(new GetInvitation(token));
        Problem = invitation.Problem is { } problem ? T.Refusal(problem).Value : null;
        Name = invitation.Name;
        Email = invitation.Email;
        SetsNewPassword = invitation.SetsNewPassword;
        NewLink = invitation.NewLink;
    }
}
