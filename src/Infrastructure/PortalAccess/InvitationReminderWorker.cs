using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Sends invitation reminders when the business has switched them on. Every instance runs this loop; only the
/// holder of the "invitation-reminders" lease does the work, and a round runs alone on its instance, so no
/// invitation is reminded of twice.
/// </summary>
public sealed class InvitationReminderWorker(
    IServiceScopeFactory scopes,
    InstanceName instance,
    IOptions<InvitationReminderOptions> options,
    ILogger<InvitationReminderWorker> logger) : BackgroundService
{
    public const string LeaseName = "invitation-reminders";

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
                logger.LogError(e, "Sending invitation reminders failed; trying again on the next round.");
            }
            try { await Task.Delay(options.Value.Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Sends the due reminders if this instance holds the lease; returns how many, or null when another instance holds it.
    /// </summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<DistributedLeases>();
            if (!await leases.TryAcquireAsync(LeaseName, instance.Value, options.Value.Interval, cancellationToken)) return null;
            var sent = await scope.ServiceProvider.GetRequiredService<InvitationReminders>().SendDueAsync(cancellationToken);
            if (sent > 0) logger.LogInformation("Queued {Count} invitation reminders.", sent);
            return sent;
        }
        finally
        {
            _round.Release();
        }
    }
}
