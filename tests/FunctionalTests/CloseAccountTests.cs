using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>"Close my account": the customer revokes their own access with the password, by the same move an admin uses.</summary>
public sealed class CloseAccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Closed = "Your account has been closed and you have been signed out.";

    [Fact]
    public async Task The_security_page_leads_to_a_page_that_explains_what_closing_does()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Klara Explained", "klara.explained@example.com");
        using var _1 = customer;

        var security = await customer.GetAsync("/my/security");
        security.Document.QuerySelector("#close-heading")!.TextContent.ShouldBe("Close account");
        var href = security.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Close my account")
            .GetAttribute("href");
        var page = await customer.GetAsync(href!);

        page.Path.ShouldBe("/my/security/close");
        page.Text.ShouldContain("your access to the customer portal ends at once");
        page.Text.ShouldContain("your details and the history of your account stay with us");
        page.Document.QuerySelector("label[for='Input_CurrentPassword']")!.TextContent.ShouldBe("Current password");
    }

    [Fact]
    public async Task A_wrong_or_missing_password_is_refused_and_nothing_changes()
    {
        const string email = "wanda.wrong@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Wanda Wrong", email);
        using var _ = customer;

        var wrong = await customer.CloseAccountAsync("Not-The-Right-Password-42");
        wrong.Path.ShouldBe("/my/security/close");
        wrong.FieldError("Input.CurrentPassword").ShouldBe("The current password is not correct.");
        (await customer.CloseAccountAsync("")).FieldError("Input.CurrentPassword").ShouldBe("Please enter your current password.");

        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(PortalAccessState.Active);
        (await customer.GetAsync("/my")).Status.ShouldBe(HttpStatusCode.OK);
        factory.Smtp.To(email).Count.ShouldBe(1, "only the invitation; no closing notice");
    }

    [Fact]
    public async Task Closing_revokes_access_ends_every_session_and_refuses_sign_in_afterwards_while_the_data_stays()
    {
        const string email = "carl.closer@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Carl Closer", email);
        using var _ = customer;
        using var phone = factory.NewBrowser();
        (await phone.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");

        var closed = await customer.CloseAccountAsync();

        closed.Path.ShouldBe("/");
        closed.Text.ShouldContain(Closed);
        var here = await customer.GetAsync("/my", followRedirects: false);
        here.Status.ShouldBe(HttpStatusCode.Redirect);
        here.Location!.ShouldContain("/account/sign-in");
        (await phone.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect, "every other session ends too");
        using var again = factory.NewBrowser();
        (await again.SignInAsync(email, Flows.CustomerPassword)).Text.ShouldContain("The e-mail address or password is not correct.");

        var contact = await factory.ContactAsync(contactId);
        contact.Name.ShouldBe("Carl Closer");
        contact.Email.ShouldBe(email);
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        contact.PortalUser.PasswordHash.ShouldBeNull();
        contact.PortalUser.Login.ShouldBe(email);
        var events = await factory.WithDbAsync(db => db.SecurityEvents.Where(e => e.UserAccountId == contact.PortalUser.Id)
            .Select(e => e.Kind).ToListAsync());
        events.ShouldContain(SecurityEventKind.AccountClosed);
        var notice = (await factory.Smtp.WaitForAsync(email, 2))[^1];
        notice.Subject!.ShouldContain("was closed");
    }

    [Fact]
    public async Task Closing_voids_open_links_and_two_factor_data_like_an_admin_revoke()
    {
        const string email = "lotte.links@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Lotte Links", email);
        using var _ = customer;
        await customer.EnableTwoFactorAsync(factory);
        await customer.RequestEmailChangeAsync("lotte.elsewhere@example.com");
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");

        (await customer.CloseAccountAsync()).Path.ShouldBe("/");

        var user = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking()
            .Include(u => u.Tokens).Include(u => u.Invitations).Include(u => u.RecoveryCodes).SingleAsync(u => u.ContactId == contactId));
        user.Tokens.ShouldNotBeEmpty();
        user.Tokens.ShouldAllBe(t => t.VoidedAt != null || t.UsedAt != null);
        user.Invitations.ShouldAllBe(i => i.VoidedAt != null || i.UsedAt != null);
        user.RecoveryCodes.ShouldBeEmpty();
        user.TwoFactorSecret.ShouldBeNull();
        user.TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task The_admin_sees_on_the_contact_page_that_the_customer_revoked_the_access()
    {
        const string email = "hanna.history@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Hanna History", email);
        using var _ = customer;

        await customer.CloseAccountAsync();

        var page = await admin.GetAsync($"/admin/contacts/{contactId}");
        page.Text.ShouldContain("Revoked");
        var rows = page.Document.QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        var revoked = rows.Where(r => r[1] == "Access revoked").ShouldHaveSingleItem();
        revoked[2].ShouldBe(email);
        rows.ShouldContain(r => r[1] == "Access granted" && r[2].Contains(PortalFactory.AdminEmail));
    }
}
