using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.MySecurity;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.Payments;

/// <summary>Makes one of the signed-in customer's bank accounts the default; any other id is "not found".</summary>
public sealed record MakeMyDefaultPaymentMethod(int PaymentMethodId) : IRequest<Unit>;

public sealed class MakeMyDefaultPaymentMethodHandler(
    IRepository<PortalUser> users,
    IRepository<PaymentMethod> methods,
    PaymentMethodNotices notices,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : IRequestHandler<MakeMyDefaultPaymentMethod, Unit>
{
    public async ValueTask<Unit> Handle(MakeMyDefaultPaymentMethod command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        var mine = new ContactPaymentMethods(me.ContactId, await methods.ListAsync(new ContactPaymentMethodsSpec(me.ContactId), cancellationToken));
        var method = mine.Find(command.PaymentMethodId) ?? throw new NotFoundException("Payment method");
        if (!mine.MakeDefault(method)) return Unit.Value;

        await notices.RecordAsync(me, SecurityEventKind.DefaultPaymentMethodChanged, AccountMailKind.DefaultPaymentMethodChanged, method.MaskedIban, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
