using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>Staff make a company's portal user its administrator, who then manages the colleagues' access, or end the role.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ChangeCompanyAdministrator(int ContactId, bool IsAdministrator) : IStaffRequest, IRequest<Unit>;

public sealed class ChangeCompanyAdministratorHandler(
    IRepository<Contact> contacts,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ChangeCompanyAdministrator, Unit>
{
    public async ValueTask<Unit> Handle(ChangeCompanyAdministrator command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        if (command.IsAdministrator) contact.MakeCompanyAdministrator(clock.GetUtcNow(), currentUser.ActorName);
        else contact.EndCompanyAdministrator(clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
