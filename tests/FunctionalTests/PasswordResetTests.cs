using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>"Forgot your password?": the request that never tells whether an account exists, the one-time link, and the reset.</summary>
public sealed class PasswordResetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Copper-Willow-Summit-Lake-58";
    private const string SentText = "If an account exists for this address, we have sent it a link to choose a new password.";
    private const string ResetNotice = "Your password has been reset and every session has been signed out. " +
        "Please sign in with your new password.";
    private const string LinkInvalid = "This link is not valid, was already used or has expired. Please request a new one.";

    [Fact]
    public async Task The_sign_in_page_links_to_the_forgot_password_form()
    {
        using var visitor = factory.NewBrowser();
        var signIn = await visitor.GetAsync("/account/sign-in");

        var link = signIn.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Forgot your password?");
        var form = await visitor.GetAsync(link.GetAttribute("href")!);

        form.Path.ShouldBe("/account/forgot-password");
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Document.QuerySelector("label[for='Input_Email']")!.TextContent.ShouldBe("E-mail");
    }

    [Fact]
    public async Task A_customer_resets_a_forgotten_password_with_the_mailed_link_and_then_signs_in_with_the_new_one()
    {
        const string email = "rhea.reset@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Rhea Reset", email);
        using var _1 = customer;

        using var visitor = factory.NewBrowser();
        var sent = await visitor.RequestResetAsync(email);
        sent.Path.ShouldBe("/account/forgot-password/sent");
        sent.Text.ShouldContain(SentText);

        var mail = (await factory.ResetMailsAsync(email, 1))[^1];
        var link = PasswordResetFlows.ResetLinkIn(mail);
        var form = await visitor.GetAsync(link);
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Text.ShouldContain($"Choose a new password for {email}.");
        form.Response.Headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");

        var reset = await visitor.SetNewPasswordAsync(form, NewPassword);

        reset.Path.ShouldBe("/account/sign-in");
        reset.Text.ShouldContain(ResetNotice);
        var afterReset = await visitor.GetAsync("/my", followRedirects: false);
        afterReset.Status.ShouldBe(HttpStatusCode.Redirect, "a reset never signs anybody in");
        var oldSession = await customer.GetAsync("/my/account", followRedirects: false);
        oldSession.Status.ShouldBe(HttpStatusCode.Redirect, "a reset ends every session");
        oldSession.Location!.ShouldContain("/account/sign-in");

        using var again = factory.NewBrowser();
        (await again.SignInAsync(email, Flows.CustomerPassword)).Text.ShouldContain("The e-mail address or password is not correct.");
        (await again.SignInAsync(email, NewPassword)).Path.ShouldBe("/my");

        var notice = await Eventually.HoldsAsync(() => Task.FromResult(factory.Smtp.To(email)
            .Where(m => m.Subject?.Contains("was reset") == true).ToList()),
            mails => mails.Count == 1, "the password-was-reset notice");
        notice[0].TextBody!.ShouldContain("Every session has been signed out.");

        var activity = (await again.GetAsync("/my/security")).Document.QuerySelectorAll("tbody tr td:nth-child(2)")
            .Select(td => td.TextContent).ToList();
        activity.ShouldContain("Password reset requested");
        activity.ShouldContain("Password reset");

        using var later = factory.NewBrowser();
        var reused = await later.GetAsync(link);
        reused.Text.ShouldContain("This link can't be used");
        reused.Text.ShouldContain(LinkInvalid);
        reused.Document.QuerySelector("input[name='Input.NewPassword']").ShouldBeNull();
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_answer_and_only_the_known_one_gets_mail()
    {
        const string known = "kira.known@example.com";
        const string unknown = "nobody.here@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Kira Known", known);
        customer.Dispose();

        var forKnown = await AnswerToResetRequestAsync(known);
        var forUnknown = await AnswerToResetRequestAsync(unknown);

        forUnknown.ShouldBe(forKnown);
        forKnown.Status.ShouldBe(HttpStatusCode.Redirect);
        forKnown.FinalText.ShouldContain(SentText);
        (await factory.ResetMailsAsync(known, 1)).Count.ShouldBe(1);
        (await factory.OutboxCountAsync(unknown)).ShouldBe(0);
        factory.Smtp.To(unknown).ShouldBeEmpty();
    }

    [Fact]
    public async Task Invited_and_revoked_customers_get_the_same_answer_and_never_a_link()
    {
        const string invited = "ivo.invited@example.com";
        const string revoked = "rosa.revoked@example.com";
        using var admin = await factory.SignedInAdminAsync();
        await admin.GrantAsync(await admin.CreateContactAsync("Ivo Invited", invited));
        var (customer, revokedId) = await factory.ActiveCustomerAsync(admin, "Rosa Revoked", revoked);
        customer.Dispose();
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(revokedId), revokedId, "Revoke");
        var unknownAnswer = await AnswerToResetRequestAsync("never.seen@example.com");

        (await AnswerToResetRequestAsync(invited)).ShouldBe(unknownAnswer);
        (await AnswerToResetRequestAsync(revoked)).ShouldBe(unknownAnswer);

        (await factory.OutboxCountAsync(invited)).ShouldBe(1, "only the invitation");
        (await factory.OutboxCountAsync(revoked)).ShouldBe(1, "only the invitation");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Login == invited || u.Login == revoked).SelectMany(u => u.Tokens)
            .CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_newer_request_voids_the_older_link()
    {
        const string email = "nils.newer@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Nils Newer", email);
        customer.Dispose();
        using var visitor = factory.NewBrowser();

        await visitor.RequestResetAsync(email);
        var older = PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 1))[0]);
        await visitor.RequestResetAsync(email);
        var newer = PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 2))[1]);

        newer.ShouldNotBe(older);
        (await visitor.GetAsync(older)).Text.ShouldContain(LinkInvalid);
        var form = await visitor.GetAsync(newer);
        (await visitor.SetNewPasswordAsync(form, NewPassword)).Path.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task A_link_older_than_an_hour_is_refused_and_the_password_stays_as_it_was()
    {
        const string email = "erik.expired@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Erik Expired", email);
        customer.Dispose();
        using var visitor = factory.NewBrowser();
        await visitor.RequestResetAsync(email);
        var link = PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 1))[0]);
        var form = await visitor.GetAsync(link);
        form.Document.QuerySelector("input[name='Input.NewPassword']").ShouldNotBeNull();

        factory.Clock.Advance(TimeSpan.FromHours(1));

        var refused = await visitor.SetNewPasswordAsync(form, NewPassword);
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain(LinkInvalid);
        (await visitor.GetAsync(link)).Text.ShouldContain(LinkInvalid);
        using var owner = factory.NewBrowser();
        (await owner.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");
    }

    [Theory]
    [InlineData("Short-pw-1", "Short-pw-1", "The password must be at least 12 characters long.")]
    [InlineData("Pia-Policy-Lantern-Orbit-3", "Pia-Policy-Lantern-Orbit-3", "The password must not contain your e-mail address or name.")]
    [InlineData("password1234", "password1234", "This password is too easy to guess")]
    [InlineData(NewPassword, "Copper-Willow-Summit-Lake-59", "The password and its confirmation don't match.")]
    public async Task A_password_the_policy_refuses_is_explained_and_the_link_keeps_working(string password, string confirmation,
        string message)
    {
        var email = $"pia.policy.{Guid.NewGuid():n}@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Pia Policy", email);
        customer.Dispose();
        using var visitor = factory.NewBrowser();
        await visitor.RequestResetAsync(email);
        var form = await visitor.GetAsync(PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 1))[0]));

        var refused = await visitor.SubmitAsync(form, "Set new password", new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirmation,
        });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain(message);
        refused.Document.QuerySelector("input[name='Input.NewPassword']")!.GetAttribute("value").ShouldBeNullOrEmpty();
        (await visitor.SetNewPasswordAsync(refused, NewPassword)).Path.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task A_made_up_link_gets_a_page_that_says_so_and_offers_a_new_one()
    {
        using var visitor = factory.NewBrowser();

        var page = await visitor.GetAsync("/account/reset-password/made-up-token");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("This link can't be used");
        page.Text.ShouldContain(LinkInvalid);
        page.Document.QuerySelector("a[href='/account/forgot-password']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout()
    {
        const string email = "lotte.locked@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Lotte Locked", email);
        customer.Dispose();
        using var visitor = factory.NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++) await visitor.SignInAsync(email, "Wrong-Guess-Pebble-River-" + attempt);
        (await visitor.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/account/sign-in", "locked");

        await visitor.RequestResetAsync(email);
        var form = await visitor.GetAsync(PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 1))[0]));
        await visitor.SetNewPasswordAsync(form, NewPassword);

        (await visitor.SignInAsync(email, NewPassword)).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task An_administrator_can_reset_a_forgotten_password_too()
    {
        using var visitor = factory.NewBrowser();
        await visitor.RequestResetAsync(PortalFactory.AdminEmail);
        var mail = (await factory.ResetMailsAsync(PortalFactory.AdminEmail, 1))[0];
        var form = await visitor.GetAsync(PasswordResetFlows.ResetLinkIn(mail));

        // The same password again: the policy has no history rule, and the other tests keep signing in with it.
        await visitor.SetNewPasswordAsync(form, PortalFactory.AdminPassword);

        (await visitor.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).Path.ShouldBe("/admin");
        var stored = await factory.WithDbAsync(db => db.Users.AsNoTracking().Include(u => u.Tokens)
            .SingleAsync(u => u.Login == PortalFactory.AdminEmail));
        stored.Tokens.Single(t => t.Purpose == AccountTokenPurpose.PasswordReset).UsedAt.ShouldNotBeNull();
    }

    private sealed record ResetAnswer(HttpStatusCode Status, string? Location, string Body, string FinalPath, string FinalText);

    /// <summary>
    /// Everything a visitor can observe of a reset request: the post's status, target and body, and the page it leads to.
    /// </summary>
    private async Task<ResetAnswer> AnswerToResetRequestAsync(string email)
    {
        using var visitor = factory.NewBrowser();
        var form = await visitor.GetAsync("/account/forgot-password");
        var posted = await visitor.SubmitAsync(form, "Send link", new Dictionary<string, string?> { ["Input.Email"] = email },
            followRedirects: false);
        var body = await posted.Response.Content.ReadAsStringAsync();
        var final = await visitor.GetAsync(posted.Location!);
        return new ResetAnswer(posted.Status, posted.Location, body, final.Path, final.Text);
    }
}

