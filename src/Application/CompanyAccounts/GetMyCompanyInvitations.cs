using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.CompanyAccounts;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// What the business lets a company administrator do on /my/company (invite, with or without approval; edit the details),
/// and their company's requests still waiting for staff.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record GetMyCompanyInvitations : ICompanyAdministratorRequest, IRequest<MyCompanyInvitations>
{
    /// <summary>A company with more waiting requests sees the oldest; staff decide them in the back office.</summary>
    public const int PendingShown = 50;
}

public sealed record MyCompanyInvitations(
    ColleagueInvitationMode Mode,
    bool CanEditDetails,
    IReadOnlyList<PendingColleagueRequest> Pending)
{
    public bool CanInvite => Mode != ColleagueInvitationMode.Off;
    public bool NeedsApproval => Mode == ColleagueInvitationMode.WithStaffApproval;
}

public sealed record PendingColleagueRequest(int Id, string Name, string Email, string RequesterName, DateTimeOffset RequestedAt);

public sealed class GetMyCompanyInvitationsHandler(
    CompanyAdministratorContext administrator,
    IPortalSettings settings,
    IReadRepository<ColleagueRequest> requests) : IRequestHandler<GetMyCompanyInvitations, MyCompanyInvitations>
{
    public async ValueTask<MyCompanyInvitations> Handle(GetMyCompanyInvitations query, CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        var pending = await requests.ListAsync(new MyPendingColleagueRequestsSpec(administrator.Current.CompanyId), cancellationToken);
        return new MyCompanyInvitations(current.ColleagueInvitations, current.CompanyAdministratorsEditDetails, pending);
    }
}

public sealed class MyPendingColleagueRequestsSpec : Specification<ColleagueRequest, PendingColleagueRequest>
{
    public MyPendingColleagueRequestsSpec(int companyId)
    {
        Query.Where(r => r.CompanyId == companyId && r.Status == ColleagueRequestStatus.Pending)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Take(GetMyCompanyInvitations.PendingShown).AsNoTracking();
        Query.Select(r => new PendingColleagueRequest(r.Id, r.Name, r.Email, r.RequesterName, r.RequestedAt));
    }
}
