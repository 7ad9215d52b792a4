using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Portal.UnitTests.Application.Support;

/// <summary>A query as the app sent it, kept as text and values: the command itself may be reused once it has run.</summary>
public sealed record CapturedQuery(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public static CapturedQuery Of(DbCommand command) => new(command.CommandText,
        command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList());

    /// <summary>SQLite's plan for the query with the same values, one step per line.</summary>
    public async Task<string> PlanAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + Sql;
        foreach (var (name, value) in Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return string.Join("\n", steps);
    }
}
