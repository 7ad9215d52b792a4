using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.UnitTests.Application.Support;
using Portal.Web.Infrastructure.Composition;

namespace Portal.UnitTests.Infrastructure;

/// <summary>
/// On SQLite the app's pooled contexts keep their connections open between requests; how many, and that stopping the
/// app closes them, so that the database file alone holds everything written.
/// </summary>
public sealed class KeptOpenConnectionsTests : IDisposable
{
    private readonly PortalDatabase _database = new();

    [Fact]
    public async Task Stopping_the_portal_leaves_everything_written_in_the_database_file_itself()
    {
        await using (var portal = Portal())
        {
            await using var request = portal.CreateAsyncScope();
            var db = request.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"Written\" (\"Value\" TEXT)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Written\" VALUES ('last')");
            await db.Settings.AsNoTracking().CountAsync();
        }

        var copy = Path.Combine(_database.Folder, "copy.db");
        File.Copy(Path.Combine(_database.Folder, "portal.db"), copy);
        await using var copied = new SqliteConnection($"Data Source={copy};Pooling=False");
        await copied.OpenAsync();
        await using var read = copied.CreateCommand();
        read.CommandText = "SELECT \"Value\" FROM \"Written\"";
        (await read.ExecuteScalarAsync()).ShouldBe("last");
    }

    [Fact]
    public async Task A_burst_of_requests_leaves_at_most_32_connections_open()
    {
        await using var portal = Portal();
        var requests = Enumerable.Range(0, 40).Select(_ => portal.CreateAsyncScope()).ToList();
        foreach (var request in requests)
            await request.ServiceProvider.GetRequiredService<PortalDbContext>().Settings.AsNoTracking().CountAsync();
        foreach (var request in requests) await request.DisposeAsync();

        portal.GetRequiredService<KeptOpenConnections>().Count.ShouldBe(KeptOpenConnections.MostKeptOpen);
    }

    public void Dispose() => _database.Dispose();

    private ServiceProvider Portal()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataFolder"] = _database.Folder,
            ["ConnectionStrings:Portal"] = _database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(configuration, _database.Folder);
        return services.BuildServiceProvider();
    }
}
