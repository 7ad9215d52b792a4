using Mediator;
using Portal.Application.Common;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>
/// Stops a queued or running job: its rows not yet settled are cancelled (nobody among them is granted or mailed), what its
/// committed batches did stays, and the activity list records who stopped it with the totals. A finished job is refused.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record CancelPortalAccessJob(int JobId) : IStaffRequest, IRequest<Unit>;

/// <summary>Settles a cancelled job's pending rows in one statement: a job may have tens of thousands of them.</summary>
public interface IPendingJobRows
{
    Task CancelAsync(int jobId, CancellationToken cancellationToken);
}

public sealed class CancelPortalAccessJobHandler(
    IRepository<PortalAccessJob> jobs,
    IPendingJobRows pendingRows,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CancelPortalAccessJob, Unit>
{
    public async ValueTask<Unit> Handle(CancelPortalAccessJob command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetByIdAsync(command.JobId, cancellationToken) ?? throw new NotFoundException("Job");
        job.Cancel(clock.GetUtcNow(), currentUser.UserId, currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        // After the commit: from here on the runner passes the job by, so no batch settles these rows meanwhile.
        await pendingRows.CancelAsync(job.Id, cancellationToken);
        return Unit.Value;
    }
}
