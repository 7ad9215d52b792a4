namespace Portal.Application.Common;

/// <summary>What was asked for doesn't exist (or isn't the caller's to see): the page answers 404.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>
/// Someone else changed the same thing at the same moment; nothing of this request was stored. <see cref="IsDuplicate"/>
/// tells a unique key taken meanwhile (a number, a login) from a row changed since it was read.
/// </summary>
public sealed class ConflictException(Exception? inner = null, bool isDuplicate = false)
    : Exception("Someone else changed this at the same time. Please reload and try again.", inner)
{
    public bool IsDuplicate { get; } = isDuplicate;

    /// <summary>
    /// Refuses a change made from a stale read: <paramref name="read"/> is the <c>UpdatedAt</c> the caller saw (none: no check),
    /// <paramref name="current"/> the record's as loaded now.
    /// </summary>
    public static void ThrowIfChangedSince(DateTimeOffset? read, DateTimeOffset current)
    {
        if (read is { } seen && seen != current) throw new ConflictException();
    }
}
