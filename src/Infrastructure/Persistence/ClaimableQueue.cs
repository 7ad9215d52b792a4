using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Persistence;

/// <summary>The columns every claimable queue table has for its claims (<see cref="ClaimableQueue{T, TTieBreak}"/>).</summary>
internal static class QueueClaim
{
    public const string ClaimedBy = "ClaimedBy";
    public const string ClaimExpiresAt = "ClaimExpiresAt";
}

/// <summary>
/// A table of queued work (mail to send, webhooks to post) whose due rows a dispatcher claims a batch of, so that with several
/// instances every row is worked on by one of them: on PostgreSQL with FOR UPDATE SKIP LOCKED (instances never wait on each
/// other's rows), on SQLite with a single UPDATE (SQLite serialises writers anyway). Due rows are claimed in queue order: the
/// time they are due, then <c>tieBreak</c>. A claim carries an expiry instead of a lock, so the work of an instance that died
/// goes to another once its lease runs out; a restarted instance ends its old claims at start.
/// </summary>
/// <param name="table">The table's name, as the PostgreSQL statement names it.</param>
/// <param name="rows">The table as the context reads it.</param>
/// <param name="pendingStatus">The value of the row's <c>Status</c> while it is still to be worked on.</param>
/// <param name="tieBreak">The column (of type <typeparamref name="TTieBreak"/>) that orders rows due at the same instant.</param>
internal sealed class ClaimableQueue<T, TTieBreak>(string table, Func<PortalDbContext, DbSet<T>> rows, Enum pendingStatus, string tieBreak)
    where T : class
{
    private const string Status = "Status";
    private const string NextAttemptAt = "NextAttemptAt";

    /// <summary>Pending, and its next attempt due at <paramref name="now"/>: the PostgreSQL statement's condition, for SQLite.</summary>
    private Expression<Func<T, bool>> DueAt(DateTimeOffset now)
    {
        var row = Expression.Parameter(typeof(T), "row");
        // The instant as a lambda closure would hold it, so EF Core sends it as a parameter.
        var instant = Expression.Field(Expression.Constant(new StrongBox<DateTimeOffset>(now)), nameof(StrongBox<DateTimeOffset>.Value));
        return Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(row, Status), Expression.Constant(pendingStatus)),
                Expression.LessThanOrEqual(Expression.Property(row, NextAttemptAt), instant)),
            row);
    }

    private IOrderedQueryable<T> InQueueOrder(IQueryable<T> queue) =>
        queue.OrderBy(r => EF.Property<DateTimeOffset>(r, NextAttemptAt)).ThenBy(r => EF.Property<TTieBreak>(r, tieBreak));

    /// <summary>Claims up to <paramref name="batchSize"/> due rows under <paramref name="claim"/> and returns them in queue order.</summary>
    public async Task<List<T>> ClaimDueAsync(
        PortalDbContext db, string claim, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var until = now + lease;
        if (db.Database.IsNpgsql())
        {
            // The table and its order are this class's own constants; every value is a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($$"""
                UPDATE "{{table}}" SET "{{QueueClaim.ClaimedBy}}" = {0}, "{{QueueClaim.ClaimExpiresAt}}" = {1}
                WHERE "Id" IN (
                    SELECT "Id" FROM "{{table}}"
                    WHERE "{{Status}}" = {2} AND "{{NextAttemptAt}}" <= {3}
                      AND ("{{QueueClaim.ClaimExpiresAt}}" IS NULL OR "{{QueueClaim.ClaimExpiresAt}}" <= {3})
                    ORDER BY "{{NextAttemptAt}}", "{{tieBreak}}"
                    LIMIT {4}
                    FOR UPDATE SKIP LOCKED)
                """, [claim, until, Convert.ToInt32(pendingStatus, CultureInfo.InvariantCulture), now, batchSize], cancellationToken);
#pragma warning restore EF1002
        }
        else
        {
            await InQueueOrder(rows(db).Where(DueAt(now))
                    .Where(r => EF.Property<DateTimeOffset?>(r, QueueClaim.ClaimExpiresAt) == null
                        || EF.Property<DateTimeOffset?>(r, QueueClaim.ClaimExpiresAt) <= now))
                .TakeLiteral(batchSize)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => EF.Property<string?>(r, QueueClaim.ClaimedBy), claim)
                    .SetProperty(r => EF.Property<DateTimeOffset?>(r, QueueClaim.ClaimExpiresAt), until), cancellationToken);
        }

        return await InQueueOrder(rows(db).Where(r => EF.Property<string?>(r, QueueClaim.ClaimedBy) == claim))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Ends every claim made under <paramref name="instance"/>'s name, by any of its processes: called at start, when the process
    /// that made them has ended (a live one under the same name is what the README forbids and the health check reports).
    /// </summary>
    public Task<int> ReleaseAllOfAsync(PortalDbContext db, InstanceName instance, CancellationToken cancellationToken)
    {
        var prefix = instance.ClaimPrefix;
        return rows(db)
            .Where(r => EF.Property<string?>(r, QueueClaim.ClaimedBy) != null
                && EF.Property<string>(r, QueueClaim.ClaimedBy).StartsWith(prefix))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => EF.Property<string?>(r, QueueClaim.ClaimedBy), (string?)null)
                .SetProperty(r => EF.Property<DateTimeOffset?>(r, QueueClaim.ClaimExpiresAt), (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Ends this instance's claim on a row whose attempt is recorded; saved with it.</summary>
    public void Release(PortalDbContext db, T row)
    {
        var entry = db.Entry(row);
        entry.Property(QueueClaim.ClaimedBy).CurrentValue = null;
        entry.Property(QueueClaim.ClaimExpiresAt).CurrentValue = null;
    }
}
