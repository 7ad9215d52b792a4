using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The brief's walkthrough, end to end over HTTP with a real database and a real SMTP server.</summary>
public sealed class PortalAccessWalkthroughTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_grants_access_customer_accepts_edits_details_signs_out_and_in_again()
    {
        using var admin = await factory.SignedInAdminAsync();

        // 1. Contacts → the customer → Action ▾ → Grant portal access
        var contactId = await admin.CreateContactAsync("Clara Customer", "Clara.Customer@Example.com");
        var contactPage = await admin.GetAsync($"/admin/contacts/{contactId}");
        var grantLink = contactPage.Document.QuerySelectorAll("details.action-menu a")
            .Single(a => a.TextContent.Trim() == "Grant portal access");
        var wizard = await admin.GetAsync(grantLink.GetAttribute("href")!);

        // 2. The wizard lists the contact with its e-mail state and access state
        wizard.RowText(contactId).ShouldContain("Clara Customer");
        wizard.RowText(contactId).ShouldContain("ok");
        wizard.RowText(contactId).ShouldContain("No access");

        // 3. Granting sends an invitation with a one-time link
        var granted = await admin.PressRowButtonAsync(wizard, contactId, "Grant",
            new Dictionary<string, string?> { ["WelcomeMessage"] = "Welcome aboard, Clara!" });
        granted.RowText(contactId).ShouldContain("Invited");
        granted.RowText(contactId).ShouldContain("Access granted");
        var mails = await factory.Smtp.WaitForAsync("clara.customer@example.com");
        mails.Count.ShouldBe(1);
        var mail = mails[0];
        mail.Subject!.ShouldContain("Contoso Trading");
        mail.TextBody!.ShouldContain("Welcome aboard, Clara!");
        mail.HtmlBody!.ShouldContain("/invitation/");
        var link = mail.InvitationPath();

        // The contact page shows the invitation as delivered and the history says who granted
        var afterGrant = await Eventually.HoldsAsync(() => admin.GetAsync($"/admin/contacts/{contactId}"),
            page => page.Document.QuerySelector("[data-testid=invitation-delivery]")!.TextContent.Contains("Delivered"),
                "the invitation to show as delivered");
        afterGrant.Text.ShouldContain("Access granted");
        afterGrant.Text.ShouldContain(PortalFactory.AdminEmail);

        // 4. The customer opens the link (GET consumes nothing), sets a password, lands on My Account
        using var customer = factory.NewBrowser();
        var invitationPage = await customer.GetAsync(link);
        invitationPage.Text.ShouldContain("clara.customer@example.com");
        invitationPage.Response.Headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");
        var home = await customer.SubmitAsync(invitationPage, "Set password and sign in", new Dictionary<string, string?>
        {
            ["Input.Password"] = Flows.CustomerPassword,
            ["Input.ConfirmPassword"] = Flows.CustomerPassword,
        });
        home.Path.ShouldBe("/my");
        home.Text.ShouldContain("My Account");
        home.Text.ShouldContain("Clara Customer");

        // 5. Top right: My Account and Sign out
        home.Document.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim()).ShouldContain("My Account");
        home.Document.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim()).ShouldContain("Sign out");

        // 6. My details: view and change
        var details = await customer.GetAsync("/my/account");
        details.Document.QuerySelector("#email")!.GetAttribute("value")!.ToLowerInvariant().ShouldBe("clara.customer@example.com");
        var saved = await customer.SubmitAsync(details, "Save", new Dictionary<string, string?>
        {
            ["Details.Phone"] = "+49 40 555 0199",
            ["Details.Street"] = "Hafenstraße 1",
            ["Details.VatNumber"] = "de811111111",
        });
        saved.Path.ShouldBe("/my/account");
        saved.Text.ShouldContain("Your details have been saved.");
        saved.Document.QuerySelector("#Details_Phone")!.GetAttribute("value").ShouldBe("+49 40 555 0199");
        saved.Document.QuerySelector("#Details_VatNumber")!.GetAttribute("value").ShouldBe("DE811111111");

        // Sign out (the menu's link, then the page's POST) and sign in again
        var signOut = await customer.GetAsync(saved.Document.QuerySelector("nav a[href='/account/sign-out']")!.GetAttribute("href")!);
        var signedOut = await customer.SubmitAsync(signOut, "Sign out");
        signedOut.Path.ShouldBe("/");
        signedOut.Text.ShouldContain("Sign in");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        var again = await customer.SignInAsync("CLARA.customer@example.com ", Flows.CustomerPassword);
        again.Path.ShouldBe("/my");

        // The link was single use
        var reused = await factory.NewBrowser().GetAsync(link);
        reused.Text.ShouldContain("This invitation link has already been used.");
        var state = await factory.ContactAsync(contactId);
        state.PortalUser!.State.ShouldBe(PortalAccessState.Active);
        state.PortalUser.LastSignInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_invitation_page_shows_the_form_on_GET_and_consumes_nothing()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Gerda Get", "gerda.get@example.com");
        await admin.GrantAsync(contactId);
        var link = await factory.LatestInvitationPathAsync("gerda.get@example.com");

        using var scanner = factory.NewBrowser();
        (await scanner.GetAsync(link)).Status.ShouldBe(HttpStatusCode.OK);
        (await scanner.GetAsync(link)).Document.QuerySelector("input[name='Input.Password']").ShouldNotBeNull();

        var contact = await factory.ContactAsync(contactId);
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Invited);
        contact.PortalUser.Invitations.Single().UsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_weak_or_mismatched_password_is_refused_on_the_page_and_the_link_still_works()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Willi Weak", "willi.weak@example.com");
        await admin.GrantAsync(contactId);
        var link = await factory.LatestInvitationPathAsync("willi.weak@example.com");
        using var customer = factory.NewBrowser();

        async Task<Page> TryPassword(string password, string confirmation) =>
            await customer.SubmitAsync(await customer.GetAsync(link), "Set password and sign in",
                new Dictionary<string, string?> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirmation });

        (await TryPassword("short", "short")).Text.ShouldContain("at least 12 characters");
        (await TryPassword("password1234", "password1234")).Text.ShouldContain("too easy to guess");
        (await TryPassword("willi.weak-Forever-2026", "willi.weak-Forever-2026")).Text
            .ShouldContain("must not contain your e-mail address or name");
        (await TryPassword(Flows.CustomerPassword, Flows.CustomerPassword + "x")).Text.ShouldContain("don't match");

        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(PortalAccessState.Invited);
        (await customer.AcceptInvitationAsync(link)).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task The_outbox_records_every_invitation_as_sent_with_its_mail()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Otto Outbox", "otto.outbox@example.com");
        await admin.GrantAsync(contactId);
        await factory.Smtp.WaitForAsync("otto.outbox@example.com");

        var mailId = (await factory.ContactAsync(contactId)).PortalUser!.Invitations.Single().MailId;
        mailId.ShouldNotBeNull();
        var stored = await Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Id == mailId)),
            mail => mail.Status == OutboxStatus.Sent, "the mail to be recorded as sent");
        stored.ToAddress.ShouldBe("otto.outbox@example.com");
        stored.SentAt.ShouldNotBeNull();

        var emails = await admin.GetAsync("/admin/emails");
        emails.Text.ShouldContain("otto.outbox@example.com");
    }
}
