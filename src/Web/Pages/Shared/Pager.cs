using Portal.Application.Common;

namespace Portal.Web.Pages.Shared;

/// <summary>
/// First · Previous · Next · Last for a keyset-paged list (null where the step is not possible), and its bounded count.
/// </summary>
public sealed record Pager(string First, string? Previous, string? Next, string Last, ListCount Count)
{
    /// <param name="link">The list's address with its filters, search and sort, plus the given position.</param>
    public static Pager For<T>(KeysetPage<T> page, Func<PageRequest, string> link) => new(
        link(PageRequest.First),
        page.PreviousCursor is { } previous ? link(new PageRequest(Before: previous)) : null,
        page.NextCursor is { } next ? link(new PageRequest(After: next)) : null,
        link(new PageRequest(At: PageRequest.LastPage)),
        page.Count);

    /// <summary>The query values that carry <paramref name="paging"/> in an address.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> QueryOf(PageRequest paging) =>
    [
        new("after", paging.After),
        new("before", paging.Before),
        new("at", paging.At),
    ];
}
