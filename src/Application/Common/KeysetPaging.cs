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
        where T : class
    {
        var position = order.Position(request);
        var read = await rows.ListAsync(pageSpec(position), cancellationToken);
        if (position.Start is KeysetStart.After or KeysetStart.Before
            && (read.Count == 0 || (position.Start == KeysetStart.Before && read.Count <= pageSize)))
        {
            position = KeysetPosition.First;
            read = await rows.ListAsync(pageSpec(position), cancellationToken);
        }

        var more = read.Count > pageSize;
        var items = read.Take(pageSize).ToList();
        if (position.Backwards) items.Reverse();
        var hasPrevious = position.Backwards ? more : position.Start == KeysetStart.After;
        var hasNext = position.Backwards ? position.Start == KeysetStart.Before : more;
        var count = await counter.CountAsync(pageSpec(KeysetPosition.First), filtered, cancellationToken);
        return new KeysetPage<TResult>(
            items,
            hasPrevious && items.Count > 0 ? order.CursorOf(items[0]) : null,
            hasNext && items.Count > 0 ? order.CursorOf(items[^1]) : null,
            count);
    }
}
