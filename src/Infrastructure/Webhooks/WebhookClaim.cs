using Microsoft.EntityFrameworkCore;
using Portal.Domain.Webhooks;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// Claims a batch of due deliveries for one dispatcher, as <see cref="Mail.OutboxClaim"/> does for mail: with several instances
/// every delivery is posted by one of them. PostgreSQL skips rows another instance has locked; SQLite serialises writers anyway.
/// </summary>
internal static class WebhookClaim
{
    public const string ClaimedBy = "ClaimedBy";
    public const string ClaimExpiresAt = "ClaimExpiresAt";

    public static async Task<List<WebhookDelivery>> ClaimDueDeliveriesAsync(
        this PortalDbContext db,
        string claim,
        DateTimeOffset now,
        TimeSpan lease,
        int batchSize,
        CancellationToken cancellationToken)
    {
        var until = now + lease;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "WebhookDeliveries" SET "ClaimedBy" = {claim}, "ClaimExpiresAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "WebhookDeliveries"
                    WHERE "Status" = {(int)WebhookDeliveryStatus.Pending} AND "NextAttemptAt" <= {now}
                      AND ("ClaimExpiresAt" IS NULL OR "ClaimExpiresAt" <= {now})
                    ORDER BY "NextAttemptAt", "Id"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken);
        }
        else
        {
            await db.WebhookDeliveries
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                    && (EF.Property<DateTimeOffset?>(d, ClaimExpiresAt) == null || EF.Property<DateTimeOffset?>(d, ClaimExpiresAt) <= now))
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Take(batchSize)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => EF.Property<string?>(d, ClaimedBy), claim)
                    .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimExpiresAt), until), cancellationToken);
        }

        return await db.WebhookDeliveries
            .Where(d => EF.Property<string?>(d, ClaimedBy) == claim)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends every claim made under <paramref name="instance"/>'s name (called at start, for a process of this name that ended).</summary>
    public static Task<int> ReleaseAllDeliveriesOfAsync(this PortalDbContext db, InstanceName instance, CancellationToken cancellationToken)
    {
        var prefix = instance.ClaimPrefix;
        return db.WebhookDeliveries
            .Where(d => EF.Property<string?>(d, ClaimedBy) != null && EF.Property<string>(d, ClaimedBy).StartsWith(prefix))
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => EF.Property<string?>(d, ClaimedBy), (string?)null)
                .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimExpiresAt), (DateTimeOffset?)null), cancellationToken);
    }

    public static void Release(this PortalDbContext db, WebhookDelivery delivery)
    {
        var entry = db.Entry(delivery);
        entry.Property(ClaimedBy).CurrentValue = null;
        entry.Property(ClaimExpiresAt).CurrentValue = null;
    }
}
