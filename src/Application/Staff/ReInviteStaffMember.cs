using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Sends a colleague who has not joined yet a new link; older links stop working.</summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record ReInviteStaffMember(int Id, string? Language = null) : IRequest<Unit>;

public sealed class ReInviteStaffMemberHandler(
    IRepository<InternalUser> staff,
    ITokenGenerator tokens,
    IPortalSettings settings,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ReInviteStaffMember, Unit>
{
    public async ValueTask<Unit> Handle(ReInviteStaffMember command, CancellationToken cancellationToken)
    {
        var user = await staff.FirstOrDefaultAsync(new StaffMemberSpec(command.Id), cancellationToken)
            ?? throw new NotFoundException("Staff member");
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;

        user.ReInvite(tokens.Create(), clock.GetUtcNow(), validity, currentUser.ActorName, command.Language);

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
