using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Sends invitation reminders when the business has switched them on. Only the holder of the "invitation-reminders" lease
/// does the work, and a round runs alone on its instance, so no invitation is reminded of twice. A round returns how many
/// reminders it sent.
/// </summary>
public sealed class InvitationReminderWorker(
    IServiceScopeFactory scopes,
    InstanceName instance,
    IOptions<InvitationReminderOptions> options,
    ILogger<InvitationReminderWorker> logger) : LeaseHeldWorker(scopes, instance, logger)
{
    public const string LeaseName = "invitation-reminders";

    protected override string Lease => LeaseName;
    protected override TimeSpan Interval => options.Value.Interval;
    protected override string WorkName => "Sending invitation reminders";

    protected override async Task<int?> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<InvitationReminders>().SendDueAsync(cancellationToken);
        if (sent > 0) logger.LogInformation("Queued {Count} invitation reminders.", sent);
        return sent;
    }
}
