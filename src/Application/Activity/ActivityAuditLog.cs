using Mediator;
using Microsoft.Extensions.Logging;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Activity;

/// <summary>Writes staff and settings changes to the operations log too, so they are traceable outside the database.</summary>
public sealed class ActivityAuditLog(ILogger<ActivityAuditLog> logger)
    : INotificationHandler<StaffChanged>, INotificationHandler<SettingsChanged>
{
    public ValueTask Handle(StaffChanged notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Staff {Kind} for {Login} ({Detail}) by {Actor} at {OccurredAt:O}",
            notification.Kind, notification.Login, notification.Detail, notification.Actor, notification.OccurredAt);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(SettingsChanged notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Portal settings changed ({Detail}) by {Actor} at {OccurredAt:O}",
            notification.Detail, notification.Actor, notification.OccurredAt);
        return ValueTask.CompletedTask;
    }
}
