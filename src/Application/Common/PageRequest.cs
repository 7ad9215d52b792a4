namespace Portal.Application.Common;

/// <summary>
/// Where a keyset-paged list is asked to start, as the address says it: nothing for the first page, <c>after</c> a cursor
/// for the next, <c>before</c> a cursor for the previous, <c>at=last</c> for the last page.
/// </summary>
public sealed record PageRequest(string? After = null, string? Before = null, string? At = null)
{
    public const string LastPage = "last";

    public static PageRequest First { get; } = new();

    public bool AtLast => string.Equals(At, LastPage, StringComparison.OrdinalIgnoreCase);
}
