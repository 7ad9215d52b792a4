using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>A job's progress as its page and the page's polling script show it.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record GetPortalAccessJob(int JobId) : IStaffRequest, IRequest<PortalAccessJobProgress>;

public sealed record PortalAccessJobSummary(
    int Id,
    PortalAccessJobKind Kind,
    PortalAccessJobStatus Status,
    string Selection,
    string StartedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Total,
    int Done,
    int Refused);

/// <summary>How many of the job's invitation mails the outbox has delivered, still holds, or gave up on.</summary>
public sealed record JobMailCounts(int Sent, int Pending, int Failed);

public sealed record PortalAccessJobProgress(PortalAccessJobSummary Job, JobMailCounts Mails, DateTimeOffset Now)
{
    public int Remaining => Job.Total - Job.Done - Job.Refused;

    /// <summary>Rows settled per second since the first batch; null before it.</summary>
    public double? RatePerSecond
    {
        get
        {
            if (Job.StartedAt is not { } started) return null;
            var seconds = ((Job.FinishedAt ?? Now) - started).TotalSeconds;
            return seconds <= 0 ? null : (Job.Done + Job.Refused) / seconds;
        }
    }

    public TimeSpan? TimeLeft => Remaining == 0 ? TimeSpan.Zero
        : RatePerSecond is { } rate and > 0 ? TimeSpan.FromSeconds(Math.Ceiling(Remaining / rate)) : null;
}

/// <summary>Counts a job's mails in the outbox through the index on the mail's job.</summary>
public interface IPortalAccessJobMail
{
    Task<JobMailCounts> CountAsync(int jobId, CancellationToken cancellationToken);
}

public sealed class GetPortalAccessJobHandler(IReadRepository<PortalAccessJob> jobs, IPortalAccessJobMail mails, TimeProvider clock)
    : IRequestHandler<GetPortalAccessJob, PortalAccessJobProgress>
{
    public async ValueTask<PortalAccessJobProgress> Handle(GetPortalAccessJob query, CancellationToken cancellationToken)
    {
        var job = await jobs.FirstOrDefaultAsync(new PortalAccessJobSummarySpec(query.JobId), cancellationToken)
            ?? throw new NotFoundException("Job");
        var counts = job.Kind == PortalAccessJobKind.Revoke ? new JobMailCounts(0, 0, 0) : await mails.CountAsync(job.Id, cancellationToken);
        return new PortalAccessJobProgress(job, counts, clock.GetUtcNow());
    }
}

public sealed class PortalAccessJobSummarySpec : Specification<PortalAccessJob, PortalAccessJobSummary>
{
    public PortalAccessJobSummarySpec(int? jobId = null, int? take = null)
    {
        if (jobId is { } id) Query.Where(j => j.Id == id);
        if (take is { } count) Query.OrderByDescending(j => j.Id).Take(count);
        Query.AsNoTracking();
        Query.Select(j => new PortalAccessJobSummary(j.Id, j.Kind, j.Status, j.Selection, j.StartedBy, j.CreatedAt, j.StartedAt,
            j.FinishedAt, j.Total, j.Done, j.Refused));
    }
}
