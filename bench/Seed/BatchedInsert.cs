using Microsoft.Data.Sqlite;

namespace Portal.Bench.Seed;

/// <summary>
/// One prepared INSERT reused for every row, committed every <see cref="BatchSize"/> rows: SQLite writes
/// hundreds of thousands of rows a second this way, where a transaction per row manages a few hundred.
/// </summary>
internal sealed class BatchedInsert : IDisposable
{
    private const int BatchSize = 10_000;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private SqliteTransaction _transaction;
    private int _pending;

    public BatchedInsert(SqliteConnection connection, string table, params string[] columns)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
        _command = connection.CreateCommand();
        _command.Transaction = _transaction;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select((_, i) => $"$p{i}"));
        _command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    public int Rows { get; private set; }

    public void Add(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
        Rows++;
        if (++_pending < BatchSize) return;
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        _command.Transaction = _transaction;
        _pending = 0;
    }

    public void Dispose()
    {
        _transaction.Commit();
        _transaction.Dispose();
        _command.Dispose();
    }
}
