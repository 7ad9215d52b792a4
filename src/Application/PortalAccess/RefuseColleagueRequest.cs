using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>Staff refuse a company administrator's request, with an optional reason the requester reads in the mail.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record RefuseColleagueRequest(int RequestId, string? Reason) : IStaffRequest, IRequest<Unit>;

public sealed class RefuseColleagueRequestValidator : AbstractValidator<RefuseColleagueRequest>
{
    public RefuseColleagueRequestValidator() =>
        RuleFor(c => c.Reason).MaximumLength(ColleagueRequest.ReasonMaxLength).WithMessage(ContactValidation.TooLong);
}

public sealed class RefuseColleagueRequestHandler(
    IRepository<ColleagueRequest> requests,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RefuseColleagueRequest, Unit>
{
    public async ValueTask<Unit> Handle(RefuseColleagueRequest command, CancellationToken cancellationToken)
    {
        var request = await requests.FirstOrDefaultAsync(new ColleagueRequestWithCompanySpec(command.RequestId), cancellationToken)
            ?? throw new NotFoundException("Request");
        request.Refuse(command.Reason, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
