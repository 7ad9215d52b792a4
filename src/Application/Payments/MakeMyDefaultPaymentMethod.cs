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
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : IRequestHandler<MakeMyDefaultPaymentMethod, Unit>
{
    public async ValueTask<Unit> Handle(MakeMyDefaultPaymentMethod command, CancellationToken cancellationToken)
    {
        var mine = await methods.MineAsync(users, currentUser, cancellationToken);
        var method = mine.Find(command.PaymentMethodId) ?? throw new NotFoundException("Payment method");
        if (mine.MakeDefault(method)) await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
