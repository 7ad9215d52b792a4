using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Keeps the statements SQLite prepared on a connection for the next query with the same SQL. Microsoft.Data.Sqlite
/// prepares a command's SQL when it first runs and finalizes it when the command is disposed, and EF Core creates and
/// disposes a command for every query, so every query paid SQLite's parse and plan again: on My Account, where each
/// request runs the session check, the details and the document tiles, that was the largest single cost (about a fifth
/// of the CPU time). Here EF gets a command that borrows a prepared one from its connection's cache and gives it back
/// when EF disposes it; the cache lives as long as the connection is open (see <see cref="KeptOpenSqliteConnection"/>)
/// and is dropped when it closes, since closing finalizes every statement.
/// </summary>
internal sealed class SqliteStatementCache
{
    /// <summary>Statements kept per connection; the least recently used one makes room for a new one.</summary>
    internal const int Capacity = 24;

    private static readonly ConditionalWeakTable<SqliteConnection, SqliteStatementCache> Caches = new();

    private readonly SqliteConnection connection;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long clock;

    private SqliteStatementCache(SqliteConnection connection)
    {
        this.connection = connection;
        // Closing the connection disposes every command made on it, ours too.
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Closed) Clear();
        };
    }

    /// <summary>Commands lent out and not yet given back: a connection is only kept open without any.</summary>
    public int Lent { get; private set; }

    public static SqliteStatementCache Of(SqliteConnection connection) =>
        Caches.GetValue(connection, static c => new SqliteStatementCache(c));

    public static bool IsIdle(SqliteConnection connection) =>
        !Caches.TryGetValue(connection, out var cache) || cache.Lent == 0;

    /// <summary>A command for <paramref name="sql"/>, prepared already if it ran on this connection before.</summary>
    public SqliteCommand Lend(string sql)
    {
        Lent++;
        if (entries.TryGetValue(sql, out var entry) && !entry.Lent)
        {
            entry.Lent = true;
            entry.LastUsed = ++clock;
            return entry.Command;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (entry is null && MakeRoom())
            entries[sql] = new Entry(command) { Lent = true, LastUsed = ++clock };
        return command;
    }

    /// <summary>Takes a lent command back; one that is not kept (no room, or the same SQL ran twice at once) is disposed.</summary>
    public void GiveBack(SqliteCommand command)
    {
        Lent = Math.Max(0, Lent - 1);
        command.Parameters.Clear();
        command.Transaction = null;
        if (entries.TryGetValue(command.CommandText, out var entry) && ReferenceEquals(entry.Command, command))
            entry.Lent = false;
        else
            command.Dispose();
    }

    private bool MakeRoom()
    {
        if (entries.Count < Capacity) return true;
        KeyValuePair<string, Entry>? oldest = null;
        foreach (var pair in entries)
        {
            if (!pair.Value.Lent && (oldest is null || pair.Value.LastUsed < oldest.Value.Value.LastUsed)) oldest = pair;
        }
        if (oldest is not { } evicted) return false;
        entries.Remove(evicted.Key);
        evicted.Value.Command.Dispose();
        return true;
    }

    private void Clear()
    {
        entries.Clear();
        Lent = 0;
    }

    private sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;
        public bool Lent { get; set; }
        public long LastUsed { get; set; }
    }
}

/// <summary>Gives EF Core, for each query on a SQLite connection, a command that runs on a cached prepared statement.</summary>
internal sealed class SqliteStatementReuse : DbCommandInterceptor
{
    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new CachedStatementCommand(connection))
            : result;
}

/// <summary>
/// The command EF Core sees: it takes its statement from the connection's <see cref="SqliteStatementCache"/> when EF sets
/// its SQL, and gives it back, parameters cleared, when EF disposes it.
/// </summary>
internal sealed class CachedStatementCommand(SqliteConnection connection) : DbCommand
{
    private SqliteCommand? statement;
    private DbDataReader? reader;
    private string sql = string.Empty;

    [AllowNull]
    public override string CommandText
    {
        get => sql;
        set
        {
            value ??= string.Empty;
            if (statement is not null && value == sql) return;
            Release();
            sql = value;
            statement = SqliteStatementCache.Of(connection).Lend(sql);
        }
    }

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new ArgumentException($"SQLite runs text commands only, not {value}.", nameof(value));
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (!ReferenceEquals(value, connection))
                throw new NotSupportedException("A cached statement belongs to the connection it was prepared on.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Statement.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    private SqliteCommand Statement => statement ??= SqliteStatementCache.Of(connection).Lend(sql);

    public override void Cancel() => statement?.Cancel();

    public override void Prepare() => Ready().Prepare();

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        Ready().ExecuteNonQueryAsync(cancellationToken);

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        Ready().ExecuteScalarAsync(cancellationToken);

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => reader = Ready().ExecuteReader(behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        reader = await Ready().ExecuteReaderAsync(behavior, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Release();
        base.Dispose(disposing);
    }

    private SqliteCommand Ready()
    {
        var command = Statement;
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        return command;
    }

    private void Release()
    {
        // A reader left open would keep the statement running (and its snapshot of the database): close it first.
        reader?.Dispose();
        reader = null;
        if (statement is null) return;
        SqliteStatementCache.Of(connection).GiveBack(statement);
        statement = null;
    }
}
