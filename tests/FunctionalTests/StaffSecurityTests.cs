using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// A colleague's own security page (/admin/account): password, two-factor with recovery codes, sign out everywhere,
/// recent activity — the customer's commands, on the signed-in colleague — and the second sign-in step for staff.
/// </summary>
public sealed class StaffSecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Granite-Meadow-Lantern-Fox-58";

    [Fact]
    public async Task The_back_office_menu_leads_to_the_staff_security_page()
    {
        var (colleague, _) = await ColleagueAsync("Mia Menu");
        using var _1 = colleague;

        var home = await colleague.GetAsync(PortalRoutes.Admin.Home);
        var link = home.Document.QuerySelectorAll("header a").Single(a => a.TextContent.Trim() == "My security");
        var page = await colleague.GetAsync(link.GetAttribute("href")!);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Path.ShouldBe(PortalRoutes.Admin.Account);
        page.Text.ShouldContain("Change password");
        page.Text.ShouldContain("Two-factor authentication");
        page.Text.ShouldContain("Sign out everywhere");
    }

    [Fact]
    public async Task A_colleague_changes_their_password_on_their_security_page_and_other_sessions_end()
    {
        var (colleague, email) = await ColleagueAsync("Paul Password");
        using var _1 = colleague;
        using var other = factory.NewBrowser();
        (await other.SignInAsync(email, StaffFlows.StaffPassword)).Path.ShouldBe("/admin");

        var refused = await colleague.ChangePasswordAsync(PortalRoutes.Admin.Account, "Not-The-Password-1", NewPassword);
        refused.FieldError("Password.CurrentPassword").ShouldBe("The current password is not correct.");
        var weak = await colleague.ChangePasswordAsync(PortalRoutes.Admin.Account, StaffFlows.StaffPassword, "password1234");
        weak.FieldError("Password.NewPassword").ShouldNotBeNull();

        var changed = await colleague.ChangePasswordAsync(PortalRoutes.Admin.Account, StaffFlows.StaffPassword, NewPassword);

        changed.Path.ShouldBe(PortalRoutes.Admin.Account);
        changed.Text.ShouldContain("Your password has been changed.");
        (await colleague.GetAsync("/admin/contacts", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync("/admin/contacts", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        using var fresh = factory.NewBrowser();
        (await fresh.SignInAsync(email, NewPassword)).Path.ShouldBe("/admin");
    }

    [Fact]
    public async Task A_colleague_sees_where_they_are_signed_in_and_ends_another_devices_session()
    {
        var (colleague, email) = await ColleagueAsync("Sven Sessions");
        using var _1 = colleague;
        using var laptop = factory.NewBrowser();
        (await laptop.SignInAsync(email, StaffFlows.StaffPassword)).Path.ShouldBe("/admin");

        var security = await colleague.GetAsync(PortalRoutes.Admin.Account);
        var rows = security.Document.QuerySelectorAll("section[aria-labelledby=sessions-heading] tbody tr").ToList();
        rows.Count.ShouldBe(2);
        var other = rows.Single(r => !r.TextContent.Contains("This device", StringComparison.Ordinal));
        var ended = await colleague.SubmitAsync(security,
            buttonSelector: $"button[name=id][value='{other.QuerySelector("button[name=id]")!.GetAttribute("value")}']");

        ended.Path.ShouldBe(PortalRoutes.Admin.Account);
        ended.Text.ShouldContain("The session has been ended.");
        (await laptop.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await colleague.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_colleague_signs_out_everywhere_from_their_security_page()
    {
        var (colleague, email) = await ColleagueAsync("Sara Signout");
        using var _1 = colleague;
        using var other = factory.NewBrowser();
        await other.SignInAsync(email, StaffFlows.StaffPassword);

        var signedOut = await colleague.SubmitAsync(await colleague.GetAsync(PortalRoutes.Admin.Account), "Sign out everywhere");

        signedOut.Path.ShouldBe(PortalRoutes.Account.SignIn);
        (await colleague.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await other.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_staff_security_page_lists_recent_sign_ins_and_failures()
    {
        var (colleague, email) = await ColleagueAsync("Anton Activity");
        using var _1 = colleague;
        using var stranger = factory.NewBrowser();
        await stranger.SignInAsync(email, "Wrong-Password-Entirely-9");

        var page = await colleague.GetAsync(PortalRoutes.Admin.Account);

        var rows = page.Document.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("Failed sign-in"));
        rows.ShouldContain(r => r.Contains("Signed in"));
    }

    [Fact]
    public async Task A_colleague_turns_on_two_factor_and_then_signs_in_with_a_code_or_a_recovery_code()
    {
        var (colleague, email) = await ColleagueAsync("Tom Totp");
        using var _1 = colleague;
        var (setup, secret) = await colleague.StartTwoFactorSetupAsync(PortalRoutes.Admin.AccountTwoFactor);
        setup.Path.ShouldBe(PortalRoutes.Admin.AccountTwoFactor);
        var enabled = await colleague.TurnOnTwoFactorAsync(setup, AccountSecuritySteps.CodeAt(secret, factory.Clock.GetUtcNow()),
            StaffFlows.StaffPassword);
        var codes = enabled.RecoveryCodesOn();
        codes.Count.ShouldBe(10, enabled.Text);
        factory.NextTotpStep();

        using var browser = factory.NewBrowser();
        var step = await browser.SignInAsync(email, StaffFlows.StaffPassword);
        step.Path.ShouldBe("/account/two-factor");
        (await browser.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        var home = await browser.SubmitTwoFactorCodeAsync(step, AccountSecuritySteps.CodeAt(secret, factory.Clock.GetUtcNow()));
        home.Path.ShouldBe("/admin");

        using var lostPhone = factory.NewBrowser();
        await lostPhone.SignInAsync(email, StaffFlows.StaffPassword);
        (await lostPhone.SubmitRecoveryCodeAsync(codes[0])).Path.ShouldBe("/admin");
    }

    [Fact]
    public async Task Turning_on_two_factor_needs_the_current_password_for_staff_and_customers()
    {
        var (colleague, email) = await ColleagueAsync("Nina Nopassword");
        using var _1 = colleague;
        var (setup, secret) = await colleague.StartTwoFactorSetupAsync(PortalRoutes.Admin.AccountTwoFactor);

        var missing = await colleague.TurnOnTwoFactorAsync(setup, AccountSecuritySteps.CodeAt(secret, factory.Clock.GetUtcNow()), null);
        missing.FieldError("Enable.CurrentPassword").ShouldBe("Please enter your current password.");
        var wrong = await colleague.TurnOnTwoFactorAsync(missing, AccountSecuritySteps.CodeAt(secret, factory.Clock.GetUtcNow()),
            "Not-The-Password-1");
        wrong.FieldError("Enable.CurrentPassword").ShouldBe("The current password is not correct.");
        wrong.RecoveryCodesOn().ShouldBeEmpty();
        (await factory.IsTwoFactorOnAsync(email)).ShouldBeFalse();

        using var admin = await factory.SignedInAdminAsync();
        var customerEmail = $"carl.customer.{Guid.NewGuid():n}@example.com";
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Carl Customer", customerEmail);
        using var _2 = customer;
        var (customerSetup, customerSecret) = await customer.StartTwoFactorSetupAsync(PortalRoutes.My.TwoFactor);
        var refused = await customer.TurnOnTwoFactorAsync(customerSetup,
            AccountSecuritySteps.CodeAt(customerSecret, factory.Clock.GetUtcNow()), "Not-The-Password-1");
        refused.FieldError("Enable.CurrentPassword").ShouldBe("The current password is not correct.");
        (await factory.IsTwoFactorOnAsync(customerEmail)).ShouldBeFalse();
    }

    [Fact]
    public async Task New_recovery_codes_need_the_current_password_and_replace_every_older_code()
    {
        var (colleague, email) = await ColleagueAsync("Rolf Regenerate");
        using var _1 = colleague;
        var oldCodes = await colleague.EnableTwoFactorAsync(factory, StaffFlows.StaffPassword, PortalRoutes.Admin.AccountTwoFactor);
        var page = await colleague.GetAsync(PortalRoutes.Admin.AccountTwoFactor);

        var refused = await colleague.SubmitAsync(page, "Create new recovery codes",
            new Dictionary<string, string?> { ["Regenerate.CurrentPassword"] = "Not-The-Password-1" });
        refused.FieldError("Regenerate.CurrentPassword").ShouldBe("The current password is not correct.");
        refused.RecoveryCodesOn().ShouldBeEmpty();

        var created = await colleague.SubmitAsync(refused, "Create new recovery codes",
            new Dictionary<string, string?> { ["Regenerate.CurrentPassword"] = StaffFlows.StaffPassword });
        var newCodes = created.RecoveryCodesOn();
        newCodes.Count.ShouldBe(10, created.Text);
        newCodes.Intersect(oldCodes).ShouldBeEmpty();

        using var browser = factory.NewBrowser();
        await browser.SignInAsync(email, StaffFlows.StaffPassword);
        (await browser.SubmitRecoveryCodeAsync(oldCodes[0])).Text
            .ShouldContain("This recovery code is not correct or has already been used.");
        (await browser.SubmitRecoveryCodeAsync(newCodes[0])).Path.ShouldBe("/admin");
        (await factory.SecurityEventsAsync(email)).ShouldContain(SecurityEventKind.RecoveryCodesReplaced);
    }

    [Fact]
    public async Task Recovery_codes_carry_at_least_112_bits_and_only_their_sha256_is_stored()
    {
        var (colleague, email) = await ColleagueAsync("Bea Bits");
        using var _1 = colleague;

        var codes = await colleague.EnableTwoFactorAsync(factory, StaffFlows.StaffPassword, PortalRoutes.Admin.AccountTwoFactor);

        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        foreach (var code in codes)
        {
            var symbols = code.Replace("-", "");
            symbols.ShouldAllBe(c => alphabet.Contains(c));
            (symbols.Length * Math.Log2(alphabet.Length)).ShouldBeGreaterThanOrEqualTo(112, code);
        }
        var stored = await factory.WithDbAsync(db => db.InternalUsers.AsNoTracking().Where(u => u.Login == email)
            .SelectMany(u => u.RecoveryCodes).Select(c => c.CodeHash).ToListAsync());
        stored.ShouldBe(
            codes.Select(c => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.Replace("-", ""))))),
            ignoreOrder: true);
    }

    [Fact]
    public async Task Requiring_two_factor_of_all_staff_sends_a_colleague_without_it_to_the_setup_from_every_back_office_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (colleague, email) = await ColleagueAsync("Greta Guarded", StaffRole.ReadOnly);
        using var _1 = colleague;
        try
        {
            await SaveStaffTwoFactorAsync(admin, "AllStaff");

            using var again = factory.NewBrowser();
            var landed = await again.SignInAsync(email, StaffFlows.StaffPassword);
            landed.Path.ShouldBe(PortalRoutes.Admin.AccountTwoFactor);
            landed.Document.QuerySelector("[data-testid=two-factor-required]").ShouldNotBeNull(landed.Text);
            (await again.GetAsync("/admin/contacts")).Path.ShouldBe(PortalRoutes.Admin.AccountTwoFactor);
            (await again.GetAsync(PortalRoutes.Admin.Account, followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

            await again.EnableTwoFactorAsync(factory, StaffFlows.StaffPassword, PortalRoutes.Admin.AccountTwoFactor);
            (await again.GetAsync("/admin/contacts", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await factory.SendAsAsync(await factory.AdministratorIdAsync(), new Portal.Application.Settings.UpdateSecuritySettings(
                false, Portal.Domain.Settings.StaffTwoFactorRequirement.Off, 12, 30));
        }
    }

    private static async Task SaveStaffTwoFactorAsync(PortalBrowser admin, string choice)
    {
        var saved = await admin.SubmitAsync(await admin.GetAsync(PortalRoutes.Admin.Settings), "Save security settings",
            new Dictionary<string, string?> { ["Security.RequireStaffTwoFactor"] = choice });
        saved.Document.QuerySelector(".alert-success").ShouldNotBeNull(saved.Text);
    }

    private async Task<(PortalBrowser Browser, string Email)> ColleagueAsync(string name, StaffRole role = StaffRole.PortalManager)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():n}@contoso.example";
        var (browser, _) = await factory.SignedInColleagueAsync(email, name, role);
        return (browser, email);
    }
}
