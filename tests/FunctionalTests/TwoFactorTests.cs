using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Portal.Domain.Security;
using Portal.FunctionalTests.Support;
using static Portal.FunctionalTests.Support.AccountSecuritySteps;

namespace Portal.FunctionalTests;

/// <summary>
/// Two-factor authentication end to end: set up from the page's key (codes computed here with Otp.NET at the
/// fake clock's time, as an authenticator app would), the second sign-in step, recovery codes, lockout, turning off.
/// </summary>
public sealed class TwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private sealed record Customer(PortalBrowser Browser, string Email, string Secret, IReadOnlyList<string> RecoveryCodes) : IDisposable
    {
        public void Dispose() => Browser.Dispose();
    }

    // ---- setting up ----

    [Fact]
    public async Task The_security_page_offers_to_set_up_two_factor_authentication()
    {
        var (browser, _) = await ActiveCustomerAsync("Sven Setup");
        using var _1 = browser;

        var security = await browser.GetAsync("/my/security");
        security.Text.ShouldContain("Two-factor authentication");
        var link = security.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Set up two-factor authentication");
        var page = await browser.GetAsync(link.GetAttribute("href")!);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Path.ShouldBe("/my/security/two-factor");
        page.Text.ShouldContain("Off");
        page.Document.QuerySelector(".two-factor-secret").ShouldBeNull();
    }

    [Fact]
    public async Task Setting_up_shows_a_QR_code_image_and_the_key_in_groups_of_four()
    {
        var (browser, email) = await ActiveCustomerAsync("Quinn Qr");
        using var _1 = browser;

        var (setup, secret) = await StartSetupAsync(browser);

        secret.Length.ShouldBe(32, "160 bits in Base32");
        Base32Encoding.ToBytes(secret).Length.ShouldBe(20);
        setup.Document.QuerySelector(".two-factor-secret")!.TextContent.Trim()
            .ShouldBe(string.Join(' ', secret.Chunk(4).Select(c => new string(c))));
        var qr = setup.Document.QuerySelector("img.qr-code")!;
        qr.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        qr.GetAttribute("alt")!.ShouldNotBeNullOrWhiteSpace();
        setup.Html.ShouldNotContain("style=");
        var uri = new Uri(setup.Document.QuerySelector("a.authenticator-link")!.GetAttribute("href")!);
        uri.Scheme.ShouldBe("otpauth");
        uri.Host.ShouldBe("totp");
        Uri.UnescapeDataString(uri.AbsolutePath).ShouldBe($"/Contoso Trading:{email}");
        uri.Query.ShouldContain($"secret={secret}");
        uri.Query.ShouldContain("issuer=Contoso%20Trading");
        var code = setup.Document.QuerySelector("input[name='Enable.Code']")!;
        code.GetAttribute("autocomplete").ShouldBe("one-time-code");
        code.GetAttribute("inputmode").ShouldBe("numeric");

        var stored = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking().SingleAsync(u => u.Login == email));
        stored.PendingTwoFactorSecret.ShouldNotBeNull();
        stored.PendingTwoFactorSecret.ShouldNotContain(secret, Case.Insensitive);
        stored.TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Enabling_with_a_wrong_code_is_refused_and_the_same_key_is_shown_again()
    {
        var (browser, email) = await ActiveCustomerAsync("Wendy Wrongcode");
        using var _1 = browser;
        var (setup, secret) = await StartSetupAsync(browser);

        var refused = await browser.SubmitAsync(setup, "Turn on two-factor authentication",
            new Dictionary<string, string?> { ["Enable.Code"] = WrongCode(secret), ["Enable.CurrentPassword"] = Flows.CustomerPassword });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain("This code is not correct.");
        refused.Document.QuerySelector(".recovery-codes").ShouldBeNull();
        refused.Document.QuerySelector(".two-factor-secret")!.TextContent.Replace(" ", "").ShouldBe(secret);
        (await factory.IsTwoFactorOnAsync(email)).ShouldBeFalse();

        var malformed = await browser.SubmitAsync(refused, "Turn on two-factor authentication",
            new Dictionary<string, string?> { ["Enable.Code"] = "12ab56", ["Enable.CurrentPassword"] = Flows.CustomerPassword });
        malformed.Text.ShouldContain("Please enter the 6-digit code from your authenticator app.");
        (await factory.IsTwoFactorOnAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task Enabling_with_the_right_code_shows_ten_recovery_codes_once_and_never_the_key_again()
    {
        var (browser, email) = await ActiveCustomerAsync("Rita Recovery");
        using var _1 = browser;
        var (setup, secret) = await StartSetupAsync(browser);

        var enabled = await browser.SubmitAsync(setup, "Turn on two-factor authentication",
            new Dictionary<string, string?> { ["Enable.Code"] = CodeAt(secret, Now), ["Enable.CurrentPassword"] = Flows.CustomerPassword });

        var codes = enabled.RecoveryCodesOn();
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        enabled.Text.ShouldContain("They are shown only this once.");
        enabled.Document.QuerySelector(".two-factor-secret").ShouldBeNull();
        enabled.Document.QuerySelector("img.qr-code").ShouldBeNull();
        (await factory.IsTwoFactorOnAsync(email)).ShouldBeTrue();

        // Still signed in although the stamp rotated, and the page now shows status, never key or codes.
        var again = await browser.GetAsync("/my/security/two-factor", followRedirects: false);
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain("Recovery codes left: 10 of 10");
        again.Document.QuerySelector(".recovery-codes").ShouldBeNull();
        again.Document.QuerySelector(".two-factor-secret").ShouldBeNull();
        again.Document.QuerySelector("img.qr-code").ShouldBeNull();
        again.Html.ShouldNotContain(secret);
        again.Html.ShouldNotContain(string.Join(' ', secret.Chunk(4).Select(c => new string(c))));
        codes.ShouldAllBe(code => !again.Html.Contains(code));
        (await browser.GetAsync("/my/security")).Text.ShouldContain("Manage two-factor authentication");

        var stored = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking().Include(u => u.RecoveryCodes)
            .SingleAsync(u => u.Login == email));
        stored.TwoFactorSecret!.ShouldNotContain(secret, Case.Insensitive);
        stored.RecoveryCodes.Count.ShouldBe(10);
        stored.RecoveryCodes.ShouldAllBe(c => !codes.Contains(c.CodeHash) && c.CodeHash.Length == 64);

        var mails = await factory.Smtp.WaitForAsync(email, count: 2);
        mails[^1].Subject!.ShouldContain("Two-factor authentication");
        mails[^1].TextBody!.ShouldContain("switched on");
    }

    [Fact]
    public async Task Enabling_ends_every_other_session()
    {
        var (browser, email) = await ActiveCustomerAsync("Olga Otherdevice");
        using var _1 = browser;
        using var otherDevice = factory.NewBrowser();
        (await otherDevice.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");

        await EnableAsync(browser, email);

        (await browser.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await otherDevice.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    // ---- the second step of signing in ----

    [Fact]
    public async Task Sign_in_asks_for_a_code_and_the_right_code_signs_in()
    {
        using var customer = await CustomerWithTwoFactorAsync("Carla Code");

        using var browser = factory.NewBrowser();
        var second = await browser.SignInAsync(customer.Email, Flows.CustomerPassword);
        second.Path.ShouldBe("/account/two-factor");
        var field = second.Document.QuerySelector("input[name='Input.Code']")!;
        field.GetAttribute("autocomplete").ShouldBe("one-time-code");
        field.GetAttribute("inputmode").ShouldBe("numeric");
        second.Document.QuerySelector($"label[for='{field.Id}']").ShouldNotBeNull();

        var home = await browser.SubmitTwoFactorCodeAsync(second, CodeAt(customer.Secret, Now));

        home.Path.ShouldBe("/my");
        (await browser.GetAsync("/my/security", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/account/two-factor", followRedirects: false)).Location.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task A_re_invite_link_sets_the_password_but_signs_nobody_in_so_the_code_is_still_asked_for()
    {
        using var customer = await CustomerWithTwoFactorAsync("Rhea Reinvited");
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await factory.WithDbAsync(db =>
            db.PortalUsers.Where(u => u.Login == customer.Email).Select(u => u.ContactId).SingleAsync());
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        // The invitation, the notice that two-factor was switched on, and the re-invite.
        var link = (await factory.Smtp.WaitForAsync(customer.Email, 3))
            .Single(m => m.Subject?.StartsWith("Set a new password") == true)
            .InvitationPath();

        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync(link);
        const string newPassword = "Fresh-Orchard-Lantern-58";
        var landed = await browser.SubmitAsync(form, "Save the new password",
            new Dictionary<string, string?> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });

        landed.Path.ShouldBe("/account/sign-in");
        landed.Text.ShouldContain(Portal.Web.Pages.Invitation.InvitationModel.PasswordSetNotice);
        (await browser.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await customer.Browser.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect, "every session ended");
        (await browser.SignInAsync(customer.Email, newPassword)).Path.ShouldBe("/account/two-factor");
        (await factory.SecurityEventsAsync(customer.Email)).ShouldContain(SecurityEventKind.PasswordReset);
        (await factory.Smtp.WaitForAsync(customer.Email, 4))[^1].Subject!.ShouldContain("new password was set");
    }

    [Fact]
    public async Task The_password_step_alone_grants_no_access()
    {
        using var customer = await CustomerWithTwoFactorAsync("Pia Pending");
        using var browser = factory.NewBrowser();
        (await browser.SignInAsync(customer.Email, Flows.CustomerPassword)).Path.ShouldBe("/account/two-factor");

        foreach (var url in new[] { "/my", "/my/security", "/my/security/two-factor", "/my/account" })
        {
            var page = await browser.GetAsync(url, followRedirects: false);
            page.Status.ShouldBe(HttpStatusCode.Redirect, url);
            page.Location!.ShouldContain("/account/sign-in", Case.Insensitive);
        }
    }

    [Fact]
    public async Task Without_the_password_step_the_code_page_sends_to_sign_in()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetAsync("/account/two-factor", followRedirects: false);
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task The_same_code_can_not_be_used_twice()
    {
        using var customer = await CustomerWithTwoFactorAsync("Rex Replay");
        var code = CodeAt(customer.Secret, Now);

        using var first = factory.NewBrowser();
        (await first.SubmitTwoFactorCodeAsync(await first.SignInAsync(customer.Email, Flows.CustomerPassword), code)).Path.ShouldBe("/my");

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        CodeAt(customer.Secret, Now).ShouldBe(code, "still the same time step");
        using var second = factory.NewBrowser();
        var replayed = await second.SubmitTwoFactorCodeAsync(await second.SignInAsync(customer.Email, Flows.CustomerPassword), code);

        replayed.Path.ShouldBe("/account/two-factor");
        replayed.Text.ShouldContain("This code is not correct.");
        (await second.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);

        factory.Clock.Advance(Step);
        (await second.SubmitTwoFactorCodeAsync(replayed, CodeAt(customer.Secret, Now))).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task Codes_one_step_off_are_accepted_and_two_steps_off_are_refused()
    {
        using var customer = await CustomerWithTwoFactorAsync("Tim Tolerance");
        factory.Clock.Advance(5 * Step);

        using var browser = factory.NewBrowser();
        var second = await browser.SignInAsync(customer.Email, Flows.CustomerPassword);
        var tooOld = await browser.SubmitTwoFactorCodeAsync(second, CodeAt(customer.Secret, Now - 2 * Step));
        tooOld.Text.ShouldContain("This code is not correct.");
        var tooNew = await browser.SubmitTwoFactorCodeAsync(tooOld, CodeAt(customer.Secret, Now + 2 * Step));
        tooNew.Text.ShouldContain("This code is not correct.");
        (await browser.SubmitTwoFactorCodeAsync(tooNew, CodeAt(customer.Secret, Now - Step))).Path.ShouldBe("/my");

        using var later = factory.NewBrowser();
        var secondAgain = await later.SignInAsync(customer.Email, Flows.CustomerPassword);
        (await later.SubmitTwoFactorCodeAsync(secondAgain, CodeAt(customer.Secret, Now + Step))).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task After_the_code_the_sign_in_continues_to_the_page_that_asked_for_it()
    {
        using var customer = await CustomerWithTwoFactorAsync("Uwe Url");
        using var browser = factory.NewBrowser();
        var asked = await browser.GetAsync("/my/security", followRedirects: false);
        var form = await browser.GetAsync(asked.Location!);
        var second = await browser.SubmitAsync(form, "Sign in", new Dictionary<string, string?>
        {
            ["Input.Email"] = customer.Email,
            ["Input.Password"] = Flows.CustomerPassword,
        });
        second.Path.ShouldBe("/account/two-factor");

        (await browser.SubmitTwoFactorCodeAsync(second, CodeAt(customer.Secret, Now))).Path.ShouldBe("/my/security");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_however_it_is_typed()
    {
        using var customer = await CustomerWithTwoFactorAsync("Rolf Recovery");
        var recoveryCode = customer.RecoveryCodes[3];

        using var browser = factory.NewBrowser();
        var second = await browser.SignInAsync(customer.Email, Flows.CustomerPassword);
        var link = second.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Use a recovery code instead");
        var recoveryForm = await browser.GetAsync(link.GetAttribute("href")!);
        var home = await browser.SubmitAsync(recoveryForm, "Sign in with recovery code",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = " " + recoveryCode.ToUpperInvariant().Replace("-", " ") + " " });
        home.Path.ShouldBe("/my");

        using var again = factory.NewBrowser();
        await again.SignInAsync(customer.Email, Flows.CustomerPassword);
        var refused = await again.SubmitAsync(await again.GetAsync("/account/two-factor?recovery=true"), "Sign in with recovery code",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = recoveryCode });
        refused.Path.ShouldBe("/account/two-factor");
        refused.Text.ShouldContain("This recovery code is not correct or has already been used.");
        (await again.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);

        var another = await again.SubmitAsync(refused, "Sign in with recovery code",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = customer.RecoveryCodes[4] });
        another.Path.ShouldBe("/my");
        var security = await again.GetAsync("/my/security");
        security.Text.ShouldContain("Recovery codes left: 8 of 10");
        security.Text.ShouldContain("Signed in with a recovery code");
        (await factory.SecurityEventsAsync(customer.Email)).Count(e => e == SecurityEventKind.RecoveryCodeUsed).ShouldBe(2);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_like_wrong_passwords()
    {
        using var customer = await CustomerWithTwoFactorAsync("Lars Lockout");
        using var browser = factory.NewBrowser();
        var page = await browser.SignInAsync(customer.Email, Flows.CustomerPassword);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            page = await browser.SubmitTwoFactorCodeAsync(page, WrongCode(customer.Secret));
            page.Text.ShouldContain("This code is not correct.");
        }
        page = await browser.SubmitTwoFactorCodeAsync(page, WrongCode(customer.Secret));

        page.Text.ShouldContain("Too many wrong codes.");
        page.Document.QuerySelector("input[name='Input.Code']").ShouldBeNull();
        (await browser.GetAsync("/account/two-factor", followRedirects: false)).Location.ShouldBe("/account/sign-in");
        (await browser.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        var events = await factory.SecurityEventsAsync(customer.Email);
        events.Count(e => e == SecurityEventKind.SignInFailed).ShouldBe(5);
        events.ShouldContain(SecurityEventKind.LockedOut);

        // While locked even the right password gets no further than the generic refusal.
        using var meanwhile = factory.NewBrowser();
        (await meanwhile.SignInAsync(customer.Email, Flows.CustomerPassword)).Text
            .ShouldContain("The e-mail address or password is not correct.");

        factory.Clock.Advance(TimeSpan.FromMinutes(15) + Step);
        using var later = factory.NewBrowser();
        var second = await later.SignInAsync(customer.Email, Flows.CustomerPassword);
        second.Path.ShouldBe("/account/two-factor");
        (await later.SubmitTwoFactorCodeAsync(second, CodeAt(customer.Secret, Now))).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task A_pending_sign_in_ends_when_the_account_changes_meanwhile()
    {
        using var customer = await CustomerWithTwoFactorAsync("Mia Meanwhile");
        using var browser = factory.NewBrowser();
        var second = await browser.SignInAsync(customer.Email, Flows.CustomerPassword);

        var manage = await customer.Browser.GetAsync("/my/security/two-factor");
        await customer.Browser.SubmitAsync(manage, "Turn off two-factor authentication",
            new Dictionary<string, string?> { ["Disable.CurrentPassword"] = Flows.CustomerPassword });

        var ended = await browser.SubmitTwoFactorCodeAsync(second, CodeAt(customer.Secret, Now));
        ended.Text.ShouldContain("This sign-in is no longer valid. Please sign in again.");
        (await browser.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    // ---- turning off ----

    [Fact]
    public async Task Turning_off_needs_the_current_password()
    {
        using var customer = await CustomerWithTwoFactorAsync("Otto Off");
        var manage = await customer.Browser.GetAsync("/my/security/two-factor");

        var refused = await customer.Browser.SubmitAsync(manage, "Turn off two-factor authentication",
            new Dictionary<string, string?> { ["Disable.CurrentPassword"] = "Not-The-Right-Passphrase-1" });
        refused.Text.ShouldContain("The current password is not correct.");
        (await factory.IsTwoFactorOnAsync(customer.Email)).ShouldBeTrue();
        var empty = await customer.Browser.SubmitAsync(refused, "Turn off two-factor authentication",
            new Dictionary<string, string?> { ["Disable.CurrentPassword"] = "" });
        empty.Text.ShouldContain("Please enter your current password.");
        (await factory.IsTwoFactorOnAsync(customer.Email)).ShouldBeTrue();

        var off = await customer.Browser.SubmitAsync(empty, "Turn off two-factor authentication",
            new Dictionary<string, string?> { ["Disable.CurrentPassword"] = Flows.CustomerPassword });
        off.Path.ShouldBe("/my/security/two-factor");
        off.Text.ShouldContain("Two-factor authentication is now off.");
        off.Text.ShouldContain("Set up two-factor authentication");
        (await factory.IsTwoFactorOnAsync(customer.Email)).ShouldBeFalse();
        (await customer.Browser.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        using var fresh = factory.NewBrowser();
        (await fresh.SignInAsync(customer.Email, Flows.CustomerPassword)).Path.ShouldBe("/my");
        var mails = await factory.Smtp.WaitForAsync(customer.Email, count: 3);
        mails[^1].TextBody!.ShouldContain("switched off");
        (await factory.SecurityEventsAsync(customer.Email)).ShouldContain(SecurityEventKind.TwoFactorDisabled);
    }

    [Fact]
    public async Task Turning_on_again_gives_a_new_key_and_new_recovery_codes()
    {
        using var customer = await CustomerWithTwoFactorAsync("Nina Newkey");
        var manage = await customer.Browser.GetAsync("/my/security/two-factor");
        await customer.Browser.SubmitAsync(manage, "Turn off two-factor authentication",
            new Dictionary<string, string?> { ["Disable.CurrentPassword"] = Flows.CustomerPassword });

        var (secret, codes) = await EnableAsync(customer.Browser, customer.Email);

        secret.ShouldNotBe(customer.Secret);
        codes.Intersect(customer.RecoveryCodes).ShouldBeEmpty();
        using var browser = factory.NewBrowser();
        (await browser.SignInAsync(customer.Email, Flows.CustomerPassword)).Path.ShouldBe("/account/two-factor");
        var refused = await browser.SubmitAsync(await browser.GetAsync("/account/two-factor?recovery=true"), "Sign in with recovery code",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = customer.RecoveryCodes[0] });
        refused.Text.ShouldContain("This recovery code is not correct or has already been used.");
        (await browser.SubmitTwoFactorCodeAsync(await browser.GetAsync("/account/two-factor"), CodeAt(secret, Now))).Path.ShouldBe("/my");
    }

    // ---- helpers ----

    private DateTimeOffset Now => factory.Clock.GetUtcNow();


    /// <summary>A well-formed code that matches none of the steps the server accepts right now.</summary>
    private string WrongCode(string secret)
    {
        var accepted = new[] { -1, 0, 1 }.Select(offset => CodeAt(secret, Now + offset * Step)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !accepted.Contains(code));
    }

    /// <summary>Moves the clock to just after the start of the next time step, so a few seconds more keep the same step.</summary>
    private void StartOfNextStep()
    {
        var intoStep = Now.ToUnixTimeSeconds() % (long)Step.TotalSeconds;
        factory.Clock.Advance(Step - TimeSpan.FromSeconds(intoStep) + TimeSpan.FromSeconds(1));
    }

    private async Task<(PortalBrowser Browser, string Email)> ActiveCustomerAsync(string name)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():n}@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (browser, _) = await factory.ActiveCustomerAsync(admin, name, email);
        return (browser, email);
    }

    private static async Task<(Page Setup, string Secret)> StartSetupAsync(PortalBrowser browser)
    {
        var page = await browser.GetAsync("/my/security/two-factor");
        var setup = await browser.SubmitAsync(page, "Set up two-factor authentication");
        setup.Path.ShouldBe("/my/security/two-factor");
        var secret = setup.Document.QuerySelector(".two-factor-secret")?.TextContent.Replace(" ", "").Trim()
            ?? throw new InvalidOperationException("No key on the setup page:\n" + setup.Text);
        return (setup, secret);
    }

    private async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnableAsync(PortalBrowser browser, string email)
    {
        var (setup, secret) = await StartSetupAsync(browser);
        var enabled = await browser.SubmitAsync(setup, "Turn on two-factor authentication",
            new Dictionary<string, string?> { ["Enable.Code"] = CodeAt(secret, Now), ["Enable.CurrentPassword"] = Flows.CustomerPassword });
        var codes = enabled.RecoveryCodesOn();
        codes.Count.ShouldBe(10, enabled.Text);
        (await factory.IsTwoFactorOnAsync(email)).ShouldBeTrue();
        // The step confirmed while enabling is spent: sign-ins in the tests use the steps after it.
        StartOfNextStep();
        return (secret, codes);
    }

    private async Task<Customer> CustomerWithTwoFactorAsync(string name)
    {
        var (browser, email) = await ActiveCustomerAsync(name);
        var (secret, codes) = await EnableAsync(browser, email);
        return new Customer(browser, email, secret, codes);
    }
}
