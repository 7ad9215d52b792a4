using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess.Jobs;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Runs bulk access jobs. Every instance runs this loop; only the holder of the "portal-access-jobs" lease works, one
/// batch per scope and transaction, renewing the lease before each commit, so a job runs on one instance at a time and an
/// instance that dies mid-job leaves only committed batches behind for the next holder to continue from. While a batch
/// commits, the next one is prepared in a scope of its own (read, moved, its mails composed), so the database's work on
/// one and the portal's on the other overlap; a batch is committed only after the one before it did.
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
                while (await RunJobAsync(stoppingToken) == true) { }
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
    /// Settles the oldest unfinished job if this instance holds the lease, each batch prepared while the one before commits:
    /// true when it worked on a job, false when there is none, null when another instance holds the lease.
    /// </summary>
    public async Task<bool?> RunJobAsync(CancellationToken cancellationToken)
    {
        await _batch.WaitAsync(cancellationToken);
        try
        {
            int jobId;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var (next, answer) = await NextJobAsync(scope.ServiceProvider, cancellationToken);
                if (next is null) return answer;
                jobId = next.Value;
                if (!await scope.ServiceProvider.GetRequiredService<PortalAccessJobRunner>().StartAsync(jobId, cancellationToken)) return true;
            }
            var current = await PrepareAsync(jobId, after: null, cancellationToken);
            if (current is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PortalAccessJobRunner>().CompleteAsync(jobId, cancellationToken);
                return true;
            }
            while (current is not null)
            {
                var after = current.Batch;
                var following = Task.Run(() => PrepareAsync(jobId, after, cancellationToken), cancellationToken);
                bool? rowsLeft;
                try
                {
                    rowsLeft = await CommitAsync(current, cancellationToken);
                }
                catch
                {
                    await DiscardAsync(following);
                    throw;
                }
                if (rowsLeft != true)
                {
                    await DiscardAsync(following);
                    if (rowsLeft is null) running.Ended();
                    return rowsLeft is null ? null : true;
                }
                current = await following;
            }
            // No row after the last batch, yet the job counts some left: the next round looks again from its first row.
            return true;
        }
        finally
        {
            _batch.Release();
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
            var (jobId, answer) = await NextJobAsync(services, cancellationToken);
            if (jobId is null) return answer;
            services.GetRequiredService<PortalAccessJobMail>().TagQueuedMail(jobId.Value);
            await services.GetRequiredService<PortalAccessJobRunner>().RunBatchAsync(jobId.Value, cancellationToken);
            return true;
        }
        finally
        {
            _batch.Release();
        }
    }

    /// <summary>
    /// Takes or renews the lease and finds the oldest unfinished job. Without one, the answer for the loop: false when there
    /// is no job (the lease is let go), null when another instance holds the lease.
    /// </summary>
    private async Task<(int? JobId, bool? Answer)> NextJobAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var leases = services.GetRequiredService<DistributedLeases>();
        if (!await leases.TryAcquireAsync(LeaseName, instance.Value, options.Value.Lease, cancellationToken))
        {
            running.Ended();
            return (null, null);
        }
        if (await services.GetRequiredService<PortalAccessJobRunner>().NextJobIdAsync(cancellationToken) is not { } jobId)
        {
            // Idle: another instance may start the next job at once rather than after the lease runs out.
            running.Ended();
            await leases.ReleaseAsync(LeaseName, instance.Value, cancellationToken);
            return (null, false);
        }
        // Before the batch, whose commit wakes the mail dispatcher: it should find the job running already.
        running.Continues();
        return (jobId, true);
    }

    /// <summary>The job's next batch settled in memory in a new scope, which it keeps until it is committed or discarded.</summary>
    private async Task<PreparedStage?> PrepareAsync(int jobId, PreparedJobBatch? after, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            services.GetRequiredService<PortalAccessJobMail>().TagQueuedMail(jobId);
            if (await services.GetRequiredService<PortalAccessJobRunner>().PrepareBatchAsync(jobId, after, cancellationToken) is { } batch)
                return new PreparedStage(scope, batch);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        await scope.DisposeAsync();
        return null;
    }

    /// <summary>Renews the lease and commits the batch: whether rows are left, or null when the lease went to another instance.</summary>
    private async Task<bool?> CommitAsync(PreparedStage stage, CancellationToken cancellationToken)
    {
        await using var scope = stage.Scope;
        var services = scope.ServiceProvider;
        if (!await services.GetRequiredService<DistributedLeases>().TryAcquireAsync(LeaseName, instance.Value, options.Value.Lease, cancellationToken))
            return null;
        return await services.GetRequiredService<PortalAccessJobRunner>().CommitBatchAsync(stage.Batch, cancellationToken);
    }

    /// <summary>Lets a batch prepared ahead go unwritten: the batch before it failed, or the job ended.</summary>
    private static async Task DiscardAsync(Task<PreparedStage?> preparing)
    {
        try
        {
            if (await preparing is { } stage) await stage.Scope.DisposeAsync();
        }
        catch (Exception)
        {
            // Its rows stay pending; what stopped the batch before it is what the loop reports.
        }
    }

    private sealed record PreparedStage(AsyncServiceScope Scope, PreparedJobBatch Batch);
}
