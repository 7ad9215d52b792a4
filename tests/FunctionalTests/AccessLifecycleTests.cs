using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Re-invite, revoke, grant again and expiry, as the admin and the customer experience them.</summary>
public sealed class AccessLifecycleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string JustSent = "An invitation was just sent to this contact. Please wait a minute before sending another one.";

    [Fact]
    public async Task Re_inviting_voids_the_old_link_and_the_new_one_works()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Rita Reinvite", "rita.reinvite@example.com");
        await admin.GrantAsync(contactId);
        var oldLink = await factory.LatestInvitationPathAsync("rita.reinvite@example.com");
        factory.Clock.Advance(InvitationPace.MinimumInterval);

        var wizard = await admin.OpenWizardAsync(contactId);
        var reinvited = await admin.PressRowButtonAsync(wizard, contactId, "ReInvite");
        reinvited.RowText(contactId).ShouldContain("A new invitation is on its way");
        var newLink = await factory.LatestInvitationPathAsync("rita.reinvite@example.com", expectedCount: 2);
        newLink.ShouldNotBe(oldLink);

        using var customer = factory.NewBrowser();
        var old = await customer.GetAsync(oldLink);
        old.Text.ShouldContain("This invitation link was replaced by a newer one.");
        old.Document.QuerySelector("input[name='Input.Password']").ShouldBeNull();
        (await customer.AcceptInvitationAsync(newLink)).Path.ShouldBe("/my");

        var contact = await factory.ContactAsync(contactId);
        contact.PortalUser!.Invitations.Count(i => i.IsOpen).ShouldBe(0);
        contact.PortalUser.Invitations.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Thirty_re_invites_at_the_same_moment_send_one_mail_and_the_link_in_it_works()
    {
        const string email = "stormy.sam@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Stormy Sam", email);
        await admin.GrantAsync(contactId);
        await factory.LatestInvitationPathAsync(email);
        factory.Clock.Advance(InvitationPace.MinimumInterval);
        var wizard = await admin.OpenWizardAsync(contactId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            admin.PressRowButtonAsync(wizard, contactId, "ReInvite")));

        responses.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        responses.Count(r => r.RowText(contactId).Contains(JustSent)).ShouldBe(29);
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email));
        mails.ShouldBe(2, "the grant's invitation and one re-invite");
        var contact = await factory.ContactAsync(contactId);
        contact.PortalUser!.Invitations.Count.ShouldBe(2);
        contact.PortalUser.Invitations.Count(i => i.IsOpen).ShouldBe(1);

        var link = await factory.LatestInvitationPathAsync(email, expectedCount: 2);
        using var customer = factory.NewBrowser();
        (await customer.AcceptInvitationAsync(link)).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task A_re_invite_within_a_minute_of_the_last_link_is_refused_on_the_page_in_english_and_german()
    {
        const string email = "hasty.hanna@example.com";
        using var admin = await factory.SignedInAdminAsync();
        using var germanAdmin = await factory.SignedInAdminAsync("de");
        var contactId = await admin.CreateContactAsync("Hasty Hanna", email);
        await admin.GrantAsync(contactId);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        var english = await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        var german = await germanAdmin.PressRowButtonAsync(await germanAdmin.OpenWizardAsync(contactId), contactId, "ReInvite");

        english.RowText(contactId).ShouldContain(JustSent);
        german.RowText(contactId).ShouldContain(
            "Diesem Kontakt wurde gerade eine Einladung gesendet. Bitte warten Sie eine Minute, bevor Sie eine weitere senden.");
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email))).ShouldBe(1);

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        later.RowText(contactId).ShouldNotContain(JustSent);
        await factory.LatestInvitationPathAsync(email, expectedCount: 2);
    }

    [Fact]
    public async Task Revoking_access_ends_the_customers_session_on_the_next_request_and_refuses_sign_in()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Rolf Revoked", "rolf.revoked@example.com");
        using var _ = customer;
        (await customer.GetAsync("/my/account")).Status.ShouldBe(HttpStatusCode.OK);

        var revoked = await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");
        revoked.RowText(contactId).ShouldContain("Revoked");

        var next = await customer.GetAsync("/my/account", followRedirects: false);
        next.Status.ShouldBe(HttpStatusCode.Redirect);
        next.Location!.ShouldContain("/account/sign-in");

        using var again = factory.NewBrowser();
        var refused = await again.SignInAsync("rolf.revoked@example.com", Flows.CustomerPassword);
        refused.Path.ShouldBe("/account/sign-in");
        refused.Text.ShouldContain("The e-mail address or password is not correct.");

        var contact = await factory.ContactAsync(contactId);
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        contact.PortalUser.PasswordHash.ShouldBeNull();
        contact.Name.ShouldBe("Rolf Revoked");

        var history = await admin.GetAsync($"/admin/contacts/{contactId}");
        history.Text.ShouldContain("Access revoked");
        history.Text.ShouldContain("Invitation accepted");
    }

    [Fact]
    public async Task Granting_again_after_a_revoke_invites_the_same_user_and_keeps_the_history()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Greta Again", "greta.again@example.com");
        customer.Dispose();
        var userId = (await factory.ContactAsync(contactId)).PortalUser!.Id;
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");

        var regranted = await admin.GrantAsync(contactId);
        regranted.RowText(contactId).ShouldContain("Invited");
        var link = await factory.LatestInvitationPathAsync("greta.again@example.com", expectedCount: 2);
        using var back = factory.NewBrowser();
        (await back.AcceptInvitationAsync(link, "Violet-Canyon-Harvest-Drum-8")).Path.ShouldBe("/my");

        var contact = await factory.ContactAsync(contactId);
        contact.PortalUser!.Id.ShouldBe(userId);
        (await factory.CountPortalUsersAsync(contactId)).ShouldBe(1);
        var page = await admin.GetAsync($"/admin/contacts/{contactId}");
        page.Document.QuerySelectorAll("table tbody tr").Count().ShouldBe(5); // granted, accepted, revoked, granted, accepted
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_clear_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Erik Expired", "erik.expired@example.com");
        await admin.GrantAsync(contactId);
        var link = await factory.LatestInvitationPathAsync("erik.expired@example.com");
        using var customer = factory.NewBrowser();
        var form = await customer.GetAsync(link);

        // Exactly at the expiry time the link no longer works.
        factory.Clock.Advance(TimeSpan.FromDays(7));
        var expired = await customer.SubmitAsync(form, "Set password and sign in", new Dictionary<string, string?>
        {
            ["Input.Password"] = Flows.CustomerPassword,
            ["Input.ConfirmPassword"] = Flows.CustomerPassword,
        });
        expired.Text.ShouldContain("This invitation link has expired.");
        expired.Text.ShouldContain("Send me a new link");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(PortalAccessState.Invited);
    }

    [Fact]
    public async Task Unknown_and_revoked_links_get_a_page_that_says_what_happened()
    {
        using var anyone = factory.NewBrowser();
        (await anyone.GetAsync("/invitation/not-a-real-token")).Text.ShouldContain("This invitation link is not valid.");

        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Vera Voided", "vera.voided@example.com");
        await admin.GrantAsync(contactId);
        var link = await factory.LatestInvitationPathAsync("vera.voided@example.com");
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");
        (await anyone.GetAsync(link)).Text.ShouldContain("Portal access for this account has been revoked.");
    }
}
