using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Background work that must run on one instance at a time. Every instance runs the loop; a round does the work only while
/// its instance holds the named lease (taken for one interval, so a stopped holder hands over by itself), and rounds never
/// overlap on one instance, so a round that a test or an admin starts can't race the loop.
/// </summary>
public abstract class LeaseHeldWorker(IServiceScopeFactory scopes, InstanceName instance, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>The lease's name, one per kind of work.</summary>
    protected abstract string Lease { get; }

    /// <summary>How long the loop waits between rounds, and how long a round's lease lasts.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The work's name in the log, e.g. "Maintenance".</summary>
    protected abstract string WorkName { get; }

    /// <summary>The round's work, run while this instance holds the lease; returns what the caller should know of it.</summary>
    protected abstract Task<int?> WorkAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Work} failed; trying again on the next round.", WorkName);
            }
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs one round: the work's result, or null when another instance holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<DistributedLeases>();
            if (!await leases.TryAcquireAsync(Lease, instance.Value, Interval, cancellationToken)) return null;
            return await WorkAsync(scope.ServiceProvider, cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }
}
