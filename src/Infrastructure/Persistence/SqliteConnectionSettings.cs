using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// What every SQLite connection is set to when it opens. Set on the native connection, which the pool keeps, so every
/// open merely repeats it.
/// <list type="bullet">
/// <item>SQLite itself waits for another writer's lock, as long as a command may take. Without it SQLite answers "busy"
/// at once and Microsoft.Data.Sqlite sleeps 150 ms before each retry, so two writes that meet (a job's batch and the mail
/// dispatcher's commit, or two sign-ins) cost the second one at least 150 ms however short the first one's write was;
/// SQLite's own wait retries after a millisecond or so.</item>
/// <item>Its page cache holds <see cref="PageCacheKibibytes"/> instead of its default of about 2 MB. The pool keeps every
/// connection, and each one fills its cache from whatever lists it serves, so under load every connection soon holds the
/// full default: at 100,000 contacts up to 14 MB between them, the same pages cached by several connections. A page that
/// drops out is still in the operating system's file cache, so reading it again costs a copy, not a disk read.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    internal const int PageCacheKibibytes = 1024;

    // A negative cache size is SQLite's way of saying kibibytes rather than pages.
    private static readonly string LimitPageCache = $"PRAGMA cache_size = -{PageCacheKibibytes}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, sqlite.DefaultTimeout * 1000);
        SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_exec(handle, LimitPageCache), handle);
    }
}
