using Mediator;
using Portal.Application.Common;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>The most recent jobs, newest first.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ListPortalAccessJobs : IStaffRequest, IRequest<IReadOnlyList<PortalAccessJobSummary>>
{
    public const int Recent = 50;
}

public sealed class ListPortalAccessJobsHandler(IReadRepository<PortalAccessJob> jobs)
    : IRequestHandler<ListPortalAccessJobs, IReadOnlyList<PortalAccessJobSummary>>
{
    public async ValueTask<IReadOnlyList<PortalAccessJobSummary>> Handle(ListPortalAccessJobs query, CancellationToken cancellationToken) =>
        await jobs.ListAsync(new PortalAccessJobSummarySpec(take: ListPortalAccessJobs.Recent), cancellationToken);
}
