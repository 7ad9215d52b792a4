using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Every back-office user with role, status and when they were invited, joined and last signed in.</summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record ListStaff : IStaffRequest, IRequest<IReadOnlyList<StaffMemberRow>>;

public sealed record StaffMemberRow(
    int Id,
    string DisplayName,
    string Login,
    StaffRole Role,
    StaffStatus Status,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? LastSignInAt)
{
    public bool CanReInvite => Status == StaffStatus.Invited;
    public bool CanDeactivate => Status != StaffStatus.Deactivated;
    public bool CanReactivate => Status == StaffStatus.Deactivated;
}

public sealed class ListStaffHandler(IReadRepository<InternalUser> staff) : IRequestHandler<ListStaff, IReadOnlyList<StaffMemberRow>>
{
    public async ValueTask<IReadOnlyList<StaffMemberRow>> Handle(ListStaff query, CancellationToken cancellationToken) =>
        await staff.ListAsync(new StaffListSpec(), cancellationToken);
}
