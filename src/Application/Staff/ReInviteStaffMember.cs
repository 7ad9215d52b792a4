using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>
/// Sends a colleague who has not joined yet a new link, in the language chosen when they were invited; older links stop working. Refused while the last link is less than
/// a minute old.
/// </summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record ReInviteStaffMember(int Id) : IStaffRequest, IRequest<Unit>;

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
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;
        // Re-invites sent at the same moment: one sends its mail, the others end as "an invitation was just sent".
        await unitOfWork.SaveDecidingAgainOnConflictAsync(async ct =>
        {
            var user = await staff.FirstOrDefaultAsync(new StaffMemberSpec(command.Id), ct)
                ?? throw new NotFoundException("Staff member");
            user.ReInvite(tokens.Create(), clock.GetUtcNow(), validity, currentUser.ActorName);
        }, cancellationToken);
        return Unit.Value;
    }
}
