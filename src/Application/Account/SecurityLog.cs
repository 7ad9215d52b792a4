using Portal.Application.Common;
using Portal.Domain.Security;

namespace Portal.Application.Account;

/// <summary>Adds a line to an account's security activity, in the same unit of work as the change it describes.</summary>
public sealed class SecurityLog(IRepository<SecurityEvent> events, ICurrentUser currentUser, TimeProvider clock)
{
    public Task RecordAsync(int userAccountId, SecurityEventKind kind, CancellationToken cancellationToken) =>
        events.AddAsync(SecurityEvent.Record(userAccountId, kind, clock.GetUtcNow(), currentUser.IpAddress), cancellationToken);
}
