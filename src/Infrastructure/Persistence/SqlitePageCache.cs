using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Holds SQLite's page cache at <see cref="KibibytesPerConnection"/> per connection instead of its default of about 2 MB.
/// The pool keeps every connection, and each one fills its cache from whatever lists it serves, so under load every
/// connection soon holds the full default: at 100,000 contacts up to 14 MB between them, the same pages cached by several
/// connections. A page that drops out is still in the operating system's file cache, so reading it again costs a copy,
/// not a disk read. Set on the native connection, which the pool keeps, so every open merely repeats it.
/// </summary>
internal sealed class SqlitePageCache : DbConnectionInterceptor
{
    internal const int KibibytesPerConnection = 1024;

    // A negative cache size is SQLite's way of saying kibibytes rather than pages.
    private static readonly string Limit = $"PRAGMA cache_size = -{KibibytesPerConnection}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => LimitCache(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        LimitCache(connection);
        return Task.CompletedTask;
    }

    private static void LimitCache(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_exec(handle, Limit), handle);
    }
}
