using Mediator;
using Portal.Application.Common;
using Portal.Domain.Payments;
using Portal.Domain.Users;

namespace Portal.Application.Payments;

/// <summary>For the back office: a contact's bank accounts, masked and read only, with the removed ones still kept as mandate evidence.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListContactPaymentMethods(int ContactId) : IStaffRequest, IRequest<IReadOnlyList<PaymentMethodItem>>;

public sealed class ListContactPaymentMethodsHandler(IReadRepository<PaymentMethod> methods)
    : IRequestHandler<ListContactPaymentMethods, IReadOnlyList<PaymentMethodItem>>
{
    public async ValueTask<IReadOnlyList<PaymentMethodItem>> Handle(ListContactPaymentMethods query, CancellationToken cancellationToken) =>
        await methods.ListAsync(new PaymentMethodListSpec(query.ContactId, includeRemoved: true), cancellationToken);
}
