namespace Portal.Application.Common;

/// <summary>
/// One page of a keyset-paged list: its rows, the cursors for the pages before and after it (null on the first or last
/// page) and the list's bounded count.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? PreviousCursor, string? NextCursor, ListCount Count)
{
    public bool HasPrevious => PreviousCursor is not null;
    public bool HasNext => NextCursor is not null;
}
