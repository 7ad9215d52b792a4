namespace Portal.Application.Common;

public enum CountPrecision { Exact, About, MoreThan }

/// <summary>
/// How many rows a list has, counted only up to a limit: exactly below it, above it an estimate ("about") when the list is
/// unfiltered, or just "more than" the limit when it is filtered.
/// </summary>
public sealed record ListCount(long Value, CountPrecision Precision)
{
    public static ListCount Exact(long value) => new(value, CountPrecision.Exact);
}
