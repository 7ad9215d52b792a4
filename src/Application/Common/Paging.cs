using Ardalis.Specification;

namespace Portal.Application.Common;

/// <summary>
/// Reads one page of a list, bounded by the rows there are: a page below the first shows the first, one past the last shows
/// the last, so no page number, however large, reaches the database or overflows the rows to skip.
/// </summary>
public static class Paging
{
    public static int PageCount(int totalCount, int pageSize) => Math.Max(1, (int)Math.Ceiling(totalCount / (double)pageSize));

    /// <param name="pageSpec">The list's specification for a page number; counting ignores its paging.</param>
    public static async Task<PagedList<TResult>> PageAsync<T, TResult>(
        this IReadRepositoryBase<T> rows,
        Func<int, ISpecification<T, TResult>> pageSpec,
        int requestedPage,
        int pageSize,
        CancellationToken cancellationToken)
        where T : class
    {
        var total = await rows.CountAsync(pageSpec(1), cancellationToken);
        var page = Math.Clamp(requestedPage, 1, PageCount(total, pageSize));
        return new PagedList<TResult>(await rows.ListAsync(pageSpec(page), cancellationToken), page, pageSize, total);
    }
}
