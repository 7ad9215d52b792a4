using Ardalis.Specification;

namespace Portal.Application.Common;

/// <summary>
/// Reads one page of a list by keyset: PageSize + 1 rows from where the request points (the extra row tells whether there
/// is more), never an offset. The last page is the first page of the reversed order. A cursor that finds nothing (stale,
/// or pointing past the list) and a "previous" that runs out before a full page both show the first page.
/// </summary>
public static class KeysetPaging
{
    public static async Task<KeysetPage<TResult>> KeysetPageAsync<T, TResult>(
        this IReadRepositoryBase<T> rows,
        KeysetOrder<T, TResult> order,
        PageRequest request,
        int pageSize,
        Func<KeysetPosition, ISpecification<T, TResult>> pageSpec,
        IListCounter counter,
        bool filtered,
        CancellationToken cancellationToken)
        where T : class =>
        await order.KeysetPageAsync(request, pageSize, position => rows.ListAsync(pageSpec(position), cancellationToken),
            () => counter.CountAsync(pageSpec(KeysetPosition.First), filtered, cancellationToken));

    /// <summary>
    /// A list whose count was taken before its page, because the count decided how a page is read: <paramref name="read"/>
    /// gives PageSize + 1 rows from a position, in the order the position reads.
    /// </summary>
    public static Task<KeysetPage<TResult>> KeysetPageAsync<T, TResult>(
        this KeysetOrder<T, TResult> order,
        PageRequest request,
        int pageSize,
        Func<KeysetPosition, Task<List<TResult>>> read,
        ListCount count)
        where T : class =>
        order.KeysetPageAsync(request, pageSize, read, () => Task.FromResult(count));

    /// <summary>
    /// A list made of several index ranges (e.g. a customer's own documents and their company's): each range gives its
    /// first PageSize + 1 rows from the position, and their merge in the list's order is the page, which is what a database
    /// would have to sort every row of the ranges for.
    /// </summary>
    /// <param name="sourceSpecs">One specification per range, each in the list's order and limited to PageSize + 1.</param>
    /// <param name="countSpec">The whole list's criteria, for its count.</param>
    public static async Task<KeysetPage<TResult>> KeysetPageAsync<T, TResult>(
        this IReadRepositoryBase<T> rows,
        KeysetOrder<T, TResult> order,
        PageRequest request,
        int pageSize,
        Func<KeysetPosition, IReadOnlyList<ISpecification<T, TResult>>> sourceSpecs,
        ISpecification<T, TResult> countSpec,
        IListCounter counter,
        bool filtered,
        CancellationToken cancellationToken)
        where T : class =>
        await order.KeysetPageAsync(request, pageSize, async position =>
            {
                var specs = sourceSpecs(position);
                if (specs.Count == 1) return await rows.ListAsync(specs[0], cancellationToken);
                var merged = new List<TResult>();
                foreach (var spec in specs) merged.AddRange(await rows.ListAsync(spec, cancellationToken));
                merged.Sort(order.ReadingOrder(position));
                return merged.Take(pageSize + 1).ToList();
            },
            () => counter.CountAsync(countSpec, filtered, cancellationToken));

    private static async Task<KeysetPage<TResult>> KeysetPageAsync<T, TResult>(
        this KeysetOrder<T, TResult> order,
        PageRequest request,
        int pageSize,
        Func<KeysetPosition, Task<List<TResult>>> read,
        Func<Task<ListCount>> count)
        where T : class
    {
        var position = order.Position(request);
        var rowsRead = await read(position);
        if (position.Start is KeysetStart.After or KeysetStart.Before
            && (rowsRead.Count == 0 || (position.Start == KeysetStart.Before && rowsRead.Count <= pageSize)))
        {
            position = KeysetPosition.First;
            rowsRead = await read(position);
        }

        var more = rowsRead.Count > pageSize;
        var items = rowsRead.Take(pageSize).ToList();
        if (position.Backwards) items.Reverse();
        var hasPrevious = position.Backwards ? more : position.Start == KeysetStart.After;
        var hasNext = position.Backwards ? position.Start == KeysetStart.Before : more;
        return new KeysetPage<TResult>(
            items,
            hasPrevious && items.Count > 0 ? order.CursorOf(items[0]) : null,
            hasNext && items.Count > 0 ? order.CursorOf(items[^1]) : null,
            await count());
    }
}
