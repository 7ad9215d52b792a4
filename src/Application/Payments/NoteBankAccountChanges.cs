using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Payments;

/// <summary>
/// A change to a customer's bank accounts is noted on their account, looked up once; its security activity line and
/// notice mail then follow from the account's event like those of every other security move.
/// </summary>
public sealed class NoteBankAccountChanges(IRepository<PortalUser> users) : INotificationHandler<PaymentMethodChanged>
{
    public async ValueTask Handle(PaymentMethodChanged notification, CancellationToken cancellationToken)
    {
        var owner = await users.FirstOrDefaultAsync(new PortalUserOfContactSpec(notification.ContactId), cancellationToken)
            ?? throw new NotFoundException("Portal user");
        owner.NoteBankAccountChange(notification);
    }
}

/// <summary>The portal user of a contact, with the contact, tracked.</summary>
public sealed class PortalUserOfContactSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public PortalUserOfContactSpec(int contactId) => Query.Where(u => u.ContactId == contactId).Include(u => u.Contact);
}
