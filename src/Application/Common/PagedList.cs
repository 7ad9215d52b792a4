namespace Portal.Application.Common;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Paging.PageCount(TotalCount, PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}
