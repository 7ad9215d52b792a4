using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.MySecurity;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Pages.Shared;

/// <summary>
/// Turning two-factor authentication on (QR code and key, confirmed with a code and the password; recovery codes shown
/// once), getting new recovery codes (with the password) and turning it off (with the password), for customers and staff
/// alike. Switching it rotates the security stamp, so this session is re-issued each time.
/// </summary>
public abstract class TwoFactorPageModel : PortalPageModel
{
    [BindProperty] public EnableInput Enable { get; set; } = new();
    [BindProperty] public PasswordInput Disable { get; set; } = new();
    [BindProperty] public PasswordInput Regenerate { get; set; } = new();

    public MyTwoFactorView TwoFactor { get; private set; } = null!;

    /// <summary>Only in the response that created them: the codes exist unhashed nowhere else, ever.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? QrCodeDataUri => TwoFactor.PendingSetup is { } setup ? QrCodeImage.PngDataUri(setup.AuthenticatorUri) : null;

    /// <summary>The key in groups of four, as authenticator apps show it and people can type it.</summary>
    public string? GroupedSecret => TwoFactor.PendingSetup is { } setup
        ? string.Join(' ', setup.Secret.Chunk(4).Select(group => new string(group)))
        : null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSetupAsync()
    {
        var (succeeded, _) = await TrySendAsync(new StartTwoFactorSetup(), prefix: "");
        if (succeeded) return RedirectToPage();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var (succeeded, activation) = await TrySendAsync(
            new EnableTwoFactor(Enable.Code ?? "", Enable.CurrentPassword ?? ""), prefix: "Enable");
        if (succeeded)
        {
            // The stamp rotated: other sessions end, this one continues with a cookie carrying the new stamp.
            await HttpContext.SignInAsync(activation!.User);
            NewRecoveryCodes = activation.RecoveryCodes;
            ModelState.Clear();
        }
        Enable.CurrentPassword = null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        var (succeeded, codes) = await TrySendAsync(new RegenerateRecoveryCodes(Regenerate.CurrentPassword ?? ""), prefix: "Regenerate");
        if (succeeded)
        {
            NewRecoveryCodes = codes;
            ModelState.Clear();
        }
        Regenerate.CurrentPassword = null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var (succeeded, me) = await TrySendAsync(new DisableTwoFactor(Disable.CurrentPassword ?? ""), prefix: "Disable");
        if (succeeded)
        {
            await HttpContext.SignInAsync(me!);
            TempData["Notice"] = T["Two-factor authentication is now off. Every other session has been signed out."].Value;
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => TwoFactor = await SendAsync(new GetMyTwoFactor());

    public sealed class EnableInput
    {
        [Display(Name = "Code from your authenticator app")]
        public string? Code { get; set; }

        [Display(Name = "Current password"), DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }
    }

    public sealed class PasswordInput
    {
        [Display(Name = "Current password"), DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }
    }
}
