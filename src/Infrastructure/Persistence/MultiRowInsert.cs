using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Writes the new rows of a large unit of work with one multi-row INSERT per table (and per few thousand values) instead
/// of EF Core's statement per row: SQLite's provider never batches, so a job's batch of 500 grants was about 2,500 single
/// INSERTs, each prepared anew. The rows, their keys and the foreign keys that point at them end up exactly as EF would
/// have left them: keys the database numbers come back through RETURNING and are handed on to the rows that refer to them,
/// and every written row is then tracked as unchanged. Tables go principals first; a row that still waits for a key this
/// pass can't give it (a reference within its own table) is left, with whatever refers to it, to EF's own save.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>Fewer new rows of a kind than this are left to EF: a single command's statements are already few.</summary>
    private const int MinimumRows = 8;

    /// <summary>
    /// SQLite finds each named parameter by walking the statement's list of them, so binding costs the square of their number:
    /// 50,000 values took 580–860 ms at 1,000 a statement, 110–220 ms at 100 and 44–100 ms at 50 (more, shorter statements
    /// cost their parsing again). Mostly, though, all the rows of a table go in one statement: as arrays on PostgreSQL
    /// (<see cref="ColumnArrays"/>), as JSON on SQLite (<see cref="JsonRows"/>); this is for a SQLite table with a column JSON
    /// can't carry.
    /// </summary>
    internal static int MaxParametersPerStatement(DbContext db) => db.Database.IsSqlite() ? 100 : 1_000;

    public static async Task InsertAddedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Metadata)
            .Where(g => g.Key.GetTableName() is not null && !g.Key.IsOwned())
            .ToDictionary(g => g.Key, g => g.ToList());
        var groups = added.Where(g => g.Value.Count >= MinimumRows).ToDictionary(g => g.Key, g => g.Value);
        // A few new rows that many new rows refer to (a job and its ten thousand rows) go in the same way first: left to EF,
        // their keys would come too late for the many, which would then be left to EF as well.
        foreach (var (kind, principal) in groups.Keys.SelectMany(kind => kind.GetForeignKeys(), (kind, fk) => (kind, fk.PrincipalEntityType)).ToList())
        {
            foreach (var few in added.Keys.Where(other => other != kind && !groups.ContainsKey(other) && IsOrDerivesFrom(other, principal)))
                groups[few] = added[few];
        }
        var written = new List<EntityEntry>();
        // Kinds in a cycle are left to EF, which orders rows one by one.
        foreach (var entityType in PrincipalsFirst(groups.Keys))
        {
            var rows = groups[entityType];
            var insert = TableInsert.For(entityType, rows);
            if (insert is null) continue;
            var rowsPerStatement = insert.TakesAllRows(db) ? rows.Count : insert.RowsPerStatement(MaxParametersPerStatement(db));
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var chunk = rows.GetRange(start, Math.Min(rowsPerStatement, rows.Count - start));
                await insert.ExecuteAsync(db, chunk, cancellationToken);
            }
            written.AddRange(rows);
        }
        foreach (var entry in written) entry.State = EntityState.Unchanged;
    }

    /// <summary>
    /// The kinds in an order where every kind comes after the kinds (other than itself) it refers to; kinds caught in a
    /// cycle are left out.
    /// </summary>
    internal static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> kinds)
    {
        var pending = kinds.ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(kind => !kind.GetForeignKeys().Any(fk =>
                fk.PrincipalEntityType != kind && pending.Any(other => other != kind && IsOrDerivesFrom(other, fk.PrincipalEntityType))));
            if (next is null) break;
            ordered.Add(next);
            pending.Remove(next);
        }
        return ordered;
    }

    private static bool IsOrDerivesFrom(IEntityType kind, IEntityType principal) =>
        kind == principal || kind.GetAllBaseTypes().Contains(principal) || principal.GetAllBaseTypes().Contains(kind);

    internal sealed class TableInsert
    {
        private readonly string _sql;
        private readonly IReadOnlyList<IProperty> _written;
        private readonly IReadOnlyList<IProperty> _returned;
        private readonly IKey _key;
        private readonly bool _keyFromDatabase;

        private TableInsert(string sql, IReadOnlyList<IProperty> written, IReadOnlyList<IProperty> returned, IKey key, bool keyFromDatabase)
        {
            _sql = sql;
            _written = written;
            _returned = returned;
            _key = key;
            _keyFromDatabase = keyFromDatabase;
        }

        public int RowsPerStatement(int maxParameters) => Math.Max(1, maxParameters / Math.Max(1, _written.Count));

        /// <summary>Whether one statement takes every row, as arrays or JSON.</summary>
        public bool TakesAllRows(DbContext db) => ColumnArrays.AreUsedBy(db) || JsonRows.AreUsedBy(db, _written);

        /// <summary>The statement for the rows, or null when they are better left to EF (a value another row must give first).</summary>
        public static TableInsert? For(IEntityType entityType, IReadOnlyList<EntityEntry> rows)
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey();
            if (key is null || key.Properties.Count != 1) return null;
            // Owned values stored in the row are kinds of their own, which this statement would leave out.
            if (entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned())) return null;
            var written = new List<IProperty>();
            var returned = new List<IProperty>();
            foreach (var property in entityType.GetProperties())
            {
                // A column only the database writes (a trigger's) is left to it, as EF's own save would.
                if (property.GetColumnName(table) is null || property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save) continue;
                var fromDatabase = property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                    && rows.All(r => r.Property(property.Name).IsTemporary || Equals(r.CurrentValues[property], property.Sentinel));
                if (fromDatabase)
                {
                    returned.Add(property);
                    continue;
                }
                // A foreign key still waiting for its principal's key, or a value the database was to make for some rows only.
                if (rows.Any(r => r.Property(property.Name).IsTemporary)) return null;
                written.Add(property);
            }
            var keyProperty = key.Properties[0];
            var keyFromDatabase = returned.Contains(keyProperty);
            if (returned.Count > 0 && !keyFromDatabase) returned.Insert(0, keyProperty);

            var sql = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
                .AppendJoin(", ", written.Select(p => Quote(p.GetColumnName(table)!))).Append(") {0}");
            if (returned.Count > 0) sql.Append(" RETURNING ").AppendJoin(", ", returned.Select(p => Quote(p.GetColumnName(table)!)));
            return new TableInsert(sql.ToString(), written, returned, key, keyFromDatabase);
        }

        public async Task ExecuteAsync(DbContext db, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var values = new StringBuilder();
            if (ColumnArrays.AreUsedBy(db))
                values.Append(ColumnArrays.Select(command, "a", _written, rows.Count, (row, column) => rows[row].CurrentValues[_written[column]]));
            else if (JsonRows.AreUsedBy(db, _written))
                values.Append(JsonRows.Select(command, "@a", _written, rows.Count, (row, column) => rows[row].CurrentValues[_written[column]]));
            else
            {
                values.Append("VALUES ");
                for (var row = 0; row < rows.Count; row++)
                {
                    values.Append(row == 0 ? "(" : ", (");
                    for (var column = 0; column < _written.Count; column++)
                    {
                        var property = _written[column];
                        var name = $"@p{row}_{column}";
                        command.Parameters.Add(property.GetRelationalTypeMapping()
                            .CreateParameter(command, name, rows[row].CurrentValues[property], property.IsNullable));
                        values.Append(column == 0 ? name : ", " + name);
                    }
                    values.Append(')');
                }
            }
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, _sql, values);
            if (_returned.Count == 0)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            var generated = new List<object?[]>(rows.Count);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    generated.Add(_returned.Select((p, i) => FromProvider(p, reader, i)).ToArray());
            }
            if (generated.Count != rows.Count)
                throw new InvalidOperationException($"Inserted {rows.Count} rows into {_sql[..40]}… but {generated.Count} came back.");
            AssignGenerated(rows, generated);
        }

        private void AssignGenerated(IReadOnlyList<EntityEntry> rows, List<object?[]> generated)
        {
            if (_keyFromDatabase)
            {
                // Both databases number the rows of one INSERT in the order of its VALUES (SQLite's writer is alone; a
                // PostgreSQL identity draws its sequence row by row), whatever order RETURNING lists them in.
                generated.Sort((a, b) => Comparer<object>.Default.Compare(a[0], b[0]));
                for (var row = 0; row < rows.Count; row++) Assign(rows[row], generated[row]);
                return;
            }
            var byKey = rows.ToDictionary(r => r.CurrentValues[_key.Properties[0]]!);
            foreach (var values in generated) Assign(byKey[values[0]!], values);
        }

        private void Assign(EntityEntry row, object?[] values)
        {
            for (var i = 0; i < _returned.Count; i++)
            {
                var property = row.Property(_returned[i].Name);
                // Setting a key the database gave hands it on to the tracked rows that refer to this one.
                property.CurrentValue = values[i];
                property.IsTemporary = false;
            }
        }

        private static object? FromProvider(IProperty property, DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal)) return null;
            var mapping = property.GetRelationalTypeMapping();
            var providerType = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType)
                ?? mapping.Converter?.ProviderClrType ?? property.ClrType;
            var stored = reader.GetValue(ordinal);
            if (stored.GetType() != providerType && stored is IConvertible)
                stored = Convert.ChangeType(stored, providerType, System.Globalization.CultureInfo.InvariantCulture);
            return mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        }

        internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