internal static partial class PasswordResetFlows
{
    public static Task<List<MimeMessage>> ResetMailsAsync(this PortalFactory factory, string email, int count) =>
        Eventually.HoldsAsync(() => Task.FromResult(factory.Smtp.To(email)
            .Where(m => m.Subject?.StartsWith("Reset your password", StringComparison.Ordinal) == true).ToList()),
            mails => mails.Count >= count, $"{count} reset mail(s) to {email}");

    public static string ResetLinkIn(MimeMessage mail)
    {
        var match = ResetLink().Match(mail.TextBody ?? "");
        match.Success.ShouldBeTrue("The reset mail has no link: " + mail.TextBody);
        match.Value.ShouldStartWith(PortalFactory.PublicBaseUrl);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password/[A-Za-z0-9_%-]+")]
    private static partial Regex ResetLink();

    public static async Task<Page> RequestResetAsync(this PortalBrowser browser, string email)
    {
        var form = await browser.GetAsync("/account/forgot-password");
        return await browser.SubmitAsync(form, fields: new Dictionary<string, string?> { ["Input.Email"] = email },
            buttonSelector: "main form button[type=submit]");
    }

    public static Task<Page> SetNewPasswordAsync(this PortalBrowser browser, Page form, string password) =>
        browser.SubmitAsync(form, "Set new password", new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static Task<int> OutboxCountAsync(this PortalFactory factory, string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email));
}
