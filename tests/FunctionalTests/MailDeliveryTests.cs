using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The SMTP server starts out down: grants must still succeed and no mail may be lost or sent twice.</summary>
public sealed class MailDeliveryTests(SmtpDownFactory factory) : IClassFixture<SmtpDownFactory>
{
    [Fact]
    public async Task While_SMTP_is_down_a_grant_succeeds_the_mail_waits_and_is_delivered_exactly_once_when_it_is_back()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Paula Pending", "paula.pending@example.com");

        var granted = await admin.GrantAsync(contactId);
        granted.RowText(contactId).ShouldContain("Invited");

        var mail = await WaitForMailAsync(m => m.Attempts >= 1);
        mail.Status.ShouldBe(OutboxStatus.Pending);
        mail.LastError.ShouldNotBeNullOrEmpty();
        mail.NextAttemptAt.ShouldBeGreaterThan(factory.Clock.GetUtcNow());
        (await admin.GetAsync($"/admin/contacts/{contactId}")).Document
            .QuerySelector("[data-testid=invitation-delivery]")!.TextContent.ShouldContain("Waiting to be sent");

        factory.Smtp.Start();
        // Not due yet: nothing goes out before the backoff has passed.
        (await factory.DispatchMailNowAsync()).ShouldBe(0);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var delivered = await factory.Smtp.WaitForAsync("paula.pending@example.com");
        (await WaitForMailAsync(m => m.Status == OutboxStatus.Sent)).SentAt.ShouldNotBeNull();

        // Further polls and an explicit dispatch send nothing more.
        (await factory.DispatchMailNowAsync()).ShouldBe(0);
        factory.Smtp.To("paula.pending@example.com").Count.ShouldBe(1);
        delivered[0].InvitationPath().ShouldStartWith("/invitation/");
        (await Eventually.HoldsAsync(() => admin.GetAsync($"/admin/contacts/{contactId}"),
            page => page.Document.QuerySelector("[data-testid=invitation-delivery]")!.TextContent.Contains("Delivered"),
                "delivery to show")).Status.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    private Task<OutboxMessage> WaitForMailAsync(Func<OutboxMessage, bool> condition) =>
        Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.ToAddress == "paula.pending@example.com")),
            condition, "the outbox row to change");
}
