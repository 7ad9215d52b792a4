using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.Adoption;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Sends the daily digest to the colleagues who asked for it. Every instance runs this loop; only the holder of the
/// "daily-digest" lease looks whether the day's digest is due, and the day's run, stored with the mails, keeps it to once a day
/// across instances and restarts.
/// </summary>
public sealed class DailyDigestWorker(
    IServiceScopeFactory scopes,
    InstanceName instance,
    IOptions<DailyDigestOptions> options,
    ILogger<DailyDigestWorker> logger) : BackgroundService
{
    public const string LeaseName = "daily-digest";

    private readonly SemaphoreSlim _round = new(1, 1);

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
                logger.LogError(e, "Sending the daily digest failed; trying again on the next round.");
            }
            try { await Task.Delay(options.Value.Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Sends the day's digest if this instance holds the lease and it is due: returns to how many colleagues, or null when
    /// nothing was sent by this call (another instance holds the lease, it is not due, or the day's digest went out already).
    /// </summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<DistributedLeases>();
            if (!await leases.TryAcquireAsync(LeaseName, instance.Value, options.Value.Interval, cancellationToken)) return null;
            var sent = await scope.ServiceProvider.GetRequiredService<DailyDigests>().SendIfDueAsync(cancellationToken);
            if (sent is { } count) logger.LogInformation("Queued the daily digest for {Count} colleagues.", count);
            return sent;
        }
        finally
        {
            _round.Release();
        }
    }
}
