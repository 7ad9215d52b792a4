using Ardalis.Specification;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// Reads what <see cref="ColleagueInvitationPolicy"/> decides on: the business's settings, the hourly limit, and the company's
/// seats and recent invitations, counted in the database so every instance sees the same numbers.
/// </summary>
public sealed class ColleagueInvitationLimits(
    IPortalSettings settings,
    IOptions<CompanyAccountsOptions> options,
    IReadRepository<PortalUser> users,
    IReadRepository<ColleagueRequest> requests,
    TimeProvider clock)
{
    public async Task<ColleagueInvitationPolicy> PolicyAsync(CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        return new ColleagueInvitationPolicy(current.ColleagueInvitations, current.MaxPortalUsersPerCompany, options.Value.InvitationsPerHour);
    }

    /// <summary>Refuses another invitation of the company's administrator, or answers the policy it passed.</summary>
    public async Task<ColleagueInvitationPolicy> EnsureAnotherInvitationAllowedAsync(int companyId, CancellationToken cancellationToken)
    {
        var policy = await PolicyAsync(cancellationToken);
        var since = clock.GetUtcNow() - ColleagueInvitationPolicy.RateWindow;
        var recent = await requests.CountAsync(new ColleagueRequestsSinceSpec(companyId, since), cancellationToken);
        var pending = await requests.CountAsync(new PendingColleagueRequestsSpec(companyId), cancellationToken);
        policy.EnsureAnotherInvitationAllowed(await SeatsTakenAsync(companyId, cancellationToken) + pending, recent);
        return policy;
    }

    /// <summary>The company's invited and active portal users.</summary>
    public async Task<int> SeatsTakenAsync(int companyId, CancellationToken cancellationToken) =>
        await users.CountAsync(new CompanySeatsSpec(companyId), cancellationToken);
}

public sealed class CompanySeatsSpec : Specification<PortalUser>
{
    public CompanySeatsSpec(int companyId) =>
        Query.Where(u => u.Contact.CompanyId == companyId
            && (u.State == PortalAccessState.Invited || u.State == PortalAccessState.Active));
}

public sealed class ColleagueRequestsSinceSpec : Specification<ColleagueRequest>
{
    public ColleagueRequestsSinceSpec(int companyId, DateTimeOffset since) =>
        Query.Where(r => r.CompanyId == companyId && r.RequestedAt > since);
}

public sealed class PendingColleagueRequestsSpec : Specification<ColleagueRequest>
{
    public PendingColleagueRequestsSpec(int companyId) =>
        Query.Where(r => r.CompanyId == companyId && r.Status == ColleagueRequestStatus.Pending);
}
