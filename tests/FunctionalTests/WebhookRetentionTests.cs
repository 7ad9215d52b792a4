using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Webhooks;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>
/// The delivery log does not grow for ever: the maintenance deletes delivered events after 30 days and failed ones after 90,
/// but keeps each webhook's newest deliveries (three here) however old, and never touches one still waiting.
/// </summary>
public sealed class WebhookRetentionTests(WebhookRetentionTests.ShortLogFactory factory) : IClassFixture<WebhookRetentionTests.ShortLogFactory>
{
    public sealed class ShortLogFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:Webhooks:KeepNewestPerWebhook", "3");
        }
    }

    [Fact]
    public async Task Old_deliveries_are_deleted_after_their_retention_while_each_webhooks_newest_stay()
    {
        using var admin = await factory.SignedInAdminAsync();
        var busy = await admin.AddWebhookAsync($"https://hooks.invalid/busy-{Guid.NewGuid():n}", "access.revoked");
        var quiet = await admin.AddWebhookAsync($"https://hooks.invalid/quiet-{Guid.NewGuid():n}", "access.revoked");
        var start = factory.Clock.GetUtcNow();

        // The busy webhook: two failures, then five deliveries a minute apart; the quiet one: one delivery long ago.
        var busyFailed = await StoreAsync(busy, start, delivered: false, count: 2);
        var busyDelivered = await StoreAsync(busy, start.AddMinutes(10), delivered: true, count: 5);
        var quietDelivered = await StoreAsync(quiet, start, delivered: true, count: 1);

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await MaintainAsync();
        (await LogAsync(busy)).Count.ShouldBe(7, "nothing is old yet");

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await MaintainAsync();
        (await LogAsync(busy)).ShouldBe([.. busyFailed, .. busyDelivered[2..]], ignoreOrder: true,
            "delivered ones past 30 days go, except the newest three; failed ones stay for 90 days");
        (await LogAsync(quiet)).ShouldBe(quietDelivered, "a quiet webhook's last delivery stays however old");

        factory.Clock.Advance(TimeSpan.FromDays(60));
        await MaintainAsync();
        (await LogAsync(busy)).ShouldBe(busyDelivered[2..], ignoreOrder: true, "failed ones past 90 days go too");
        (await LogAsync(quiet)).ShouldBe(quietDelivered);

        var waiting = await factory.WithDbAsync(async db =>
        {
            var delivery = WebhookDelivery.Queue(quiet, Ping(start), start);
            // Waiting for a retry that is far off: the dispatcher leaves it alone while the maintenance runs.
            delivery.MarkAttemptFailed(503, "Service Unavailable", factory.Clock.GetUtcNow(), TimeSpan.FromDays(1));
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            return delivery.Id;
        });
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await MaintainAsync();
        (await LogAsync(quiet)).ShouldContain(waiting, "a delivery still waiting is never deleted");
    }

    private Task<List<Guid>> StoreAsync(int webhookId, DateTimeOffset from, bool delivered, int count) => factory.WithDbAsync(async db =>
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var at = from.AddMinutes(i);
            var delivery = WebhookDelivery.Queue(webhookId, Ping(at), at);
            if (delivered) delivery.MarkDelivered(200, at);
            else
                for (var attempt = 0; attempt < WebhookDelivery.MaxAttempts; attempt++)
                    delivery.MarkAttemptFailed(500, "Internal Server Error", at, TimeSpan.Zero);
            db.WebhookDeliveries.Add(delivery);
            ids.Add(delivery.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    });

    private static WebhookEvent Ping(DateTimeOffset at) => new(Guid.NewGuid(), WebhookEventTypes.Ping, at, null, null, "{}");

    private Task<List<Guid>> LogAsync(int webhookId) =>
        factory.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.WebhookId == webhookId).Select(d => d.Id).ToListAsync());

    private async Task MaintainAsync()
    {
        var worker = factory.Services.GetServices<IHostedService>().OfType<MaintenanceWorker>().Single();
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldNotBeNull("this instance does the maintenance");
    }
}
