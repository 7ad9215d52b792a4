using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>Ends a contact's access: open links void, password cleared, every session ends. Nothing is deleted.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record RevokePortalAccess(int ContactId) : IStaffRequest, IRequest<Unit>;

public sealed class RevokePortalAccessHandler(
    IRepository<Contact> contacts,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RevokePortalAccess, Unit>
{
    public async ValueTask<Unit> Handle(RevokePortalAccess command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        contact.RevokePortalAccess(clock.GetUtcNow(), currentUser.Actor);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
