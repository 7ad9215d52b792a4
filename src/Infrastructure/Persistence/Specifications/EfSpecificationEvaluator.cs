using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;

namespace Portal.Infrastructure.Persistence.Specifications;

/// <summary>
/// Translates Ardalis specifications into EF Core queries. Stands in for
/// Ardalis.Specification.EntityFrameworkCore, which is not available to this solution,
/// and is built only on the public API of the core package.
/// </summary>
public sealed class EfSpecificationEvaluator : ISpecificationEvaluator
{
    public static EfSpecificationEvaluator Instance { get; } = new();

    private readonly IEvaluator[] _evaluators =
    [
        IncludeEvaluator.Instance,
        WhereEvaluator.Instance,
        SearchEvaluator.Instance,
        OrderEvaluator.Instance,
        PageEvaluator.Instance,
        QueryOptionsEvaluator.Instance,
    ];

    private EfSpecificationEvaluator()
    {
    }

    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> inputQuery, ISpecification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputQuery);
        ArgumentNullException.ThrowIfNull(specification);

        var selector = specification.Selector;
        var selectorMany = specification.SelectorMany;

        if (selector is null && selectorMany is null)
        {
            throw new InvalidOperationException(
                $"Specification '{specification.GetType().Name}' projects to '{typeof(TResult).Name}' " +
                "but defines neither Select nor SelectMany.");
        }

        if (selector is not null && selectorMany is not null)
        {
            throw new InvalidOperationException(
                $"Specification '{specification.GetType().Name}' defines both Select and SelectMany; only one projection is allowed.");
        }

        var query = GetQuery(inputQuery, (ISpecification<T>)specification);

        return selector is not null
            ? query.Select(selector)
            : query.SelectMany(selectorMany!);
    }

    public IQueryable<T> GetQuery<T>(IQueryable<T> inputQuery, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputQuery);
        ArgumentNullException.ThrowIfNull(specification);

        var query = inputQuery;
        foreach (var evaluator in _evaluators)
        {
            if (evaluateCriteriaOnly && !evaluator.IsCriteriaEvaluator)
            {
                continue;
            }

            query = evaluator.GetQuery(query, specification);
        }

        return query;
    }

    /// <summary>
    /// Applies IncludeStrings and Include/ThenInclude chains. EF's ThenInclude has separate
    /// overloads for a previous collection and a previous reference navigation, and the
    /// specification only carries untyped lambdas, so the generic methods are closed at runtime.
    /// </summary>
    private sealed class IncludeEvaluator : IEvaluator
    {
        public static IncludeEvaluator Instance { get; } = new();

        private static readonly MethodInfo IncludeMethod = FindExtension(
            nameof(EntityFrameworkQueryableExtensions.Include),
            genericArity: 2,
            firstParameter => firstParameter.GetGenericTypeDefinition() == typeof(IQueryable<>));

        private static readonly MethodInfo ThenIncludeAfterCollectionMethod = FindExtension(
            nameof(EntityFrameworkQueryableExtensions.ThenInclude),
            genericArity: 3,
            firstParameter => !firstParameter.GenericTypeArguments[1].IsGenericParameter);

        private static readonly MethodInfo ThenIncludeAfterReferenceMethod = FindExtension(
            nameof(EntityFrameworkQueryableExtensions.ThenInclude),
            genericArity: 3,
            firstParameter => firstParameter.GenericTypeArguments[1].IsGenericParameter);

        // Compiled per closed generic method so repeated queries avoid MethodInfo.Invoke.
        private static readonly ConcurrentDictionary<MethodInfo, Func<object, LambdaExpression, object>> Invokers = new();

        public bool IsCriteriaEvaluator => false;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
        {
            foreach (var includeString in specification.IncludeStrings)
            {
                query = query.Include(includeString);
            }

            foreach (var include in specification.IncludeExpressions)
            {
                query = include.Type switch
                {
                    IncludeTypeEnum.Include => ApplyInclude(query, include),
                    IncludeTypeEnum.ThenInclude => ApplyThenInclude(query, include),
                    _ => throw new InvalidOperationException($"Unsupported include type '{include.Type}'."),
                };
            }

            return query;
        }

        private static IQueryable<T> ApplyInclude<T>(IQueryable<T> query, IncludeExpressionInfo include)
            where T : class
        {
            var lambda = include.LambdaExpression;
            var method = IncludeMethod.MakeGenericMethod(typeof(T), lambda.ReturnType);
            return Invoke(method, query, lambda);
        }

        private static IQueryable<T> ApplyThenInclude<T>(IQueryable<T> query, IncludeExpressionInfo include)
            where T : class
        {
            var lambda = include.LambdaExpression;
            var previousPropertyType = include.PreviousPropertyType
                ?? throw new InvalidOperationException(
                    $"ThenInclude '{lambda}' has no previous property type; it must follow an Include.");

            var elementType = lambda.Parameters[0].Type;
            var template = IsCollectionOf(previousPropertyType, elementType)
                ? ThenIncludeAfterCollectionMethod
                : ThenIncludeAfterReferenceMethod;
            var method = template.MakeGenericMethod(typeof(T), elementType, lambda.ReturnType);

            if (!method.GetParameters()[0].ParameterType.IsInstanceOfType(query))
            {
                throw new InvalidOperationException(
                    $"ThenInclude '{lambda}' does not follow an Include of '{previousPropertyType.Name}'.");
            }

            return Invoke(method, query, lambda);
        }

        private static bool IsCollectionOf(Type previousPropertyType, Type elementType) =>
            previousPropertyType != elementType
            && typeof(IEnumerable<>).MakeGenericType(elementType).IsAssignableFrom(previousPropertyType);

        private static IQueryable<T> Invoke<T>(MethodInfo method, IQueryable<T> query, LambdaExpression lambda)
        {
            var invoker = Invokers.GetOrAdd(method, CompileInvoker);
            return (IQueryable<T>)invoker(query, lambda);
        }

        private static Func<object, LambdaExpression, object> CompileInvoker(MethodInfo method)
        {
            var parameters = method.GetParameters();
            var source = Expression.Parameter(typeof(object), "source");
            var lambda = Expression.Parameter(typeof(LambdaExpression), "navigation");
            var call = Expression.Call(
                method,
                Expression.Convert(source, parameters[0].ParameterType),
                Expression.Convert(lambda, parameters[1].ParameterType));

            return Expression.Lambda<Func<object, LambdaExpression, object>>(call, source, lambda).Compile();
        }

        private static MethodInfo FindExtension(string name, int genericArity, Func<Type, bool> firstParameterMatches) =>
            typeof(EntityFrameworkQueryableExtensions)
                .GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(method =>
                    method.Name == name
                    && method.GetGenericArguments().Length == genericArity
                    && method.GetParameters() is [var first, var second]
                    && first.ParameterType.IsGenericType
                    && second.ParameterType.IsGenericType
                    && second.ParameterType.GetGenericTypeDefinition() == typeof(Expression<>)
                    && firstParameterMatches(first.ParameterType));
    }

    /// <summary>
    /// Translates Search criteria into LIKE so they run in the database: ORed within a
    /// search group, ANDed across groups, mirroring the in-memory SearchMemoryEvaluator.
    /// </summary>
    private sealed class SearchEvaluator : IEvaluator
    {
        public static SearchEvaluator Instance { get; } = new();

        private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

        /// <summary>Search patterns escape % _ and \ with a backslash (see Portal.Application.Common.SearchPattern).</summary>
        private static readonly ConstantExpression EscapeCharacter = Expression.Constant(SearchPattern.EscapeCharacter.ToString());

        // LIKE ignores case on SQLite but not on PostgreSQL: comparing lower-case on both sides gives one behaviour everywhere.
        private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

        private static readonly MemberExpression EfFunctions = Expression.Property(
            null,
            typeof(EF).GetProperty(nameof(EF.Functions))!);

        public bool IsCriteriaEvaluator => true;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
        {
            foreach (var group in specification.SearchCriterias.GroupBy(criteria => criteria.SearchGroup))
            {
                query = query.Where(BuildGroupPredicate(group));
            }

            return query;
        }

        private static Expression<Func<T, bool>> BuildGroupPredicate<T>(IEnumerable<SearchExpressionInfo<T>> group)
        {
            var entity = Expression.Parameter(typeof(T), "entity");

            var predicate = group
                .Select(criteria => (Expression)Expression.Call(
                    LikeMethod,
                    EfFunctions,
                    Expression.Call(ParameterReplacer.Replace(criteria.Selector, entity), ToLower),
                    PatternParameter(criteria.SearchTerm.ToLowerInvariant()),
                    EscapeCharacter))
                .Aggregate(Expression.OrElse);

            return Expression.Lambda<Func<T, bool>>(predicate, entity);
        }

        // A member access on a captured object makes EF send the pattern as a SQL parameter
        // instead of inlining it as a constant, which keeps query plans reusable.
        private static MemberExpression PatternParameter(string pattern) =>
            Expression.Property(Expression.Constant(new SearchTerm(pattern)), nameof(SearchTerm.Pattern));

        private sealed record SearchTerm(string Pattern);

        private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
        {
            public static Expression Replace(LambdaExpression lambda, ParameterExpression parameter) =>
                new ParameterReplacer(lambda.Parameters[0], parameter).Visit(lambda.Body);

            protected override Expression VisitParameter(ParameterExpression node) =>
                node == from ? to : base.VisitParameter(node);
        }
    }

    /// <summary>
    /// Tracking, query-filter, split-query and tag options. Counted as criteria because
    /// IgnoreQueryFilters changes which rows match, so Count/Any must honour it too.
    /// </summary>
    private sealed class QueryOptionsEvaluator : IEvaluator
    {
        public static QueryOptionsEvaluator Instance { get; } = new();

        public bool IsCriteriaEvaluator => true;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
        {
            if (specification.AsNoTracking)
            {
                query = query.AsNoTracking();
            }
            else if (specification.AsNoTrackingWithIdentityResolution)
            {
                query = query.AsNoTrackingWithIdentityResolution();
            }
            else if (specification.AsTracking)
            {
                query = query.AsTracking();
            }

            if (specification.IgnoreQueryFilters)
            {
                query = query.IgnoreQueryFilters();
            }

            if (specification.IgnoreAutoIncludes)
            {
                query = query.IgnoreAutoIncludes();
            }

            if (specification.AsSplitQuery)
            {
                query = query.AsSplitQuery();
            }

            foreach (var tag in specification.QueryTags)
            {
                query = query.TagWith(tag);
            }

            return query;
        }
    }

    /// <summary>
    /// Skip and Take as Ardalis' own evaluator applies them, except that the page size goes into the SQL as a literal
    /// (<see cref="LiteralLimit"/>); the offset stays a parameter, as it takes many values and SQLite plans nothing on it.
    /// </summary>
    private sealed class PageEvaluator : IEvaluator
    {
        public static PageEvaluator Instance { get; } = new();

        public bool IsCriteriaEvaluator => false;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
        {
            if (specification.Skip > 0)
            {
                query = query.Skip(specification.Skip);
            }

            if (specification.Take >= 0)
            {
                query = query.TakeLiteral(specification.Take);
            }

            return query;
        }
    }
}
