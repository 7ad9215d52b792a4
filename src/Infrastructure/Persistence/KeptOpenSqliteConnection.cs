using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's own connection for SQLite; only its closing is changed.

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The database connection of a pooled context stays open when the context goes back to the pool, so the statements
/// prepared on it (<see cref="SqliteStatementCache"/>) serve the next request too, and the request does not take the
/// SQLite connection pool's lock to open and close it (under load threads spun on that lock) nor register EF Core's
/// SQLite functions on the native connection again. It is closed as before when anything is still running on it or a
/// transaction is open, so no request ever sees another one's statement or transaction, and when the context itself
/// is disposed. At most <see cref="MostKeptOpen"/> connections to one database are kept open at a time: each holds
/// SQLite's page cache, and a burst of requests should not leave that many caches behind. The count is per database so
/// that contexts of one database never take the place of another's.
/// </summary>
internal sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    internal const int MostKeptOpen = 32;

    private static readonly ConcurrentDictionary<string, KeptOpenCount> KeptOpenPerDatabase = new(StringComparer.Ordinal);
    private KeptOpenCount? kept;

    /// <summary>Makes the contexts built with <paramref name="options"/> use this connection instead of EF Core's.</summary>
    public static DbContextOptionsBuilder ReplaceIn(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();

    protected override void CloseDbConnection()
    {
        if (KeepOpen()) return;
        Forget();
        base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync()
    {
        if (KeepOpen()) return Task.CompletedTask;
        Forget();
        return base.CloseDbConnectionAsync();
    }

    protected override void DisposeDbConnection()
    {
        Forget();
        base.DisposeDbConnection();
    }

    protected override ValueTask DisposeDbConnectionAsync()
    {
        Forget();
        return base.DisposeDbConnectionAsync();
    }

    private bool KeepOpen()
    {
        if (DbConnection is not SqliteConnection { State: ConnectionState.Open, Handle: { } handle } connection
            // Not in autocommit mode: a transaction is open, and closing is what rolls it back.
            || SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0
            || !SqliteStatementCache.IsIdle(connection))
            return false;
        if (kept is not null) return true;
        var count = KeptOpenPerDatabase.GetOrAdd(connection.ConnectionString, static _ => new KeptOpenCount());
        if (Interlocked.Increment(ref count.Value) > MostKeptOpen)
        {
            Interlocked.Decrement(ref count.Value);
            return false;
        }
        kept = count;
        return true;
    }

    private void Forget()
    {
        if (kept is null) return;
        Interlocked.Decrement(ref kept.Value);
        kept = null;
    }

    private sealed class KeptOpenCount
    {
        public int Value;
    }
}
