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
        if (!await StartAsync(jobId, cancellationToken)) return false;
        if (await PrepareBatchAsync(jobId, after: null, cancellationToken) is { } batch) return await CommitBatchAsync(batch, cancellationToken);
        await CompleteAsync(jobId, cancellationToken);
        return false;
    }

    /// <summary>Takes a queued job up, saved on its own before its first batch; false when the job is finished or gone.</summary>
    public async Task<bool> StartAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetByIdAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished) return false;
        if (job.Status != PortalAccessJobStatus.Queued) return true;
        job.Start(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Settles the job's next rows in memory: their contacts' moves are made and the events handed to their handlers (the
    /// invitation mails composed), so that only the writes are left for <see cref="CommitBatchAsync"/> in the same scope.
    /// With <paramref name="after"/>, the rows after that batch's, while it may still be committing in a scope of its own: its
    /// logins count as taken, and nothing here writes, so nothing waits for its transaction. Null when no row is left.
    /// </summary>
    public async Task<PreparedJobBatch?> PrepareBatchAsync(int jobId, PreparedJobBatch? after, CancellationToken cancellationToken)
    {
        // Not tracked: the totals are read where they are counted, in the commit, after any batch before has committed.
        if (await jobs.FirstOrDefaultAsync(new JobTermsSpec(jobId), cancellationToken) is not { } job
            || job.Status != PortalAccessJobStatus.Running)
            return null;
        var pending = await batchWork.ListAsync(
            new PendingJobItemsWithAccessSpec(jobId, BatchSize, job.Kind, after?.LastItemId ?? 0), cancellationToken);
        if (pending.Count == 0) return null;

        var batch = await invitations.ForBatchAsync(pending.Select(i => i.Contact).ToList(), job.StartedBy,
            after?.GrantedLogins, cancellationToken);
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
        await batchWork.HandOutEventsAsync(cancellationToken);
        return new PreparedJobBatch(jobId, pending[^1].Id, done, pending.Count - done, batch.Now, batch.GrantedLogins);
    }

    /// <summary>
    /// Writes a prepared batch with the job's new totals in one transaction; returns whether rows are left. A job
    /// cancelled since the batch was prepared gets nothing of it.
    /// </summary>
    public async Task<bool> CommitBatchAsync(PreparedJobBatch batch, CancellationToken cancellationToken)
    {
        var job = await jobs.GetByIdAsync(batch.JobId, cancellationToken);
        if (job is null || job.IsFinished) return false;
        job.RecordBatch(batch.Done, batch.Refused, batch.Now);
        await batchWork.SaveAsync(cancellationToken);
        return !job.IsFinished;
    }

    /// <summary>Ends a job none of whose rows is left pending (a job without rows, or one whose last batch was already counted).</summary>
    public async Task CompleteAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetByIdAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished) return;
        job.Complete(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// A batch settled in memory by <see cref="PortalAccessJobRunner.PrepareBatchAsync"/> and not yet written: its last row,
/// its totals, and the logins it grants, which the next batch must count as taken before this one commits.
/// </summary>
public sealed record PreparedJobBatch(
    int JobId,
    long LastItemId,
    int Done,
    int Refused,
    DateTimeOffset Now,
    IReadOnlyDictionary<string, LoginHolder> GrantedLogins);

/// <summary>What a batch needs of its job, read without tracking it.</summary>
public sealed record JobTerms(PortalAccessJobKind Kind, PortalAccessJobStatus Status, string? WelcomeMessage, string StartedBy);

public sealed class JobTermsSpec : Specification<PortalAccessJob, JobTerms>
{
    public JobTermsSpec(int jobId)
    {
        Query.Where(j => j.Id == jobId).AsNoTracking();
        Query.Select(j => new JobTerms(j.Kind, j.Status, j.WelcomeMessage, j.StartedBy));
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
/// The next rows of a job (after <paramref name="afterItemId"/>: a batch may be prepared while the one before commits) with
/// their contacts and only what <paramref name="kind"/> reads or changes of their access, in one query that picks the rows by
/// the job rather than by hundreds of contact ids. A grant or re-invite needs the portal
/// user and its invitations (to void the open ones); a revoke also voids the account's links and deletes its recovery
/// codes, which it can only do to what is loaded. History is only appended to, so it is never read.
/// </summary>
public sealed class PendingJobItemsWithAccessSpec : Specification<PortalAccessJobItem>
{
    public PendingJobItemsWithAccessSpec(int jobId, int take, PortalAccessJobKind kind, long afterItemId = 0)
    {
        Query.Where(i => i.JobId == jobId && i.Outcome == PortalAccessJobOutcome.Pending && i.Id > afterItemId).OrderBy(i => i.Id).Take(take)
            .Include(i => i.Contact).ThenInclude(c => c.PortalUser!).ThenInclude(u => u.Invitations);
        if (kind != PortalAccessJobKind.Revoke) return;
        Query.Include(i => i.Contact).ThenInclude(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .Include(i => i.Contact).ThenInclude(c => c.PortalUser!).ThenInclude(u => u.RecoveryCodes)
            .AsSplitQuery();
    }
}
