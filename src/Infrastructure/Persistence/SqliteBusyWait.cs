using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for another writer's lock, as long as a command may take. Without it SQLite answers "busy" at once
/// and Microsoft.Data.Sqlite sleeps 150 ms before each retry, so two writes that meet (a job's batch and the mail dispatcher's
/// commit, or two sign-ins) cost the second one at least 150 ms however short the first one's write was; SQLite's own wait
/// retries after a millisecond or so. Set on the native connection, which the pool keeps, so every open merely repeats it.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => WaitForLocks(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        WaitForLocks(connection);
        return Task.CompletedTask;
    }

    private static void WaitForLocks(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
            SQLitePCL.raw.sqlite3_busy_timeout(handle, sqlite.DefaultTimeout * 1000);
    }
}
