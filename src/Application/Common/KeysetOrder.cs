using System.Globalization;
using System.Linq.Expressions;
using Ardalis.Specification;

namespace Portal.Application.Common;

/// <summary>
/// The order of a keyset-paged list: sort keys in one direction, the row's unique id last. It orders a specification,
/// writes the cursor of a row and turns a cursor back into the predicate "rows after (or before) this one", written so
/// that the database seeks into the index that backs the order (<c>key &gt;= v AND (key &gt; v OR ...)</c>).
/// A nullable key sorts its NULLs as the greatest value on both databases: last ascending, first descending, ordered by
/// <c>key IS NULL</c> first so that an index on <c>(key IS NULL, key, id)</c> backs it.
/// </summary>
public sealed class KeysetOrder<T, TResult> where T : class
{
    private readonly List<Key> _keys = [];

    /// <param name="name">Names the list and sort in its cursors (the direction is added), so a cursor of another order is refused.</param>
    public KeysetOrder(string name, bool descending)
    {
        Name = name + (descending ? ".desc" : ".asc");
        Descending = descending;
    }

    public string Name { get; }
    public bool Descending { get; }

    public KeysetOrder<T, TResult> By<TKey>(Expression<Func<T, TKey>> column, Func<TResult, TKey> value) =>
        Add(column, item => value(item), nullable: false);

    public KeysetOrder<T, TResult> ByNullable(Expression<Func<T, string?>> column, Func<TResult, string?> value) =>
        Add(column, item => value(item), nullable: true);

    public KeysetOrder<T, TResult> ByNullable<TKey>(Expression<Func<T, TKey?>> column, Func<TResult, TKey?> value)
        where TKey : struct =>
        Add(column, item => value(item), nullable: true);

    private KeysetOrder<T, TResult> Add(LambdaExpression column, Func<TResult, object?> value, bool nullable)
    {
        _keys.Add(new Key(column, value, nullable));
        return this;
    }

    public string CursorOf(TResult item) => PageCursor.Encode(Name, _keys.Select(k => Format(k.Value(item))));

