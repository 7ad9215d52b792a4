using Microsoft.EntityFrameworkCore;
using OtpNet;
using Portal.Domain.Security;

namespace Portal.FunctionalTests.Support;

/// <summary>Anyone's own account security through the real pages (a customer's or a colleague's), and the second sign-in step.</summary>
public static class AccountSecuritySteps
{
    public static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>Starts the setup on the two-factor page at <paramref name="path"/> and reads the key it shows.</summary>
    public static async Task<(Page Setup, string Secret)> StartTwoFactorSetupAsync(this PortalBrowser browser, string path)
    {
        var page = await browser.GetAsync(path);
        var setup = await browser.SubmitAsync(page, "Set up two-factor authentication");
        var secret = setup.Document.QuerySelector(".two-factor-secret")?.TextContent.Replace(" ", "").Trim()
            ?? throw new InvalidOperationException("No key on the setup page:\n" + setup.Text);
        return (setup, secret);
    }

    public static Task<Page> TurnOnTwoFactorAsync(this PortalBrowser browser, Page setup, string code, string? password) =>
        browser.SubmitAsync(setup, "Turn on two-factor authentication",
            new Dictionary<string, string?> { ["Enable.Code"] = code, ["Enable.CurrentPassword"] = password });

    public static List<string> RecoveryCodesOn(this Page page) =>
        page.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();

    /// <summary>Moves the clock into the next TOTP step: the step used to turn 2FA on can't be used again.</summary>
    public static void NextTotpStep(this PortalFactory factory) => factory.Clock.Advance(TimeSpan.FromSeconds(31));

    public static Task<Page> SubmitTwoFactorCodeAsync(this PortalBrowser browser, Page page, string code) =>
        browser.SubmitAsync(page, "Verify and sign in", new Dictionary<string, string?> { ["Input.Code"] = code });

    public static async Task<Page> SubmitRecoveryCodeAsync(this PortalBrowser browser, string recoveryCode) =>
        await browser.SubmitAsync(await browser.GetAsync("/account/two-factor?recovery=true"), "Sign in with recovery code",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = recoveryCode });

    public static async Task<Page> ChangePasswordAsync(this PortalBrowser browser, string path, string current, string next)
    {
        var form = await browser.GetAsync(path);
        return await browser.SubmitAsync(form, "Change password", new Dictionary<string, string?>
        {
            ["Password.CurrentPassword"] = current,
            ["Password.NewPassword"] = next,
            ["Password.ConfirmPassword"] = next,
        });
    }

    public static Task<bool> IsTwoFactorOnAsync(this PortalFactory factory, string email) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Login == email).Select(u => u.TwoFactorEnabledAt != null)
            .SingleAsync());

    /// <summary>The account's security activity, oldest first.</summary>
    public static Task<List<SecurityEventKind>> SecurityEventsAsync(this PortalFactory factory, string email) =>
        factory.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Login == email).Select(u => u.Id).SingleAsync();
            return await db.SecurityEvents.Where(e => e.UserAccountId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        });
}
