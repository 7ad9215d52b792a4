using Mediator;
using Portal.Application.Common;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Payments;

/// <summary>The signed-in customer's bank accounts, masked, the default first.</summary>
public sealed record ListMyPaymentMethods : IRequest<IReadOnlyList<PaymentMethodItem>>;

public sealed class ListMyPaymentMethodsHandler(
    IReadRepository<PortalUser> users,
    IReadRepository<PaymentMethod> methods,
    ICurrentUser currentUser)
    : IRequestHandler<ListMyPaymentMethods, IReadOnlyList<PaymentMethodItem>>
{
    public async ValueTask<IReadOnlyList<PaymentMethodItem>> Handle(ListMyPaymentMethods query, CancellationToken cancellationToken)
    {
        var contactId = await users.FirstOrDefaultAsync(new MyContactIdSpec(currentUser.UserId ?? 0), cancellationToken);
        if (contactId == 0) throw new NotFoundException("Portal user");
        return await methods.ListAsync(new PaymentMethodListSpec(contactId), cancellationToken);
    }
}
