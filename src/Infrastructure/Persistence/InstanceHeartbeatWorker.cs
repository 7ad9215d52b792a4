using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Starts this instance before any other background work: what is still held under its name (outbox claims, leases) belonged
/// to a process of this name that has ended, so it is released now rather than when its lease runs out. Then it says it is
/// alive every interval, so that two live instances under one name show (<see cref="LiveNamesakesAsync"/>), and says goodbye
/// when it stops.
/// </summary>
public sealed class InstanceHeartbeatWorker(
    IServiceScopeFactory scopes,
    InstanceName instance,
    IOptions<InstanceHeartbeatOptions> options,
    TimeProvider clock,
    ILogger<InstanceHeartbeatWorker> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var claims = await OutboxClaim.Queue.ReleaseAllOfAsync(db, instance, cancellationToken);
            var leases = await scope.ServiceProvider.GetRequiredService<DistributedLeases>().ReleaseAllAsync(instance.Value, cancellationToken);
            if (claims + leases > 0)
                logger.LogInformation("Instance {Instance} released {Claims} mail claim(s) and {Leases} lease(s) of its previous run.",
                    instance.Value, claims, leases);
            var now = clock.GetUtcNow();
            db.InstanceHeartbeats.Add(new InstanceHeartbeat
            {
                ProcessId = instance.ProcessId, Name = instance.Value, StartedAt = now, LastSeenAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A one-shot wait per beat rather than a periodic timer: when the clock jumps ahead (a host resumed from suspend),
            // the instance beats once, not once for every interval it missed.
            while (true)
            {
                await Task.Delay(options.Value.HeartbeatInterval, clock, stoppingToken);
                try
                {
                    await BeatAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The heartbeat of instance {Instance} failed; trying again on the next beat.", instance.Value);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().InstanceHeartbeats
                .Where(h => h.ProcessId == instance.ProcessId).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The heartbeat then simply grows old, as a crashed instance's does.
            logger.LogWarning(e, "Instance {Instance} could not remove its heartbeat.", instance.Value);
        }
    }

    /// <summary>Says this instance is alive (again, if its heartbeat was removed meanwhile) and removes long-dead ones.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var updated = await db.InstanceHeartbeats.Where(h => h.ProcessId == instance.ProcessId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSeenAt, now), cancellationToken);
        if (updated == 0)
        {
            db.InstanceHeartbeats.Add(new InstanceHeartbeat
            {
                ProcessId = instance.ProcessId, Name = instance.Value, StartedAt = now, LastSeenAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        var stale = now - options.Value.KeepStaleHeartbeats;
        await db.InstanceHeartbeats.Where(h => h.LastSeenAt < stale).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Other processes that said they are alive under this instance's name within the alive window.</summary>
    public static Task<int> LiveNamesakesAsync(
        PortalDbContext db, InstanceName instance, DateTimeOffset now, InstanceHeartbeatOptions options, CancellationToken cancellationToken)
    {
        var since = now - options.AliveWindow;
        return db.InstanceHeartbeats.AsNoTracking()
            .CountAsync(h => h.Name == instance.Value && h.ProcessId != instance.ProcessId && h.LastSeenAt >= since, cancellationToken);
    }
}