    /// <summary>Where <paramref name="request"/> asks to start; a cursor that does not fit this order means the first page.</summary>
    public KeysetPosition Position(PageRequest request)
    {
        if (request.AtLast) return new KeysetPosition(KeysetStart.Last, []);
        var (start, cursor) = request.After is { Length: > 0 } after ? (KeysetStart.After, after)
            : request.Before is { Length: > 0 } before ? (KeysetStart.Before, before) : (KeysetStart.First, null);
        if (PageCursor.Decode(cursor, Name, _keys.Count) is not { } texts) return KeysetPosition.First;
        var values = new object?[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!TryParse(texts[i], _keys[i].Type, _keys[i].Nullable, out values[i])) return KeysetPosition.First;
        }
        return new KeysetPosition(start, values);
    }

    /// <summary>Orders <paramref name="query"/>, backwards if asked, and limits it to the rows after or before the cursor.</summary>
    public void Apply(ISpecificationBuilder<T> query, KeysetPosition position, int take)
    {
        var descending = Descending != position.Backwards;
        IOrderedSpecificationBuilder<T>? ordered = null;
        foreach (var column in _keys.SelectMany(k => k.OrderColumns()))
        {
            ordered = (ordered, descending) switch
            {
                (null, false) => query.OrderBy(column),
                (null, true) => query.OrderByDescending(column),
                (_, false) => ordered.ThenBy(column),
                (_, true) => ordered.ThenByDescending(column),
            };
        }
        if (position.Start is KeysetStart.After or KeysetStart.Before) query.Where(Beyond(position.Values, towardsGreater: !descending));
        query.Take(take);
    }

    /// <summary>
    /// Limits <paramref name="query"/>, read from <paramref name="position"/>, to the rows before <paramref name="boundary"/>:
    /// with the position's own bound, one range of the index that backs the order.
    /// </summary>
    public void ReadUpTo(ISpecificationBuilder<T> query, KeysetPosition position, TResult boundary) =>
        query.Where(Beyond(_keys.Select(k => k.Value(boundary)).ToList(), towardsGreater: Descending != position.Backwards));

    /// <summary>
    /// Rows in the order they are read from <paramref name="position"/>, as the database orders them: strings by code point
    /// (SQLite's BINARY, a "C" collation on PostgreSQL for any key merged this way), NULLs as the greatest value.
    /// </summary>
    public IComparer<TResult> ReadingOrder(KeysetPosition position)
    {
        var direction = Descending != position.Backwards ? -1 : 1;
        return Comparer<TResult>.Create((x, y) =>
        {
            foreach (var key in _keys)
            {
                var compared = CompareValues(key.Value(x), key.Value(y));
                if (compared != 0) return direction * compared;
            }
            return 0;
        });
    }

    private static int CompareValues(object? x, object? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => Comparer<object>.Default.Compare(x, y),
    };

    /// <summary>The rows beyond the cursor's row in the direction of reading.</summary>
    public Expression<Func<T, bool>> Beyond(IReadOnlyList<object?> values, bool towardsGreater)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? rest = null;
        for (var i = _keys.Count - 1; i >= 0; i--) rest = _keys[i].Beyond(row, values[i], towardsGreater, rest);
        return Expression.Lambda<Func<T, bool>>(rest!, row);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.DayNumber.ToString(CultureInfo.InvariantCulture),
        Guid id => id.ToString("N"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool TryParse(string? text, Type type, bool nullable, out object? value)
    {
        value = null;
        if (text is null) return nullable;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        value = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l) ? l : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, invariant, out var d) ? d : null,
            _ when type == typeof(Guid) => Guid.TryParseExact(text, "N", out var g) ? g : null,
            _ when type == typeof(DateOnly) => int.TryParse(text, NumberStyles.None, invariant, out var day)
                && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : null,
            _ when type == typeof(DateTimeOffset) => long.TryParse(text, NumberStyles.None, invariant, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
            _ => throw new NotSupportedException($"{type.Name} is not a keyset sort key type."),
        };
        return value is not null;
    }

    private sealed class Key(LambdaExpression column, Func<TResult, object?> value, bool nullable)
    {
        private static readonly Expression Zero = Expression.Constant(0);

        public Func<TResult, object?> Value { get; } = value;
        public bool Nullable { get; } = nullable;
        public Type Type => column.ReturnType;

        public IEnumerable<Expression<Func<T, object?>>> OrderColumns()
        {
            if (Nullable) yield return Boxed(IsNull(column.Body));
            yield return Boxed(column.Body);
        }

        public Expression Beyond(ParameterExpression row, object? value, bool towardsGreater, Expression? rest)
        {
            var key = new ParameterReplacer(column.Parameters[0], row).Visit(column.Body);
            if (value is null)
            {
                // Only a nullable key has a NULL cursor value: the NULLs are at the greater end.
                var inNulls = rest is null ? IsNull(key) : Expression.AndAlso(IsNull(key), rest);
                return towardsGreater ? inNulls : Expression.OrElse(Expression.Not(IsNull(key)), inNulls);
            }
            var bound = Parameter(value);
            var strictly = Compare(key, bound, towardsGreater ? ExpressionType.GreaterThan : ExpressionType.LessThan);
            var seek = rest is null ? strictly : Expression.AndAlso(
                Compare(key, bound, towardsGreater ? ExpressionType.GreaterThanOrEqual : ExpressionType.LessThanOrEqual),
                Expression.OrElse(strictly, rest));
            if (!Nullable) return seek;
            return towardsGreater ? Expression.OrElse(IsNull(key), seek) : Expression.AndAlso(Expression.Not(IsNull(key)), seek);
        }

        private Expression<Func<T, object?>> Boxed(Expression body) =>
            Expression.Lambda<Func<T, object?>>(Expression.Convert(body, typeof(object)), column.Parameters);

        private static Expression IsNull(Expression key) => Expression.Equal(key, Expression.Constant(null, key.Type));

        // A captured value, not a constant, so EF sends it as a parameter and keeps one cached plan per order.
        private Expression Parameter(object value) =>
            Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Captured<>).MakeGenericType(typeof(T), typeof(TResult), Type), value)), "Value");

        private static Expression Compare(Expression key, Expression bound, ExpressionType comparison)
        {
            // Strings and Guids have no comparison operators in C#; EF turns Compare/CompareTo against 0 into SQL's.
            if (key.Type == typeof(string))
                return Expression.MakeBinary(comparison,
                    Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, bound), Zero);
            if (key.Type == typeof(Guid))
                return Expression.MakeBinary(comparison,
                    Expression.Call(key, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, bound), Zero);
            return Expression.MakeBinary(comparison, key, bound);
        }
    }

    private sealed class Captured<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
