using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.Mail;
using Portal.Application.PortalAccess;
using Portal.Domain.Mail;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>A one-time link lives in the outbox only as long as the mail may still have to be delivered.</summary>
public sealed class OutboxSecretsTests : HandlerTest
{
    [Fact]
    public async Task A_sent_mail_keeps_its_text_but_not_its_one_time_link()
    {
        await InviteAnnaAsync();
        (await OutboxAsync()).TextBody.ShouldContain(PortalRoutes.InvitationLink("token-1"));

        using (var request = NewRequest())
            (await request.Resolve<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        var sent = await OutboxAsync();
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.TextBody.ShouldNotContain("token-1");
        sent.HtmlBody.ShouldNotContain("token-1");
        sent.TextBody.ShouldContain("/invitation/" + OneTimeLinkRedaction.Placeholder);
        sent.TextBody.ShouldContain("Anna Berg");
        var listed = (await SendAsync(new ListOutbox())).Items.ShouldHaveSingleItem();
        (listed.ToAddress, listed.Subject, listed.Status).ShouldBe(("anna@example.com", sent.Subject, OutboxStatus.Sent));
    }

    [Fact]
    public async Task Mail_that_could_not_be_delivered_loses_its_body_after_the_keep_period_but_stays_listed()
    {
        await InviteAnnaAsync();
        await using (var db = Database.CreateContext())
        {
            var mail = await db.OutboxMessages.SingleAsync();
            for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
                mail.MarkAttemptFailed("mailbox unavailable", Clock.GetUtcNow(), TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        await RunMaintenanceAsync();
        (await OutboxAsync()).TextBody.ShouldContain("token-1", customMessage: "kept within the keep period");

        Clock.Advance(new MaintenanceOptions().KeepFinishedTokens + TimeSpan.FromMinutes(1));
        await RunMaintenanceAsync();

        var failed = await OutboxAsync();
        (failed.TextBody, failed.HtmlBody).ShouldBe(("", ""));
        var listed = (await SendAsync(new ListOutbox())).Items.ShouldHaveSingleItem();
        (listed.ToAddress, listed.Subject, listed.Status, listed.LastError)
            .ShouldBe(("anna@example.com", failed.Subject, OutboxStatus.Failed, "mailbox unavailable"));
    }

    private async Task InviteAnnaAsync()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SendAsync(new GrantPortalAccess(anna, null, null));
    }

    private Task<OutboxMessage> OutboxAsync() => ReadAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
}
