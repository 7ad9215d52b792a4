using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.MySecurity;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.Payments;

/// <summary>
/// Removes one of the signed-in customer's bank accounts; when it was the default, the newest remaining one takes
/// over. The mandate stays on record, hidden from the customer, until housekeeping deletes it. Any other id is "not found".
/// Returns the masked IBAN of the removed account.
/// </summary>
public sealed record RemoveMyPaymentMethod(int PaymentMethodId) : IRequest<string>;

public sealed class RemoveMyPaymentMethodHandler(
    IRepository<PortalUser> users,
    IRepository<PaymentMethod> methods,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RemoveMyPaymentMethod, string>
{
    public async ValueTask<string> Handle(RemoveMyPaymentMethod command, CancellationToken cancellationToken)
    {
        var mine = await methods.MineAsync(users, currentUser, cancellationToken);
        var method = mine.Find(command.PaymentMethodId) ?? throw new NotFoundException("Payment method");
        mine.Remove(method, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return method.MaskedIban;
    }
}
