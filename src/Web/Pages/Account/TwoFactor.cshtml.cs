using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Account;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Pages.Account;

/// <summary>
/// The second step of signing in. Only the short-lived pending cookie (password already checked) gets here;
/// the session cookie is issued once a code from the authenticator or a recovery code is accepted.
/// </summary>
public sealed class TwoFactorModel : PortalPageModel
{
    public const string WrongCode = "This code is not correct.";
    public const string WrongRecoveryCode = "This recovery code is not correct or has already been used.";
    public const string LockedOut = "Too many wrong codes. For your security, signing in is paused for a while. Please try again later.";
    public const string Expired = "This sign-in is no longer valid. Please sign in again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Shows the recovery-code form instead of the authenticator-code form.</summary>
    [BindProperty(SupportsGet = true, Name = "recovery")]
    public bool UseRecoveryCode { get; set; }

    /// <summary>Set when the pending sign-in has ended (locked or expired): the page then only offers to start over.</summary>
    public string? EndedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await PendingSignInAsync() is null ? RedirectToSignIn() : Page();

    public Task<IActionResult> OnPostAsync()
    {
        UseRecoveryCode = false;
        return CompleteAsync(Input.Code ?? "", recoveryCode: null);
    }

    public Task<IActionResult> OnPostRecoveryAsync()
    {
        UseRecoveryCode = true;
        return CompleteAsync(code: null, Input.RecoveryCode ?? "");
    }

    private async Task<IActionResult> CompleteAsync(string? code, string? recoveryCode)
    {
        if (await PendingSignInAsync() is not { } pending) return RedirectToSignIn();

        var (sent, result) = await TrySendAsync(new CompleteTwoFactorSignIn(pending.UserId, pending.SecurityStamp, code, recoveryCode));
        if (!sent) return Page();
        if (result is TwoFactorSignInResult.Succeeded signedIn)
        {
            await HttpContext.SignOutAsync(SessionClaims.TwoFactorScheme);
            await HttpContext.SignInAsync(signedIn.User);
            return LocalRedirect(SessionClaims.HomeAfterSignIn(Url, pending.ReturnUrl, signedIn.User.Kind));
        }
        if (result == TwoFactorSignInResult.WrongCode)
        {
            ModelState.AddModelError(UseRecoveryCode ? "Input.RecoveryCode" : "Input.Code",
                T[UseRecoveryCode ? WrongRecoveryCode : WrongCode]);
            return Page();
        }
        // Locked or no longer valid: this pending sign-in is over; only a fresh password sign-in can start another.
        await HttpContext.SignOutAsync(SessionClaims.TwoFactorScheme);
        EndedMessage = T[result == TwoFactorSignInResult.LockedOut ? LockedOut : Expired];
        return Page();
    }

    private sealed record PendingSignIn(int UserId, string SecurityStamp, string? ReturnUrl);

    private async Task<PendingSignIn?> PendingSignInAsync()
    {
        var pending = await HttpContext.AuthenticateAsync(SessionClaims.TwoFactorScheme);
        if (!pending.Succeeded || pending.Principal.UserId() is not { } userId
            || pending.Principal.FindFirst(SessionClaims.SecurityStamp)?.Value is not { Length: > 0 } stamp)
            return null;
        pending.Properties.Items.TryGetValue("returnUrl", out var returnUrl);
        return new PendingSignIn(userId, stamp, returnUrl);
    }

    private IActionResult RedirectToSignIn() => RedirectToPage("/Account/SignIn");

    public sealed class InputModel
    {
        [Display(Name = "Code from your authenticator app")]
        public string? Code { get; set; }

        [Display(Name = "Recovery code")]
        public string? RecoveryCode { get; set; }
    }
}
