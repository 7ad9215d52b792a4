using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>Staff withdraw an e-mail change still waiting for the customer's confirmation; its links stop working.</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record CancelContactEmailChange(int ContactId) : IStaffRequest, IRequest<Unit>;

public sealed class CancelContactEmailChangeHandler(
    IRepository<Contact> contacts,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CancelContactEmailChange, Unit>
{
    public async ValueTask<Unit> Handle(CancelContactEmailChange command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactForEmailChangeSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        var user = contact.PortalUser ?? throw new DomainException(DomainErrors.NoEmailChangePending);
        user.CancelEmailChange(clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
