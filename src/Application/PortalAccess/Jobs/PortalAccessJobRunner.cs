using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.PortalAccess.Jobs;

namespace Portal.Application.PortalAccess.Jobs;

/// <summary>
/// Settles a job's rows a batch at a time. A batch is one unit of work: its access moves, their invitations, activity
/// entries and outbox mails, its rows' outcomes and the job's totals commit together or not at all, so a restart
/// repeats only a batch that never committed, and no contact is granted (or mailed) twice. The batch's rows and contacts
/// are read and written without change tracking (<see cref="IUntrackedUnitOfWork"/>); the job itself is tracked.
/// </summary>
public sealed class PortalAccessJobRunner(
    IRepository<PortalAccessJob> jobs,
    IUntrackedUnitOfWork batchWork,
    InvitationTermsSource invitations,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>The oldest job neither completed nor cancelled, or null.</summary>
    public Task<int?> NextJobIdAsync(CancellationToken cancellationToken) =>
        jobs.FirstOrDefaultAsync(new NextUnfinishedJobSpec(), cancellationToken);

    /// <summary>Settles the next batch of the job; returns whether rows are left.</summary>
    public async Task<bool> RunBatchAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetByIdAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished) return false;
        if (job.Status == PortalAccessJobStatus.Queued)
        {
            job.Start(clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        var pending = await batchWork.ListAsync(new PendingJobItemsWithAccessSpec(jobId, BatchSize, job.Kind), cancellationToken);
        if (pending.Count == 0)
        {
            job.Complete(clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return false;
        }

        var batch = await invitations.ForBatchAsync(pending.Select(i => i.Contact).ToList(), job.StartedBy, cancellationToken);
        var done = 0;
        foreach (var item in pending)
        {
            if (batch.Apply(job.Kind, item.ContactId, job.WelcomeMessage) is { } refusal)
            {
                item.MarkRefused(refusal);
            }
            else
            {
                item.MarkDone();
                done++;
            }
        }
        job.RecordBatch(done, pending.Count - done, batch.Now);
        await batchWork.SaveAsync(cancellationToken);
        return !job.IsFinished;
    }
}

public sealed class NextUnfinishedJobSpec : Specification<PortalAccessJob, int?>
{
    public NextUnfinishedJobSpec()
    {
        Query.Where(j => j.Status == PortalAccessJobStatus.Queued || j.Status == PortalAccessJobStatus.Running).OrderBy(j => j.Id).AsNoTracking();
        Query.Select(j => (int?)j.Id);
    }
}

/// <summary>
/// The next rows of a job with their contacts and only what <paramref name="kind"/> reads or changes of their access, in
/// one query that picks the rows by the job rather than by hundreds of contact ids. A grant or re-invite needs the portal
/// user and its invitations (to void the open ones); a revoke also voids the account's links and deletes its recovery
/// codes, which it can only do to what is loaded. History is only appended to, so it is never read.
/// </summary>
public sealed class PendingJobItemsWithAccessSpec : Specification<PortalAccessJobItem>
{
    public PendingJobItemsWithAccessSpec(int jobId, int take, PortalAccessJobKind kind)
    {
        Query.Where(i => i.JobId == jobId && i.Outcome == PortalAccessJobOutcome.Pending).OrderBy(i => i.Id).Take(take)
            .Include(i => i.Contact).ThenInclude(c => c.PortalUser!).ThenInclude(u => u.Invitations);
        if (kind != PortalAccessJobKind.Revoke) return;
        Query.Include(i => i.Contact).ThenInclude(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .Include(i => i.Contact).ThenInclude(c => c.PortalUser!).ThenInclude(u => u.RecoveryCodes)
            .AsSplitQuery();
    }
}
