using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// An invitation the mail server refuses for good marks the contact's address "undeliverable" where staff look: the grant
/// wizard, the contacts list and the contact's page; a later delivery to the address clears it.
/// </summary>
public sealed class UndeliverableEmailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_refused_invitation_marks_the_address_undeliverable_until_a_later_mail_to_it_is_delivered()
    {
        const string email = "bruno.bounce@example.com";
        factory.Smtp.RefuseRecipient(email);
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Bruno Bounce", email);

        await admin.GrantAsync(contactId);

        var failed = await Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.ToAddress == email)), m => m.Status == OutboxStatus.Failed, "the refused mail to fail");
        failed.Attempts.ShouldBe(1, "a permanent refusal is not retried");
        failed.LastError.ShouldNotBeNullOrEmpty();
        (await factory.ContactAsync(contactId)).EmailUndeliverableSince.ShouldNotBeNull();
        (await admin.GetAsync($"/admin/contacts/{contactId}")).Document
            .QuerySelector("[data-testid=email-undeliverable]")!.TextContent.ShouldBe("undeliverable");
        (await admin.OpenWizardAsync(contactId)).RowText(contactId).ShouldContain("undeliverable");
        (await admin.GetAsync("/admin/contacts?q=bruno.bounce")).Document
            .QuerySelector("[data-testid=email-undeliverable]").ShouldNotBeNull();
        using var german = await factory.SignedInAdminAsync("de");
        (await german.GetAsync($"/admin/contacts/{contactId}")).Document
            .QuerySelector("[data-testid=email-undeliverable]")!.TextContent.ShouldBe("unzustellbar");

        factory.Smtp.AcceptRecipient(email);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        await factory.Smtp.WaitForAsync(email);

        await Eventually.HoldsAsync(() => factory.ContactAsync(contactId), c => c.EmailUndeliverableSince is null,
            "a delivered mail to clear the mark");
        (await admin.GetAsync($"/admin/contacts/{contactId}")).Document
            .QuerySelector("[data-testid=email-undeliverable]").ShouldBeNull();
    }

    [Fact]
    public async Task A_new_address_clears_the_mark()
    {
        const string email = "tess.tries@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Tess Tries", email);
        factory.Smtp.RefuseRecipient(email);
        await admin.GrantAsync(contactId);
        await Eventually.HoldsAsync(() => factory.ContactAsync(contactId), c => c.EmailUndeliverableSince is not null,
            "the mark");

        var wizard = await admin.OpenWizardAsync(contactId);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.PressRowButtonAsync(wizard, contactId, "Revoke");
        var edit = await admin.GetAsync($"/admin/contacts/{contactId}/edit");
        (await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["Email"] = "tess.new@example.com" }))
            .Path.ShouldBe($"/admin/contacts/{contactId}");

        (await factory.ContactAsync(contactId)).EmailUndeliverableSince.ShouldBeNull();
    }
}
