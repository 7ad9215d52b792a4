using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>
/// On SQLite a pooled context keeps its connection, and the statements prepared on it, open from one request to the
/// next. What one request leaves behind must never reach the next one, and what another connection committed is read at
/// once: the session check relies on that to end a revoked session on its very next request.
/// </summary>
public sealed class DatabaseConnectionReuseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_query_run_again_reads_what_another_connection_committed_in_between()
    {
        await using var reading = factory.Services.CreateAsyncScope();
        var db = reading.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        (await SupportPhoneAsync(db)).ShouldNotBe("+49 30 1111");
        await SupportPhoneAsync(db);

        await factory.WithDbAsync(other => other.Settings.ExecuteUpdateAsync(set => set.SetProperty(s => s.SupportPhone, "+49 30 1111")));

        (await SupportPhoneAsync(db)).ShouldBe("+49 30 1111", "the same statement, run again, reads the committed change");
        await db.Database.CloseConnectionAsync();
        (await factory.WithDbAsync(SupportPhoneAsync)).ShouldBe("+49 30 1111");
    }

    [Fact]
    public async Task A_transaction_left_open_by_a_request_is_rolled_back_when_its_context_is_returned()
    {
        var before = await factory.WithDbAsync(SupportPhoneAsync);
        await using (var request = factory.Services.CreateAsyncScope())
        {
            var db = request.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.BeginTransactionAsync();
            await db.Settings.ExecuteUpdateAsync(set => set.SetProperty(s => s.SupportPhone, "+49 30 2222"));
        }

        for (var request = 0; request < 3; request++)
            (await factory.WithDbAsync(SupportPhoneAsync)).ShouldBe(before, "nothing of an uncommitted transaction stays");
        await factory.WithDbAsync(db => db.Settings.ExecuteUpdateAsync(set => set.SetProperty(s => s.SupportPhone, "+49 30 3333")));
        (await factory.WithDbAsync(SupportPhoneAsync)).ShouldBe("+49 30 3333", "and the database is not left locked");
    }

    [Fact]
    public async Task On_SQLite_a_context_keeps_its_connection_open_and_runs_a_query_again_on_the_statement_prepared_first()
    {
        if (factory.Provider != DatabaseProvider.Sqlite) return;
        await using var request = factory.Services.CreateAsyncScope();
        var db = request.ServiceProvider.GetRequiredService<PortalDbContext>();
        await SupportPhoneAsync(db);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.State.ShouldBe(System.Data.ConnectionState.Open, "closed by EF Core after the query, kept open underneath");
        var statements = SqliteStatementCache.Of(connection);
        statements.Lent.ShouldBe(0);
        const string sql = "SELECT \"SupportPhone\" FROM \"Settings\" LIMIT 1";
        var first = statements.Lend(sql);
        (await first.ExecuteScalarAsync()).ShouldBe(await SupportPhoneAsync(db));
        statements.GiveBack(first);
        var second = statements.Lend(sql);
        second.ShouldBeSameAs(first, "the same SQL gets the statement prepared before");
        var atTheSameTime = statements.Lend(sql);
        atTheSameTime.ShouldNotBeSameAs(second, "a statement is lent to one query at a time");
        statements.GiveBack(atTheSameTime);
        statements.GiveBack(second);
        statements.Lent.ShouldBe(0);
    }

    [Fact]
    public async Task On_SQLite_every_connection_caches_at_most_a_mebibyte_of_pages()
    {
        if (factory.Provider != DatabaseProvider.Sqlite) return;
        await using var request = factory.Services.CreateAsyncScope();
        var db = request.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";

        // Negative: kibibytes, not pages.
        Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(-1024);
        await db.Database.CloseConnectionAsync();
    }

    private static Task<string?> SupportPhoneAsync(PortalDbContext db) =>
        db.Settings.AsNoTracking().Select(s => s.SupportPhone).SingleAsync();
}
