using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>
/// Ends every session of a colleague at once and blocks their sign-in. Nobody deactivates themselves or the last administrator.
/// </summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record DeactivateStaffMember(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class DeactivateStaffMemberHandler(
    IRepository<InternalUser> staff,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<DeactivateStaffMember, Unit>
{
    public async ValueTask<Unit> Handle(DeactivateStaffMember command, CancellationToken cancellationToken)
    {
        var (colleague, roster) = await staff.RosterAroundAsync(command.Id, cancellationToken);
        roster.Deactivate(colleague, byThemselves: currentUser.UserId == colleague.Id, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
