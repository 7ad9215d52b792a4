using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Application.Support;

/// <summary>
/// A real SQLite database in memory with the real migrations applied. It lives as long as its one
/// connection, so the connection stays open until disposal and every context shares it.
/// </summary>
public sealed class PortalDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public PortalDatabase()
    {
        _connection.Open();
        using var context = CreateContext();
        context.Database.Migrate();
    }

    /// <summary>A fresh context, as one web request would get.</summary>
    public PortalDbContext CreateContext() =>
        new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(_connection).Options);

    public void Dispose() => _connection.Dispose();
}
