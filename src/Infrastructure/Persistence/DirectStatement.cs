using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Runs one of the few lookups that run on nearly every request (the session check, My Account's details and document
/// tiles) straight on the context's connection, past EF Core's query pipeline. Even compiled, an EF query builds its
/// result shaper as a new delegate on every run and raises a diagnostic event for each step of the command; for a
/// lookup by key that cost more than the database's own work and a large part of what the page allocated. The SQL is
/// written once for both databases (quoted names, enums as their numbers); <see cref="DirectRow"/> reads instants as
/// each database stores them. On SQLite the statement stays prepared on the connection, as EF's own are.
/// </summary>
internal static class DirectStatement
{
    /// <summary>The condition My Account's statements start from: <c>u</c> is the portal user <c>@userId</c>, with active access.</summary>
    public static readonly string IsActivePortalUser =
        $"""u."Id" = @userId AND u."Kind" = {(int)UserKind.Portal} AND u."AccessState" = {(int)PortalAccessState.Active}""";

    public static async Task<T?> FirstOrDefaultAsync<T>(PortalDbContext db, string sql, Action<DbCommand> bind,
        Func<DirectRow, T> read, CancellationToken cancellationToken) where T : class
    {
        var database = db.Database;
        var connection = database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await database.OpenConnectionAsync(cancellationToken);
        var statements = connection is SqliteConnection sqlite ? SqliteStatementCache.Of(sqlite) : null;
        var command = statements?.Lend(sql) ?? Command(connection, sql);
        try
        {
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(new DirectRow(reader, StoresTicks: statements is not null)) : null;
        }
        finally
        {
            if (statements is not null) statements.GiveBack((SqliteCommand)command);
            else await command.DisposeAsync();
            if (opened) await database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public static void Bind(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>A row of a <see cref="DirectStatement"/>; SQLite keeps instants as UTC ticks, PostgreSQL as timestamps.</summary>
internal readonly record struct DirectRow(DbDataReader Reader, bool StoresTicks)
{
    public int Int(int column) => Reader.GetInt32(column);

    public int? NullableInt(int column) => Reader.IsDBNull(column) ? null : Reader.GetInt32(column);

    public bool Bool(int column) => Reader.GetBoolean(column);

    public string String(int column) => Reader.GetString(column);

    public string? NullableString(int column) => Reader.IsDBNull(column) ? null : Reader.GetString(column);

    public DateTimeOffset Instant(int column) =>
        StoresTicks ? new DateTimeOffset(Reader.GetInt64(column), TimeSpan.Zero) : Reader.GetFieldValue<DateTimeOffset>(column);

    public DateTimeOffset? NullableInstant(int column) => Reader.IsDBNull(column) ? null : Instant(column);
}
