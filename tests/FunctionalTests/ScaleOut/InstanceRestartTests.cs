using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests.ScaleOut;

/// <summary>
/// Instances hold their claims under a stable name: one restarted under its name releases what its crashed run held at once,
/// instead of waiting out the lease, and leaves other instances' claims alone. Two live instances under one name are a
/// misconfiguration the health check reports. The clock stands still unless a test moves it.
/// </summary>
public sealed class InstanceRestartTests : IAsyncLifetime
{
    private readonly PortalFactory _a = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_a).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_a).DisposeAsync();

    [Fact]
    public async Task An_instance_restarted_under_its_name_sends_the_mail_its_crashed_run_had_claimed_at_once_and_leaves_other_claims_alone()
    {
        var now = _a.Clock.GetUtcNow();
        var crashed = OutboxMessage.Compose("claimed.by.crashed@example.com", "Crashed Claim", "Your documents", "text", "<p>html</p>", now);
        var other = OutboxMessage.Compose("claimed.by.other@example.com", "Other Claim", "Your documents", "text", "<p>html</p>", now);
        await _a.WithDbAsync(async db =>
        {
            // One transaction: committed unclaimed for a moment, the mails could be taken by this instance's own dispatcher.
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboxMessages.AddRange(crashed, other);
            db.Leases.AddRange(
                new Lease { Name = "crashed-lease", Holder = "web-2", ExpiresAt = now.AddMinutes(2) },
                new Lease { Name = "other-lease", Holder = "web-3", ExpiresAt = now.AddMinutes(2) });
            await db.SaveChangesAsync();
            // As the dispatchers of "web-2" (which then crashed) and of the live "web-3" left them: claimed for two more minutes.
            await ClaimAsync(db, crashed.Id, "web-2/3f1c", now.AddMinutes(2));
            await ClaimAsync(db, other.Id, "web-3/9a7e", now.AddMinutes(2));
            await transaction.CommitAsync();
        });

        var restarted = PortalFactory.SecondInstanceOf(_a, "web-2");
        try
        {
            await ((IAsyncLifetime)restarted).InitializeAsync();

            (await _a.Smtp.WaitForAsync("claimed.by.crashed@example.com")).Count.ShouldBe(1);
            var untouched = await _a.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == other.Id)
                .Select(m => new { ClaimedBy = EF.Property<string?>(m, ClaimedBy), m.Status }).SingleAsync());
            (untouched.ClaimedBy, untouched.Status).ShouldBe(("web-3/9a7e", OutboxStatus.Pending), "another instance's claim waits for its lease");
            _a.Smtp.To("claimed.by.other@example.com").ShouldBeEmpty();
            var leases = await _a.WithDbAsync(db => db.Leases.AsNoTracking().Where(l => l.Name.EndsWith("-lease")).ToListAsync());
            leases.Single(l => l.Holder == "web-2").ExpiresAt.ShouldBeLessThan(now);
            leases.Single(l => l.Holder == "web-3").ExpiresAt.ShouldBe(now.AddMinutes(2));
            (await ReadyAsync(restarted)).ShouldBe("Healthy");
        }
        finally
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_live_instances_under_one_name_make_the_health_check_warn_until_one_stops_or_its_heartbeat_grows_old()
    {
        (await ReadyAsync(_a)).ShouldBe("Healthy");

        var twin = PortalFactory.SecondInstanceOf(_a, _a.InstanceName);
        try
        {
            await ((IAsyncLifetime)twin).InitializeAsync();
            (await ReadyAsync(twin)).ShouldBe("Degraded");
            (await ReadyAsync(_a)).ShouldBe("Degraded");
        }
        finally
        {
            await ((IAsyncLifetime)twin).DisposeAsync();
        }
        (await ReadyAsync(_a)).ShouldBe("Healthy", "the twin removed its heartbeat when it stopped");

        // One that crashed says no goodbye: it counts as alive for three heartbeat intervals after its last beat.
        await _a.WithDbAsync(async db =>
        {
            db.InstanceHeartbeats.Add(new InstanceHeartbeat
            {
                ProcessId = Guid.NewGuid(), Name = _a.InstanceName, StartedAt = _a.Clock.GetUtcNow(), LastSeenAt = _a.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        (await ReadyAsync(_a)).ShouldBe("Degraded");
        _a.Clock.Advance(new InstanceHeartbeatOptions().AliveWindow + TimeSpan.FromSeconds(1));
        (await ReadyAsync(_a)).ShouldBe("Healthy");
    }

    /// <summary>The outbox's claim columns (shadow properties of the app's model).</summary>
    private const string ClaimedBy = "ClaimedBy";
    private const string ClaimExpiresAt = "ClaimExpiresAt";

    private static Task ClaimAsync(PortalDbContext db, Guid id, string claim, DateTimeOffset until) =>
        db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => EF.Property<string?>(m, ClaimedBy), claim)
            .SetProperty(m => EF.Property<DateTimeOffset?>(m, ClaimExpiresAt), until));

    private static async Task<string> ReadyAsync(PortalFactory instance)
    {
        using var probe = instance.NewBrowser();
        return (await probe.GetAsync("/health/ready")).Html;
    }
}
