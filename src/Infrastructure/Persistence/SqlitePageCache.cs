using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Caps the page cache of every SQLite connection. SQLite gives each connection a private cache of up to 2 MB, and the
/// pool keeps a connection per concurrent request plus the workers' (about 50 under load), so on a large database the
/// caches alone held some 100 MB. Pages a connection no longer caches are read again from the operating system's file
/// cache, which all connections share: a copy, not a disk read.
/// </summary>
internal sealed class SqlitePageCache(int kibibytes) : DbConnectionInterceptor
{
    // A negative cache_size is a size in KiB rather than a number of pages.
    private readonly string _pragma = $"PRAGMA cache_size = -{Math.Max(64, kibibytes)}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
