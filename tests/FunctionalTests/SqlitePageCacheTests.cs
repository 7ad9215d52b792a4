using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;
using Shouldly;

namespace Portal.FunctionalTests;

public sealed class SqlitePageCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_SQLite_connection_the_portal_opens_keeps_a_page_cache_of_512_KiB()
    {
        if (factory.Provider != DatabaseProvider.Sqlite) return;

        var cacheSize = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA cache_size";
                return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        // Negative: a size in KiB, not a number of pages.
        cacheSize.ShouldBe(-512);
    }
}
