using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Ardalis.Specification;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Reads a batch's aggregates without tracking and writes what the domain and the event handlers did to them set-based.
/// A job's batch of 500 grants used to track about 3,500 entities: EF found the new users, links and history by comparing
/// every tracked entity with its snapshot, tracked each record a handler appended, and numbered and marked them one by one,
/// which cost more than the SQL. Here the graph the query loaded is remembered as it was (its values and collections), walked
/// again after the moves by the model's navigations, and written as one INSERT per table (a few hundred values each where
/// a column can't go as <see cref="JsonRows"/> on SQLite; PostgreSQL takes the rows as <see cref="ColumnArrays"/>, SQLite as
/// <see cref="JsonRows"/>), its keys the database numbers back through RETURNING and on to the rows that refer to them; one
/// UPDATE per table and set of changed values (per table and set of changed columns for a table with a concurrency token,
/// each row matched by its tokens as read); one DELETE per table for what a collection lost. The scope's tracked changes
/// (the job) are saved by <see cref="IUnitOfWork"/> in the same transaction.
/// </summary>
internal sealed class UntrackedUnitOfWork(
    PortalDbContext dbContext,
    UntrackedRecords records,
    IPublisher publisher,
    IUnitOfWork unitOfWork,
    OutboxSignal outboxSignal) : IUntrackedUnitOfWork
{
    /// <summary>Handlers may change aggregates that raise events of their own; a chain longer than this is a loop.</summary>
    private const int MaxDispatchRounds = 8;

    private readonly List<object> _roots = [];
    private readonly Dictionary<object, Snapshot> _read = new(ReferenceEqualityComparer.Instance);
    /// <summary>The records the event handlers appended (activity entries, mails, webhook deliveries), to be inserted.</summary>
    private readonly List<object> _appended = [];

    public async Task<List<T>> ListAsync<T>(ISpecification<T> specification, CancellationToken cancellationToken) where T : class
    {
        // Without identity resolution, which would cost as much as tracking: a row reached twice would be two objects, each
        // written back on its own, so it is refused instead.
        var rows = await EfSpecificationEvaluator.Instance
            .GetQuery(dbContext.Set<T>().AsNoTracking(), specification).ToListAsync(cancellationToken);
        _roots.AddRange(rows);
        var graph = Graph.Of(dbContext, rows);
        var keys = new HashSet<(string Table, object? Key)>();
        foreach (var entity in graph.Entities)
        {
            var snapshot = Snapshot.Of(graph, entity);
            if (!keys.Add((snapshot.Kind.Table, snapshot.Values[snapshot.Kind.KeyIndex])) || !_read.TryAdd(entity, snapshot))
                throw new InvalidOperationException($"A row of {snapshot.Kind.Table} was read twice; an untracked unit of work reads each once.");
        }
        return rows;
    }

    public void Add(IEnumerable<object> entities) => _roots.AddRange(entities);

    public async Task HandOutEventsAsync(CancellationToken cancellationToken)
    {
        records.StartCollecting();
        try
        {
            await DispatchDomainEventsAsync(cancellationToken);
        }
        finally
        {
            _appended.AddRange(records.StopCollecting());
        }
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        // Events raised since they were last handed out (or all of them, when nobody did it ahead).
        await HandOutEventsAsync(cancellationToken);
        var queuesMail = false;
        try
        {
            await using var transaction = dbContext.Database.CurrentTransaction is null
                ? await dbContext.Database.BeginTransactionAsync(cancellationToken)
                : null;
            var graph = Graph.Of(dbContext, _roots.Concat(_appended));
            // A new tracked row the untracked ones refer to (a job for its rows) is saved first, for its key; otherwise the tracked
            // changes come last, after their side effects, as in a command's own save (the job's activity line after its batch's).
            if (graph.RefersToNewTracked) await unitOfWork.SaveChangesAsync(cancellationToken);
            await DeleteRemovedAsync(graph, cancellationToken);
            await UpdateChangedAsync(graph, cancellationToken);
            queuesMail = await InsertNewAsync(graph, cancellationToken);
            if (!graph.RefersToNewTracked) await unitOfWork.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (UnitOfWork.IsUniqueViolation(e))
        {
            throw new ConflictException(e, isDuplicate: true);
        }
        _roots.Clear();
        _read.Clear();
        _appended.Clear();
        if (queuesMail) outboxSignal.MailQueued();
    }

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var sources = Graph.Of(dbContext, _roots.Concat(_appended).Concat(records.Collected)).Entities
                .OfType<IHasDomainEvents>().Where(e => e.DomainEvents.Count > 0).ToList();
            if (sources.Count == 0) return;
            if (round == MaxDispatchRounds) throw new InvalidOperationException("Domain events keep raising further events.");
            var events = sources.SelectMany(e => e.DomainEvents).ToList();
            foreach (var source in sources) source.ClearDomainEvents();
            foreach (var domainEvent in events) await UnitOfWork.PublishAsync(publisher, domainEvent, cancellationToken);
        }
    }

    /// <summary>Deletes the rows read that their collections no longer hold and nothing else reaches (a revoke's recovery codes).</summary>
    private async Task DeleteRemovedAsync(Graph graph, CancellationToken cancellationToken)
    {
        var removed = new List<Snapshot>();
        foreach (var (entity, snapshot) in _read)
        {
            foreach (var (getter, members) in snapshot.Collections)
            {
                var now = ((IEnumerable?)getter.GetClrValueUsingContainingEntity(entity))?.Cast<object>().ToHashSet(ReferenceEqualityComparer.Instance) ?? [];
                removed.AddRange(members.Where(m => !now.Contains(m) && !graph.Contains(m)).Select(m => _read[m]));
            }
        }
        foreach (var kind in removed.Distinct().GroupBy(s => s.Kind))
            await ExecuteByKeysAsync(kind.Key, $"DELETE FROM {kind.Key.Table}", [], kind.Select(s => s.Values[kind.Key.KeyIndex]).ToList(), cancellationToken);
    }

    private async Task UpdateChangedAsync(Graph graph, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<(Kind Kind, ChangeSet Set), List<object?>>();
        var checkedChanges = new Dictionary<Kind, List<(Snapshot Snapshot, List<(int Index, object? Value)> Changed)>>();
        foreach (var entity in graph.Entities)
        {
            if (!_read.TryGetValue(entity, out var snapshot)) continue;
            var kind = snapshot.Kind;
            List<(int Index, object? Value)>? changed = null;
            foreach (var index in kind.Writable)
            {
                if (index == kind.KeyIndex || kind.Getters[index] is null) continue;
                var value = graph.ValueOf(entity, kind, index, _ => null);
                if (kind.Comparers[index].Equals(value, snapshot.Values[index])) continue;
                (changed ??= []).Add((index, value));
            }
            if (changed is null) continue;
            if (kind.ConcurrencyTokens.Length > 0)
            {
                if (!checkedChanges.TryGetValue(kind, out var rows)) checkedChanges[kind] = rows = [];
                rows.Add((snapshot, changed));
                continue;
            }
            var set = new ChangeSet(kind, changed);
            if (!changes.TryGetValue((kind, set), out var keys)) changes[(kind, set)] = keys = [];
            keys.Add(snapshot.Values[kind.KeyIndex]);
        }
        foreach (var (kind, rows) in checkedChanges) await UpdateCheckedAsync(kind, rows, cancellationToken);
        foreach (var ((kind, set), keys) in changes)
        {
            await ExecuteByKeysAsync(kind, $"UPDATE {kind.Table} SET " + string.Join(", ", set.Changes.Select((c, i) => $"{kind.Columns[c.Index]} = @v{i}")),
                set.Changes, keys, cancellationToken);
        }
    }

    /// <summary>
    /// Rows of a table with a concurrency token, grouped by the columns that changed, each group with one
    /// <c>UPDATE … FROM</c> the rows (as <see cref="JsonRows"/> on SQLite, else <c>VALUES</c> of a few hundred values each)
    /// that matches every row by its key and its tokens as they were read: fewer rows written than sent means somebody
    /// changed one of them since, and the batch is refused. (One UPDATE per row was a round trip per contact of a job's batch.)
    /// </summary>
    private async Task UpdateCheckedAsync(
        Kind kind, List<(Snapshot Snapshot, List<(int Index, object? Value)> Changed)> rows, CancellationToken cancellationToken)
    {
        var postgres = !dbContext.Database.IsSqlite();
        foreach (var group in rows.GroupBy(r => string.Join(",", r.Changed.Select(c => c.Index))))
        {
            var changedColumns = group.First().Changed.Select(c => c.Index).ToArray();
            // The VALUES columns: key, then the tokens as read, then the new values (column1, column2, … in both databases).
            var columns = new[] { kind.KeyIndex }.Concat(kind.ConcurrencyTokens).Concat(changedColumns).ToArray();
            var update = new StringBuilder($"UPDATE {kind.Table} AS t SET ");
            for (var c = 0; c < changedColumns.Length; c++)
                update.Append(c == 0 ? "" : ", ").Append($"{kind.Columns[changedColumns[c]]} = v.column{1 + 1 + kind.ConcurrencyTokens.Length + c}");
            var match = new StringBuilder($" WHERE t.{kind.Columns[kind.KeyIndex]} = v.column1");
            for (var token = 0; token < kind.ConcurrencyTokens.Length; token++)
                match.Append($" AND t.{kind.Columns[kind.ConcurrencyTokens[token]]}")
                    .Append(postgres ? " IS NOT DISTINCT FROM " : " IS ").Append($"v.column{2 + token}");
            var list = group.ToList();
            var properties = columns.Select(c => kind.Properties[c]).ToList();
            if (JsonRows.AreUsedBy(dbContext, properties))
            {
                await using var command = NewCommand();
                var rowsAsJson = JsonRows.Select(command, "@u", properties, list.Count, (row, c) =>
                    c <= kind.ConcurrencyTokens.Length ? list[row].Snapshot.Values[columns[c]] : list[row].Changed[c - 1 - kind.ConcurrencyTokens.Length].Value,
                    alias: "column");
                command.CommandText = $"{update} FROM ({rowsAsJson}) AS v{match}";
                if (await command.ExecuteNonQueryAsync(cancellationToken) != list.Count) throw new ConflictException();
                continue;
            }
            var perStatement = Math.Max(1, MultiRowInsert.MaxParametersPerStatement(dbContext) / columns.Length);
            for (var start = 0; start < list.Count; start += perStatement)
            {
                var chunk = list.GetRange(start, Math.Min(perStatement, list.Count - start));
                await using var command = NewCommand();
                var sql = new StringBuilder(update.ToString()).Append(" FROM (VALUES ");
                for (var row = 0; row < chunk.Count; row++)
                {
                    var (snapshot, changed) = chunk[row];
                    sql.Append(row == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var value = c <= kind.ConcurrencyTokens.Length ? snapshot.Values[columns[c]] : changed[c - 1 - kind.ConcurrencyTokens.Length].Value;
                        var name = $"@u{row}_{c}";
                        kind.AddParameter(command, name, columns[c], value);
                        // PostgreSQL types a VALUES column by its rows; a first row of parameters (or NULLs) says it outright.
                        sql.Append(c == 0 ? "" : ", ").Append(postgres && row == 0 ? $"CAST({name} AS {kind.Properties[columns[c]].GetColumnType()})" : name);
                    }
                    sql.Append(')');
                }
                command.CommandText = sql.Append(") AS v").Append(match).ToString();
                if (await command.ExecuteNonQueryAsync(cancellationToken) != chunk.Count) throw new ConflictException();
            }
        }
    }

    /// <summary>The new rows, a multi-row INSERT per table, principals first; returns whether any is a mail.</summary>
    private async Task<bool> InsertNewAsync(Graph graph, CancellationToken cancellationToken)
    {
        var added = new Dictionary<Kind, List<object>>();
        foreach (var entity in graph.Entities)
        {
            if (_read.ContainsKey(entity)) continue;
            var kind = graph.KindOf(entity);
            if (!added.TryGetValue(kind, out var rows)) added[kind] = rows = [];
            rows.Add(entity);
        }
        foreach (var kind in PrincipalsFirst(added.Keys))
        {
            var rows = added[kind];
            var values = new object?[rows.Count][];
            for (var row = 0; row < rows.Count; row++)
            {
                values[row] = new object?[kind.Properties.Length];
                foreach (var index in kind.Writable) values[row][index] = graph.ValueOf(rows[row], kind, index, ShadowValueOf);
            }
            // A value the database makes (a numbered key, a default) is left to it when no row brings its own.
            var written = kind.Writable.Where(i => !kind.Properties[i].ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                || values.Any(v => !Equals(v[i], kind.Properties[i].Sentinel))).ToArray();
            var keyFromDatabase = !written.Contains(kind.KeyIndex);
            var columns = written.Select(i => kind.Properties[i]).ToList();
            var asArrays = ColumnArrays.AreUsedBy(dbContext);
            var asJson = !asArrays && JsonRows.AreUsedBy(dbContext, columns);
            var perStatement = asArrays || asJson ? rows.Count : Math.Max(1, MultiRowInsert.MaxParametersPerStatement(dbContext) / written.Length);
            var insert = $"INSERT INTO {kind.Table} ({string.Join(", ", written.Select(i => kind.Columns[i]))}) ";
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                await using var command = NewCommand();
                var sql = new StringBuilder(insert);
                if (asArrays)
                    sql.Append(ColumnArrays.Select(command, "a", columns, count, (row, column) => values[start + row][written[column]]));
                else if (asJson)
                    sql.Append(JsonRows.Select(command, "@a", columns, count, (row, column) => values[start + row][written[column]]));
                else
                {
                    sql.Append("VALUES ");
                    for (var row = 0; row < count; row++)
                    {
                        sql.Append(row == 0 ? "(" : ", (");
                        for (var column = 0; column < written.Length; column++)
                        {
                            var name = $"@p{row}_{column}";
                            kind.AddParameter(command, name, written[column], values[start + row][written[column]]);
                            sql.Append(column == 0 ? name : ", " + name);
                        }
                        sql.Append(')');
                    }
                }
                if (!keyFromDatabase)
                {
                    command.CommandText = sql.ToString();
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }
                command.CommandText = sql.Append(" RETURNING ").Append(kind.Columns[kind.KeyIndex]).ToString();
                var keys = new List<object>(count);
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                        keys.Add(Convert.ChangeType(reader.GetValue(0), kind.Key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                }
                if (keys.Count != count) throw new InvalidOperationException($"Inserted {count} rows into {kind.Table} but {keys.Count} keys came back.");
                // Both databases number the rows of one INSERT in the order of its VALUES, whatever order RETURNING lists them in.
                keys.Sort();
                for (var row = 0; row < count; row++) kind.SetKey(rows[start + row], keys[row]);
            }
        }
        return added.Keys.Any(k => k.Type.ClrType == typeof(OutboxMessage));
    }

    /// <summary>A new row's value for a column the domain never sees: what the scope set for its kind, or the default.</summary>
    private object? ShadowValueOf(IProperty property) =>
        records.TryGetShadowValue(property.DeclaringType.ClrType, property.Name, out var value) ? value : property.Sentinel;

    private static IEnumerable<Kind> PrincipalsFirst(IEnumerable<Kind> kinds)
    {
        var byType = kinds.ToDictionary(kind => kind.Type);
        var ordered = MultiRowInsert.PrincipalsFirst(byType.Keys);
        if (ordered.Count != byType.Count)
            throw new InvalidOperationException("New rows that refer to each other in a cycle can't be written together.");
        return ordered.Select(type => byType[type]);
    }

    /// <summary>Runs <paramref name="statement"/> for the rows of the keys: a few hundred keys at a time, or all of them as one array.</summary>
    private async Task ExecuteByKeysAsync(
        Kind kind, string statement, List<(int Index, object? Value)> values, List<object?> keys, CancellationToken cancellationToken)
    {
        if (ColumnArrays.AreUsedBy(dbContext) || JsonRows.AreUsedBy(dbContext, [kind.Key]))
        {
            await using var command = NewCommand();
            for (var i = 0; i < values.Count; i++) kind.AddParameter(command, $"@v{i}", values[i].Index, values[i].Value);
            command.CommandText = ColumnArrays.AreUsedBy(dbContext)
                ? $"{statement} WHERE {kind.Columns[kind.KeyIndex]} = ANY ({ColumnArrays.Array(command, "@k", kind.Key, keys)})"
                : $"{statement} WHERE {kind.Columns[kind.KeyIndex]} IN {JsonRows.List(command, "@k", kind.Key, keys)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        var perStatement = Math.Max(1, MultiRowInsert.MaxParametersPerStatement(dbContext) - values.Count);
        for (var start = 0; start < keys.Count; start += perStatement)
        {
            await using var command = NewCommand();
            for (var i = 0; i < values.Count; i++) kind.AddParameter(command, $"@v{i}", values[i].Index, values[i].Value);
            var chunk = keys.GetRange(start, Math.Min(perStatement, keys.Count - start));
            for (var i = 0; i < chunk.Count; i++) kind.AddParameter(command, $"@k{i}", kind.KeyIndex, chunk[i]);
            command.CommandText = $"{statement} WHERE {kind.Columns[kind.KeyIndex]} IN ({string.Join(", ", chunk.Select((_, i) => $"@k{i}"))})";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand NewCommand()
    {
        var command = dbContext.Database.GetDbConnection().CreateCommand();
        command.Transaction = dbContext.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>What the writes need to know of an entity type, worked out once from the model.</summary>
    private sealed class Kind
    {
        private static readonly ConcurrentDictionary<IEntityType, Kind> Known = new();

        private Kind(IEntityType type)
        {
            if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetComplexProperties().Any()
                || type.FindPrimaryKey()?.Properties is not [var key])
                throw new InvalidOperationException($"{type.DisplayName()} can't be written without change tracking.");
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            Type = type;
            Table = MultiRowInsert.TableInsert.Quote(table.Name);
            Properties = type.GetProperties().ToArray();
            Columns = Properties.Select(p => p.GetColumnName(table) is { } column ? MultiRowInsert.TableInsert.Quote(column) : null).ToArray();
            // A column only the database writes (a trigger's) is left to it, as EF's own save would.
            Writable = Enumerable.Range(0, Properties.Length)
                .Where(i => Columns[i] is not null && Properties[i].GetBeforeSaveBehavior() == PropertySaveBehavior.Save).ToArray();
            Getters = Properties.Select(p => p.IsShadowProperty() ? null : p.GetGetter()).ToArray();
            Comparers = Properties.Select(p => p.GetValueComparer()).ToArray();
            Mappings = Properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
            ForeignKeys = Properties.Select(p => p.GetContainingForeignKeys()
                .Select(fk => (fk, fk.DependentToPrincipal?.GetGetter(), fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(p)].GetGetter()))
                .ToArray()).ToArray();
            Navigations = type.GetNavigations().Select(n => (n, n.GetGetter())).ToArray();
            Key = key;
            KeyIndex = Array.IndexOf(Properties, key);
            ConcurrencyTokens = Enumerable.Range(0, Properties.Length).Where(i => Properties[i].IsConcurrencyToken && Columns[i] is not null).ToArray();
        }

        public IEntityType Type { get; }
        public string Table { get; }
        public IProperty[] Properties { get; }
        /// <summary>The quoted column of each property, or null for one the table does not store.</summary>
        public string?[] Columns { get; }
        public int[] Writable { get; }
        /// <summary>Null for a column the domain never sees (a shadow property).</summary>
        public IClrPropertyGetter?[] Getters { get; }
        public ValueComparer[] Comparers { get; }
        public RelationalTypeMapping[] Mappings { get; }
        public (IForeignKey Key, IClrPropertyGetter? ToPrincipal, IClrPropertyGetter PrincipalKey)[][] ForeignKeys { get; }
        public (INavigation Navigation, IClrPropertyGetter Getter)[] Navigations { get; }
        public IProperty Key { get; }
        public int KeyIndex { get; }
        public int[] ConcurrencyTokens { get; }

        public static Kind Of(IEntityType type) => Known.GetOrAdd(type, t => new Kind(t));

        public void AddParameter(DbCommand command, string name, int index, object? value) =>
            command.Parameters.Add(Mappings[index].CreateParameter(command, name, value, Properties[index].IsNullable));

        public void SetKey(object entity, object value)
        {
            if (Key.FieldInfo is { } field) field.SetValue(entity, value);
            else (Key.PropertyInfo ?? throw new InvalidOperationException($"{Key.Name} can't be set.")).SetValue(entity, value);
        }
    }

    /// <summary>Changed values of one row, equal to another row's when the same columns change to the same values.</summary>
    private sealed class ChangeSet(Kind kind, List<(int Index, object? Value)> changes) : IEquatable<ChangeSet>
    {
        public List<(int Index, object? Value)> Changes { get; } = changes;

        public bool Equals(ChangeSet? other) =>
            other is not null && other.Changes.Count == Changes.Count
            && Changes.Zip(other.Changes).All(p => p.First.Index == p.Second.Index && kind.Comparers[p.First.Index].Equals(p.First.Value, p.Second.Value));

        public override bool Equals(object? obj) => Equals(obj as ChangeSet);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var (index, value) in Changes)
            {
                hash.Add(index);
                hash.Add(kind.Comparers[index].GetHashCode(value));
            }
            return hash.ToHashCode();
        }
    }

    /// <summary>A row as it was read: its values in the order of <see cref="Kind.Properties"/>, and the members of its collections.</summary>
    private sealed record Snapshot(Kind Kind, object?[] Values, List<(IClrPropertyGetter Getter, List<object> Members)> Collections)
    {
        public static Snapshot Of(Graph graph, object entity)
        {
            var kind = graph.KindOf(entity);
            // The values of columns the domain never sees are not known without tracking; they are never written back either.
            var values = new object?[kind.Properties.Length];
            foreach (var index in kind.Writable)
                if (kind.Getters[index] is not null) values[index] = kind.Comparers[index].Snapshot(graph.ValueOf(entity, kind, index, _ => null));
            var collections = new List<(IClrPropertyGetter, List<object>)>();
            foreach (var (navigation, getter) in kind.Navigations)
            {
                if (navigation.IsCollection)
                    collections.Add((getter, ((IEnumerable?)getter.GetClrValueUsingContainingEntity(entity))?.Cast<object>().ToList() ?? []));
            }
            return new Snapshot(kind, values, collections);
        }
    }

    /// <summary>
    /// The untracked entities reachable from some roots through the model's navigations, and which principal each was reached
    /// from. Entities the context tracks are not part of it: their own save writes them.
    /// </summary>
    private sealed class Graph
    {
        private readonly Dictionary<object, Kind> _kinds = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<object, List<(IForeignKey Key, object Principal)>> _principals = new(ReferenceEqualityComparer.Instance);

        public List<object> Entities { get; } = [];

        /// <summary>Whether some entity refers to a tracked one that is still to be inserted.</summary>
        public bool RefersToNewTracked { get; private set; }

        public Kind KindOf(object entity) => _kinds[entity];

        public bool Contains(object entity) => _kinds.ContainsKey(entity);

        public static Graph Of(DbContext db, IEnumerable<object> roots)
        {
            var graph = new Graph();
            var tracked = db.ChangeTracker.Entries().ToDictionary(e => e.Entity, e => e.State, ReferenceEqualityComparer.Instance);
            var pending = new Stack<object>(roots);
            while (pending.TryPop(out var entity))
            {
                if (tracked.TryGetValue(entity, out var state))
                {
                    graph.RefersToNewTracked |= state == EntityState.Added;
                    continue;
                }
                if (graph._kinds.ContainsKey(entity)) continue;
                if (db.Model.FindEntityType(entity.GetType()) is not { } type) continue;
                var kind = Kind.Of(type);
                graph._kinds[entity] = kind;
                graph.Entities.Add(entity);
                foreach (var (navigation, getter) in kind.Navigations)
                {
                    var value = getter.GetClrValueUsingContainingEntity(entity);
                    if (value is null) continue;
                    if (!navigation.IsCollection)
                    {
                        graph.Reach(navigation, entity, value, pending);
                        continue;
                    }
                    foreach (var member in (IEnumerable)value) graph.Reach(navigation, entity, member, pending);
                }
            }
            return graph;
        }

        private void Reach(INavigation navigation, object from, object member, Stack<object> pending)
        {
            if (!navigation.IsOnDependent)
            {
                if (!_principals.TryGetValue(member, out var principals)) _principals[member] = principals = [];
                principals.Add((navigation.ForeignKey, from));
            }
            pending.Push(member);
        }

        /// <summary>
        /// The property's value; a foreign key takes the key of the principal the row refers to or was reached from, which may
        /// have been numbered by the database only just now.
        /// </summary>
        public object? ValueOf(object entity, Kind kind, int index, Func<IProperty, object?> shadowValue)
        {
            foreach (var (key, toPrincipal, principalKey) in kind.ForeignKeys[index])
            {
                var principal = toPrincipal?.GetClrValueUsingContainingEntity(entity);
                if (principal is null && _principals.TryGetValue(entity, out var principals))
                    principal = principals.Find(p => p.Key == key).Principal;
                if (principal is not null) return principalKey.GetClrValueUsingContainingEntity(principal);
            }
            return kind.Getters[index] is { } getter ? getter.GetClrValueUsingContainingEntity(entity) : shadowValue(kind.Properties[index]);
        }
    }
}
