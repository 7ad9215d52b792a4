using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// What the dashboard counts on indexes instead of in the outbox — each link's copy of its mail's status, and when a link of a
/// customer's current grant was delivered — stays what the outbox says through every move: a sent mail, a refused one, one
/// that ran out of attempts and is retried, a re-invite, a revoke and a grant again, an acceptance.
/// </summary>
public sealed class AdoptionCountersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Kept(OutboxStatus? MailStatus, DateTimeOffset? DeliveredAt);

    /// <summary>The customer's newest link's kept mail status, and the customer's kept delivery time.</summary>
    private Task<Kept> KeptAsync(int contactId) => factory.WithDbAsync(async db =>
    {
        var user = await db.PortalUsers.AsNoTracking().Include(u => u.Invitations).SingleAsync(u => u.ContactId == contactId);
        return new Kept(user.Invitations.OrderByDescending(i => i.Id).First().MailStatus, user.InvitationDeliveredAt);
    });

    private Task<Kept> KeptWhenAsync(int contactId, Func<Kept, bool> condition, string what) =>
        Eventually.HoldsAsync(() => KeptAsync(contactId), condition, what);

    private Task<OutboxMessage> NewestMailToAsync(string email) => factory.WithDbAsync(db =>
        db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderByDescending(m => m.CreatedAt).FirstAsync());

    /// <summary>Every kept value, of every customer, against the outbox itself (how the dashboard counted before).</summary>
    private Task KeptValuesAgreeWithTheOutboxAsync() => factory.WithDbAsync(async db =>
    {
        var links = await db.Invitations.AsNoTracking().Where(i => i.MailId != null)
            .Select(i => new
            {
                i.Id,
                i.MailStatus,
                Outbox = db.OutboxMessages.Where(m => m.Id == i.MailId).Select(m => (OutboxStatus?)m.Status).FirstOrDefault(),
            })
            .ToListAsync();
        links.Where(l => l.MailStatus != l.Outbox).ShouldBeEmpty();
        var users = await db.PortalUsers.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                Kept = u.InvitationDeliveredAt != null,
                Counted = u.Invitations.Any(i => i.CreatedAt >= u.GrantedAt
                    && db.OutboxMessages.Any(m => m.Id == i.MailId && m.Status == OutboxStatus.Sent)),
            })
            .ToListAsync();
        users.Where(u => u.Kept != u.Counted).ShouldBeEmpty();
    });

    [Fact]
    public async Task A_sent_invitation_marks_its_customer_delivered_when_it_was_sent_and_acceptance_keeps_it()
    {
        const string email = "sina.sent@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Sina Sent", email);

        await admin.GrantAsync(contactId);
        (await KeptAsync(contactId)).MailStatus.ShouldNotBeNull();
        await factory.DispatchMailNowAsync();

        var kept = await KeptWhenAsync(contactId, k => k.MailStatus == OutboxStatus.Sent, "the mail to be kept as sent");
        kept.DeliveredAt.ShouldBe((await NewestMailToAsync(email)).SentAt);

        using var customer = factory.NewBrowser();
        (await customer.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(email))).Path.ShouldBe("/my");
        (await KeptAsync(contactId)).ShouldBe(kept);
        await KeptValuesAgreeWithTheOutboxAsync();
    }

    [Fact]
    public async Task A_refused_invitation_is_kept_as_failed_until_a_re_invite_is_delivered()
    {
        const string email = "rolf.refused@example.com";
        factory.Smtp.RefuseRecipient(email);
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Rolf Refused", email);

        await admin.GrantAsync(contactId);
        var failed = await KeptWhenAsync(contactId, k => k.MailStatus == OutboxStatus.Failed, "the refused mail to be kept as failed");
        failed.DeliveredAt.ShouldBeNull();
        await KeptValuesAgreeWithTheOutboxAsync();

        factory.Smtp.AcceptRecipient(email);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        await factory.DispatchMailNowAsync();

        var delivered = await KeptWhenAsync(contactId, k => k.DeliveredAt is not null, "the re-invite to be kept as delivered");
        delivered.MailStatus.ShouldBe(OutboxStatus.Sent);
        delivered.DeliveredAt.ShouldBe((await NewestMailToAsync(email)).SentAt);
        var voided = await factory.WithDbAsync(db => db.Invitations.AsNoTracking()
            .Where(i => i.PortalUser.ContactId == contactId && i.VoidedAt != null).ToListAsync());
        voided.ShouldHaveSingleItem().MailStatus.ShouldBe(OutboxStatus.Failed, "the voided link keeps its own mail's status");
        await KeptValuesAgreeWithTheOutboxAsync();
    }

    [Fact]
    public async Task A_mail_that_ran_out_of_attempts_is_kept_as_failed_and_a_retry_counts_it_again_once_sent()
    {
        const string email = "tina.tries@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Tina Tries", email);
        await admin.GrantAsync(contactId);
        await factory.DispatchMailNowAsync();
        await KeptWhenAsync(contactId, k => k.MailStatus == OutboxStatus.Sent, "the mail to be kept as sent");

        // The mail server gave up on it after every attempt, stored in one save as the dispatcher stores it.
        await factory.WithDbAsync(async db =>
        {
            var mail = await db.OutboxMessages.Where(m => m.ToAddress == email).SingleAsync();
            while (mail.Status != OutboxStatus.Failed)
                mail.MarkAttemptFailed("421 try again later", factory.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
            await db.SaveChangesAsync();
        });
        (await KeptAsync(contactId)).ShouldBe(new Kept(OutboxStatus.Failed, null));
        await KeptValuesAgreeWithTheOutboxAsync();

        await factory.WithDbAsync(async db =>
        {
            var mail = await db.OutboxMessages.Where(m => m.ToAddress == email).SingleAsync();
            mail.RetryNow(factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var retried = await KeptAsync(contactId);
        retried.MailStatus.ShouldBeOneOf(OutboxStatus.Pending, OutboxStatus.Sent);
        await factory.DispatchMailNowAsync();
        await KeptWhenAsync(contactId, k => k.DeliveredAt is not null && k.MailStatus == OutboxStatus.Sent, "the retried mail to count again");
        await KeptValuesAgreeWithTheOutboxAsync();
    }

    [Fact]
    public async Task Revoking_and_granting_again_starts_delivery_over_with_the_new_grants_link()
    {
        const string email = "greta.again@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Greta Again", email);
        await admin.GrantAsync(contactId);
        await factory.DispatchMailNowAsync();
        var first = await KeptWhenAsync(contactId, k => k.DeliveredAt is not null, "the first grant's mail to be kept as delivered");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");
        (await KeptAsync(contactId)).DeliveredAt.ShouldBe(first.DeliveredAt, "revoking keeps what the grant had reached");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        // The new grant's mail is held back by the server for now: the old grant's delivery must not count for it.
        factory.Smtp.RefuseRecipient(email);
        await admin.GrantAsync(contactId);
        (await KeptAsync(contactId)).DeliveredAt.ShouldBeNull();
        await KeptWhenAsync(contactId, k => k.MailStatus == OutboxStatus.Failed, "the new grant's mail to fail");
        (await KeptAsync(contactId)).DeliveredAt.ShouldBeNull();
        await KeptValuesAgreeWithTheOutboxAsync();

        factory.Smtp.AcceptRecipient(email);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        await factory.DispatchMailNowAsync();
        var again = await KeptWhenAsync(contactId, k => k.DeliveredAt is not null, "the new grant's re-invite to be kept as delivered");
        again.DeliveredAt!.Value.ShouldBeGreaterThan(first.DeliveredAt!.Value);
        var user = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking().SingleAsync(u => u.ContactId == contactId));
        user.State.ShouldBe(PortalAccessState.Invited);
        again.DeliveredAt.Value.ShouldBeGreaterThanOrEqualTo(user.GrantedAt!.Value);
        await KeptValuesAgreeWithTheOutboxAsync();
    }
}
