using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Lets a deactivated colleague sign in again with their password.</summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record ReactivateStaffMember(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class ReactivateStaffMemberHandler(
    IRepository<InternalUser> staff,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ReactivateStaffMember, Unit>
{
    public async ValueTask<Unit> Handle(ReactivateStaffMember command, CancellationToken cancellationToken)
    {
        var user = await staff.FirstOrDefaultAsync(new StaffMemberSpec(command.Id), cancellationToken)
            ?? throw new NotFoundException("Staff member");

        user.Reactivate(clock.GetUtcNow(), currentUser.ActorName);

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
