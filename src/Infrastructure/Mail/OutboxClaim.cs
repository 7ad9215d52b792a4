using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Claims a batch of due mail for one dispatcher, so that with several instances every mail is sent by one
/// of them: on PostgreSQL with FOR UPDATE SKIP LOCKED (instances never wait on each other's rows), on SQLite
/// with a single UPDATE (SQLite serialises writers anyway). Due mail is claimed and sent in queue order: the time it is
/// due, then <see cref="OutboxSequence"/>. Claims carry an expiry instead of a lock.
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
                    ORDER BY "NextAttemptAt", "Sequence"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken);
        }
        else
        {
            await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                    && (EF.Property<DateTimeOffset?>(m, ClaimExpiresAt) == null || EF.Property<DateTimeOffset?>(m, ClaimExpiresAt) <= now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => EF.Property<long>(m, OutboxSequence.Column))
                .Take(batchSize)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => EF.Property<string?>(m, ClaimedBy), claim)
                    .SetProperty(m => EF.Property<DateTimeOffset?>(m, ClaimExpiresAt), until), cancellationToken);
        }

        return await db.OutboxMessages
            .Where(m => EF.Property<string?>(m, ClaimedBy) == claim)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => EF.Property<long>(m, OutboxSequence.Column))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Ends every claim made under <paramref name="instance"/>'s name, by any of its processes: called at start, when the process that
    /// made them has ended (a live one under the same name is what the README forbids and the health check reports).
    /// </summary>
    public static Task<int> ReleaseAllOfAsync(this PortalDbContext db, InstanceName instance, CancellationToken cancellationToken)
    {
        var prefix = instance.ClaimPrefix;
        return db.OutboxMessages
            .Where(m => EF.Property<string?>(m, ClaimedBy) != null && EF.Property<string>(m, ClaimedBy).StartsWith(prefix))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => EF.Property<string?>(m, ClaimedBy), (string?)null)
                .SetProperty(m => EF.Property<DateTimeOffset?>(m, ClaimExpiresAt), (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Ends this instance's claim on a message whose attempt is recorded.</summary>
    public static void Release(this PortalDbContext db, OutboxMessage message)
    {
        var entry = db.Entry(message);
        entry.Property(ClaimedBy).CurrentValue = null;
        entry.Property(ClaimExpiresAt).CurrentValue = null;
    }
}
