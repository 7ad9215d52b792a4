using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.CompanyAccounts;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Staff approve a company administrator's request: the colleague's contact is created and invited by the same grant as an
/// invitation without approval (the company's cap is checked again), and the requester is told by mail.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ApproveColleagueRequest(int RequestId) : IStaffRequest, IRequest<Unit>;

public sealed class ApproveColleagueRequestHandler(
    IRepository<ColleagueRequest> requests,
    ColleagueInvitationLimits limits,
    InvitationTermsSource invitations,
    IUnitOfWork unitOfWork) : IRequestHandler<ApproveColleagueRequest, Unit>
{
    public async ValueTask<Unit> Handle(ApproveColleagueRequest command, CancellationToken cancellationToken)
    {
        var request = await requests.FirstOrDefaultAsync(new ColleagueRequestWithCompanySpec(command.RequestId), cancellationToken)
            ?? throw new NotFoundException("Request");
        (await limits.PolicyAsync(cancellationToken)).EnsureSeatFree(await limits.SeatsTakenAsync(request.CompanyId, cancellationToken));
        var grant = await invitations.ForNewColleagueAsync(request.Email, cancellationToken);
        request.Approve(grant);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed class ColleagueRequestWithCompanySpec : Specification<ColleagueRequest>, ISingleResultSpecification<ColleagueRequest>
{
    public ColleagueRequestWithCompanySpec(int requestId) =>
        Query.Where(r => r.Id == requestId).Include(r => r.Company);
}
