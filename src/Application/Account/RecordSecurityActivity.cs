using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>Every security move of an account becomes a line in its owner's security activity, with the client's address.</summary>
public sealed class RecordSecurityActivity(
    IRecordWriter<SecurityEvent> securityLog,
    IReadRepository<PortalUser> users,
    ICurrentUser currentUser,
    TimeProvider clock) : INotificationHandler<AccountSecurityEvent>, INotificationHandler<PaymentMethodChanged>
{
    public ValueTask Handle(AccountSecurityEvent notification, CancellationToken cancellationToken)
    {
        Record(notification.Account.Id, notification.Kind);
        return ValueTask.CompletedTask;
    }

    public async ValueTask Handle(PaymentMethodChanged notification, CancellationToken cancellationToken)
    {
        var owner = await users.OwnerOfContactAsync(notification.ContactId, cancellationToken);
        Record(owner.Id, notification.Kind);
    }

    private void Record(int userAccountId, SecurityEventKind kind) =>
        securityLog.Append(SecurityEvent.Record(userAccountId, kind, clock.GetUtcNow(), currentUser.IpAddress));
}

/// <summary>The portal user of a contact, with the contact, for the records a change to the contact's data leaves.</summary>
public sealed class PortalUserOfContactSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public PortalUserOfContactSpec(int contactId) => Query.Where(u => u.ContactId == contactId).Include(u => u.Contact);
}

internal static class PortalUserOfContact
{
    public static async Task<PortalUser> OwnerOfContactAsync(
        this IReadRepository<PortalUser> users,
        int contactId,
        CancellationToken cancellationToken) =>
        await users.FirstOrDefaultAsync(new PortalUserOfContactSpec(contactId), cancellationToken)
            ?? throw new NotFoundException("Portal user");
}
