using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's own connection for SQLite; only its closing is changed.

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The database connection of a pooled context stays open when the context goes back to the pool, so the statements
/// prepared on it (<see cref="SqliteStatementCache"/>) serve the next request too, and the request does not take the
/// SQLite connection pool's lock to open and close it (under load threads spun on that lock) nor register EF Core's
/// SQLite functions on the native connection again. It is closed as before when anything is still running on it or a
/// transaction is open, so no request ever sees another one's statement or transaction. How many stay open, and their
/// closing when the app stops (a pooled context going away does not reach its connection), is
/// <see cref="KeptOpenConnections"/>' part.
/// </summary>
internal sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly KeptOpenConnections? keptOpen = dependencies.ContextOptions.FindExtension<CoreOptionsExtension>()
        ?.Interceptors?.OfType<KeptOpenConnections>().FirstOrDefault();

    private SqliteConnection? kept;

    /// <summary>Makes the contexts built with <paramref name="options"/> use this connection instead of EF Core's.</summary>
    public static DbContextOptionsBuilder ReplaceIn(DbContextOptionsBuilder options, KeptOpenConnections keptOpen) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>().AddInterceptors(keptOpen);

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
        if (keptOpen is null
            || DbConnection is not SqliteConnection { State: ConnectionState.Open, Handle: { } handle } connection
            // Not in autocommit mode: a transaction is open, and closing is what rolls it back.
            || SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0
            || !SqliteStatementCache.IsIdle(connection))
            return false;
        if (ReferenceEquals(kept, connection)) return true;
        if (!keptOpen.TryKeep(connection)) return false;
        kept = connection;
        return true;
    }

    private void Forget()
    {
        if (kept is null) return;
        keptOpen!.Forget(kept);
        kept = null;
    }
}

/// <summary>
/// The connections one app's contexts keep open (<see cref="KeptOpenSqliteConnection"/>). At most
/// <see cref="MostKeptOpen"/> at a time: each holds SQLite's page cache, and a burst of requests should not leave that
/// many caches behind. When the app stops they are closed: a pooled context going away does not close its connection,
/// and SQLite only folds its write-ahead log back into the database file when the last connection closes, so a
/// database file copied after a stop would otherwise miss what was written last. It rides along as an interceptor
/// because that is how it reaches the connections EF Core creates.
/// </summary>
public sealed class KeptOpenConnections : IDbConnectionInterceptor, IDisposable
{
    internal const int MostKeptOpen = 32;

    private readonly ConcurrentDictionary<SqliteConnection, byte> open = new();
    private int count;

    /// <summary>How many connections are kept open now.</summary>
    internal int Count => Volatile.Read(ref count);

    internal bool TryKeep(SqliteConnection connection)
    {
        if (Interlocked.Increment(ref count) > MostKeptOpen)
        {
            Interlocked.Decrement(ref count);
            return false;
        }
        open[connection] = 0;
        return true;
    }

    internal void Forget(SqliteConnection connection)
    {
        if (open.TryRemove(connection, out _)) Interlocked.Decrement(ref count);
    }

    public void Dispose()
    {
        foreach (var connection in open.Keys)
        {
            // One still at work (something running past the stop) is left to the context using it.
            if (connection.Handle is not { } handle || SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0
                || !SqliteStatementCache.IsIdle(connection))
                continue;
            Forget(connection);
            try
            {
                connection.Close();
            }
            catch (InvalidOperationException)
            {
                // Taken up again by its context in between: that context closes it.
            }
        }
    }
}
