using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// <c>Take</c> with the count written into the SQL as a literal. EF Core binds a Take count as a parameter, and SQLite
/// re-prepares a statement each time a value is bound to its LIMIT (the value may change its plan): a statement kept prepared
/// was planned again on every run, about 40 µs of a 60 µs list statement. Meant for counts that take a handful of values (a
/// page size, a configured bound), as each one is a cached query of its own.
/// </summary>
internal static class LiteralLimit
{
    private static readonly MethodInfo TakeMethod = new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take)
        .Method.GetGenericMethodDefinition();

    private static readonly MethodInfo ConstantMethod = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    /// <remarks>EF Core makes even a constant count a parameter, unless it is wrapped in <see cref="EF.Constant{T}"/>.</remarks>
    public static IQueryable<T> TakeLiteral<T>(this IQueryable<T> query, int count) =>
        query.Provider.CreateQuery<T>(Expression.Call(
            TakeMethod.MakeGenericMethod(typeof(T)), query.Expression, Expression.Call(ConstantMethod, Expression.Constant(count))));
}
