using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The e-mail list says when waiting mail is tried next, and staff who manage the portal can send it again at once.</summary>
public sealed class MailRetryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_email_list_shows_the_next_attempt_and_retry_now_sends_waiting_mail_at_once()
    {
        var address = $"wanda.waiting.{Guid.NewGuid():n}@example.com";
        var id = await QueueMailAsync(address, failures: 3);
        using var manager = (await factory.SignedInColleagueAsync(
            $"max.{Guid.NewGuid():n}@contoso.example", "Max Manager", StaffRole.PortalManager)).Browser;

        var list = await manager.GetAsync("/admin/emails?status=Pending");
        var nextAttempt = await factory.WithDbAsync(db =>
            db.OutboxMessages.Where(m => m.Id == id).Select(m => m.NextAttemptAt).SingleAsync());
        nextAttempt.ShouldBeGreaterThan(factory.Clock.GetUtcNow());
        Row(list, id).QuerySelector("[data-testid=next-attempt]")!.TextContent.Trim().ShouldNotBeEmpty();
        list.Text.ShouldContain("Next attempt");

        var retried = await manager.SubmitAsync(list, buttonSelector: $"tr[data-mail-id='{id}'] [data-testid=retry-mail]");

        retried.Path.ShouldBe("/admin/emails");
        retried.Url.Query.ShouldContain("status=Pending");
        retried.Text.ShouldContain("The e-mail will be sent again now.");
        // The clock stands still: only the retry can have made the mail due.
        (await factory.Smtp.WaitForAsync(address)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Failed_mail_gets_one_more_attempt()
    {
        var address = $"fiona.failed.{Guid.NewGuid():n}@example.com";
        var id = await QueueMailAsync(address, failures: OutboxMessage.MaxAttempts);
        using var admin = await factory.SignedInAdminAsync();

        var list = await admin.GetAsync("/admin/emails?status=Failed");
        Row(list, id).QuerySelector("[data-testid=next-attempt]")!.TextContent.Trim().ShouldBeEmpty();
        await admin.SubmitAsync(list, buttonSelector: $"tr[data-mail-id='{id}'] [data-testid=retry-mail]");

        (await factory.Smtp.WaitForAsync(address)).Count.ShouldBe(1);
        (await Eventually.HoldsAsync(() => StatusAsync(id), status => status == OutboxStatus.Sent, "the retried mail to be sent"))
            .ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_mail_delivered_meanwhile_is_not_sent_again_and_the_page_says_why()
    {
        var address = $"sam.sent.{Guid.NewGuid():n}@example.com";
        var id = await QueueMailAsync(address, failures: 1);
        using var admin = await factory.SignedInAdminAsync();
        var list = await admin.GetAsync("/admin/emails?status=Pending");
        await factory.WithDbAsync(async db =>
        {
            (await db.OutboxMessages.SingleAsync(m => m.Id == id)).MarkSent(factory.Clock.GetUtcNow(), body => body);
            await db.SaveChangesAsync();
        });

        var refused = await admin.SubmitAsync(list, buttonSelector: $"tr[data-mail-id='{id}'] [data-testid=retry-mail]");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain("This e-mail has already been delivered; it can't be sent again.");
        (await StatusAsync(id)).ShouldBe(OutboxStatus.Sent);
        Row(await admin.GetAsync("/admin/emails"), id).QuerySelector("[data-testid=retry-mail]").ShouldBeNull();
    }

    [Fact]
    public async Task A_read_only_colleague_sees_no_retry_button_and_gets_403_on_the_post()
    {
        var id = await QueueMailAsync($"rita.readonly.{Guid.NewGuid():n}@example.com", failures: 2);
        using var reader = (await factory.SignedInColleagueAsync(
            $"olga.{Guid.NewGuid():n}@contoso.example", "Olga Onlyreads", StaffRole.ReadOnly)).Browser;

        var list = await reader.GetAsync("/admin/emails");
        Row(list, id).QuerySelector("[data-testid=retry-mail]").ShouldBeNull();
        list.Text.ShouldNotContain("Retry now");

        var token = await reader.FormTokenAsync();
        using var forged = await reader.Client.PostAsync($"/admin/emails?handler=Retry&id={id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var mail = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        mail.NextAttemptAt.ShouldBeGreaterThan(factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task The_retry_speaks_German()
    {
        var id = await QueueMailAsync($"greta.german.{Guid.NewGuid():n}@example.com", failures: 2);
        using var admin = await factory.SignedInAdminAsync("de");

        var list = await admin.GetAsync("/admin/emails?status=Pending");
        list.Text.ShouldContain("Nächster Versuch");
        Row(list, id).QuerySelector("[data-testid=retry-mail]")!.TextContent.Trim().ShouldBe("Jetzt erneut senden");
        var retried = await admin.SubmitAsync(list, buttonSelector: $"tr[data-mail-id='{id}'] [data-testid=retry-mail]");

        retried.Text.ShouldContain("Die E-Mail wird jetzt erneut gesendet.");
        (await StatusAsync(id)).ShouldNotBe(OutboxStatus.Failed);
    }

    [Fact]
    public async Task Mail_due_at_the_same_instant_leaves_in_the_order_it_was_queued()
    {
        var address = $"quentin.queue.{Guid.NewGuid():n}@example.com";
        var now = factory.Clock.GetUtcNow();
        // One transaction queueing many (as a bulk job's batch does), then another in the same instant: the ids are random within
        // the millisecond, the due time is the same, only the queue order tells them apart.
        foreach (var (first, count) in new[] { (0, 30), (30, 5) })
        {
            await factory.WithDbAsync(async db =>
            {
                for (var i = first; i < first + count; i++)
                    db.OutboxMessages.Add(OutboxMessage.Compose(address, "Quentin Queue", $"Step {i:00}", "text", "<p>html</p>", now));
                await db.SaveChangesAsync();
            });
        }

        var delivered = await factory.Smtp.WaitForAsync(address, count: 35);

        delivered.Select(m => m.Subject).ShouldBe(Enumerable.Range(0, 35).Select(i => $"Step {i:00}"));
    }

    /// <summary>Mail that has failed <paramref name="failures"/> times, so it waits (or, at the limit, has failed).</summary>
    private async Task<Guid> QueueMailAsync(string address, int failures)
    {
        var now = factory.Clock.GetUtcNow();
        var mail = OutboxMessage.Compose(address, "Test Recipient", "Your documents", "text", "<p>html</p>", now);
        for (var i = 0; i < failures; i++) mail.MarkAttemptFailed("451 try later", now, TimeSpan.FromMinutes(10));
        await factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(mail);
            await db.SaveChangesAsync();
        });
        return mail.Id;
    }

    private Task<OutboxStatus> StatusAsync(Guid id) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    private static AngleSharp.Dom.IElement Row(Page list, Guid id) =>
        list.Document.QuerySelector($"tr[data-mail-id='{id}']") ?? throw new InvalidOperationException($"No mail row {id}.\n{list.Text}");
}
