namespace Portal.Application.Common;

public enum KeysetStart { First, After, Before, Last }

/// <summary>A decoded <see cref="PageRequest"/>: where to start reading and the sort key values of the row to start from.</summary>
public sealed record KeysetPosition(KeysetStart Start, IReadOnlyList<object?> Values)
{
    public static KeysetPosition First { get; } = new(KeysetStart.First, []);

    /// <summary>Read backwards (the reversed order), then turn the rows round.</summary>
    public bool Backwards => Start is KeysetStart.Before or KeysetStart.Last;
}
