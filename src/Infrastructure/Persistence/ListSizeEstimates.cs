using System.Collections.Concurrent;
using Portal.Application.Common;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The last "about" of each unfiltered list, kept by this instance for a few seconds. Above the exact-count limit a list
/// would otherwise count limit + 1 rows and ask for an estimate on every page it shows, for a figure that says "about"
/// anyway; below the limit nothing is kept, so an exact count is always fresh.
/// </summary>
internal sealed class ListSizeEstimates(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Type, (ListCount Count, DateTimeOffset KeptUntil)> _kept = new();

    public bool TryGet(Type rows, out ListCount count)
    {
        if (_kept.TryGetValue(rows, out var kept) && clock.GetUtcNow() < kept.KeptUntil)
        {
            count = kept.Count;
            return true;
        }
        count = null!;
        return false;
    }

    public void Keep(Type rows, ListCount count) => _kept[rows] = (count, clock.GetUtcNow() + Lifetime);
}
