using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>
/// The signed-in colleague asks for the daily digest of invitations that need attention, or stops it. Any colleague may stop
/// it; asking is for roles that can re-invite (the domain refuses the others).
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ChooseMyDailyDigest(bool Receive) : IStaffRequest, IRequest<Unit>;

public sealed class ChooseMyDailyDigestHandler(IRepository<InternalUser> staff, ICurrentUser currentUser, IUnitOfWork unitOfWork)
    : IRequestHandler<ChooseMyDailyDigest, Unit>
{
    public async ValueTask<Unit> Handle(ChooseMyDailyDigest command, CancellationToken cancellationToken)
    {
        var me = await staff.FirstOrDefaultAsync(new StaffMemberSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Staff member");
        if (me.ChooseDailyDigest(command.Receive)) await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
