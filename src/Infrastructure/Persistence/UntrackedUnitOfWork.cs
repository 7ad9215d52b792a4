using System.Collections;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Ardalis.Specification;
using Mediator;
using Microsoft.EntityFrameworkCore;
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
/// again after the moves by the model's navigations, and written as: one INSERT per table and a few hundred values (keys the
/// database numbers come back through RETURNING and go on to the rows that refer to them), one UPDATE per table and set of
/// changed values (per row for a table with a concurrency token, which it checks), one DELETE per table for what a collection
/// lost. The scope's tracked changes (the job) are saved by <see cref="IUnitOfWork"/> in the same transaction.
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

    public async Task<List<T>> ListAsync<T>(ISpecification<T> specification, CancellationToken cancellationToken) where T : class
    {
        var rows = await EfSpecificationEvaluator.Instance
            .GetQuery(dbContext.Set<T>().AsNoTrackingWithIdentityResolution(), specification).ToListAsync(cancellationToken);
        _roots.AddRange(rows);
        var graph = Graph.Of(dbContext.Model, rows);
        foreach (var entity in graph.Entities) _read.TryAdd(entity, Snapshot.Of(graph, entity));
        return rows;
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        records.StartCollecting();
        List<object> appended;
        try
        {
            await DispatchDomainEventsAsync(cancellationToken);
        }
        finally
        {
            appended = records.StopCollecting();
        }
        var graph = Graph.Of(dbContext.Model, _roots.Concat(appended));
        var queuesMail = false;
        try
        {
            await using var transaction = dbContext.Database.CurrentTransaction is null
                ? await dbContext.Database.BeginTransactionAsync(cancellationToken)
                : null;
            var kept = await DeleteRemovedAsync(graph, cancellationToken);
            await UpdateChangedAsync(graph, kept, cancellationToken);
            queuesMail = await InsertNewAsync(graph, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (UnitOfWork.IsUniqueViolation(e))
        {
            throw new ConflictException(e, isDuplicate: true);
        }
        _roots.Clear();
        _read.Clear();
        if (queuesMail) outboxSignal.MailQueued();
    }

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var sources = Graph.Of(dbContext.Model, _roots.Concat(records.Collected)).Entities
                .OfType<IHasDomainEvents>().Where(e => e.DomainEvents.Count > 0).ToList();
            if (sources.Count == 0) return;
            if (round == MaxDispatchRounds) throw new InvalidOperationException("Domain events keep raising further events.");
            var events = sources.SelectMany(e => e.DomainEvents).ToList();
            foreach (var source in sources) source.ClearDomainEvents();
            foreach (var domainEvent in events) await UnitOfWork.PublishAsync(publisher, domainEvent, cancellationToken);
        }
    }

    /// <summary>Deletes the rows read that their collections no longer hold (a revoke's recovery codes); returns the others.</summary>
    private async Task<HashSet<object>> DeleteRemovedAsync(Graph graph, CancellationToken cancellationToken)
    {
        var removed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (entity, snapshot) in _read)
        {
            foreach (var (navigation, members) in snapshot.Collections)
            {
                var now = new HashSet<object>(((IEnumerable?)navigation.GetGetter().GetClrValueUsingContainingEntity(entity))?.Cast<object>() ?? [],
                    ReferenceEqualityComparer.Instance);
                removed.UnionWith(members.Where(member => !now.Contains(member)));
            }
        }
        removed.ExceptWith(graph.Entities);
        foreach (var kind in removed.GroupBy(e => _read[e].Type))
        {
            var key = kind.Key.FindPrimaryKey()!.Properties.Single();
            await ExecuteByKeysAsync($"DELETE FROM {Table(kind.Key)}", [], key, kind.Select(e => _read[e].Values[key]).ToList(),
                cancellationToken);
        }
        return graph.Entities.Where(_read.ContainsKey).ToHashSet(ReferenceEqualityComparer.Instance);
    }

    private async Task UpdateChangedAsync(Graph graph, HashSet<object> kept, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<(IEntityType Type, ChangeSet Set), List<object?>>();
        foreach (var entity in kept)
        {
            var snapshot = _read[entity];
            var key = snapshot.Type.FindPrimaryKey()!.Properties.Single();
            var changed = snapshot.Type.GetProperties()
                .Where(p => !p.IsShadowProperty() && !p.IsPrimaryKey() && ColumnOf(snapshot.Type, p) is not null)
                .Select(p => (Property: p, Value: graph.ValueOf(entity, p, _ => null)))
                .Where(c => !c.Property.GetValueComparer().Equals(c.Value, snapshot.Values[c.Property]))
                .ToList();
            if (changed.Count == 0) continue;
            var tokens = snapshot.Type.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
            if (tokens.Count > 0)
            {
                await UpdateCheckedAsync(snapshot, key, changed, tokens, cancellationToken);
                continue;
            }
            var set = new ChangeSet(changed);
            if (!changes.TryGetValue((snapshot.Type, set), out var keys)) changes[(snapshot.Type, set)] = keys = [];
            keys.Add(snapshot.Values[key]);
        }
        foreach (var ((type, set), keys) in changes)
        {
            var key = type.FindPrimaryKey()!.Properties.Single();
            await ExecuteByKeysAsync($"UPDATE {Table(type)} SET " + string.Join(", ", set.Changes.Select((c, i) => $"{Column(type, c.Property)} = @v{i}")),
                set.Changes.Select(c => (c.Property, c.Value)).ToList(), key, keys, cancellationToken);
        }
    }

    /// <summary>One row of a table with a concurrency token: written only if nobody changed it since it was read.</summary>
    private async Task UpdateCheckedAsync(
        Snapshot snapshot, IProperty key, List<(IProperty Property, object? Value)> changed, List<IProperty> tokens,
        CancellationToken cancellationToken)
    {
        var type = snapshot.Type;
        await using var command = NewCommand();
        var sql = new StringBuilder($"UPDATE {Table(type)} SET ");
        for (var i = 0; i < changed.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"{Column(type, changed[i].Property)} = @v{i}");
            AddParameter(command, $"@v{i}", changed[i].Property, changed[i].Value);
        }
        sql.Append($" WHERE {Column(type, key)} = @k");
        AddParameter(command, "@k", key, snapshot.Values[key]);
        for (var i = 0; i < tokens.Count; i++)
        {
            var original = snapshot.Values[tokens[i]];
            sql.Append($" AND {Column(type, tokens[i])}").Append(original is null ? " IS NULL" : $" = @t{i}");
            if (original is not null) AddParameter(command, $"@t{i}", tokens[i], original);
        }
        command.CommandText = sql.ToString();
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1) throw new ConflictException();
    }

    /// <summary>The new rows, a multi-row INSERT per table, principals first; returns whether any is a mail.</summary>
    private async Task<bool> InsertNewAsync(Graph graph, CancellationToken cancellationToken)
    {
        var added = graph.Entities.Where(e => !_read.ContainsKey(e)).GroupBy(graph.TypeOf).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var type in PrincipalsFirst(added.Keys))
        {
            var rows = added[type];
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties.Single();
            var values = rows.Select(row => type.GetProperties().ToDictionary(p => p, p => graph.ValueOf(row, p, ShadowValueOf))).ToList();
            var written = new List<IProperty>();
            var keyFromDatabase = false;
            foreach (var property in type.GetProperties())
            {
                if (property.GetColumnName(table) is null) continue;
                var fromDatabase = property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                    && values.All(v => Equals(v[property], property.Sentinel));
                if (!fromDatabase) written.Add(property);
                else if (property == key) keyFromDatabase = true;
            }
            var perStatement = Math.Max(1, MultiRowInsert.MaxParametersPerStatement(dbContext) / written.Count);
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                await using var command = NewCommand();
                var sql = new StringBuilder($"INSERT INTO {Table(type)} (")
                    .AppendJoin(", ", written.Select(p => Column(type, p))).Append(") VALUES ");
                for (var row = 0; row < count; row++)
                {
                    sql.Append(row == 0 ? "(" : ", (");
                    for (var column = 0; column < written.Count; column++)
                    {
                        var name = $"@p{row}_{column}";
                        AddParameter(command, name, written[column], values[start + row][written[column]]);
                        sql.Append(column == 0 ? name : ", " + name);
                    }
                    sql.Append(')');
                }
                if (!keyFromDatabase)
                {
                    command.CommandText = sql.ToString();
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }
                command.CommandText = sql.Append(" RETURNING ").Append(Column(type, key)).ToString();
                var keys = new List<object>(count);
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken)) keys.Add(Convert.ChangeType(reader.GetValue(0), key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                }
                if (keys.Count != count) throw new InvalidOperationException($"Inserted {count} rows into {Table(type)} but {keys.Count} keys came back.");
                // Both databases number the rows of one INSERT in the order of its VALUES, whatever order RETURNING lists them in.
                keys.Sort();
                for (var row = 0; row < count; row++) SetKey(rows[start + row], key, keys[row]);
            }
        }
        return added.Keys.Any(t => t.ClrType == typeof(OutboxMessage));
    }

    /// <summary>A new row's value for a column the domain never sees: what the scope set for its kind, or the default.</summary>
    private object? ShadowValueOf(IProperty property) =>
        records.TryGetShadowValue(property.DeclaringType.ClrType, property.Name, out var value) ? value : property.Sentinel;

    /// <summary>The kinds in an order where every kind comes after the kinds (other than itself) it refers to.</summary>
    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> kinds)
    {
        var pending = kinds.ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(kind => !kind.GetForeignKeys().Any(fk =>
                fk.PrincipalEntityType != kind && pending.Any(other => other != kind && fk.PrincipalEntityType.IsAssignableFrom(other))))
                ?? throw new InvalidOperationException("New rows that refer to each other in a cycle can't be written together.");
            ordered.Add(next);
            pending.Remove(next);
        }
        return ordered;
    }

    private static void SetKey(object entity, IProperty key, object value)
    {
        if (key.FieldInfo is { } field) field.SetValue(entity, value);
        else (key.PropertyInfo ?? throw new InvalidOperationException($"{key.Name} can't be set.")).SetValue(entity, value);
    }

    /// <summary>Runs <paramref name="statement"/> for the rows of the keys, a few hundred keys at a time.</summary>
    private async Task ExecuteByKeysAsync(
        string statement, List<(IProperty Property, object? Value)> values, IProperty key, List<object?> keys, CancellationToken cancellationToken)
    {
        var type = (IEntityType)key.DeclaringType;
        var perStatement = Math.Max(1, MultiRowInsert.MaxParametersPerStatement(dbContext) - values.Count);
        for (var start = 0; start < keys.Count; start += perStatement)
        {
            await using var command = NewCommand();
            for (var i = 0; i < values.Count; i++) AddParameter(command, $"@v{i}", values[i].Property, values[i].Value);
            var chunk = keys.GetRange(start, Math.Min(perStatement, keys.Count - start));
            for (var i = 0; i < chunk.Count; i++) AddParameter(command, $"@k{i}", key, chunk[i]);
            command.CommandText = $"{statement} WHERE {Column(type, key)} IN ("
                + string.Join(", ", chunk.Select((_, i) => $"@k{i}")) + ")";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand NewCommand()
    {
        var command = dbContext.Database.GetDbConnection().CreateCommand();
        command.Transaction = dbContext.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void AddParameter(DbCommand command, string name, IProperty property, object? value) =>
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));

    private static string Table(IEntityType type) => MultiRowInsert.TableInsert.Quote(type.GetTableName()!);

    private static string? ColumnOf(IEntityType type, IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()));

    private static string Column(IEntityType type, IProperty property) =>
        MultiRowInsert.TableInsert.Quote(ColumnOf(type, property) ?? throw new InvalidOperationException($"{property.Name} has no column."));

    /// <summary>Changed values of one row, equal to another row's when the same columns change to the same values.</summary>
    private sealed class ChangeSet(List<(IProperty Property, object? Value)> changes) : IEquatable<ChangeSet>
    {
        public List<(IProperty Property, object? Value)> Changes { get; } = changes;

        public bool Equals(ChangeSet? other) =>
            other is not null && other.Changes.Count == Changes.Count
            && Changes.Zip(other.Changes).All(p => p.First.Property == p.Second.Property && p.First.Property.GetValueComparer().Equals(p.First.Value, p.Second.Value));

        public override bool Equals(object? obj) => Equals(obj as ChangeSet);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var (property, value) in Changes)
            {
                hash.Add(property);
                hash.Add(property.GetValueComparer().GetHashCode(value));
            }
            return hash.ToHashCode();
        }
    }

    /// <summary>A row as it was read: its values in the model's property order, and the members of its collections.</summary>
    private sealed record Snapshot(
        IEntityType Type, Dictionary<IProperty, object?> Values, List<(INavigation Navigation, List<object> Members)> Collections)
    {
        public static Snapshot Of(Graph graph, object entity)
        {
            var type = graph.TypeOf(entity);
            // The values of columns the domain never sees are not known without tracking; they are never written back either.
            var values = type.GetProperties().ToDictionary(p => p, p => p.GetValueComparer().Snapshot(graph.ValueOf(entity, p, _ => null)));
            var collections = type.GetNavigations().Where(n => n.IsCollection)
                .Select(n => (n, ((IEnumerable?)n.GetGetter().GetClrValueUsingContainingEntity(entity))?.Cast<object>().ToList() ?? []))
                .ToList();
            return new Snapshot(type, values, collections);
        }
    }

    /// <summary>The entities reachable from some roots through the model's navigations, and which principal each was reached from.</summary>
    private sealed class Graph
    {
        private readonly Dictionary<object, IEntityType> _types = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<object, List<(IForeignKey Key, object Principal)>> _principals = new(ReferenceEqualityComparer.Instance);

        public List<object> Entities { get; } = [];

        public IEntityType TypeOf(object entity) => _types[entity];

        public static Graph Of(IModel model, IEnumerable<object> roots)
        {
            var graph = new Graph();
            var pending = new Stack<object>(roots);
            while (pending.TryPop(out var entity))
            {
                if (graph._types.ContainsKey(entity)) continue;
                var type = model.FindEntityType(entity.GetType());
                if (type is null) continue;
                if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.FindPrimaryKey()?.Properties.Count != 1)
                    throw new InvalidOperationException($"{type.DisplayName()} can't be written without change tracking.");
                graph._types[entity] = type;
                graph.Entities.Add(entity);
                foreach (var navigation in type.GetNavigations())
                {
                    var value = navigation.GetGetter().GetClrValueUsingContainingEntity(entity);
                    if (value is null) continue;
                    var members = navigation.IsCollection ? ((IEnumerable)value).Cast<object>() : [value];
                    foreach (var member in members)
                    {
                        if (!navigation.IsOnDependent) graph.ReachedFrom(member, navigation.ForeignKey, entity);
                        pending.Push(member);
                    }
                }
            }
            return graph;
        }

        private void ReachedFrom(object dependent, IForeignKey key, object principal)
        {
            if (!_principals.TryGetValue(dependent, out var principals)) _principals[dependent] = principals = [];
            principals.Add((key, principal));
        }

        /// <summary>
        /// The property's value; a foreign key takes the key of the principal the row refers to or was reached from, which may
        /// have been numbered by the database only just now.
        /// </summary>
        public object? ValueOf(object entity, IProperty property, Func<IProperty, object?> shadowValue)
        {
            foreach (var key in property.GetContainingForeignKeys())
            {
                var principal = key.DependentToPrincipal?.GetGetter().GetClrValueUsingContainingEntity(entity)
                    ?? _principals.GetValueOrDefault(entity)?.FirstOrDefault(p => p.Key == key).Principal;
                if (principal is null) continue;
                var principalKey = key.PrincipalKey.Properties[key.Properties.ToList().IndexOf(property)];
                return principalKey.GetGetter().GetClrValueUsingContainingEntity(principal);
            }
            return property.IsShadowProperty() ? shadowValue(property) : property.GetGetter().GetClrValueUsingContainingEntity(entity);
        }
    }
}
