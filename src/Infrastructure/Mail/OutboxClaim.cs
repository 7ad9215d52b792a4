using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Claims a batch of due mail for one dispatcher, so that with several instances every mail is sent by one
/// of them: on PostgreSQL with FOR UPDATE SKIP LOCKED (instances never wait on each other's rows), on SQLite
/// with a single UPDATE (SQLite serialises writers anyway). Claims carry an expiry instead of a lock.
/// </summary>
internal static class OutboxClaim
{
    public const string ClaimedBy = "ClaimedBy";
    public const string ClaimExpiresAt = "ClaimExpiresAt";

    public static async Task<List<OutboxMessage>> ClaimDueAsync(
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
                UPDATE "OutboxMessages" SET "ClaimedBy" = {claim}, "ClaimExpiresAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "Status" = {(int)OutboxStatus.Pending} AND "NextAttemptAt" <= {now}
                      AND ("ClaimExpiresAt" IS NULL OR "ClaimExpiresAt" <= {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken);
        }
        else
        {
            await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                    && (EF.Property<DateTimeOffset?>(m, ClaimExpiresAt) == null || EF.Property<DateTimeOffset?>(m, ClaimExpiresAt) <= now))
                .OrderBy(m => m.NextAttemptAt)
                .Take(batchSize)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => EF.Property<string?>(m, ClaimedBy), claim)
                    .SetProperty(m => EF.Property<DateTimeOffset?>(m, ClaimExpiresAt), until), cancellationToken);
        }

        return await db.OutboxMessages
            .Where(m => EF.Property<string?>(m, ClaimedBy) == claim)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends this instance's claim on a message whose attempt is recorded.</summary>
    public static void Release(this PortalDbContext db, OutboxMessage message)
    {
        var entry = db.Entry(message);
        entry.Property(ClaimedBy).CurrentValue = null;
        entry.Property(ClaimExpiresAt).CurrentValue = null;
    }
}
