using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Persistence;

/// <summary>Acquires and renews named leases in the database; see <see cref="Lease"/>.</summary>
public sealed class DistributedLeases(PortalDbContext db, TimeProvider clock)
{
    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> until now + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        // One statement either renews our own lease or takes over an expired one; a live lease of another holder is left alone.
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken)) return false;

        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created the lease at the same moment; it holds it now.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Lets go of every lease held under <paramref name="holder"/>, e.g. those of a process of this name that ended.</summary>
    public Task<int> ReleaseAllAsync(string holder, CancellationToken cancellationToken) =>
        db.Leases.Where(l => l.Holder == holder && l.ExpiresAt > DateTimeOffset.MinValue.AddYears(1))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTimeOffset.MinValue.AddYears(1)), cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        db.Leases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTimeOffset.MinValue.AddYears(1)), cancellationToken);
}
