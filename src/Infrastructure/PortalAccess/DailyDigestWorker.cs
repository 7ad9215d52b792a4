using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.Adoption;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Sends the daily digest to the colleagues who asked for it. Only the holder of the "daily-digest" lease looks whether the
/// day's digest is due, and the day's run, stored with the mails, keeps it to once a day across instances and restarts.
/// A round returns to how many colleagues it was sent, or null when nothing was sent by it (another instance holds the
/// lease, it is not due, or the day's digest went out already).
/// </summary>
public sealed class DailyDigestWorker(
    IServiceScopeFactory scopes,
    InstanceName instance,
    IOptions<DailyDigestOptions> options,
    ILogger<DailyDigestWorker> logger) : LeaseHeldWorker(scopes, instance, logger)
{
    public const string LeaseName = "daily-digest";

    protected override string Lease => LeaseName;
    protected override TimeSpan Interval => options.Value.Interval;
    protected override string WorkName => "Sending the daily digest";

    protected override async Task<int?> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<DailyDigests>().SendIfDueAsync(cancellationToken);
        if (sent is { } count) logger.LogInformation("Queued the daily digest for {Count} colleagues.", count);
        return sent;
    }
}
