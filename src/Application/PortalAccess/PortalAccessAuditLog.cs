using Mediator;
using Microsoft.Extensions.Logging;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Writes every access change to the operations log, so who granted or revoked what is traceable outside the database too.
/// </summary>
public sealed class PortalAccessAuditLog(ILogger<PortalAccessAuditLog> logger) : INotificationHandler<PortalAccessChanged>
{
    public ValueTask Handle(PortalAccessChanged notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Portal access {Kind} for contact {ContactId} ({Login}) by {Actor} at {OccurredAt:O}",
            notification.Kind, notification.ContactId, notification.Login, notification.Actor, notification.OccurredAt);
        return ValueTask.CompletedTask;
    }
}
