using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Changes what a colleague may do, from their next request on. The last active administrator stays one.</summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record ChangeStaffRole(int Id, StaffRole Role) : IStaffRequest, IRequest<Unit>;

public sealed class ChangeStaffRoleValidator : AbstractValidator<ChangeStaffRole>
{
    public ChangeStaffRoleValidator() => RuleFor(c => c.Role).IsInEnum().WithMessage(DomainErrors.StaffRoleInvalid.Message);
}

public sealed class ChangeStaffRoleHandler(
    IRepository<InternalUser> staff,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ChangeStaffRole, Unit>
{
    public async ValueTask<Unit> Handle(ChangeStaffRole command, CancellationToken cancellationToken)
    {
        var (colleague, roster) = await staff.RosterAroundAsync(command.Id, cancellationToken);
        roster.ChangeRole(colleague, command.Role, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
