using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess.Jobs;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Runs bulk access jobs. Every instance runs this loop; only the holder of the "portal-access-jobs" lease works, one
/// batch per scope and transaction, renewing the lease before each, so a job runs on one instance at a time and an
/// instance that dies mid-job leaves only committed batches behind for the next holder to continue from.
/// </summary>
public sealed class PortalAccessJobWorker(
    IServiceScopeFactory scopes,
    PortalAccessJobSignal signal,
    RunningAccessJob running,
    InstanceName instance,
    IOptions<PortalAccessJobOptions> options,
    ILogger<PortalAccessJobWorker> logger) : BackgroundService
{
    public const string LeaseName = "portal-access-jobs";

    private readonly SemaphoreSlim _batch = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunBatchAsync(stoppingToken) == true) { }
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                running.Ended();
                logger.LogError(e, "A portal access job batch failed; trying again on the next poll.");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Settles one batch of the oldest unfinished job if this instance holds the lease: true when it did, false when there
    /// is no job, null when another instance holds the lease.
    /// </summary>
    public async Task<bool?> RunBatchAsync(CancellationToken cancellationToken)
    {
        await _batch.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var leases = services.GetRequiredService<DistributedLeases>();
            if (!await leases.TryAcquireAsync(LeaseName, instance.Value, options.Value.Lease, cancellationToken))
            {
                running.Ended();
                return null;
            }
            var runner = services.GetRequiredService<PortalAccessJobRunner>();
            if (await runner.NextJobIdAsync(cancellationToken) is not { } jobId)
            {
                // Idle: another instance may start the next job at once rather than after the lease runs out.
                running.Ended();
                await leases.ReleaseAsync(LeaseName, instance.Value, cancellationToken);
                return false;
            }
            // Before the batch, whose commit wakes the mail dispatcher: it should find the job running already.
            running.Continues();
            services.GetRequiredService<PortalAccessJobMail>().TagQueuedMail(jobId);
            await runner.RunBatchAsync(jobId, cancellationToken);
            return true;
        }
        finally
        {
            _batch.Release();
        }
    }
}
