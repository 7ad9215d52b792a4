using Mediator;
using Portal.Application.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>Every security move of an account becomes a line in its owner's security activity, with the client's address.</summary>
public sealed class RecordSecurityActivity(IRecordWriter<SecurityEvent> securityLog, ICurrentUser currentUser, TimeProvider clock)
    : INotificationHandler<AccountSecurityEvent>
{
    public ValueTask Handle(AccountSecurityEvent notification, CancellationToken cancellationToken)
    {
        securityLog.Append(SecurityEvent.Record(notification.Account.Id, notification.Kind, clock.GetUtcNow(), currentUser.IpAddress));
        return ValueTask.CompletedTask;
    }
}
