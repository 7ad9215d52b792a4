using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Activity;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// "Send me a new link" on an expired invitation or reset link: the new link goes only to the address on file, a few times
/// a day at most, and the answer never tells what happened. Settings apply to the whole portal, so every test has its own.
/// </summary>
public sealed class ExpiredLinkTests : IAsyncLifetime
{
    private const string SentAnswer = "If a new link can be sent for this one, it is on its way to the e-mail address we have on file.";
    private static readonly TimeSpan PastExpiry = TimeSpan.FromDays(8);
    private readonly PortalFactory factory = new();

    public Task InitializeAsync() => ((IAsyncLifetime)factory).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)factory).DisposeAsync();

    [Fact]
    public async Task An_expired_invitation_sends_a_new_link_only_to_the_address_on_file_even_when_the_form_names_another()
    {
        const string email = "nina.new@example.com";
        var (contactId, path) = await InvitedAsync("Nina New", email);
        factory.Clock.Advance(PastExpiry);
        using var nina = factory.NewBrowser();

        var expired = await nina.GetAsync(path);
        expired.Text.ShouldContain("This invitation link has expired.");
        var answer = await nina.SubmitAsync(expired, "Send me a new link", new Dictionary<string, string?>
        {
            ["Email"] = "mallory@example.com",
            ["Input.Email"] = "mallory@example.com",
            ["ToAddress"] = "mallory@example.com",
        });

        answer.Path.ShouldBe("/account/new-link-sent");
        answer.Text.ShouldContain(SentAnswer);
        var renewed = await factory.LatestInvitationPathAsync(email, 2);
        factory.Smtp.To("mallory@example.com").ShouldBeEmpty();
        (await nina.AcceptInvitationAsync(renewed)).Path.ShouldBe("/my");
        var history = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking().Where(u => u.ContactId == contactId)
            .SelectMany(u => u.History).OrderBy(e => e.Id).ToListAsync());
        history.Select(e => e.Kind).ShouldBe(
            [PortalAccessEventKind.Granted, PortalAccessEventKind.NewLinkRequested, PortalAccessEventKind.Accepted]);
        (history[1].Actor, history[1].ActorKind).ShouldBe((email, ActivityActorKind.Customer));
    }

    [Fact]
    public async Task New_links_are_limited_per_contact_and_unknown_revoked_and_limited_requests_get_the_same_answer()
    {
        const string email = "lena.limit@example.com";
        var (_, path) = await InvitedAsync("Lena Limit", email);
        var (revokedId, revokedPath) = await InvitedAsync("Rolf Revoked", "rolf.revoked@example.com");
        factory.Clock.Advance(PastExpiry);
        using var visitor = factory.NewBrowser();

        var answers = new List<string>();
        foreach (var pause in new[] { 0, 0, 2, 2, 2 })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(pause));
            answers.Add(Answer(await visitor.SubmitAsync(await visitor.GetAsync(path), "Send me a new link")));
        }
        await factory.Smtp.WaitForAsync(email, 4);
        (await Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email)),
            count => count == 4, "the outbox to hold the invitation and three new links")).ShouldBe(4,
            "the second request came within a minute and the fifth is the fourth of the day");

        var madeUp = await visitor.GetAsync(path);
        madeUp.Document.QuerySelector("form[action*='handler=NewLink']")!.SetAttribute("action", "/invitation/made-up-token?handler=NewLink");
        answers.Add(Answer(await visitor.SubmitAsync(madeUp, "Send me a new link")));

        var beforeRevoke = await visitor.GetAsync(revokedPath);
        using (var admin = await factory.SignedInAdminAsync())
            (await admin.PressRowButtonAsync(await admin.OpenWizardAsync(revokedId), revokedId, "Revoke")).RowText(revokedId)
                .ShouldContain("Revoked");
        answers.Add(Answer(await visitor.SubmitAsync(beforeRevoke, "Send me a new link")));

        answers.Distinct().ShouldHaveSingleItem().ShouldContain(SentAnswer);
        factory.Smtp.To("rolf.revoked@example.com").Count.ShouldBe(1, "only the first invitation");
    }

    [Fact]
    public async Task A_used_link_says_so_and_points_to_sign_in_without_offering_a_new_one()
    {
        const string email = "ulla.used@example.com";
        var (_, path) = await InvitedAsync("Ulla Used", email);
        using var ulla = factory.NewBrowser();
        await ulla.AcceptInvitationAsync(path);

        var again = await factory.NewBrowser().GetAsync(path);

        again.Text.ShouldContain("This invitation link has already been used.");
        again.Document.QuerySelector("a[href='/account/sign-in']").ShouldNotBeNull();
        again.Text.ShouldNotContain("Send me a new link");
    }

    [Fact]
    public async Task Switched_off_the_page_shows_the_support_contact_and_no_link_is_sent()
    {
        const string email = "siggi.support@example.com";
        var (_, path) = await InvitedAsync("Siggi Support", email);
        factory.Clock.Advance(PastExpiry);
        using var visitor = factory.NewBrowser();
        var offered = await visitor.GetAsync(path);

        using (var admin = await factory.SignedInAdminAsync())
        {
            await SaveSettingsAsync(admin, "Save branding", new()
            {
                ["Branding.SupportEmail"] = "help@contoso.example",
                ["Branding.SupportPhone"] = "+49 40 555 0100",
            });
            await SaveSettingsAsync(admin, "Save invitation settings", new() { ["Invitations.CustomersRequestNewLinks"] = "false" });
        }

        var page = await visitor.GetAsync(path);
        page.Text.ShouldContain("Please contact us for a new link.");
        page.Document.QuerySelector("a[href='mailto:help@contoso.example']").ShouldNotBeNull();
        page.Document.QuerySelector("a[href='tel:+49 40 555 0100']").ShouldNotBeNull();
        page.Text.ShouldNotContain("Send me a new link");

        Answer(await visitor.SubmitAsync(offered, "Send me a new link")).ShouldContain(SentAnswer);
        await factory.DispatchMailNowAsync();
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email))).ShouldBe(1);
    }

    [Fact]
    public async Task An_expired_reset_link_sends_a_new_one_only_to_the_accounts_address_and_a_made_up_one_gets_the_same_answer()
    {
        const string email = "rico.reset@example.com";
        using (var admin = await factory.SignedInAdminAsync())
            (await factory.ActiveCustomerAsync(admin, "Rico Reset", email)).Customer.Dispose();
        using var visitor = factory.NewBrowser();
        await visitor.RequestResetAsync(email);
        var first = PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 1))[0]);
        factory.Clock.Advance(TimeSpan.FromHours(2));

        var expired = await visitor.GetAsync(first);
        expired.Text.ShouldContain("This link can't be used");
        var answer = await visitor.SubmitAsync(expired, "Request a new one",
            new Dictionary<string, string?> { ["Email"] = "mallory@example.com", ["Input.Email"] = "mallory@example.com" });
        var madeUp = await visitor.SubmitAsync(await visitor.GetAsync("/account/reset-password/made-up-token"), "Request a new one");

        (answer.Path, madeUp.Path).ShouldBe(("/account/new-link-sent", "/account/new-link-sent"));
        answer.Text.ShouldBe(madeUp.Text);
        var second = PasswordResetFlows.ResetLinkIn((await factory.ResetMailsAsync(email, 2))[1]);
        factory.Smtp.To("mallory@example.com").ShouldBeEmpty();
        var form = await visitor.GetAsync(second);
        (await visitor.SetNewPasswordAsync(form, "Copper-Willow-Summit-Lake-58")).Path.ShouldBe("/account/sign-in");
    }

    private async Task<(int ContactId, string Path)> InvitedAsync(string name, string email)
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync(name, email);
        await admin.GrantAsync(contactId);
        return (contactId, await factory.LatestInvitationPathAsync(email));
    }

    private static async Task SaveSettingsAsync(PortalBrowser admin, string button, Dictionary<string, string?> fields)
    {
        var saved = await admin.SubmitAsync(await admin.GetAsync("/admin/settings"), button, fields);
        saved.Document.QuerySelector(".alert-success").ShouldNotBeNull(saved.Text);
    }

    private static string Answer(Page page)
    {
        page.Path.ShouldBe("/account/new-link-sent");
        return page.Document.QuerySelector("main")!.TextContent;
    }
}
