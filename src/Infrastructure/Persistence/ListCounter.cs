using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Counts at most <see cref="ListCountOptions.ExactCountLimit"/> + 1 rows (COUNT over a LIMIT subquery), so a page never
/// counts a whole large table. Above the limit an unfiltered list gets the table's size from what the database already
/// knows: PostgreSQL's planner statistics (pg_class.reltuples, kept by autovacuum/ANALYZE), SQLite's rowid span
/// (MAX(rowid) - MIN(rowid) + 1: two index-end lookups, exact while no row in the middle was deleted and otherwise a slight
/// overestimate, which "about" allows). A filtered list above the limit is "more than" the limit. An unfiltered list's
/// "about" is kept for a few seconds (<see cref="ListSizeEstimates"/>).
/// </summary>
internal sealed class ListCounter(
    PortalDbContext db, DatabaseSettings database, IOptions<ListCountOptions> options, ListSizeEstimates estimates) : IListCounter
{
    public async Task<ListCount> CountAsync<T>(ISpecification<T> rows, bool filtered, CancellationToken cancellationToken)
        where T : class
    {
        if (!filtered && estimates.TryGet(typeof(T), out var kept)) return kept;
        var limit = Math.Max(0, options.Value.ExactCountLimit);
        var bounded = await EfSpecificationEvaluator.Instance.GetQuery(db.Set<T>(), rows, evaluateCriteriaOnly: true)
            .TakeLiteral(limit + 1).CountAsync(cancellationToken);
        if (bounded <= limit) return ListCount.Exact(bounded);
        if (filtered) return new ListCount(limit, CountPrecision.MoreThan);
        var estimate = await EstimateAsync<T>(cancellationToken);
        var count = estimate > limit ? new ListCount(Round(estimate), CountPrecision.About) : new ListCount(limit, CountPrecision.MoreThan);
        estimates.Keep(typeof(T), count);
        return count;
    }

    private async Task<long> EstimateAsync<T>(CancellationToken cancellationToken)
    {
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var estimate = database.Provider == DatabaseProvider.Postgres
            ? db.Database.SqlQuery<long>($"SELECT COALESCE(MAX(reltuples), -1)::bigint AS \"Value\" FROM pg_class WHERE oid = to_regclass({quoted})")
            // The table name comes from the model, never from a request.
#pragma warning disable EF1002
            // One MIN or MAX per SELECT: SQLite reads the end of the rowid B-tree only for a lone MIN or MAX; both in one
            // SELECT scans the table.
            : db.Database.SqlQueryRaw<long>(
                $"SELECT COALESCE((SELECT MAX(rowid) FROM {quoted}) - (SELECT MIN(rowid) FROM {quoted}) + 1, 0) AS \"Value\"");
#pragma warning restore EF1002
        return await estimate.SingleAsync(cancellationToken);
    }

    /// <summary>Two significant digits: an estimate should not look more precise than it is.</summary>
    private static long Round(long value)
    {
        var unit = (long)Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(value)) - 1));
        return (long)Math.Round(value / (double)unit, MidpointRounding.AwayFromZero) * unit;
    }
}
