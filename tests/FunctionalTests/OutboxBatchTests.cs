using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Mail;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>
/// The dispatcher stores a claimed batch's results in one commit after its last send. A stop in the middle stores what was
/// sent so far; a process that dies before the commit has its whole batch sent again once its claim is released, under the
/// same Message-Ids, and nothing of the batches before it.
/// </summary>
public sealed class OutboxBatchTests(OutboxBatchTests.Factory factory) : IClassFixture<OutboxBatchTests.Factory>
{
    /// <summary>Batches of five, and a dispatcher that only sends when a test asks it to.</summary>
    public sealed class Factory : PortalFactory
    {
        public const int BatchSize = 5;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:Mail:BatchSize", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Portal:Mail:PollInterval", "01:00:00");
        }
    }

    [Fact]
    public async Task A_batch_stores_every_result_sent_or_refused_and_leaves_nothing_claimed()
    {
        var mails = await QueueAsync("whole", Factory.BatchSize);
        factory.Smtp.RefuseRecipient(mails[2].ToAddress);

        (await factory.DispatchMailNowAsync()).ShouldBe(Factory.BatchSize - 1);

        var stored = await StoredAsync(mails);
        stored.Select(m => m.Status).ShouldBe(mails.Select((_, i) => i == 2 ? OutboxStatus.Failed : OutboxStatus.Sent));
        stored.ShouldAllBe(m => m.ClaimedBy == null && m.Attempts == 1);
        (await factory.DispatchMailNowAsync()).ShouldBe(0);
        mails.Where((_, i) => i != 2).ShouldAllBe(m => factory.Smtp.To(m.ToAddress).Count == 1);
    }

    [Fact]
    public async Task A_stop_in_the_middle_of_a_batch_stores_what_was_sent_and_repeats_at_most_the_mail_in_flight()
    {
        var mails = await QueueAsync("stop", Factory.BatchSize);
        using var stop = new CancellationTokenSource();
        factory.Smtp.Received = message =>
        {
            if (message.To.Mailboxes.Single().Address == mails[2].ToAddress) stop.Cancel();
        };
        try
        {
            await Should.ThrowAsync<OperationCanceledException>(
                () => factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stop.Token));
        }
        finally
        {
            factory.Smtp.Received = null;
        }

        var stored = await StoredAsync(mails);
        stored.Take(2).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.ClaimedBy == null, "sent before the stop, stored at once");
        stored.Skip(3).ShouldAllBe(m => m.Status == OutboxStatus.Pending && m.Attempts == 0, "never tried");
        mails.Skip(3).ShouldAllBe(m => factory.Smtp.To(m.ToAddress).Count == 0);

        // The claim runs out as a stopped instance's does; then the rest goes, the mail in flight at most once more.
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        while (await factory.DispatchMailNowAsync() > 0) { }

        (await StoredAsync(mails)).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.ClaimedBy == null);
        mails.Where((_, i) => i != 2).ShouldAllBe(m => factory.Smtp.To(m.ToAddress).Count == 1);
        factory.Smtp.To(mails[2].ToAddress).Select(m => m.MessageId).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_batch_whose_results_never_commit_is_sent_again_under_the_same_message_ids_and_no_earlier_batch_is()
    {
        var mails = await QueueAsync("crash", 2 * Factory.BatchSize);
        (await factory.DispatchMailNowAsync()).ShouldBe(Factory.BatchSize);

        // The second batch's commit fails, as if the process died between its last send and its commit.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(factory.Provider == DatabaseProvider.Postgres
            ? """
              CREATE FUNCTION test_outbox_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash'; END $$;
              CREATE TRIGGER test_outbox_crash BEFORE UPDATE ON "OutboxMessages" FOR EACH ROW
                  WHEN (NEW."Status" <> OLD."Status") EXECUTE FUNCTION test_outbox_crash();
              """
            : """
              CREATE TRIGGER test_outbox_crash BEFORE UPDATE OF "Status" ON "OutboxMessages"
                  WHEN NEW."Status" <> OLD."Status" BEGIN SELECT RAISE(ABORT, 'crash'); END;
              """));
        try
        {
            await Should.ThrowAsync<DbUpdateException>(factory.DispatchMailNowAsync);
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(factory.Provider == DatabaseProvider.Postgres
                ? """DROP TRIGGER test_outbox_crash ON "OutboxMessages"; DROP FUNCTION test_outbox_crash();"""
                : "DROP TRIGGER test_outbox_crash;"));
        }
        var second = mails.Skip(Factory.BatchSize).ToList();
        (await StoredAsync(second)).ShouldAllBe(m => m.Status == OutboxStatus.Pending && m.Attempts == 0 && m.ClaimedBy != null);
        second.ShouldAllBe(m => factory.Smtp.To(m.ToAddress).Count == 1);

        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        (await factory.DispatchMailNowAsync()).ShouldBe(Factory.BatchSize);

        (await StoredAsync(mails)).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.ClaimedBy == null && m.Attempts == 1);
        mails.Take(Factory.BatchSize).ShouldAllBe(m => factory.Smtp.To(m.ToAddress).Count == 1);
        foreach (var mail in second)
        {
            var received = factory.Smtp.To(mail.ToAddress);
            received.Count.ShouldBe(2);
            received.Select(m => m.MessageId).Distinct().ShouldHaveSingleItem();
        }
    }

    /// <summary>Mail queued in one transaction, due now, to addresses no other test uses; in queue order.</summary>
    private async Task<List<OutboxMessage>> QueueAsync(string name, int count)
    {
        var now = factory.Clock.GetUtcNow();
        var run = Guid.NewGuid().ToString("n")[..8];
        var mails = Enumerable.Range(0, count).Select(i =>
            OutboxMessage.Compose($"{name}.{i}.{run}@example.com", $"Batch {i}", "Your documents", "text", "<p>html</p>", now)).ToList();
        await factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(mails);
            await db.SaveChangesAsync();
        });
        return mails;
    }

    private Task<List<StoredMail>> StoredAsync(IReadOnlyList<OutboxMessage> mails)
    {
        var ids = mails.Select(m => m.Id).ToList();
        return factory.WithDbAsync(async db =>
        {
            var stored = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new StoredMail(m.Id, m.Status, m.Attempts, EF.Property<string?>(m, QueueClaim.ClaimedBy)))
                .ToListAsync();
            return ids.Select(id => stored.Single(m => m.Id == id)).ToList();
        });
    }

    private sealed record StoredMail(Guid Id, OutboxStatus Status, int Attempts, string? ClaimedBy);
}
