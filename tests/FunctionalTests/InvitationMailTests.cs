using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>What the invitation e-mail says, in which language, and how its token is stored.</summary>
public sealed class InvitationMailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_German_speaking_contact_gets_the_invitation_in_German_as_text_and_HTML()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetAsync("/admin/contacts/new");
        var saved = await admin.SubmitAsync(form, "Save", new Dictionary<string, string?>
        {
            ["Kind"] = "Person",
            ["Email"] = "dieter.deutsch@example.com",
            ["Details.Name"] = "Dieter Deutsch",
            ["Details.PreferredLanguage"] = "de",
        });
        var contactId = int.Parse(saved.Path.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await admin.GrantAsync(contactId);

        var mail = (await factory.Smtp.WaitForAsync("dieter.deutsch@example.com"))[0];
        mail.Subject.ShouldBe("Ihre Einladung zum Kundenportal von Contoso Trading");
        mail.TextBody!.ShouldContain("Hallo Dieter Deutsch,");
        mail.TextBody!.ShouldContain("Einladung annehmen und Passwort festlegen");
        mail.HtmlBody!.ShouldContain("<html lang=\"de\">");
        mail.From.Mailboxes.Single().Address.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_welcome_message_is_shown_as_text_not_as_markup()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Hugo Html", "hugo.html@example.com");
        await admin.GrantAsync(contactId, new Dictionary<string, string?> { ["WelcomeMessage"] = "<script>alert(1)</script> Welcome!" });

        var mail = (await factory.Smtp.WaitForAsync("hugo.html@example.com"))[0];
        mail.HtmlBody!.ShouldNotContain("<script>");
        mail.HtmlBody!.ShouldContain("&lt;script&gt;");
        mail.TextBody!.ShouldContain("<script>alert(1)</script> Welcome!");
    }

    [Fact]
    public async Task Invitation_tokens_are_stored_only_as_their_hash()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Theo Token", "theo.token@example.com");
        await admin.GrantAsync(contactId);
        var path = await factory.LatestInvitationPathAsync("theo.token@example.com");
        var token = Uri.UnescapeDataString(path.Split('/')[^1]);

        token.Length.ShouldBeGreaterThanOrEqualTo(43); // 32 random bytes, base64url
        var stored = (await factory.ContactAsync(contactId)).PortalUser!.Invitations.Single().TokenHash;
        stored.ShouldNotBe(token);
        stored.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
    }
}
