using System.Collections.Concurrent;

namespace Portal.Application.Adoption;

/// <summary>Counts the saves that change what the dashboard counts (contacts, access, invitations, mail, sign-ins).</summary>
public interface IAdoptionChanges
{
    long Version { get; }
}

/// <summary>
/// Each dashboard as last counted, for a few seconds: the page is a landing page that many staff open at once, and counting
/// is a few dozen index lookups. Any save of this instance that touches what it counts drops every kept dashboard, so a
/// change made here shows at once; a change made by another instance shows after <see cref="Lifetime"/> at the latest.
/// </summary>
public sealed class AdoptionDashboardCache(TimeProvider clock, IAdoptionChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int MaxKept = 500;

    private readonly ConcurrentDictionary<GetAdoptionDashboard, (AdoptionDashboard Dashboard, DateTimeOffset KeptUntil, long Version)> _kept = new();

    public long Version => changes.Version;

    public bool TryGet(GetAdoptionDashboard query, out AdoptionDashboard dashboard)
    {
        if (_kept.TryGetValue(query, out var kept) && kept.Version == changes.Version && clock.GetUtcNow() < kept.KeptUntil)
        {
            dashboard = kept.Dashboard;
            return true;
        }
        dashboard = null!;
        return false;
    }

    public void Keep(GetAdoptionDashboard query, AdoptionDashboard dashboard, long version)
    {
        // Every company and period is a key of its own: a bound keeps a sweep through many of them from growing it without end.
        if (_kept.Count >= MaxKept) _kept.Clear();
        _kept[query] = (dashboard, clock.GetUtcNow() + Lifetime, version);
    }
}
