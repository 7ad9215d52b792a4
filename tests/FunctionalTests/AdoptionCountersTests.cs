using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Portal.Domain.Adoption;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

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
    private Task<List<DateOnly>> KeptWeeksAsync(int contactId) => factory.WithDbAsync(db =>
        db.CustomerSignInWeeks.Where(w => db.PortalUsers.Any(u => u.Id == w.PortalUserId && u.ContactId == contactId))
            .OrderBy(w => w.WeekStart).Select(w => w.WeekStart).ToListAsync());

    /// <summary>A new customer, granted access and signed in by accepting the invitation, now.</summary>
    private async Task<int> AcceptedCustomerAsync(string name, string email)
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync(name, email);
        await admin.GrantAsync(contactId);
        await factory.DispatchMailNowAsync();
        using var customer = factory.NewBrowser();
        (await customer.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(email))).Path.ShouldBe("/my");
        return contactId;
    }

    [Fact]
    public async Task A_customer_who_signs_in_many_times_in_a_week_is_kept_once_for_it_and_staff_sign_ins_keep_nothing()
    {
        const string email = "wanda.weeks@example.com";
        var contactId = await AcceptedCustomerAsync("Wanda Weeks", email);
        var firstWeek = CustomerSignInWeek.WeekOf(factory.Clock.GetUtcNow());

        async Task SignInTwiceAsync()
        {
            for (var visit = 0; visit < 2; visit++)
            {
                using var customer = factory.NewBrowser();
                (await customer.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");
            }
        }

        await SignInTwiceAsync();
        (await KeptWeeksAsync(contactId)).ShouldBe([firstWeek], "accepting signs in, and so do both visits: one week");

        factory.Clock.Advance(TimeSpan.FromDays(7));
        await SignInTwiceAsync();
        (await KeptWeeksAsync(contactId)).ShouldBe([firstWeek, firstWeek.AddDays(7)]);

        using (await factory.SignedInAdminAsync())
        {
            var staffWeeks = await factory.WithDbAsync(db => db.CustomerSignInWeeks.CountAsync(w =>
                db.Users.Any(u => u.Id == w.PortalUserId && u.Login == PortalFactory.AdminEmail)));
            staffWeeks.ShouldBe(0);
        }
    }

    [Fact]
    public async Task The_migrations_backfill_finds_the_same_weeks_in_the_recorded_sign_ins_as_the_app_keeps()
    {
        var contactId = await AcceptedCustomerAsync("Bruno Backfill", "bruno.backfill@example.com");
        // A week boundary on either side of a sign-in: a Sunday late in the evening and the Monday just after midnight, UTC.
        var monday = CustomerSignInWeek.WeekOf(factory.Clock.GetUtcNow()).AddDays(-14);
        var mondayStarts = new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await factory.WithDbAsync(async db =>
        {
            var userId = await db.PortalUsers.Where(u => u.ContactId == contactId).Select(u => u.Id).SingleAsync();
            foreach (var at in new[] { mondayStarts.AddSeconds(-1), mondayStarts, mondayStarts.AddDays(7).AddSeconds(-1) })
                db.SecurityEvents.Add(SecurityEvent.Record(userId, SecurityEventKind.SignedIn, at, null));
            await db.SaveChangesAsync();
        });
        (await KeptWeeksAsync(contactId)).ShouldBe([monday.AddDays(-7), monday, CustomerSignInWeek.WeekOf(factory.Clock.GetUtcNow())]);

        var keptByTheApp = await factory.WithDbAsync(db => db.CustomerSignInWeeks.AsNoTracking()
            .OrderBy(w => w.PortalUserId).ThenBy(w => w.WeekStart).Select(w => new { w.PortalUserId, w.WeekStart }).ToListAsync());
        var backfilled = await factory.WithDbAsync(async db =>
        {
            await db.CustomerSignInWeeks.ExecuteDeleteAsync();
            var migration = new MigrationBuilder(db.Database.ProviderName);
            AdoptionSpeedBackfillSql.Up(migration, sqlite: db.Database.IsSqlite());
            foreach (var sql in migration.Operations.OfType<SqlOperation>()) await db.Database.ExecuteSqlRawAsync(sql.Sql);
            return await db.CustomerSignInWeeks.AsNoTracking()
                .OrderBy(w => w.PortalUserId).ThenBy(w => w.WeekStart).Select(w => new { w.PortalUserId, w.WeekStart }).ToListAsync();
        });
        backfilled.ShouldBe(keptByTheApp);
    }
}
