using MimeKit;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>With no SMTP host configured (the out-of-the-box setup), mail lands as .eml files a newcomer can open.</summary>
public sealed class MailPickupTests(NoSmtpFactory factory) : IClassFixture<NoSmtpFactory>
{
    [Fact]
    public async Task Without_an_SMTP_host_the_invitation_is_written_to_the_pickup_folder_and_its_link_works()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Pia Pickup", "pia.pickup@example.com");
        await admin.GrantAsync(contactId);

        var folder = Path.Combine(factory.DataFolder, "mail-pickup");
        var file = await Eventually.HoldsAsync(
            () => Task.FromResult(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").FirstOrDefault() : null),
            path => path is not null, "an .eml file in the pickup folder");
        var mail = await MimeMessage.LoadAsync(file!);
        mail.To.Mailboxes.Single().Address.ShouldBe("pia.pickup@example.com");
        mail.TextBody.ShouldNotBeNullOrWhiteSpace();
        mail.HtmlBody.ShouldNotBeNullOrWhiteSpace();

        using var customer = factory.NewBrowser();
        (await customer.AcceptInvitationAsync(mail.InvitationPath())).Path.ShouldBe("/my");
    }
}
